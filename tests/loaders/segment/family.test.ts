import { describe, expect, it } from "vitest";
import { matchNumberedTitle, matchTitleByMeaning, titleCore, UNREAD_FAMILY } from "../../../loaders/segment/family.ts";
import { isBoundary } from "../../../loaders/segment/tables.ts";

const family = (line: string) => matchTitleByMeaning(line, "budget")?.spec.family ?? null;

describe("a table's family from what its title means", () => {
  it("reduces a title to its core: no number, year, entity or 部门 / 市级 / 综合 words", () => {
    expect(titleCore("表 1 2022 年部门综合预算收支总表")).toBe("收支总表");
    expect(titleCore("收支总表（预算表 1）")).toBe("收支总表");
    expect(titleCore("2026年市级部门收支预算总表")).toBe("收支预算总表");
    expect(titleCore("本年一般公共预算支出表（预算表 5）")).toBe("一般公共预算支出表");
    expect(titleCore("收入 48054.42 万元，其中一般公共预算拨款收入表")).toBeNull();
    expect(titleCore("9.单位“三公”经费和机关运行经费预算表")).toBeNull(); // a list item of a table of contents
  });
  it("names the family from the money, the side, the part and the classification the title names", () => {
    expect(family("收支总体情况表")).toBe("budget_summary");
    expect(family("财政拨款收支总体情况表")).toBe("budget_fiscal_summary");
    expect(family("收入总体情况表")).toBe("budget_income");
    expect(family("本年支出总体情况表")).toBe("budget_expenditure");
    expect(family("一般公共预算支出情况表（按功能分类科目）")).toBe("budget_gpb_by_code");
    expect(family("一般公共预算基本支出情况表（按经济分类科目）")).toBe("budget_gpb_basic_by_economic");
    expect(family("一般公共预算项目支出情况表（按经济分类科目）")).toBe("budget_gpb_project_by_economic");
    expect(family("财政拨款安排的行政经费及“三公”经费预算表")).toBe("budget_three_public");
    expect(family("财政拨款支出表（功能科目）")).toBe("budget_fiscal_by_code");
    expect(family("2026年市级部门政府性基金预算支出表")).toBe("budget_gov_fund");
  });
  it("leaves 绩效 and part headings alone; 政府采购 tables are their own family", () => {
    expect(family("2022年部门预算专项业务经费绩效目标表")).toBeNull();
    expect(family("政府采购支出表")).toBe("budget_procurement");
    expect(family("表12 2022年部门综合预算政府采购（资产配置、购买服务）预算表（不含上年结转）")).toBe("budget_procurement");
    expect(family("第二部分 2026年部门预算表")).toBeNull();
  });
});

describe("a numbered title names a table even when we do not read its family", () => {
  it("表10 / 2022年部门综合预算专项业务经费支出表 starts a table; a bare 预算表 does not; a 绩效表 title ends the tables", () => {
    expect(matchNumberedTitle(["表10", "2022年部门综合预算专项业务经费支出表"], 1)?.spec.family).toBe(UNREAD_FAMILY);
    // 机关运行经费 alone is read by economic code (beside the “三公” it is their table)
    expect(matchTitleByMeaning("一般公共预算机关运行经费支出预算表", "budget")?.spec.family).toBe("budget_agency_running_costs");
    expect(matchTitleByMeaning("“三公”经费和机关运行经费预算表", "budget")?.spec.family).toBe("budget_three_public");
    expect(matchNumberedTitle(["表3", "部门预算表"], 1)).toBeNull();
    expect(isBoundary("2026年市级部门项目支出绩效表")).toBe(true);
    expect(isBoundary("2026年市级部门项目支出预算表")).toBe(false);
    // jl_cc page 16: the title printed with its number after it
    expect(isBoundary("长春市信访局 2026 年项目支出绩效目标表预算表（预算表 11）")).toBe(true);
    expect(isBoundary("国有资本经营预算支出明细表(预算表 10)")).toBe(false);
  });
});
