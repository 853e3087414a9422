import { describe, expect, it } from "vitest";
import { CZJ, CZJ_LAYOUT, find, parseDocument } from "./helpers.ts";

describe("上海普陀 财政局 2024 部门决算 (layout text: column positions kept)", () => {
  const p = parseDocument(CZJ_LAYOUT);
  const t = (name: string) => p.parses.get(name)!;

  it("finds the nine tables", () => {
    expect(p.sections.map((s) => s.family)).toEqual([
      "final_summary", "final_income_by_code", "final_expenditure_by_code", "final_fiscal_summary", "final_gpb_by_code",
      "final_gpb_basic_by_economic", "final_three_public", "final_gov_fund", "final_state_capital",
    ]);
  });

  it("收入决算表: numbers placed by column position (empty cells kept)", () => {
    const r = t("收入决算表");
    expect(find(r, { code: "2010602" }).map((i) => [i.measure, i.value, i.inferred])).toEqual([
      ["total", 16.19, false], ["fiscal_appropriation", 10, false], ["other_income", 6.19, false],
    ]);
    expect(find(r, { code: "2080505" })[0].row_label).toBe("机关事业单位基本养老保险缴费支出");
  });

  it("支出决算表: values printed on the line above their row", () => {
    const r = t("支出决算表");
    expect(find(r, { code: "2010601" }).map((i) => [i.measure, i.value, i.source_line])).toEqual([
      ["basic", 1503.52, 172], ["total", 1511.89, 173], ["project", 8.37, 173],
    ]);
    expect(find(r, { code: "2010601", measure: "basic" })[0].rule).toBe("layout:row-below");
    expect(find(r, { code: "2010602" }).map((i) => [i.measure, i.value])).toEqual([["total", 10], ["project", 10]]);
  });

  it("总表 and 三公 (budget 0.95, no final spending)", () => {
    expect(find(t("收入支出决算总表"), { measure: "other_income" })[0]).toMatchObject({ value: 6.2, source_line: 100 });
    const tp = t("财政拨款“三公”经费支出决算表");
    expect(tp.items.map((i) => [i.side, i.measure, i.value])).toEqual([
      ["预算数", "three_public_total", 0.95],
      ["预算数", "official_reception", 0.95],
    ]);
  });

  it("no-data tables", () => {
    expect(t("政府性基金预算财政拨款收入支出决算表").status).toBe("no_data");
    expect(t("国有资本经营预算财政拨款收入支出决算表").message).toMatch(/无国有资本经营预算财政拨款支出/);
  });
});

describe("上海普陀 财政局 (plain text)", () => {
  const p = parseDocument(CZJ);
  it("总表 reads as in the layout version", () => {
    const r = p.parses.get("收入支出决算总表")!;
    expect(find(r, { code: "221" })[0]).toMatchObject({ value: 445.69, source_line: 111 });
  });
  it("lone numbers without a row go to residue, not to a guessed row", () => {
    const r = p.parses.get("支出决算表")!;
    expect(r.residue.find((x) => x.source_line === 168)?.reason).toBe("numbers without row label");
    expect(find(r, { code: "201" }).map((i) => [i.measure, i.value])).toEqual([["total", 2106.66]]);
  });
  it("三公 0.95 0.95 without positions: 预算数 or 决算数 cannot be told, nothing placed", () => {
    const r = p.parses.get("财政拨款“三公”经费支出决算表")!;
    expect(r.items).toEqual([]);
    expect(r.residue.find((x) => x.source_line === 384)?.reason).toMatch(/^ambiguous columns: 0\.95 \(number 1\) is 预算数 合计 or 决算数 合计; /);
  });
});
