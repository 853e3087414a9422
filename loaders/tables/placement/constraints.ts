/**
 * Row level, by staged constraints (the “三公” tables): placing a line of
 * numbers whose empty cells vanished into a row of n columns, by
 * constraints between columns: every order-preserving
 * placement (numbers keep their order, skipped columns are empty = 0) that
 * satisfies all constraints is a solution.
 *
 * Constraints: `sum` (parent = Σ children, tolerance one cent per addend),
 * `atMost` (Σ parts ≤ whole: 其中 columns) and `zero` (a column known to be
 * empty or 0 from other evidence). Constraints come in stages; the
 * solutions of each stage are those of the earlier stages that also meet
 * the new constraints. A number is placed when all solutions of the last
 * stage with any solution put it in the same column; its `stage` is the
 * first stage from which that holds (for naming the rule).
 */

import { FLOAT_SLACK, roundingTolerance } from "../../base/money.ts";
import { SEARCH_BUDGET } from "./row.ts";

export type Constraint =
  | { kind: "sum"; parent: number; children: number[] }
  | { kind: "atMost"; whole: number; parts: number[] }
  | { kind: "zero"; column: number };

export interface Stage {
  name: string;
  constraints: Constraint[];
}

export interface Solved {
  /** Per number: its column when decided, else null. */
  columns: Array<number | null>;
  /** Per number: index of the stage from which its column is decided, else null. */
  stage: Array<number | null>;
  /** Per number: every column it takes in some solution of the last stage used. */
  options: number[][];
  /** Number of solutions at each stage (capped). */
  counts: number[];
  /** Index of the last stage whose constraints were applied (-1: none had a solution). */
  used: number;
}

const CAP = SEARCH_BUDGET;
const tol = (addends: number) => roundingTolerance(addends) + FLOAT_SLACK;

/** Σ v[k] over the columns, from 0 left to right (as a reduce would add them). */
function sumAt(v: number[], columns: number[]): number {
  let a = 0;
  for (const k of columns) a += v[k];
  return a;
}

function holds(c: Constraint, v: number[]): boolean {
  switch (c.kind) {
    case "sum":
      return Math.abs(v[c.parent] - sumAt(v, c.children)) <= tol(c.children.length);
    case "atMost":
      return sumAt(v, c.parts) <= v[c.whole] + tol(c.parts.length);
    case "zero":
      return Math.abs(v[c.column]) <= 1e-9;
  }
}

/** Whether every constraint holds (a loop, no closure: this runs at every step of the search). */
function allHold(constraints: Constraint[], v: number[]): boolean {
  for (const c of constraints) if (!holds(c, v)) return false;
  return true;
}

function columnsOf(c: Constraint): number[] {
  return c.kind === "sum" ? [c.parent, ...c.children] : c.kind === "atMost" ? [c.whole, ...c.parts] : [c.column];
}

/** All order-preserving placements of values into n columns meeting the constraints (at most CAP). */
function solve(values: number[], n: number, constraints: Constraint[]): number[][] {
  // each constraint is checked once its last column is decided
  const due: Constraint[][] = Array.from({ length: n }, () => []);
  for (const c of constraints) due[Math.max(...columnsOf(c))].push(c);
  const out: number[][] = [];
  const v = new Array<number>(n).fill(0);
  const at: number[] = [];
  const rec = (col: number, k: number) => {
    if (out.length >= CAP) return;
    if (col === n) {
      if (k === values.length) out.push([...at]);
      return;
    }
    const left = values.length - k;
    const options: boolean[] = [];
    if (left > 0) options.push(true);
    if (left < n - col) options.push(false);
    for (const take of options) {
      v[col] = take ? values[k] : 0;
      if (take) at.push(col);
      if (allHold(due[col], v)) rec(col + 1, take ? k + 1 : k);
      if (take) at.pop();
      v[col] = 0;
    }
  };
  rec(0, 0);
  return out;
}

export function solveColumns(values: number[], n: number, stages: Stage[]): Solved {
  const counts: number[] = [];
  let acc: Constraint[] = [];
  let used = -1;
  let best: number[][] = [];
  const agreedAt: Array<number | null> = values.map(() => null);
  for (let s = 0; s < stages.length; s++) {
    const sols = solve(values, n, [...acc, ...stages[s].constraints]);
    counts.push(sols.length);
    if (sols.length === 0 || sols.length >= CAP) {
      if (used < 0) break;
      continue; // contradicting (or too loose) evidence is not used
    }
    acc = [...acc, ...stages[s].constraints];
    used = s;
    best = sols;
    values.forEach((_, i) => {
      if (agreedAt[i] === null && sols.every((x) => x[i] === sols[0][i])) agreedAt[i] = s;
    });
  }
  const options = values.map((_, i) => [...new Set(best.map((x) => x[i]))].sort((a, b) => a - b));
  return {
    columns: values.map((_, i) => (agreedAt[i] !== null ? best[0][i] : null)),
    stage: agreedAt,
    options,
    counts,
    used,
  };
}
