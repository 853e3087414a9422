/**
 * The funding sub-rows of a 项目支出绩效自评表 below its 年度资金总额 row:
 * 其中：当年财政拨款 | 上年结转资金 | 其他资金 (the national template), each with
 * the budget row's money columns (年初预算数 | 全年预算数 | 全年执行数 …).
 * A sub-row's name may be printed on its line (`财政拨款： 26352000 …`) or
 * wrapped around a line of numbers (`其中：财政` / `140.61 140.61 140.61 -- 0.0% --`
 * / `拨款`): the fragments of the lines between the rows are joined, in
 * order, into the names of the funding sources, and the names given in turn
 * to the lines of numbers printed without one. Sub-rows whose source has no
 * column (财政专户管理资金, 单位资金, 本级安排 …) are named, so the rows after
 * them keep their own names, but give no figure. A page's own line between
 * them (its number, the extractor's page marker) is skipped.
 */
import { parseNumber } from "../ingest/numbers.ts";
import { removeSpaces } from "../base/fold.ts";
import { uniqueAscending } from "../base/line-order.ts";
import { pageLineNote } from "../document/line-kinds.ts";

/** The funding sources that have columns in performance_projects. */
export type FundingSource = "fiscal" | "carryover" | "other";

/** Names of funding sub-rows (folded, without 其中：), and the source each has a column for (null: none). */
const NAMES: Array<[string, FundingSource | null]> = [
  ["当年财政拨款", "fiscal"], ["财政拨款", "fiscal"], ["财政资金", "fiscal"], ["财政拨款资金", "fiscal"],
  ["上年结转资金", "carryover"], ["上年结转", "carryover"], ["上年结转结余", "carryover"], ["上年结余", "carryover"],
  ["其他资金", "other"], ["其他", "other"],
  ["财政专户管理资金", null], ["财政专户", null], ["单位资金", null], ["本级安排", null], ["上级补助", null],
];
const sourceOf = new Map(NAMES);
/** Every non-empty start of a name (`财`, `财政`, … `财政拨款`): what a name wrapped over lines may have read so far. */
const PREFIXES = new Set(NAMES.flatMap(([n]) => [...n].map((_, k) => n.slice(0, k + 1))));
const isPrefix = (s: string) => PREFIXES.has(s);

/** The longest end of a token (three characters or more) that starts a name: `金支付财政专户` → 财政专户. */
function nameStartAtEnd(t: string): string | null {
  for (let k = 1; k <= t.length - 3; k++) if (isPrefix(t.slice(k))) return t.slice(k);
  return null;
}

/**
 * A token of a sub-row's name (a line split at white space, so it holds none) without its decorations
 * (`------其中：上级补助：` → 上级补助); each rewrite only where its characters are.
 */
function bare(t: string): string {
  let s = t;
  if (s.startsWith("-") || s.startsWith("—")) s = s.replace(/^[-—]+/, "");
  if (s.startsWith("其中")) s = s.replace(/^其中[:：]?/, "");
  if (s.endsWith(":") || s.endsWith("：")) s = s.slice(0, -1);
  return s;
}

/** A cell printed where a sub-row has no figure (分值 / 得分 of a sub-row). */
const PLACEHOLDER = /^(?:--?|—+|\/|－)$/;

export interface FundingRow {
  source: FundingSource;
  line: number;
  /** The money columns of the budget row's header, as read from this line. */
  values: Partial<Record<"budget_initial" | "budget_adjusted" | "executed" | "budget", number>>;
}

/** A token read as a sub-row's cell: its number (a percentage's without the %), null for a placeholder, undefined if it is neither. */
function cellValue(t: string): number | null | undefined {
  if (PLACEHOLDER.test(t)) return null;
  const v = parseNumber(t.endsWith("%") || t.endsWith("％") ? t.slice(0, -1) : t);
  return v === null ? undefined : v;
}

const isCell = (t: string): boolean => cellValue(t) !== undefined;

/** The cells of a sub-row after its name: numbers (a percentage kept as a cell) or placeholders; null if the line has anything else. */
function valueCells(tokens: string[]): Array<number | null> | null {
  const out: Array<number | null> = [];
  for (const t of tokens) {
    const v = cellValue(t);
    if (v === undefined) return null;
    out.push(v);
  }
  return out;
}

/** How far below the budget row the sub-rows may reach (blank lines and the wrapped 偏差原因 beside them included). */
const MAX_LINES = 40;

