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
      if (parent.cands.length === 1 && open.length > 0) {
        // amounts are not negative here: a child cannot put more in a column than its parent holds
        const pv0 = columnValues(parent, parent.cands[0], n);
        const nonNegative = [g.parent, ...kids].every((i) => rows[i].values.every((v) => v >= 0));
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
        let combos = 1;
        for (const i of open) combos *= rows[i].cands.length;
        if (combos > SEARCH_BUDGET) continue;
        const pv = columnValues(parent, parent.cands[0], n);
        const solutions: number[][][] = [];
        const choice = kids.map((i) => rows[i].cands[0]);
        const rec = (j: number) => {
          if (solutions.length > 1) return;
          if (j === kids.length) {
            if (fits(pv, rows, kids, choice, n)) solutions.push([...choice]);
            return;
          }
          for (const p of rows[kids[j]].cands) {
            choice[j] = p;
            rec(j + 1);
          }
        };
        rec(0);
        if (solutions.length === 1) {
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
