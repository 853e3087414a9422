/**
 * Table level, by the code tree (final-account by-code tables): placing
 * the numbers of rows whose empty cells vanished in extraction.
 *
 * Rules (each placement that is not a full row is marked inferred, with
 * the rule named here):
 *
 *  - A full row (as many numbers as columns) is placed as printed.
 *  - A row whose numbers stand on two lines (PlaceRow.groups) keeps the
 *    order within each line only; its candidates are all such
 *    interleavings; when the first column is the total, the first number
 *    of the row's own line (code and name) is the total.
 *  - The numbers keep their order; the first number is the row total when
 *    the table's first column is a total ("shift:single=total" for a lone
 *    number).
 *  - Candidates are the order-preserving placements of the numbers; those
 *    that break a within-row identity (合计 = Σ parts, 小计 = 基本 + 项目)
 *    are dropped, unless every candidate breaks it (a misprint).
 *  - The total row (合计) is placed first: by evidence from another table
 *    when the caller gives it ("shift:total-row:<source>"), else — when
 *    the identity holds — into the leftmost columns
 *    ("shift:total-row:leftmost"). Columns left empty in the total row are
 *    empty in every row (amounts are not negative), so other rows may only
 *    use the columns the total row uses ("shift:active-columns" when that
 *    alone decides).
 *  - The remaining rows are decided together by the code hierarchy: the
 *    assignment that breaks the fewest sums "parent column = Σ child
 *    columns" (类 = Σ 款 = Σ 项, 合计 = Σ 类; tolerance one cent per
 *    addend) is chosen; a row is placed when every best assignment places
 *    it the same way ("shift:code-hierarchy"), otherwise it stays
 *    unplaced (the caller reports "ambiguous columns").
 */

import { FLOAT_SLACK, roundingTolerance, withinRounding } from "../../base/money.ts";
import { brokenIdentities, columnVector, rowCandidates, SEARCH_BUDGET, type ColumnSchema, type RowOptions } from "./row.ts";

export interface PlaceRow {
  /** Code of the row; null for the total (合计) row, the root of the hierarchy. */
  code: string | null;
  values: number[];
  /**
   * When the row's numbers stand on several lines: the line (any id) of
   * each value. Values keep their order within a line only, so the lines
   * may interleave across the columns.
   */
  groups?: number[];
  /** With groups and a first column that is the total: the group (the row's own line) whose first value is the total. */
  totalGroup?: number;
}

export interface Placement {
  /** Column index of each value, or null when it could not be decided. */
  columns: number[] | null;
  inferred: boolean;
  rule: string | null;
}

export interface PlaceOptions extends ColumnSchema {
  /** Expected total-row value per column from another table (null = unknown), and its name. */
  rootEvidence?: { values: Array<number | null>; source: string };
}

const options = (r: PlaceRow): RowOptions => ({ misprints: "fewest-broken", groups: r.groups, totalGroup: r.totalGroup });

/** Whether some placement of a row meets every within-row identity. */
export function fitsIdentities(row: PlaceRow, opt: ColumnSchema): boolean {
  const best = rowCandidates(row.values, opt, options(row));
  return best.length > 0 && brokenIdentities(columnVector(row.values, best[0], opt.n), opt.identities) === 0;
}

/** Parent index of each row: the nearest row whose code is a prefix; 类 rows hang under the total row. */
function parents(rows: PlaceRow[]): number[] {
  const byCode = new Map<string, number>();
  rows.forEach((r, i) => r.code && !byCode.has(r.code) && byCode.set(r.code, i));
  const root = rows.findIndex((r) => r.code === null);
  // pushed, not mapped: always a packed array of small integers (solveTree's code then never meets another kind)
  const par: number[] = [];
  for (const r of rows) par.push(parentOf(r.code, byCode, root));
  return par;
}

/** A row's parent: the nearest row whose code is a prefix of its code; -1 for the total row, the total row for a 类. */
function parentOf(code: string | null, byCode: Map<string, number>, root: number): number {
  if (code === null) return -1;
  for (let len = code.length - 2; len >= 3; len -= 2) {
    const p = byCode.get(code.slice(0, len));
    if (p !== undefined) return p;
  }
  return root;
}

