/**
 * Table level, by groups (budget tables): resolving rows whose columns stay ambiguous (two equal numbers: 合计 and
 * 基本支出, or 合计 and 项目支出?) with the hierarchy: a parent row equals
 * the sum of its child rows, column by column (类 = Σ款, 款 = Σ项, 合计 = Σ类).
 * A reading is adopted only when exactly one combination fits.
 */
import { roundingTolerance, withinRounding, FLOAT_SLACK } from "../../base/money.ts";
import { SEARCH_BUDGET, valueAt } from "./row.ts";

export interface Resolvable {
  values: number[];
  cands: number[][];
  /** How the single placement was chosen, once resolved by the hierarchy. */
  resolvedBy?: string;
}

export interface Group {
  parent: number;
  children: number[];
  /** Names the relation in the rule, e.g. "hierarchy:2101501∈21015". */
  rule: string;
}

function fits(parentVals: number[], rows: Resolvable[], children: number[], choice: number[][], n: number): boolean {
  for (let c = 0; c < n; c++) {
    let s = 0;
    children.forEach((r, j) => (s += valueAt(rows[r].values, choice[j], c)));
    if (!withinRounding(parentVals[c], s, children.length)) return false;
  }
  return true;
}

function columnValues(row: Resolvable, placement: number[], n: number): number[] {
  return Array.from({ length: n }, (_, c) => valueAt(row.values, placement, c));
}

/**
 * The combinations of the children's candidates whose columns sum to the
 * parent's (at most two: one is an answer, two are none), or null beyond
 * the search budget (counted in branching points). A depth-first search; with amounts not negative, a
 * branch stops as soon as a column's running sum passes the parent's or can
 * no longer reach it (the combinations found are those of the full
 * enumeration, sooner).
 */
function combinations(rows: Resolvable[], kids: number[], pv: number[], n: number, nonNegative: boolean): number[][][] | null {
  const slack = roundingTolerance(kids.length) + FLOAT_SLACK;
  const cols = kids.map((i) => rows[i].cands.map((p) => columnValues(rows[i], p, n)));
  // the most the children from j on can still add to each column
  const reach: number[][] = Array.from({ length: kids.length + 1 }, () => new Array<number>(n).fill(0));
  for (let j = kids.length - 1; j >= 0; j--) for (let c = 0; c < n; c++) reach[j][c] = reach[j + 1][c] + Math.max(...cols[j].map((v) => v[c]));
  const sum = new Array<number>(n).fill(0);
  const choice = kids.map((i) => rows[i].cands[0]);
  const solutions: number[][][] = [];
  let visited = 0;
  const rec = (j: number): boolean => {
    if (solutions.length > 1) return true;
    // a full enumeration of SEARCH_BUDGET combinations passes fewer than twice as many branching points
    if (cols[j]?.length > 1 && ++visited > 2 * SEARCH_BUDGET) return false;
    if (j === kids.length) {
      if (fits(pv, rows, kids, choice, n)) solutions.push([...choice]);
      return true;
    }
    for (let k = 0; k < cols[j].length; k++) {
      const v = cols[j][k];
      for (let c = 0; c < n; c++) sum[c] += v[c];
      const hopeless = nonNegative && sum.some((x, c) => x > pv[c] + slack || x + reach[j + 1][c] < pv[c] - slack);
      choice[j] = rows[kids[j]].cands[k];
      const done = hopeless || rec(j + 1);
      for (let c = 0; c < n; c++) sum[c] -= v[c];
      if (!done) return false;
    }
    return true;
  };
  return rec(0) ? solutions : null;
}

/** Narrow candidates through the groups until nothing changes. */
export function resolveGroups(rows: Resolvable[], groups: Group[], n: number): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const g of groups) {
      const parent = rows[g.parent];
      const kids = g.children.filter((i) => rows[i].cands.length > 0);
      if (kids.length !== g.children.length || parent.cands.length === 0) continue;
      const open = kids.filter((i) => rows[i].cands.length > 1);
      const nonNegative = [g.parent, ...kids].every((i) => rows[i].values.every((v) => v >= 0));
      if (parent.cands.length > 1 && open.length > 0 && nonNegative) {
        // a column the parent leaves empty in every reading is empty in each child (amounts not negative)
        const most = Array.from({ length: n }, (_, c) => Math.max(...parent.cands.map((p) => valueAt(parent.values, p, c))));
        for (const i of open) {
          const kept = rows[i].cands.filter((p) => p.every((c, k) => most[c] > 0 || rows[i].values[k] <= roundingTolerance(1) + FLOAT_SLACK));
          if (kept.length > 0 && kept.length < rows[i].cands.length) {
            rows[i].cands = kept;
            if (kept.length === 1) rows[i].resolvedBy = `${g.rule}: a column empty in the parent`;
            changed = true;
          }
        }
      }
      if (parent.cands.length === 1 && open.length > 0) {
        // amounts are not negative here: a child cannot put more in a column than its parent holds
        const pv0 = columnValues(parent, parent.cands[0], n);
        if (nonNegative)
          for (const i of open) {
            const kept = rows[i].cands.filter((p) => p.every((c, k) => rows[i].values[k] <= pv0[c] + roundingTolerance(1) + FLOAT_SLACK));
            if (kept.length > 0 && kept.length < rows[i].cands.length) {
              rows[i].cands = kept;
              if (kept.length === 1) rows[i].resolvedBy = g.rule;
              changed = true;
            }
          }
        if (open.some((i) => rows[i].cands.length === 1)) continue;
        const pv = columnValues(parent, parent.cands[0], n);
        const solutions = combinations(rows, kids, pv, n, nonNegative);
        if (solutions?.length === 1) {
          kids.forEach((i, j) => {
            if (rows[i].cands.length > 1) {
              rows[i].cands = [solutions[0][j]];
              rows[i].resolvedBy = g.rule;
            }
          });
          changed = true;
        }
      } else if (parent.cands.length > 1 && open.length === 0) {
        const choice = kids.map((i) => rows[i].cands[0]);
        const ok = parent.cands.filter((p) => fits(columnValues(parent, p, n), rows, kids, choice, n));
        if (ok.length === 1) {
          parent.cands = ok;
          parent.resolvedBy = g.rule;
          changed = true;
        }
      }
    }
  }
}
