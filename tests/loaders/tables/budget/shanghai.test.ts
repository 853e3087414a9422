/** Shanghai budgets (another template, plain text, amounts in 元, “三公” in 万元). */
import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { readDocument } from "../../../../loaders/ingest/read.ts";
import { hasShared, loadShared } from "../../../shared.ts";
import { coverage, EXTERNAL, itemsAt, parseDoc, parseFile, type Parsed } from "./parse-doc.ts";

const sww = loadShared("external/sh_putuo_sww_2025_dept_budget.txt", parseFile);
const shiquan = loadShared("external/sh_putuo_shiquan_2026_unit_budget.txt", parseFile);
const shfly = loadShared("external/sh_putuo_shfly_2024_unit_budget.txt", parseFile);

const FAMILIES = [
  "budget_summary",
  "budget_income",
  "budget_expenditure",
  "budget_fiscal_summary",
  "budget_gpb_by_code",
  "budget_gov_fund",
  "budget_state_capital",
  "budget_gpb_basic_by_economic",
  "budget_three_public",
];
const statuses = (p: Parsed) => Object.fromEntries([...p.byFamily.entries()].map(([f, t]) => [f, t.parse.status]));
const residueAt = (p: Parsed, line: number) => [...p.byId.values()].flatMap((t) => t.parse.residue).find((r) => r.source_line === line);

describe.skipIf(!hasShared("external"))("Shanghai budgets", () => {
  it("find the same families in all three documents", () => {
    for (const p of [sww, shiquan, shfly]) expect([...p.byFamily.keys()]).toEqual(FAMILIES);
    expect(statuses(sww)).toMatchObject({ budget_income: "ok", budget_gpb_basic_by_economic: "ok", budget_gov_fund: "no_data", budget_three_public: "partial" });
    expect(statuses(shfly)).toMatchObject({ budget_gpb_by_code: "ok", budget_fiscal_summary: "ok" });
  });

  it("sww: values in 元 with amount_wan = value / 10000", () => {
    expect(itemsAt(sww, 133).find((i) => i.side === "income")).toMatchObject({ row_label: "一、财政拨款收入", value: 371514655, unit: "元", amount_wan: 37151.4655 });
    expect(itemsAt(sww, 150).map((i) => [i.code, i.measure, i.value, i.amount_wan])).toEqual([
      ["2011301", "total", 9389913, 938.9913],
      ["2011301", "fiscal_appropriation", 9389913, 938.9913],
    ]);
  });

  it("sww: dropped empty cells are placed by the hierarchy and marked inferred", () => {
    const [, second] = itemsAt(sww, 301);
    expect(second).toMatchObject({ code: "30101", code_system: "economic", measure: "personnel", value: 1952616, inferred: true });
    expect(second.rule).toMatch(/^shift:hierarchy \(301 = Σ/);
    // 201 13 02 一般行政管理事务: 合计 and 项目支出 (not 基本支出)
    expect(itemsAt(sww, 190).map((i) => i.measure)).toEqual(["total", "project"]);
  });

  it("sww: “三公” table in 万元; the 1.00 that fits two columns stays in residue", () => {
    expect(itemsAt(sww, 341).map((i) => [i.measure, i.value, i.unit, i.amount_wan])).toEqual([
      ["three_public_total", 1, "万元", 1],
      ["agency_running_costs", 171.01, "万元", 171.01],
    ]);
    expect(residueAt(sww, 341)?.reason).toMatch(/^ambiguous columns: 2 readings/);
  });

  it("shiquan: glued codes are split", () => {
    expect(itemsAt(shiquan, 206).map((i) => [i.code, i.code_level, i.row_label, i.measure, i.value, i.amount_wan])).toEqual([
      ["2010506", 3, "统计管理", "total", 1200, 0.12],
      ["2010506", 3, "统计管理", "fiscal_appropriation", 1200, 0.12],
    ]);
    expect(itemsAt(shiquan, 508)[1]).toMatchObject({ code: "30101", row_label: "基本工资", measure: "personnel", value: 2724912 });
    expect(residueAt(shiquan, 539)?.reason).toBe("code row without amounts");
    expect(residueAt(shiquan, 403)?.reason).toBe("page header repeated");
  });

  it("shiquan: 支出总计 by fund follows the income rows by fund", () => {
    expect(itemsAt(shiquan, 380).filter((i) => i.side === "expenditure").map((i) => [i.measure, i.value])).toEqual([
      ["total", 76306134],
      ["general_public_budget", 72626134],
      ["government_fund", 3680000],
    ]);
  });

  it("shfly: a mangled 类 (`7 11 02`) is completed from the 款 above", () => {
    const [i] = itemsAt(shfly, 123);
    expect(i).toMatchObject({ code: "2101102", row_label: "事业单位医疗", value: 503724 });
    expect(i.rule).toMatch(/code:garbled/);
  });

  it("shfly: spaced glyphs in titles and headers parse the same", () => {
    const doc = readDocument(resolve(EXTERNAL, "sh_putuo_shfly_2024_unit_budget.txt"));
    const spaced = { ...doc, lines: doc.lines.map((l) => l.replace(/“三公”/g, "“ 三公 ”").replace(/基本支出部门预算/g, "基 本 支 出 部 门 预 算")) };
    const p = parseDoc(spaced);
    expect([...p.byFamily.keys()]).toEqual(FAMILIES);
    expect(p.items.map((i) => [i.source_line, i.measure, i.value])).toEqual(shfly.items.map((i) => [i.source_line, i.measure, i.value]));
  });

  it("covers every printed amount", () => {
    for (const [name, p] of [["sww", sww], ["shiquan", shiquan], ["shfly", shfly]] as const) {
      const c = coverage(p);
      console.log(`${name} coverage: ${c.tokens} amounts, ${c.inItems} in items, ${c.onResidueLines} on residue lines`);
      expect(c.missing).toEqual([]);
      expect(c.invented).toEqual([]);
    }
  });
});
