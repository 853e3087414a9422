/** 西安 部门综合预算 read from its PDF (../shared/corpus/sn_xa_ybj_2022_dept_budget.pdf): 表2 / 表3 headers wrapped over many baselines, read by positions. */
import { describe, expect, it } from "vitest";
import type { DocumentExtraction } from "../../../../loaders/extract.ts";
import { corpusDocument, valuesOnLine } from "../../corpus-document.ts";
import { hasCorpus, SHARED_ABSENT } from "../../helpers.ts";

if (!hasCorpus) console.warn(SHARED_ABSENT);

const pdf = corpusDocument("sn_xa_ybj_2022_dept_budget.pdf");
const twin = corpusDocument("sn_xa_ybj_2022_dept_budget.txt");
const pageOf = (d: DocumentExtraction, line: number) => d.pages.find((p) => p.first_line <= line && line <= p.last_line)?.page;

describe.skipIf(!hasCorpus)("西安 PDF: wrapped headers read by positions", () => {
  it("表2 收入总表 (page 30): the twelve cells in printed order, the 245002 row's 426680000 under 其中：专项资金列入部门预算项目", () => {
    const d = pdf();
    const t = d.tables.find((x) => x.table_id === "表2");
    expect([t?.family, t?.status]).toEqual(["budget_income", "ok"]);
    // line 467: 245002 西安市医疗保障经办服务中心 454472259.1 454472259.1 426680000 0 … 0
    const row = d.line_items.filter((i) => i.source_line === 467);
    expect(row.map((i) => [i.column_label, i.measure, i.value])).toEqual([
      ["合计", "total", 454472259.1],
      ["小计", "general_public_budget", 454472259.1],
      ["其中：专项资金列入部门预算项目", "special_funds_in_budget", 426680000],
      ["政府性基金拨款", "government_fund", 0],
      ["上级补助收入", "superior_subsidy", 0],
      ["事业收入", "business_income", 0],
      ["事业单位经营收入", "operating_income", 0],
      ["对附属单位上缴收入", "subordinate_remittance", 0],
      ["用事业基金弥补收支差额", "non_fiscal_balance_used", 0],
      ["上年结转", "carryover_prior", 0],
      ["上年实户资金余额", "prior_account_balance", 0],
      ["其他收入", "other_income", 0],
    ]);
    // the unit code printed before the name is the row's unit_code
    expect(row.every((i) => i.row_label === "西安市医疗保障经办服务中心" && i.unit_code === "245002" && i.unit === "元")).toBe(true);
    expect(pageOf(d, 467)).toBe(30);
    // the 合计 row (line 464)
    expect(valuesOnLine(d, 464, "measure")).toMatchObject({ total: 480544221.6, general_public_budget: 480544221.6, special_funds_in_budget: 426680000 });
  }, 120_000);

  it("表3 支出总表 (page 31): ten cells, 上年实户资金余额 before 其他收入 and 上年结转 as printed", () => {
    const d = pdf();
    expect(d.tables.find((x) => x.table_id === "表3")?.status).toBe("ok");
    const row = d.line_items.filter((i) => i.source_line === 485);
    expect(row.map((i) => i.column_label)).toEqual([
      "合计",
      "小计",
      "其中：专项资金列入部门预算的项目",
      "政府性基金拨款",
      "事业收入",
      "事业单位经营收入",
      "对附属单位上缴收入",
      "上年实户资金余额",
      "其他收入",
      "上年结转",
    ]);
    expect(row.slice(0, 3).map((i) => i.value)).toEqual([7130000, 7130000, 0]);
    expect([row[0].row_label, row[0].unit_code]).toEqual(["西安市医疗保险基金管理中心", "245003"]);
    expect(pageOf(d, 485)).toBe(31);
  }, 120_000);

  it("places at least as many numbers as its text twin", () => {
    expect(pdf().document.numbers_extracted).toBeGreaterThanOrEqual(twin().document.numbers_extracted);
    expect(
      pdf()
        .residue.filter((r) => r.table_id === "表2" || r.table_id === "表3")
        .filter((r) => /untrusted|ambiguous/.test(r.reason)),
    ).toEqual([]);
  }, 120_000);
});
