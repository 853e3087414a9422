/**
 * Segmentation, done once per document: which lines are standard tables,
 * which are 绩效 tables, which are prose, and where the table-like blocks
 * are. Later stages receive this structure as an argument.
 */
import type { AmountUnit, SourceDocument, TableSection } from "../schema/types.ts";
import { findBlocks, performanceArea, type Block } from "./performance.ts";
import { cleanLines, proseLines, tableLineMask, type ProseLine } from "./prose.ts";
import { findTables } from "./tables.ts";
import { readTableLike, type AmountCell, type TableLikeBlock } from "./table-like.ts";

export interface Segmentation {
  /** Standard table sections, in document order. */
  sections: TableSection[];
  /** 绩效 table blocks (outside the standard tables). */
  performance: Block[];
  /** The prose: headings, text lines and breaks, outside every table. */
  prose: ProseLine[];
  /** Runs of lines printing several amounts, read or not. */
  tableLike: TableLikeBlock[];
  /** The amount cells (table-like.ts amountCells) of each line read for cells while finding them, by 1-based line. */
  tableLikeCells: ReadonlyMap<number, AmountCell[]>;
}

/**
 * Segment a document whose money unit (for sections that state none) and
 * kind (for table titles that do not say 预算 or 决算) were read beforehand.
 */
export function segmentDocument(doc: SourceDocument, unit: AmountUnit, kind: "budget" | "final" | null = null): Segmentation {
  const sections = findTables(doc.lines, unit, kind);
  const tableLike = readTableLike(doc.lines);
  const inTable = tableLineMask(doc.lines.length, sections); // read by the 绩效 blocks, the 绩效 area and the prose
  const cleaned = cleanLines(doc.lines, inTable); // read by the 绩效 area and the prose alike
  return {
    sections,
    performance: findBlocks(doc.lines, sections, inTable),
    prose: proseLines(doc, inTable, cleaned, performanceArea(inTable, cleaned)),
    tableLike: tableLike.blocks,
    tableLikeCells: tableLike.cells,
  };
}

/** Table-like blocks that neither a standard table section nor a 绩效 block covers. */
export function unreadBlocks(seg: Segmentation): TableLikeBlock[] {
  const covers = (from: number, to: number, b: TableLikeBlock) => from <= b.end_line && to >= b.start_line;
  return seg.tableLike.filter((b) => !seg.sections.some((s) => covers(s.start_line, s.end_line, b)) && !seg.performance.some((p) => covers(p.start, p.end, b)));
}
