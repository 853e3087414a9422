/** 002: 四川省医疗保障局 2023 部门预算 (tab-separated tables 表1 … 表5). */
import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { coverage, itemsAt, parseFile, ROOT } from "./parse-doc.ts";

const p = parseFile(resolve(ROOT, "data/documents/002_a36e60e200b2c537.txt"));
const table = (id: string) => p.byId.get(id)!;
const rowsOf = (id: string) => new Set(table(id).parse.items.map((i) => i.row_index)).size;

describe("002 budget tables", () => {
  it("finds every standard table with its row count", () => {
    const found = Object.fromEntries([...p.byId.entries()].map(([id, t]) => [id, [t.section.family, t.parse.status, rowsOf(id)]]));
    expect(found).toEqual({
      表1: ["budget_summary", "ok", 8],
      "表1-1": ["budget_income", "ok", 6],
      "表1-2": ["budget_expenditure", "ok", 48],
      表2: ["budget_fiscal_summary", "ok", 7],
      "表2-1": ["budget_fiscal_by_economic", "untrusted", 0],
      表3: ["budget_gpb_by_code", "ok", 19],
      "表3-1": ["budget_gpb_basic_by_economic", "ok", 150],
      "表3-2": ["budget_gpb_project", "ok", 43],
      "表3-3": ["budget_three_public", "ok", 6],
      表4: ["budget_gov_fund", "no_data", 0],
      "表4-1": ["budget_gov_fund_three_public", "no_data", 0],
      表5: ["budget_state_capital", "no_data", 0],
    });
  });

  it("表1: 一般公共预算拨款收入 14,842.01 on line 82, income side", () => {
    const [i] = itemsAt(p, 82).filter((x) => x.side === "income");
    expect(i).toMatchObject({ table_id: "表1", row_label: "一、一般公共预算拨款收入", value: 14842.01, amount_wan: 14842.01, unit: "万元", measure: "budget" });
    const e = itemsAt(p, 82).find((x) => x.side === "expenditure")!;
    expect(e).toMatchObject({ row_label: "一、一般公共服务支出", value: 338.83 });
    expect(itemsAt(p, 112).map((x) => [x.side, x.row_label, x.value])).toEqual([
      ["income", "收入总计", 17863.04],
      ["expenditure", "支出总计", 17863.04],
    ]);
  });

  it("表1-2: 210 15 04 / 347001 信息化建设 8,030.43 total and project", () => {
    const got = itemsAt(p, 153).map((i) => [i.code, i.code_system, i.code_level, i.parent_code, i.unit_code, i.row_label, i.measure, i.value, i.is_leaf]);
    expect(got).toEqual([
      ["2101504", "functional", 3, "21015", "347001", "信息化建设", "total", 8030.43, true],
      ["2101504", "functional", 3, "21015", "347001", "信息化建设", "project", 8030.43, true],
    ]);
  });

  it("表1-2: unit subtotal rows carry the unit code from 表1-1, the department row the department code", () => {
    expect(itemsAt(p, 160).map((i) => [i.row_label, i.unit_code, i.code, i.measure, i.value])).toEqual([
      ["四川省医疗保障事务中心", "347601", null, "total", 4638.54],
      ["四川省医疗保障事务中心", "347601", null, "basic", 1329.54],
      ["四川省医疗保障事务中心", "347601", null, "project", 3309],
    ]);
    expect(itemsAt(p, 146).every((i) => i.unit_code === "347" && i.row_label === "四川省医疗保障局")).toBe(true);
    expect(itemsAt(p, 147).every((i) => i.unit_code === "347001")).toBe(true);
    expect(table("表1-2").parse.residue.find((r) => r.source_line === 161)?.reason).toBe("label row without amounts");
  });

  it("表1-1: unit rows by printed unit code", () => {
    expect(itemsAt(p, 130).map((i) => [i.code, i.code_system, i.unit_code, i.measure, i.value])).toEqual([
      ["347902", "budget_unit", "347902", "total", 880.17],
      ["347902", "budget_unit", "347902", "general_public_budget", 880.17],
    ]);
  });

  it("表3: unpadded `208 5 5` is 2080505; 行政单位医疗 keeps the printed 1,688.73", () => {
    expect(itemsAt(p, 346)[0]).toMatchObject({ code: "2080505", unit_code: "347", measure: "total", value: 346.8 });
    expect(itemsAt(p, 358).map((i) => [i.code, i.row_label, i.measure, i.value])).toEqual([
      ["2101101", "行政单位医疗", "total", 1688.73],
      ["2101101", "行政单位医疗", "current_year_appropriation", 1688.73],
    ]);
  });

  it("表3-1: economic codes from the third column, unit context, repeated page header", () => {
    expect(itemsAt(p, 381)[0]).toMatchObject({ code: "3010203", code_system: "economic", code_level: 3, unit_code: "347001", measure: "total", value: 64.71 });
    expect(itemsAt(p, 461)[0]).toMatchObject({ code: "30309", unit_code: "347601", value: 0.12 });
    expect(table("表3-1").parse.residue.find((r) => r.source_line === 459)?.reason).toBe("page header repeated");
  });

  it("表3-2: projects by unit, measure project", () => {
    expect(itemsAt(p, 557)[0]).toMatchObject({ code: "2101504", unit_code: "347001", row_label: "继续实施项目-医疗服务与保障能力提升", measure: "project", value: 5610.43, is_leaf: true });
    expect(itemsAt(p, 583)[0]).toMatchObject({ code: "2101505", unit_code: "347901", value: 38.77 });
    expect(itemsAt(p, 581)[0]).toMatchObject({ row_label: "四川省医疗保险异地结算中心", unit_code: "347901", value: 102.77, is_leaf: false });
  });

  it("表3-3: “三公” by unit with the vehicle sub-columns", () => {
    expect(itemsAt(p, 602).map((i) => [i.measure, i.value])).toEqual([
      ["three_public_total", 38.56],
      ["vehicles_total", 36.4],
      ["vehicle_operation", 36.4],
      ["official_reception", 2.16],
    ]);
  });

  it("表2-1 is reported untrusted, its lines in residue", () => {
    const t = table("表2-1");
    expect(t.section.title_line).toBe(240);
    expect(t.parse.items).toHaveLength(0);
    expect(t.parse.message).toMatch(/break the column identities/);
    const lines = t.parse.residue.map((r) => r.source_line);
    expect(lines).toContain(245);
    expect(t.parse.residue.every((r) => r.reason.startsWith("untrusted table: "))).toBe(true);
  });

  it("empty tables are no_data with their note in residue", () => {
    expect(table("表4").parse.residue.find((r) => r.source_line === 622)?.reason).toBe("no-data note");
  });

  it("covers every printed amount", () => {
    const c = coverage(p);
    console.log(`002 coverage: ${c.tokens} amounts, ${c.inItems} in items, ${c.onResidueLines} on residue lines`);
    expect(c.missing).toEqual([]);
    expect(c.invented).toEqual([]);
    expect(c.inItems).toBe(p.items.length);
  });
});
