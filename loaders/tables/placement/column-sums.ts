/**
 * Table level, column by column (budget tables): when no single combination
 * of the children's readings meets every sum of a group (several do, or the
 * search passes its budget), each column's sum still proves something. For
 * one column, the children placed already hold a known part of the parent's
 * figure; the open children can each put one of a few values there (0 when
 * a reading leaves the column empty). Every choice of those values whose
 * sum meets the rest (within the rounding of the group's sum) is
 * enumerated: a value no such choice uses is dropped from the child's
 * readings (a 项目支出表 row printing its 总计 and one fund: that fund's
 * column is the only one whose sum the row can complete). A column with no
 * choice meeting its sum (a misprint) decides nothing.
 */
import { FLOAT_SLACK, roundingTolerance } from "../../base/money.ts";
import type { Group, Resolvable } from "./groups.ts";
import { SEARCH_BUDGET, valueAt } from "./row.ts";

/** The values each open child may put in column c (distinct, to the cent), largest first. */
function choicesAt(row: Resolvable, c: number): number[] {
  const seen = new Map<number, number>();
  for (const p of row.cands) {
    const v = valueAt(row.values, p, c);
    seen.set(Math.round(v * 100), v);
  }
  return [...seen.values()].sort((a, b) => b - a);
}

/**
 * For one column: which of each open child's values some choice meeting
 * the sum uses (index into its choices), or null beyond the search budget
 * or when no choice meets it.
 */
function usedChoices(choices: number[][], target: number, slack: number): Array<Set<number>> | null {
  const order = choices.map((_, j) => j).sort((a, b) => choices[b][0] - choices[a][0]);
  const reach = new Array<number>(order.length + 1).fill(0);
  const least = new Array<number>(order.length + 1).fill(0);
  for (let k = order.length - 1; k >= 0; k--) {
    const ch = choices[order[k]];
    reach[k] = reach[k + 1] + ch[0];
    least[k] = least[k + 1] + ch[ch.length - 1];
  }
  const used = choices.map(() => new Set<number>());
  const pick = new Array<number>(order.length).fill(0);
  // every child has used every value: nothing more to learn
  let open = choices.reduce((a, ch) => a + ch.length, 0);
  let visited = 0;
  let found = false;
  const rec = (k: number, sum: number): boolean => {
    if (open === 0) return true;
    if (++visited > SEARCH_BUDGET) return false;
    if (k === order.length) {
      if (Math.abs(sum - target) > slack) return true;
      found = true;
      order.forEach((j, i) => {
        if (!used[j].has(pick[i])) {
          used[j].add(pick[i]);
          open--;
        }
      });
      return true;
    }
    const ch = choices[order[k]];
    for (let x = 0; x < ch.length; x++) {
      const s = sum + ch[x];
      if (s + least[k + 1] > target + slack || s + reach[k + 1] < target - slack) continue;
      pick[k] = x;
      if (!rec(k + 1, s)) return false;
    }
    return true;
  };
  if (!rec(0, 0)) return null;
  return found ? used : null;
}

/**
 * Narrow the open children of each group whose parent is placed, column by
 * column (amounts not negative). Returns whether a reading was dropped.
 */
export function resolveByColumnSums(rows: Resolvable[], groups: Group[], n: number): boolean {
  let changed = false;
  for (const g of groups) {
    const parent = rows[g.parent];
    if (parent.cands.length !== 1) continue;
    const kids = g.children;
    if (kids.some((i) => rows[i].cands.length === 0)) continue;
    if (![g.parent, ...kids].every((i) => rows[i].values.every((v) => v >= 0))) continue;
    const slack = roundingTolerance(kids.length) + FLOAT_SLACK;
    for (let c = 0; c < n; c++) {
      const open = kids.filter((i) => rows[i].cands.length > 1);
      if (open.length === 0) break;
      let rest = valueAt(parent.values, parent.cands[0], c);
      for (const i of kids) if (rows[i].cands.length === 1) rest -= valueAt(rows[i].values, rows[i].cands[0], c);
      const choices = open.map((i) => choicesAt(rows[i], c));
      if (choices.every((ch) => ch.length === 1)) continue;
      const used = usedChoices(choices, rest, slack);
      if (!used) continue;
      open.forEach((i, j) => {
        const keep = new Set([...used[j]].map((x) => Math.round(choices[j][x] * 100)));
        const kept = rows[i].cands.filter((p) => keep.has(Math.round(valueAt(rows[i].values, p, c) * 100)));
        if (kept.length > 0 && kept.length < rows[i].cands.length) {
          rows[i].cands = kept;
          if (kept.length === 1) rows[i].resolvedBy = `${g.rule}: column ${c + 1}'s sum`;
          changed = true;
        }
      });
    }
  }
  return changed;
}