/** Lines that close the sub-rows: the targets and indicators below them. */
const AFTER = /目标|指标|^年度$/;

/** The residue reason of a funding sub-row whose source has no column in performance_projects. */
export const FUNDING_NOT_EXTRACTED = "funding-source sub-row (not extracted)";

/** What readFunding read: the rows with a source, the lines they used, and the lines of the sub-rows named but without a column (residue). */
export interface FundingRead {
  rows: FundingRow[];
  used: number[];
  unextracted: number[];
}

const NONE: FundingRead = { rows: [], used: [], unextracted: [] };

/**
 * Read the sub-rows printed after the budget row (line `from - 1`), up to
 * `end`, with the budget row's column keys. Returns the rows with a source,
 * every line they used (names and numbers), and the lines of the sub-rows
 * whose source has no column (财政专户管理资金 wrapped around its numbers).
 */
export function readFunding(lines: readonly string[], from: number, end: number, schema: string[]): FundingRead {
  // each line: the name tokens and, where it prints cells after them, its cells (numbers or placeholders)
  type Line = { line: number; names: string[]; cells: Array<number | null> | null };
  const read: Line[] = [];
  for (let i = from; i <= Math.min(end, from + MAX_LINES); i++) {
    const t = lines[i - 1].trim();
    // a page break between the sub-rows (`- 44 -`, `=== PAGE 12 ===`) is no row: its dashes would read as placeholders
    if (t === "" || pageLineNote(lines, i) !== null) continue;
    if (AFTER.test(removeSpaces(t))) break;
    const tokens = t.split(/[\s\u3000]+/);
    const k = tokens.findIndex(isCell);
    const cells = k >= 0 ? valueCells(tokens.slice(k)) : null;
    // a line of words and numbers mixed is prose (the budget row's 偏差原因 wrapped beside the sub-rows: `了变更设计，并于 2022 年 7`)
    read.push({ line: i, names: (cells ? tokens.slice(0, k) : tokens).map(bare).filter(Boolean), cells });
  }
  // names: a line's own name when it prints its cells after it; else the fragments of the lines joined in order
  type Named = { name: string; line: Line | null; parts: number[] };
  const named: Named[] = [];
  let acc = "";
  let accLines: number[] = [];
  const close = () => {
    if (sourceOf.has(acc)) named.push({ name: acc, line: null, parts: accLines });
    acc = "";
    accLines = [];
  };
  for (const l of read) {
    if (l.cells && l.names.length > 0) {
      close();
      const own = l.names.join("");
      if (!sourceOf.has(own)) return NONE;
      named.push({ name: own, line: l, parts: [] });
      continue;
    }
    for (const t of l.names) {
      if (isPrefix(acc + t)) acc += t;
      else if (isPrefix(t)) {
        close();
        acc = t;
      } else {
        // the 偏差原因 beside the rows, wrapped against a name's start (`金支付财政专户` / `管理资金`); else
        // a cell of the row header (项目资金（万元）), no part of a name
        const start = nameStartAtEnd(t);
        if (start === null) continue;
        close();
        acc = start;
      }
      if (!accLines.includes(l.line)) accLines.push(l.line);
    }
    if (l.cells) named.push({ name: "", line: l, parts: [] }); // a line of numbers waiting for its name
  }
  close();
  // the names wrapped around the lines of numbers, given to those lines in turn
  const waiting = named.filter((n) => n.name === "" && n.line);
  const free = named.filter((n) => !n.line);
  if (waiting.length !== free.length) return NONE;
  waiting.forEach((w, k) => {
    w.name = free[k].name;
    w.parts = free[k].parts;
  });
  const rows: FundingRow[] = [];
  const used: number[] = [];
  const unextracted: number[] = [];
  for (const n of named) {
    const source = sourceOf.get(n.name);
    if (!n.line) continue;
    if (!source) {
      unextracted.push(n.line.line, ...n.parts);
      continue;
    }
    const values: FundingRow["values"] = {};
    schema.forEach((key, k) => {
      const v = n.line!.cells![k];
      if ((key === "budget_initial" || key === "budget_adjusted" || key === "executed" || key === "budget") && v !== null && v !== undefined) values[key] = v;
    });
    rows.push({ source, line: n.line.line, values });
    used.push(n.line.line, ...n.parts);
  }
  return { rows, used: uniqueAscending(used), unextracted: uniqueAscending(unextracted) };
}
