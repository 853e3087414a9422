/**
 * One table line → code, label and the numbers printed on it. Tab-separated
 * lines are read by cell (roles from the header); plain-text lines by token:
 * a leading code (`201 13 01`, `2010506统计管理`, `301 01基本工资`), the label,
 * then the trailing run of numbers.
 */
import { cells } from "../../ingest/layout.ts";
import { cellTokens, parseNumber } from "../../ingest/numbers.ts";
import { joinSplitCode } from "../codes.ts";
import type { CellRole } from "./tsv-header.ts";

export interface PrintedNumber {
  value: number;
  text: string;
  /** Cell index in a tab-separated line; null in plain text. */
  cell: number | null;
}

export interface RawRow {
  line: number;
  code: string | null;
  /** How the code was read when not printed whole (e.g. "code:split 类/款/项"). */
  codeNote: string | null;
  /** A unit code printed on the row (单位代码 column). */
  unitCode: string | null;
  label: string;
  nums: PrintedNumber[];
  /** Money-shaped cells standing in no known money column (tab-separated only). */
  stray: string[];
}

/** A money amount as printed (decimals or thousands separators), as opposed to a code or a count. */
export const MONEY_SHAPE = /^[-−]?(?:\d+\.\d{1,2}|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?)$/;

const CODE_SHAPE = /^\d{3}(?:\d{2}){0,2}$/;

/** Read a tab-separated data line with the header's cell roles and money columns. */
export function readTsvRow(line: number, text: string, roles: Map<number, CellRole>, moneyCells: Set<number>): RawRow {
  const cs = cells(text).cells;
  const at = (role: CellRole) => {
    for (const [i, r] of roles) if (r === role) return cs[i] ?? "";
    return "";
  };
  const lei = at("lei");
  const unitCell = at("unit");
  let code = lei ? joinSplitCode(lei, at("kuan"), at("xiang")) : null;
  let unitCode: string | null = null;
  let codeNote: string | null = code && (at("kuan") || at("xiang")) ? "code:split 类/款/项" : null;
  if (unitCell && /^\d+$/.test(unitCell)) {
    if (code && unitCell.startsWith(code.slice(0, 3)) && CODE_SHAPE.test(unitCell) && unitCell.length >= code.length) {
      code = unitCell; // 表3-1: 301 / 08 / 30108 — the full code stands in the third column
      codeNote = null;
    } else if (code) unitCode = unitCell;
    else code = unitCell;
  }
  const nums: PrintedNumber[] = [];
  const stray: string[] = [];
  let label = "";
  cs.forEach((c, i) => {
    if (!c) return;
    const v = parseNumber(c);
    if (moneyCells.has(i) && v !== null) nums.push({ value: v, text: c, cell: i });
    else if (v !== null && MONEY_SHAPE.test(c)) stray.push(c);
    else if (!roles.has(i) || roles.get(i) === "name") {
      if (!label && v === null) label = c;
    }
  });
  return { line, code, codeNote, unitCode, label, nums, stray };
}

const SPLIT3 = /^(\d{3})[ \u3000]+(\d{1,2})[ \u3000]+(\d{1,2})(?=[ \u3000]|[^\d,.\s])/;
const SPLIT2 = /^(\d{3})[ \u3000]+(\d{1,2})(?=[ \u3000]|[^\d,.\s])/;
const WHOLE = /^(\d{3}(?:\d{2}){0,2})(?=[ \u3000]|[^\d,.\s])/;
/** A budget unit's 6-digit code opening a line of amounts whose name wrapped around it (`328002    1,136.23 …`). */
const UNIT_CODE = /^(\d{6})(?=[ \u3000]+[-−]?[\d,]+\.\d)/;
const GARBLED = /^(\d{1,2})[ \u3000]+(\d{1,2})[ \u3000]+(\d{1,2})(?=[ \u3000]|[^\d,.\s])/;

/**
 * Read a plain-text data line. `previous` is the code of the row above, used
 * only to complete a 类 the extraction mangled (`7 11 02` under 21011).
 */
export function readTextRow(line: number, text: string, previous: string | null): RawRow {
  const t = text.trim();
  let code: string | null = null;
  let codeNote: string | null = null;
  let rest = t;
  let m: RegExpMatchArray | null;
  if ((m = t.match(SPLIT3))) {
    code = joinSplitCode(m[1], m[2], m[3]);
    codeNote = "code:split 类/款/项";
    rest = t.slice(m[0].length);
  } else if ((m = t.match(SPLIT2))) {
    code = joinSplitCode(m[1], m[2]);
    codeNote = "code:split 类/款";
    rest = t.slice(m[0].length);
  } else if ((m = t.match(WHOLE)) || (m = t.match(UNIT_CODE))) {
    code = m[1];
    rest = t.slice(m[0].length);
  } else if ((m = t.match(GARBLED)) && previous && previous.length >= 5) {
    const kuan = m[2].padStart(2, "0");
    if (previous.slice(3, 5) === kuan) {
      code = previous.slice(0, 5) + m[3].padStart(2, "0");
      codeNote = `code:garbled 类 '${m[1]}' completed from the 款 above (${previous.slice(0, 5)})`;
      rest = t.slice(m[0].length);
    }
  }
  const cells = cellTokens(rest);
  // text glued to the amount closing the row is a text cell printed after the amounts (绩效目标): not the label
  const textAfter = cells.findIndex((c, i) => c.glued && i > 0 && parseNumber(c.text) === null && parseNumber(cells[i - 1].text) !== null);
  const tokens = (textAfter >= 0 ? cells.slice(0, textAfter) : cells).map((c) => c.text);
  let k = tokens.length;
  while (k > 0 && parseNumber(tokens[k - 1]) !== null) k--;
  const nums = tokens.slice(k).map((tok) => ({ value: parseNumber(tok)!, text: tok, cell: null }));
  const label = tokens.slice(0, k).join(" ").trim();
  return { line, code, codeNote, unitCode: null, label, nums, stray: [] };
}
