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
import { isHeaderInfo, reasonFor } from "./header-lines.ts";
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
  /** Body lines of the title block and header printed again where the table continues on a new page. */
  repeated: Set<number>;
  /** How many money columns the 栏次 line numbers (`** ** 1 2 3 4 5`), when one is printed. */
  numbered: number | null;
}

/** Every character a 栏次 line may print: its label, its numbers, white space. */
const COLUMN_NUMBER_CHARS = /^[\s\d*栏行次]*$/;

/**
 * The number of columns a 栏次 line numbers (`栏次 1 2 3`, `** ** 1 2 3 4 5 6 7`:
 * the label cells starred or named, then 1…k), or null for any other line.
 */
export function columnNumbers(text: string): number | null {
  if (!COLUMN_NUMBER_CHARS.test(text)) return null; // a line of anything else (most: labels, amounts) is out at once
  const toks = text
    .trim()
    .split(/[\s\u3000]+/)
    .filter(Boolean);
  let k = 0;
  while (k < toks.length && /^(\*+|栏次|行次|栏|次)$/.test(toks[k])) k++;
  const nums = toks.slice(k);
  if (nums.length < 2 || !nums.every((t, i) => t === String(i + 1))) return null;
  return nums.length;
}

/** A 合计 / 总计 row: the total label first (a colon may close it: `总计：`), nothing but numbers after it. */
export function isTotalRow(text: string): boolean {
  if (!text.includes("计")) return false; // the label is 合计 or 总计
  const cs = cells(text).cells.filter(Boolean);
  if (cs.length === 0) return false;
  // plain text may split the label itself: `合 计 1.00`
  let k = 0;
  let label = "";
  while (k < cs.length && parseNumber(cs[k]) === null) label += cs[k++];
  return /^(合计|总计)[:：]?$/.test(foldHeader(label)) && cs.slice(k).every((c) => parseNumber(c) !== null);
}

function isDataLine(text: string, exact: boolean): boolean {
  if (isTotalRow(text)) return true;
  if (columnNumbers(text) !== null) return false;
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
  const numbered = header.map(([, t]) => columnNumbers(t)).find((k) => k !== null) ?? null;
  const body = lines.slice(i);
  return { exact, header, above, body, repeated: repeatedHeaders(ctx, [...above, ...header], body), numbered };
}

/**
 * Body lines that print the title block again (a table continued on a new
 * page): from a line with the table's number or its title, the lines that
 * repeat the section's own title and header lines word for word; and a
 * 栏次 line anywhere.
 */
function repeatedHeaders(ctx: TableContext, top: Array<[number, string]>, body: Array<[number, string]>): Set<number> {
  const fold = (t: string) => t.replace(/[\s\u3000]+/g, "");
  const printed = new Set(top.map(([, t]) => fold(t)).filter(Boolean));
  const title = fold(ctx.doc.lines[ctx.section.title_line - 1] ?? "");
  const out = new Set<number>();
  let open = false;
  for (const [n, t] of body) {
    const folded = fold(t);
    if (folded !== "" && (matchTableId(t) || folded === title)) open = true;
    else if (folded !== "" && !printed.has(folded) && !isPageMarker(t)) open = false;
    if (open || columnNumbers(t) !== null) out.add(n);
  }
  return out;
}

/** Residue reason of a line of a title block printed again (never a wrapped label's fragment). */
export function repeatedReason(text: string): string {
  const reason = reasonFor(text, true);
  return reason === "header" ? "header repeated on a new page" : reason;
}

/**
 * The header and body line numbers a PDF's grid is read from: a 栏次 line
 * among the header lines goes before the body (its cells number the
 * columns; they are no header words).
 */
export function gridLines(parts: SectionParts): { header: number[]; body: number[] } {
  const numbering = parts.header.filter(([, t]) => columnNumbers(t) !== null).map(([n]) => n);
  return { header: parts.header.filter(([, t]) => columnNumbers(t) === null).map(([n]) => n), body: [...numbering, ...parts.body.map(([n]) => n)] };
}
