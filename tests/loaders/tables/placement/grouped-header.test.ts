// A grouped header read from positions: group headers over runs of leaf
// columns (当年预算 | 上年结转结余, each over its own fund or “三公” columns),
// each number in the leaf column its x-span falls in. Real PDF from
// ../shared (skipped, visibly, when absent).
import { describe, expect, it } from "vitest";
import { groupSums } from "../../../../loaders/tables/placement/index.ts";
import { corpusDocument } from "../../corpus-document.ts";
import { hasCorpus } from "../../helpers.ts";

describe("groupSums", () => {
  it("each group's 小计 = its columns, a group within it by its 小计, one without 小计 by its parts", () => {
    const paths = [[], ["A"], ["A", "x"], ["A", "x"], ["A", "x"], ["A"], ["B"], ["B"], []];
    const leaves = ["合计", "小计", "小计", "p", "q", "r", "s", "t", "u"];
    expect(groupSums(paths, leaves)).toEqual([
      // 合计 = A's 小计 + B's parts (B prints no 小计) + u
      { sum: 0, parts: [1, 6, 7, 8] },
      // A's 小计 = x's 小计 + r
      { sum: 1, parts: [2, 5] },
      { sum: 2, parts: [3, 4] },
    ]);
  });
});

describe.skipIf(!hasCorpus)("jl_cc_xfj_2026_dept_budget PDF: two-level grouped headers", () => {
  const pdf = corpusDocument("jl_cc_xfj_2026_dept_budget.pdf");
  const pageOf = (line: number) => pdf().pages.find((p) => p.first_line <= line && line <= p.last_line)?.page;
  const row = (line: number) =>
    pdf()
      .line_items.filter((i) => i.source_line === line)
      .map((i) => [i.table_id, i.column_label, i.measure, i.side, i.value]);

  it("收入总表 (page 7): 合计 | 编制预算 小计 + 9 sources | 上年结转 小计 + 5 funds, from vertical one-character headers", () => {
    const t = "收入总表";
    expect(row(107)).toEqual([
      [t, "合计", "total", null, 1682.76],
      [t, "编制预算/小计", "total", "编制预算", 1682.76],
      [t, "编制预算/一般公共预算", "general_public_budget", "编制预算", 1682.76],
      [t, "编制预算/政府性基金预算", "government_fund", "编制预算", 0],
      [t, "编制预算/国有资本经营预算", "state_capital", "编制预算", 0],
      [t, "编制预算/财政专户管理资金", "fiscal_special_account", "编制预算", 0],
      [t, "编制预算/事业收入", "business_income", "编制预算", 0],
      [t, "编制预算/事业单位经营收入", "operating_income", "编制预算", 0],
      [t, "编制预算/上级补助收入", "superior_subsidy", "编制预算", 0],
      [t, "编制预算/附属单位上缴收入", "subordinate_remittance", "编制预算", 0],
      [t, "编制预算/其他收入", "other_income", "编制预算", 0],
      [t, "上年结转/小计", "total", "上年结转", 0],
      [t, "上年结转/一般公共预算", "general_public_budget", "上年结转", 0],
      [t, "上年结转/政府性基金预算", "government_fund", "上年结转", 0],
      [t, "上年结转/国有资本经营预算", "state_capital", "上年结转", 0],
      [t, "上年结转/财政专户管理资金", "fiscal_special_account", "上年结转", 0],
      [t, "上年结转/单位资金", "unit_funds", "上年结转", 0],
    ]);
    expect(pageOf(107)).toBe(7);
  }, 120_000);

  it("“三公”经费支出表 (page 12): three levels, 当年预算 and 上年结转结余 each over 因公出国（境）费 and 公务用车购置及运行费 groups", () => {
    const t = "一般公共预算“三公”经费支出表";
    const now = "当年预算";
    const got = row(251);
    expect(got.slice(0, 9)).toEqual([
      [t, "“三公”经费合计", "three_public_total", null, 7.61],
      [t, `${now}/小计`, "three_public_total", now, 7.61],
      [t, `${now}/因公出国（境）费/小计`, "overseas_travel", now, 0],
      [t, `${now}/因公出国（境）费/因公出国（境）费`, "overseas_travel_other", now, 0],
      [t, `${now}/因公出国（境）费/科研因公出国（境）费用`, "overseas_travel_research", now, 0],
      [t, `${now}/公务用车购置及运行费/小计`, "vehicles_total", now, 6.75],
      [t, `${now}/公务用车购置及运行费/公务用车购置费`, "vehicle_purchase", now, 0],
      [t, `${now}/公务用车购置及运行费/公务用车运行费`, "vehicle_operation", now, 6.75],
      [t, `${now}/公务接待费`, "official_reception", now, 0.86],
    ]);
    expect(got.slice(9).map(([, label, measure, side, value]) => [label, measure, side, value])).toEqual([
      ["上年结转结余/小计", "three_public_total", "上年结转结余", 0],
      ["上年结转结余/因公出国（境）费/小计", "overseas_travel", "上年结转结余", 0],
      ["上年结转结余/因公出国（境）费/因公出国（境）费", "overseas_travel_other", "上年结转结余", 0],
      ["上年结转结余/因公出国（境）费/科研因公出国（境）费用", "overseas_travel_research", "上年结转结余", 0],
      ["上年结转结余/公务用车购置及运行费/小计", "vehicles_total", "上年结转结余", 0],
      ["上年结转结余/公务用车购置及运行费/公务用车购置费", "vehicle_purchase", "上年结转结余", 0],
      ["上年结转结余/公务用车购置及运行费/公务用车运行费", "vehicle_operation", "上年结转结余", 0],
      ["上年结转结余/公务接待费", "official_reception", "上年结转结余", 0],
    ]);
    expect(pageOf(251)).toBe(12);
  }, 120_000);

  it("项目支出表 (page 14): 本年财政拨款 | 财政拨款结转 over the three funds, 财政专户管理资金 and 单位资金 beside them", () => {
    const t = "项目支出表";
    expect(row(287)).toEqual([
      [t, "合计", "total", null, 30],
      [t, "本年财政拨款/一般公共预算", "general_public_budget", "本年财政拨款", 30],
      [t, "本年财政拨款/政府性基金预算", "government_fund", "本年财政拨款", 0],
      [t, "本年财政拨款/国有资本经营预算", "state_capital", "本年财政拨款", 0],
      [t, "财政拨款结转/一般公共预算", "general_public_budget", "财政拨款结转", 0],
      [t, "财政拨款结转/政府性基金预算", "government_fund", "财政拨款结转", 0],
      [t, "财政拨款结转/国有资本经营预算", "state_capital", "财政拨款结转", 0],
      [t, "财政专户管理资金", "fiscal_special_account", null, 0],
      [t, "单位资金", "unit_funds", null, 0],
    ]);
    expect(pageOf(287)).toBe(14);
    const totals = pdf()
      .line_items.filter((i) => i.table_id === t && i.measure === "total")
      .map((i) => [i.source_line, i.value]);
    expect(totals).toEqual([
      [275, 474.56],
      [281, 474.56],
      [287, 30],
      [295, 116],
      [302, 312],
      [310, 16.56],
    ]);
  }, 120_000);

  it("every row has its columns: the document is ok, its three grouped tables too", () => {
    const d = pdf();
    expect(d.residue.filter((r) => /ambiguous columns|no column reading/.test(r.reason))).toEqual([]);
    for (const id of ["收入总表", "一般公共预算“三公”经费支出表", "项目支出表"]) expect(d.tables.find((t) => t.table_id === id)?.status).toBe("ok");
    expect(d.document.status).toBe("ok");
    // the audit checks each group's sums and 合计 = Σ the groups (not 合计 = 财政专户 + 单位资金): no finding
    const tables = ["收入总表", "一般公共预算“三公”经费支出表", "项目支出表"];
    expect(d.checks.filter((c) => tables.some((t) => c.table_ids.includes(t))).map((c) => c.message)).toEqual([]);
  }, 120_000);
});