export function placeRows(rows: PlaceRow[], opt: PlaceOptions): Placement[] {
  const { n } = opt;
  const cands: number[][][] = rows.map((r) => rowCandidates(r.values, opt, options(r)));
  const result: Placement[] = rows.map((r, i) =>
    r.values.length === n && !r.groups
      ? { columns: cands[i][0], inferred: false, rule: null }
      : cands[i].length === 1
        ? { columns: cands[i][0], inferred: true, rule: r.values.length === 1 && opt.firstIsTotal ? "shift:single=total" : "shift:identity" }
        : { columns: null, inferred: true, rule: null },
  );

  // the total row first
  const root = rows.findIndex((r) => r.code === null);
  let active: boolean[] | null = null;
  if (root >= 0 && cands[root].length > 0) {
    if (result[root].columns === null) {
      let cs = cands[root];
      let rule = "shift:total-row:leftmost";
      const ev = opt.rootEvidence;
      if (ev) {
        const fits = cs.filter((c) => {
          const v = columnVector(rows[root].values, c, n);
          return v.every((x, j) => ev.values[j] === null || Math.abs(x - (ev.values[j] as number)) <= roundingTolerance(2) + FLOAT_SLACK);
        });
        if (fits.length > 0) {
          cs = fits;
          rule = `shift:total-row:${ev.source}`;
        }
      }
      const ok = brokenIdentities(columnVector(rows[root].values, cs[0], n), opt.identities) === 0;
      if (cs.length === 1) result[root] = { columns: cs[0], inferred: true, rule };
      else if (ok) result[root] = { columns: cs[0], inferred: true, rule: "shift:total-row:leftmost" };
      cands[root] = result[root].columns ? [result[root].columns as number[]] : cands[root];
    }
    const rc = result[root].columns;
    if (rc) {
      const v = columnVector(rows[root].values, rc, n);
      active = v.map((x) => x !== 0);
    }
  }
  if (active) {
    for (let i = 0; i < rows.length; i++) {
      if (i === root || result[i].columns) continue;
      const act = cands[i].filter((c) => c.every((j, k) => active![j] || rows[i].values[k] === 0));
      if (act.length > 0) cands[i] = act;
      if (cands[i].length === 1) result[i] = { columns: cands[i][0], inferred: true, rule: "shift:active-columns" };
    }
  }

  // the rest by the code hierarchy
  const par = parents(rows);
  const children: number[][] = rows.map(() => []);
  par.forEach((p, i) => p >= 0 && children[p].push(i));
  const open = rows.map((_, i) => i).filter((i) => result[i].columns === null && cands[i].length > 1);
  if (open.length === 0) return result;
  const vecs = rows.map((r, i) => vectorsOf(r.values, cands[i], n));
  const forced = solveTree(rows.length, children, vecs, n, par);
  for (const i of open) {
    const set = forced[i];
    if (set && set.size === 1) result[i] = { columns: cands[i][[...set][0]], inferred: true, rule: "shift:code-hierarchy" };
  }
  return result;
}

/**
 * A row's column vector for each of its candidate placements, as Float64Arrays gathered by push: solveTree's
 * loops then meet one kind of vector (a plain array holds small integers in one table and decimals in the next,
 * and V8's optimised code for the one is thrown away at the other) and one kind of list, empty or not.
 */
function vectorsOf(values: number[], cands: number[][], n: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (const c of cands) out.push(Float64Array.from(columnVector(values, c, n)));
  return out;
}

/** A list of `length` zeros, gathered by push (see vectorsOf): it will hold costs, small integers or Infinity. */
function zeros(length: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < length; i++) out.push(0);
  return out;
}

/**
 * Tree search: best[v][c] = fewest broken sums in v's subtree with v placed
 * by candidate c. Returns, for every row, the candidates that occur in some
 * optimal placement of the whole table (null where the search was too wide).
 */
function solveTree(count: number, children: number[][], vecs: Float64Array[][], n: number, par: number[]): Array<Set<number> | null> {
  const best: number[][] = vecs.map((v) => zeros(v.length));
  const combos: Array<Array<Array<{ choice: number[]; cost: number }>> | null> = vecs.map(() => null);
  const kidsOf = (v: number) => children[v].filter((k) => vecs[k].length > 0);
  const order: number[] = [];
  const visit = (v: number) => {
    for (const k of children[v]) visit(k);
    order.push(v);
  };
  for (let v = 0; v < count; v++) if (par[v] === -1) visit(v);
  let tooWide = false;
  for (const v of order) {
    const kids = kidsOf(v);
    if (vecs[v].length === 0) continue;
    let space = 1;
    for (const k of kids) space *= vecs[k].length;
    if (space > SEARCH_BUDGET) {
      tooWide = true;
      continue;
    }
    // each combination of the children's candidates, its children's cost and column sums: the same for every candidate of v
    const choices: number[][] = [];
    const kidCosts: number[] = [];
    const sums: number[][] = [];
    // (plain loops: this runs space × children × columns times)
    for (let s = 0; s < space; s++) {
      let x = s;
      const choice = new Array<number>(kids.length);
      let cost = 0;
      for (let i = 0; i < kids.length; i++) {
        const count = vecs[kids[i]].length;
        choice[i] = x % count;
        x = Math.floor(x / count);
        cost += best[kids[i]][choice[i]];
      }
      choices.push(choice);
      kidCosts.push(cost);
      if (kids.length > 0) {
        const sum = new Array<number>(n);
        for (let j = 0; j < n; j++) {
          let t = 0;
          for (let i = 0; i < kids.length; i++) t += vecs[kids[i]][choice[i]][j];
          sum[j] = t;
        }
        sums.push(sum);
      }
    }
    combos[v] = vecs[v].map((pv, c) => {
      const list: Array<{ choice: number[]; cost: number }> = [];
      let least = Number.POSITIVE_INFINITY;
      for (let s = 0; s < space; s++) {
        let cost = kidCosts[s];
        if (kids.length > 0) {
          const sum = sums[s];
          for (let j = 0; j < n; j++) if (!withinRounding(pv[j], sum[j], kids.length)) cost++;
        }
        list.push({ choice: choices[s], cost });
        if (cost < least) least = cost;
      }
      best[v][c] = least;
      return list;
    });
  }
  if (tooWide) return vecs.map(() => null);
  const sets: Array<Set<number>> = vecs.map(() => new Set());
  const seen = new Set<string>();
  const mark = (v: number, c: number) => {
    const key = `${v}:${c}`;
    if (seen.has(key)) return;
    seen.add(key);
    sets[v].add(c);
    const kids = kidsOf(v);
    const list = combos[v]?.[c] ?? [];
    for (const l of list) if (l.cost === best[v][c]) kids.forEach((k, i) => mark(k, l.choice[i]));
  };
  for (let v = 0; v < count; v++) {
    if (par[v] !== -1 || vecs[v].length === 0) continue;
    const m = Math.min(...best[v]);
    best[v].forEach((b, c) => b === m && mark(v, c));
  }
  return sets;
}
