/**
 * Where the numbers of a row go when the extraction dropped empty cells:
 * every order-preserving placement of the k printed numbers into the n
 * columns that keeps the column identities (合计 = 基本 + 项目 …), an
 * empty cell counting as zero.
 */
import type { Identity } from "./columnMeasures.ts";

const TOLERANCE = 0.015; // a printed sum may differ by a cent of rounding

/** Value of column `c` under a placement (numbers → column indexes), empty = 0. */
export function valueAt(values: number[], placement: number[], c: number): number {
  const k = placement.indexOf(c);
  return k < 0 ? 0 : values[k];
}

export function keepsIdentities(values: number[], placement: number[], ids: Identity[]): boolean {
  for (const id of ids) {
    const sum = valueAt(values, placement, id.sum);
    const parts = id.parts.reduce((s, p) => s + valueAt(values, placement, p), 0);
    if (Math.abs(sum - parts) > TOLERANCE) return false;
  }
  return true;
}

/** All increasing k-subsets of 0..n-1 (k ≤ n ≤ 16). */
function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick: number[] = [];
  const rec = (from: number) => {
    if (pick.length === k) {
      out.push([...pick]);
      return;
    }
    for (let i = from; i <= n - (k - pick.length); i++) {
      pick.push(i);
      rec(i + 1);
      pick.pop();
    }
  };
  rec(0);
  return out;
}

/**
 * Candidate placements of `values` into `n` columns. When every column is
 * printed there is one placement (kept even if the document breaks an
 * identity: the printed numbers are the source).
 */
export function placements(values: number[], n: number, ids: Identity[]): number[][] {
  if (values.length === 0 || values.length > n) return [];
  if (values.length === n) return [values.map((_, i) => i)];
  if (n > 16) return [];
  return combinations(n, values.length).filter((p) => keepsIdentities(values, p, ids));
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
