import { describe, expect, it } from "vitest";
import { fragmentLines, joinedFragments, joinNote, wrappedAmounts } from "../../../../loaders/tables/budget/split-amounts.ts";

// jl_cc_xfj_2026_dept_budget.txt lines 185–190: 预算表 5's 总计 and 201 rows, amounts wrapped in narrow cells
const BODY: Array<[number, string]> = [
  [185, "1682.7   1682.7   1208.2   0.0   0.0"],
  [186, "总计： 997.20 211.00 474.56 0.00 0.00 0.00"],
  [187, "6   6   0 0   0"],
  [188, "1378.4   1378.4   0.0   0.0"],
  [189, "201 一般公共服务支出 903.85 692.85 211.00 474.56 0.00 0.00 0.00"],
  [190, "1   1 0   0"],
];
/** A row: a line with a label (or code) → how many numbers it prints. */
const isRow = (_: number, t: string) => (/[\u4e00-\u9fff]/.test(t) ? t.split(/\s+/).filter((x) => /^\d+\.\d+$/.test(x)).length : null);

describe("wrappedAmounts: heads above a row's line, tails below", () => {
  it("joins the k-th head with the k-th tail into amounts of two decimals (1682.7 / 6 → 1682.76), per row", () => {
    const w = wrappedAmounts(BODY, isRow, 11);
    expect([...w.keys()]).toEqual([186, 189]);
    expect(w.get(186)!.amounts.map((a) => a.text)).toEqual(["1682.76", "1682.76", "1208.20", "0.00", "0.00"]);
    expect(w.get(189)!.amounts.map((a) => a.value)).toEqual([1378.41, 1378.41, 0, 0]);
    expect([...fragmentLines(w)].sort()).toEqual([185, 187, 188, 190]);
  });
  it("joins nothing where the fragments do not make amounts: counts differ, a head already an amount, a tail too long, too many numbers for the columns", () => {
    const swap = (n: number, t: string) => BODY.slice(0, 3).map(([l, x]) => [l, l === n ? t : x] as [number, string]);
    expect(wrappedAmounts(swap(187, "6   6   0 0"), isRow, 11).size).toBe(0);
    expect(wrappedAmounts(swap(185, "1682.76   1682.7   1208.2   0.0   0.0"), isRow, 11).size).toBe(0);
    expect(wrappedAmounts(swap(187, "6   6   0 0   0.00"), isRow, 11).size).toBe(0);
    expect(wrappedAmounts(BODY.slice(0, 3), isRow, 10).size).toBe(0); // 6 on the line + 5 joined > 10 columns
    expect(wrappedAmounts(BODY.slice(0, 3), isRow, 11).size).toBe(1);
  });
  it("names the fragments in the rule, and the coverage report reads them back", () => {
    const a = wrappedAmounts(BODY, isRow, 11).get(186)!.amounts[0];
    expect(joinNote(a)).toBe("joined: 1682.7 (line 185) + 6 (line 187)");
    expect(joinedFragments(`shift:same column in every reading; ${joinNote(a)}`)).toEqual([
      { line: 185, value: 1682.7 },
      { line: 187, value: 6 },
    ]);
    expect(joinedFragments("shift:same column in every reading")).toEqual([]);
    expect(joinedFragments(null)).toEqual([]);
  });
});
