import { describe, expect, it } from "vitest";
import { identitiesOf } from "../../../../loaders/tables/budget/columns.ts";

// 长春 预算表 5's columns (text-columns.ts yearGroups): 合计 | 当年预算 小计 基本支出 人员经费 公用经费 项目支出 | 上年结转结余 the same
const YEARS = [
  "total",
  "current_year_appropriation",
  "basic",
  "personnel",
  "public_expenses",
  "project",
  "carryover_prior",
  "basic",
  "personnel",
  "public_expenses",
  "project",
];

describe("identitiesOf: the form split by the year's money and the carry-over", () => {
  it("合计 = 当年 + 结转, each 小计 = 基本支出 + 项目支出, each 基本支出 = 人员经费 + 公用经费", () => {
    expect(identitiesOf(YEARS).map((i) => [i.sum, i.parts])).toEqual([
      [0, [1, 6]],
      [1, [2, 5]],
      [2, [3, 4]],
      [6, [7, 10]],
      [7, [8, 9]],
    ]);
  });
  it("the economic form: each 小计 = 人员经费 + 公用经费", () => {
    expect(
      identitiesOf(["total", "current_year_appropriation", "personnel", "public_expenses", "carryover_prior", "personnel", "public_expenses"]).map((i) => [
        i.sum,
        i.parts,
      ]),
    ).toEqual([
      [0, [1, 4]],
      [1, [2, 3]],
      [4, [5, 6]],
    ]);
  });
  it("other column lists keep their identities (合计 = 基本支出 + 项目支出 when the carry-over parts differ)", () => {
    expect(identitiesOf(["total", "current_year_appropriation", "basic", "project", "carryover_prior", "basic"]).map((i) => i.text)).not.toContain(
      "total = current_year_appropriation + carryover_prior",
    );
    expect(identitiesOf(["total", "basic", "project"]).map((i) => [i.sum, i.parts])).toEqual([[0, [1, 2]]]);
  });
});
