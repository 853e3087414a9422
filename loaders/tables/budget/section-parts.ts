/**
 * A budget table section split into its parts: the lines above the header
 * (title, number, 部门 / 单位 line), the column header lines, and the body
 * from the first data line on.
 */
import type { TableContext } from "../../schema/types.ts";
import { cells } from "../../ingest/layout.ts";
import { parseNumber } from "../../ingest/numbers.ts";
import { sectionLines } from "../item.ts";
import { foldHeader } from "./columns.ts";
import { isHeaderInfo } from "./header-lines.ts";
import { MONEY_SHAPE } from "./raw-rows.ts";
import { matchTableId, matchTitle } from "../../segment/catalogue.ts";
import { isPageMarker } from "../../document/line-kinds.ts";

export interface SectionParts {
  /** Cells delimited exactly (tab-separated). */
  exact: boolean;
  /** [line, text] of the column header lines. */
  header: Array<[number, string]>;
  /** [line, text] of the lines above the header (title, number, 部门, 单位). */
  above: Array<[number, string]>;
  /** [line, text] from the first data line to the end. */
  body: Array<[number, string]>;
}

/** A 合计 / 总计 row: the total label first, nothing but numbers after it. */
export function isTotalRow(text: string): boolean {
  const cs = cells(text).cells.filter(Boolean);
  if (cs.length === 0) return false;
  // plain text may split the label itself: `合 计 1.00`
  let k = 0;
  let label = "";
  while (k < cs.length && parseNumber(cs[k]) === null) label += cs[k++];
  return /^(合计|总计)$/.test(foldHeader(label)) && cs.slice(k).every((c) => parseNumber(c) !== null);
}

function isDataLine(text: string, exact: boolean): boolean {
  if (isTotalRow(text)) return true;
  const cs = cells(text).cells.filter(Boolean);
  if (exact) return cs.some((c) => MONEY_SHAPE.test(c));
  // plain text: a trailing number (money or a bare count like `7`) after a label or code
  if (isPageMarker(text)) return false;
  return cs.some((c) => MONEY_SHAPE.test(c)) || (cs.length > 0 && parseNumber(cs[cs.length - 1]) !== null && !/^\d{4}年/.test(cs[0]));
}

export function splitSection(ctx: TableContext): SectionParts {
  const lines = sectionLines(ctx);
  const exact = ctx.doc.layout === "tsv" && lines.some(([, t]) => t.includes("\t"));
  const above: Array<[number, string]> = [];
  const header: Array<[number, string]> = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const [n, t] = lines[i];
    // the title and the number printed with it (`表 8`: a bare number, not a data line) are above the header
    if (t.trim() !== "" && (n <= ctx.section.title_line || matchTableId(t))) {
      above.push([n, t]);
      continue;
    }
    if (isDataLine(t, exact)) break;
    if (t.trim() === "") continue;
    if (n <= ctx.section.title_line || isHeaderInfo(t) || isPageMarker(t) || matchTableId(t) || matchTitle(t)) above.push([n, t]);
    else header.push([n, t]);
  }
  return { exact, header, above, body: lines.slice(i) };
}
