import { describe, expect, it } from "vitest";
import type { LineItem, TableParse } from "../../../../loaders/schema/types.ts";
import { hasShared, loadShared } from "../../../shared.ts";
import { find, parseDocument } from "./helpers.ts";

/** 财政拨款收入支出决算总表: lines of numbers printed above their labels. */
function checkFiscalSummaryAbove(r: TableParse, plain: boolean) {
  const cells = (f: Partial<LineItem>) => find(r, f).map((i) => [i.measure, i.value, i.source_line, i.rule]);
  expect(cells({ row_label: "一、一般公共预算财政拨款", measure: "general_public_budget" })).toEqual([["general_public_budget", 2940.05, 208, "attach:line-above"]]);
  expect(cells({ row_label: "本年收入合计" })).toEqual([["total", 2940.05, 246, "attach:line-above"]]);
  const fundRule = plain ? "shift:funds-with-income" : null;
  expect(cells({ row_label: "本年支出合计" })).toEqual([
    ["total", 2940.05, 246, ["attach:line-above", fundRule].filter((x) => x).join("+")],
    ["general_public_budget", 2940.05, 247, fundRule],
  ]);
  expect(r.residue.filter((x) => /numbers without row label|ambiguous/.test(x.reason))).toEqual([]);
}

/** 基本支出决算表: codes, names and amounts on separate lines, two groups side by side. */
function checkBasicSplitRows(r: TableParse) {
  const cell = (code: string) => find(r, { code }).map((i) => [i.value, i.source_line, i.side, i.rule]);
  expect(cell("301")).toEqual([[2082.85, 292, "人员经费", "split-rows:block"]]);
  expect(cell("302")).toEqual([[171.07, 292, "公用经费", "split-rows:block"]]);
  expect(cell("30102")).toEqual([[1238.58, 296, "人员经费", "split-rows:block"]]); // amount on the code line
  expect(cell("30202")).toEqual([[7.61, 297, "公用经费", "split-rows:block"]]); // 款 cell on the name line
  expect(cell("30108")).toEqual([[160.75, 305, "人员经费", "split-rows:block"]]); // amount on a line of its own
  expect(cell("30299")).toEqual([[11.53, 350, "公用经费", "split-rows:block"]]); // right group alone after the left ran out
  expect(cell("31002")).toEqual([[13.58, 357, "公用经费", "split-rows:block"]]);
  expect(find(r, { row_label: "人员经费合计" }).map((i) => [i.value, i.source_line, i.rule])).toEqual([[2152.26, 373, "split-rows:label-below"]]);
  expect(find(r, { row_label: "公用经费合计" })[0].value).toBe(184.65);
  expect(r.items).toHaveLength(29);
  expect(r.items.every((i) => i.inferred)).toBe(true);
  // the pairing is consistent with the identities: 类 = Σ 款 (尾差 ≤ 1 cent per addend), 合计 = Σ 类
  const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
  for (const lei of ["301", "302", "303", "310"]) {
    const kuan = r.items.filter((i) => i.code?.length === 5 && i.code.startsWith(lei)).map((i) => i.value);
    expect(Math.abs(sum(kuan) - find(r, { code: lei })[0].value)).toBeLessThanOrEqual(0.01 * kuan.length);
  }
  expect(sum(["301", "303"].map((c) => find(r, { code: c })[0].value))).toBe(2152.26);
  expect(r.residue.find((x) => x.source_line === 299)?.reason).toBe("row without values");
  expect(r.residue.find((x) => x.source_line === 294)?.reason).toBe("row split over lines");
}

describe.skipIf(!hasShared("external"))("上海普陀 财政局 2024 部门决算 (layout text: column positions kept)", () => {
  const p = loadShared("external/sh_putuo_czj_2024_dept_final.layout.txt", parseDocument);
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

  it("基本支出决算表: split rows paired by structure; names wrapped over lines joined by column", () => {
    const r = t("一般公共预算财政拨款基本支出决算表");
    checkBasicSplitRows(r);
    expect(find(r, { code: "30108" })[0].row_label).toBe("机关事业单位基本养老保险缴费");
    expect(find(r, { code: "30299" })[0].row_label).toBe("其他商品和服务支出");
  });

  it("财政拨款收入支出决算总表: numbers above their labels attached, fund columns by position", () => {
    checkFiscalSummaryAbove(t("财政拨款收入支出决算总表"), false);
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

describe.skipIf(!hasShared("external"))("上海普陀 财政局 (plain text)", () => {
  const p = loadShared("external/sh_putuo_czj_2024_dept_final.txt", parseDocument);
  it("总表 reads as in the layout version", () => {
    const r = p.parses.get("收入支出决算总表")!;
    expect(find(r, { code: "221" })[0]).toMatchObject({ value: 445.69, source_line: 111 });
  });
  it("基本支出决算表: the same pairing without positions; a one-line name fragment is not attributed", () => {
    const r = p.parses.get("一般公共预算财政拨款基本支出决算表")!;
    checkBasicSplitRows(r);
    expect(find(r, { code: "30108" })[0].row_label).toBe("机关事业单位基本养老保险缴");
    expect(r.residue.find((x) => x.source_line === 306)?.reason).toBe("label fragment of either row");
  });
  it("财政拨款收入支出决算总表: numbers above their labels attached by the row identities", () => {
    checkFiscalSummaryAbove(p.parses.get("财政拨款收入支出决算总表")!, true);
  });
  it("支出决算表: lines of numbers alone belong to the row below (the direction the identities allow)", () => {
    const r = p.parses.get("支出决算表")!;
    const cells = (code: string | null) => find(r, code ? { code } : { row_label: "合计" }).map((i) => [i.measure, i.value, i.source_line]);
    expect(cells(null)).toEqual([["basic", 2336.91, 166], ["project", 603.14, 166], ["total", 2940.05, 167]]);
    expect(cells("201")).toEqual([["basic", 1503.52, 168], ["project", 603.14, 168], ["total", 2106.66, 169]]);
    expect(cells("2010601")).toEqual([["basic", 1503.52, 172], ["total", 1511.89, 173], ["project", 8.37, 173]]);
    // the total is the first number of the row's own line, the copy above is 项目支出 (Σ 项目 of 20106's children)
    expect(cells("2010607")).toEqual([["project", 135.25, 175], ["total", 135.25, 176]]);
    expect(find(r, { code: "2010607", measure: "project" })[0].rule).toBe("attach:line-above+shift:code-hierarchy");
    expect(cells("208")).toEqual([["total", 326.72, 179], ["basic", 326.72, 179]]);
    expect(r.residue.filter((x) => /numbers without|ambiguous/.test(x.reason))).toEqual([]);
  });
  it("三公 0.95 0.95 without positions: 预算数 or 决算数 cannot be told, nothing placed", () => {
    const r = p.parses.get("财政拨款“三公”经费支出决算表")!;
    expect(r.items).toEqual([]);
    expect(r.residue.find((x) => x.source_line === 384)?.reason).toMatch(/^ambiguous columns: 0\.95 \(number 1\) is 预算数 合计 or 决算数 合计; /);
  });
});
