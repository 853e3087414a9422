/**
 * Sorting the lines of a table section before any parsing: the header block
 * (everything before the first data line), header lines repeated after a
 * page break, page markers, notes (and whether a note says "no data").
 * What is left are the body lines a table parser reads.
 */
import type { ResidueRow, TableContext } from "../../schema/types.ts";
import { makeResidue, sectionLines } from "../item.ts";
import { isNoteStart } from "../rows.ts";
import { removeSpaces } from "../../base/fold.ts";
import { isNoDataNote, isPageMarker } from "../../document/line-kinds.ts";

export interface SortedLines {
  body: Array<[number, string]>;
  residue: ResidueRow[];
  /** The first 注 line saying the table has no data, if any. */
  noDataNote: string | null;
  /** The header block's lines (before the first data line), squashed. */
  header: string[];
  /** The header block's lines as printed. */
  headerRaw: string[];
}

function isUnitHeader(text: string): boolean {
  return /单位[:：]\s*(万元|元|亿元)/.test(text) || /^(单位名称|部门（单位）|编制单位)[:：]/.test(text.trim());
}

export function sortLines(ctx: TableContext, isData: (text: string) => boolean): SortedLines {
  const lines = sectionLines(ctx);
  const residue: ResidueRow[] = [];
  const body: Array<[number, string]> = [];
  const header: string[] = [];
  const headerRaw: string[] = [];
  const headerSet = new Set<string>();
  let noDataNote: string | null = null;
  let seenData = false;
  let inNote = false;
  const nonBlank = lines.filter(([, t]) => t.trim() !== "");
  for (let i = 0; i < nonBlank.length; i++) {
    const [n, text] = nonBlank[i];
    if (isPageMarker(text)) {
      residue.push(makeResidue(ctx, n, "page marker"));
      continue;
    }
    if (isNoteStart(text)) inNote = true;
    if (inNote) {
      const noData = isNoDataNote(text);
      if (noData && noDataNote === null) noDataNote = text.trim();
      residue.push(makeResidue(ctx, n, noData ? "no-data note" : "note"));
      continue;
    }
    if (!seenData && !isData(text)) {
      header.push(removeSpaces(text));
      headerRaw.push(text);
      headerSet.add(removeSpaces(text));
      residue.push(makeResidue(ctx, n, n === ctx.section.title_line ? "title" : "header"));
      continue;
    }
    seenData = true;
    // a repeated header line: long enough to be unmistakable, or next to another repeated one
    const inHeader = (k: number) => k >= 0 && k < nonBlank.length && headerSet.has(removeSpaces(nonBlank[k][1]));
    const repeated = inHeader(i) && (removeSpaces(text).length >= 4 || inHeader(i - 1) || inHeader(i + 1));
    if (repeated || isUnitHeader(text)) {
      residue.push(makeResidue(ctx, n, "page header repeated"));
      continue;
    }
    body.push([n, text]);
  }
  // a no-data note may also stand without 注 (e.g. a line 本表无数据)
  if (noDataNote === null) {
    for (const r of residue) if (isNoDataNote(r.source_text)) {
      noDataNote = r.source_text.trim();
      r.reason = "no-data note";
      break;
    }
  }
  return { body, residue, noDataNote, header, headerRaw };
}
