/**
 * One row: the order-preserving placements of its printed numbers into the
 * table's columns, filtered by the within-row identities. See index.ts for
 * the rules; this file holds the enumeration and the row-level seam.
 */
import { withinRounding } from "../../base/money.ts";

/** Column `sum` holds the sum of columns `parts` (合计 = 基本支出 + 项目支出 …). */
export interface Identity {
  sum: number;
  parts: number[];
}

/** What a row's numbers are placed into: the columns and the identities between them. */
export interface ColumnSchema {
  /** Number of columns. */
  n: number;
  identities: Identity[];
  /** The first column is the row total: a row's first number always goes there. */
  firstIsTotal?: boolean;
}

/**
 * The search budget of every placement search: enumerations, combinations
 * of rows and constraint solutions stop (and give no answer) beyond it.
 */
export const SEARCH_BUDGET = 1 << 16;

/**
 * What to do when no placement keeps every identity: "drop" gives no
 * candidate (the row is reported), "fewest-broken" keeps the placements
 * that break the fewest identities (the document misprinted a sum).
 */
export type Misprints = "drop" | "fewest-broken";

export interface RowOptions {
  misprints: Misprints;
  /**
   * When the row's numbers stand on several lines: the line (any id) of
   * each value. Values keep their order within a line only, so the lines
   * may interleave across the columns.
   */
  groups?: number[];
  /** With groups and a first column that is the total: the group whose first value is the total. */
  totalGroup?: number;
}

/** The placements a row allows and, when exactly one, the row placed. */
export interface RowPlacement {
  /** Each candidate maps number index → column index. */
  candidates: number[][];
  /** The single candidate, else null. */
  columns: number[] | null;
  /** null for a full row read as printed; else how the placement was decided. */
  rule: string | null;
}

/** Value of column `c` under a placement (numbers → column indexes), empty = 0. */
export function valueAt(values: number[], placement: number[], c: number): number {
  const k = placement.indexOf(c);
  return k < 0 ? 0 : values[k];
}

/** The row as n column values under a placement, empty cells 0; written into `into` when given (a vector reused across the candidates of a row). */
export function columnVector(values: number[], placement: number[], n: number, into = new Array<number>(n)): number[] {
  into.fill(0);
  for (let i = 0; i < placement.length; i++) into[placement[i]] = values[i];
  return into;
}

/** How many identities a row of column values breaks (beyond rounding). */
export function brokenIdentities(v: number[], identities: Identity[]): number {
  let bad = 0;
  for (const { sum, parts } of identities) {
    let s = 0;
    for (const c of parts) s += v[c];
    if (!withinRounding(v[sum], s, parts.length)) bad++;
  }
  return bad;
}

/** Binomial coefficient, for checking a search against the budget before running it. */
function choose(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/**
 * Order-preserving placements of k numbers into n columns (the first number
 * in column 0 when `firstIsTotal`); null when there are more than the
 * search budget.
 */
export function orderedPlacements(k: number, n: number, firstIsTotal = false): number[][] | null {
  if (k > n) return [];
  if (k === 0) return [[]];
  const size = firstIsTotal ? choose(n - 1, k - 1) : choose(n, k);
  if (size > SEARCH_BUDGET) return null;
  const out: number[][] = [];
  const acc: number[] = [];
  const rec = (start: number) => {
    if (acc.length === k) {
      out.push([...acc]);
      return;
    }
    for (let c = start; c <= n - (k - acc.length); c++) {
      acc.push(c);
      rec(c + 1);
      acc.pop();
    }
  };
  if (firstIsTotal) {
    acc.push(0);
    rec(1);
  } else rec(0);
  return out;
}

/** Placements of numbers standing on several lines: order kept within each line (at most the search budget). */
export function lineOrderPlacements(groups: number[], n: number, totalGroup?: number): number[][] {
  const totalAt = totalGroup === undefined ? -1 : groups.indexOf(totalGroup);
  const out: number[][] = [];
  const used = new Array<boolean>(n).fill(false);
  const acc: number[] = [];
  const rec = (i: number) => {
    if (out.length >= SEARCH_BUDGET) return;
    if (i === groups.length) {
      out.push([...acc]);
      return;
    }
    let from = 0;
    for (let j = 0; j < i; j++) if (groups[j] === groups[i]) from = Math.max(from, acc[j] + 1);
    for (let c = from; c < n; c++) {
      if (used[c] || ((i === totalAt) !== (c === 0) && totalAt >= 0)) continue;
      used[c] = true;
      acc.push(c);
      rec(i + 1);
      acc.pop();
      used[c] = false;
    }
  };
  rec(0);
  return out;
}

/** The candidate placements of a row under the schema's identities. */
export function rowCandidates(values: number[], schema: ColumnSchema, options: RowOptions): number[][] {
  const { n, identities } = schema;
  if (values.length > n) return [];
  const all = options.groups
    ? lineOrderPlacements(options.groups, n, schema.firstIsTotal ? options.totalGroup : undefined)
    : orderedPlacements(values.length, n, schema.firstIsTotal);
  if (all === null) return [];
  const scratch = new Array<number>(n); // one column vector for every candidate
  if (options.misprints === "drop") {
    if (values.length === n && !options.groups) return all;
    return all.filter((p) => brokenIdentities(columnVector(values, p, n, scratch), identities) === 0);
  }
  const broken = all.map((p) => brokenIdentities(columnVector(values, p, n, scratch), identities));
  const fewest = Math.min(...broken);
  return all.filter((_, i) => broken[i] === fewest);
}

/**
 * The seam: a row's numbers and its column schema → its placements and the
 * rule that decided it. A full row is placed as printed (rule null, kept
 * even when the document breaks an identity: the printed numbers are the
 * source); otherwise the row is placed when exactly one candidate is left
 * ("shift:single=total" for a lone number in a table whose first column is
 * the total, else "shift:identity"). Other evidence (the PDF's geometry,
 * the code hierarchy, another table) decides the rest — see index.ts.
 */
export function placeRow(values: number[], schema: ColumnSchema, options: RowOptions = { misprints: "drop" }): RowPlacement {
  const candidates = rowCandidates(values, schema, options);
  if (values.length === schema.n && !options.groups) return { candidates, columns: candidates[0] ?? null, rule: null };
  if (candidates.length !== 1) return { candidates, columns: null, rule: null };
  const rule = values.length === 1 && schema.firstIsTotal ? "shift:single=total" : "shift:identity";
  return { candidates, columns: candidates[0], rule };
}

/** Positions (number index → column) on which all candidate placements agree. */
export function agreed(cands: number[][]): Map<number, number> {
  const out = new Map<number, number>();
  if (cands.length === 0) return out;
  for (let k = 0; k < cands[0].length; k++) {
    const c = cands[0][k];
    if (cands.every((p) => p[k] === c)) out.set(k, c);
  }
  return out;
}
