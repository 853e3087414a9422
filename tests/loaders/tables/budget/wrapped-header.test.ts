import { describe, expect, it } from "vitest";
import { wrappedColumns } from "../../../../loaders/tables/budget/wrapped-header.ts";

// gd_zh_swj_2026_dept_budget lines 148–154: 表2 收入总体情况表, its cells wrapped over seven lines
const HEADER = [
  "财政拨款收入 财政专户拨款收入 其他资金收入",
  "附属单",
  "事业单   上级补   上年结转结",
  "单位名称 合计   一般公共预 政府性基金 国有资本经   其他专户 事业收   其他收   位上缴",
  "教育收费    位经营   助收入   余",
  "算   预算   营预算    收入拨款   入   入   收入",
  "收入",
];
// the income sources in the order its 表1 收支总体情况表 prints them (lines 112–118, 上年结转结余 line 141)
const SUMMARY_ORDER = ["fiscal_special_account", "business_income", "operating_income", "other_income", "superior_subsidy", "subordinate_remittance", "carryover_prior"] as const;

describe("wrappedColumns: a header whose cells wrap over several lines", () => {
  it("rebuilds the twelve columns of 珠海 表2, group headers dropped, in the order of the 收支总表's sources", () => {
    const cols = wrappedColumns(HEADER, 12, [...SUMMARY_ORDER]);
    expect(cols?.map((c) => `${c.label}:${c.measure}`)).toEqual([
      "合计:total", "一般公共预算:general_public_budget", "政府性基金预算:government_fund", "国有资本经营预算:state_capital",
      "教育收费:special_account_education", "其他专户收入拨款:special_account_other", "事业收入:business_income",
      "事业单位经营收入:operating_income", "其他收入:other_income", "上级补助收入:superior_subsidy",
      "附属单位上缴收入:subordinate_remittance", "上年结转结余:carryover_prior",
    ]);
  });
  it("where the lines leave two columns unordered (其他收入, 上级补助收入) and no 收支总表 says, takes the standard form's order", () => {
    const cols = wrappedColumns(HEADER, 12)!.map((c) => c.measure);
    // standard: 上级补助 | 附属单位上缴 | 其他收入; the lines keep 其他收入 before 附属单位上缴收入 (`事业收 其他收 位上缴`)
    expect(cols.slice(7)).toEqual(["operating_income", "superior_subsidy", "other_income", "subordinate_remittance", "carryover_prior"]);
  });
  it("reads nothing when the names rebuilt do not give as many columns as the rows print", () => {
    expect(wrappedColumns(HEADER, 13)).toBeNull();
    expect(wrappedColumns(["合计 一般公共预算"], 2)).toBeNull(); // one line: not a wrapped header
    expect(wrappedColumns(["科目名称 合计", "一般公共预 某某", "算"], 2)).toBeNull(); // a fragment of no known name
  });
});
