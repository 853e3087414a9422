/** Each rule on hand-built rows: a break that must be flagged (naming its lines) and a clean case that must pass. */
import { describe, expect, it } from "vitest";
import { audit, auditStats } from "../../../loaders/audit/index.ts";
import type { Check } from "../../../loaders/audit/types.ts";
import { fact, input, item, row } from "./fixtures.ts";

const of = (checks: Check[], rule: string) => checks.filter((c) => c.rule === rule);
const performed = (inp: ReturnType<typeof input>, rule: string) => auditStats(inp).find((s) => s.rule === rule)!.performed;

function summary(incomeTotal: number) {
  const t = { table_id: "01", table_name: "收入支出决算总表" };
  const inc = { ...t, side: "income", measure: "final" as const };
  const exp = { ...t, side: "expenditure", measure: "final" as const };
  return [
    item({ ...inc, row_label: "一、一般公共预算财政拨款收入", value: 100, source_line: 10 }),
    item({ ...exp, row_label: "一、卫生健康支出", value: 90, source_line: 10 }),
    item({ ...inc, row_label: "八、其他收入", value: 10, source_line: 11 }),
    item({ ...inc, row_label: "本年收入合计", value: incomeTotal, source_line: 12 }),
    item({ ...exp, row_label: "本年支出合计", value: 90, source_line: 12 }),
    item({ ...inc, row_label: "年初结转和结余", value: 5, source_line: 13 }),
    item({ ...exp, row_label: "年末结转和结余", value: 25, source_line: 13 }),
    item({ ...inc, row_label: "总计", value: 115, source_line: 14 }),
    item({ ...exp, row_label: "总计", value: 115, source_line: 14 }),
  ];
}

describe("totals", () => {
  it("passes a balanced 总表", () => {
    expect(audit(input(summary(110)))).toEqual([]);
    expect(performed(input(summary(110)), "totals")).toBe(5);
  });
  it("flags 本年收入合計 that does not add up, naming its lines", () => {
    const checks = of(audit(input(summary(111))), "totals");
    expect(checks.map((c) => c.severity)).toEqual(["error", "error"]);
    expect(checks[0].source_lines).toContain(12);
    expect(checks.some((c) => c.expected === 110 && c.actual === 111)).toBe(true);
    expect(checks[0].check_id).toBe("t:totals:1");
  });
});

describe("row and hierarchy", () => {
  const t = { table_id: "03", table_name: "支出决算表" };
  const table = (basic210: number, leaf: number) => [
    ...row(t, 20, "合计", null, { total: 300, basic: 200, project: 100 }),
    ...row(t, 21, "卫生健康支出", "210", { total: 300, basic: basic210, project: 100 }),
    ...row(t, 22, "医疗保障管理事务", "21015", { total: 300, basic: 200, project: 100 }),
    ...row(t, 23, "行政运行", "2101501", { total: leaf, basic: 200 }),
    ...row(t, 24, "一般行政管理事务", "2101502", { total: 100, project: 100 }),
  ];
  it("passes a consistent table", () => {
    expect(audit(input(table(200, 200)))).toEqual([]);
    expect(performed(input(table(200, 200)), "row")).toBe(5);
    expect(performed(input(table(200, 200)), "hierarchy")).toBeGreaterThanOrEqual(6);
  });
  it("flags 合计 ≠ 基本 + 项目 on the changed line", () => {
    const checks = of(audit(input(table(210, 200))), "row");
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ severity: "error", expected: 310, actual: 300, source_lines: [21], subject: "210" });
    expect(checks[0].message).toMatch(/应为 310，实为 300/);
  });
  it("flags 款 ≠ Σ 项 and calls a 0.01 difference rounding", () => {
    const checks = of(audit(input(table(200, 200.01))), "hierarchy");
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ severity: "info", expected: 300.01, actual: 300, source_lines: [22, 23, 24] });
    expect(checks[0].message).toMatch(/尾差/);
    const big = of(audit(input(table(200, 250))), "hierarchy");
    expect(big.map((c) => c.severity)).toEqual(["error"]);
  });
});

describe("basic and three_public", () => {
  const t = { table_id: "3-1", table_name: "一般公共预算基本支出预算表" };
  it("flags 基本支出 ≠ 人员经费 + 公用经费 and passes when it holds", () => {
    expect(audit(input(row(t, 30, "合计", null, { total: 10, personnel: 6, public_expenses: 4 })))).toEqual([]);
    const bad = of(audit(input(row(t, 30, "合计", null, { total: 10, personnel: 6, public_expenses: 5 }))), "basic");
    expect(bad[0]).toMatchObject({ severity: "error", expected: 11, actual: 10, source_lines: [30] });
  });
  it("flags “三公” ≠ Σ parts and 公务用车 ≠ 购置 + 运行", () => {
    const t3 = { table_id: "3-3", table_name: "一般公共预算“三公”经费支出预算表" };
    const ok = { three_public_total: 49.76, overseas_travel: 0, vehicles_total: 44.6, vehicle_purchase: 0, vehicle_operation: 44.6, official_reception: 5.16 };
    expect(audit(input(row(t3, 40, "合计", null, ok)))).toEqual([]);
    const bad = of(audit(input(row(t3, 40, "合计", null, { ...ok, vehicle_operation: 40 }))), "three_public");
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ expected: 40, actual: 44.6, severity: "error" });
  });
});

describe("cross_table", () => {
  const a = { table_id: "表1-2", table_name: "部门支出总表" };
  const b = { table_id: "表3", table_name: "一般公共预算支出预算表" };
  const doc = (v: number) => [
    ...row(a, 50, "合计", null, { total: 300 }),
    item({ ...a, row_label: "行政单位医疗", code: "2101101", unit_code: "001", value: 117.14, source_line: 51 }),
    item({ ...a, row_label: "行政单位医疗", code: "2101101", unit_code: "002", value: 71.59, source_line: 52 }),
    item({ ...a, row_label: "行政运行", code: "2101501", unit_code: "001", value: 111.27, source_line: 53 }),
    ...row(b, 60, "合计", null, { total: 300 }),
    ...row(b, 61, "行政单位医疗", "2101101", { total: v }),
    ...row(b, 62, "行政运行", "2101501", { total: 111.27 }),
  ];
  it("passes when the tables agree (units summed)", () => {
    expect(of(audit(input(doc(188.73))), "cross_table")).toEqual([]);
    expect(performed(input(doc(188.73)), "cross_table")).toBeGreaterThanOrEqual(3);
  });
  it("flags a code whose figure differs between tables, with both numbers and all lines", () => {
    const checks = of(audit(input(doc(1688.73))), "cross_table").filter((c) => c.subject === "2101101");
    expect(checks).toHaveLength(1);
    expect([checks[0].expected, checks[0].actual].sort()).toEqual([1688.73, 188.73].sort());
    expect(checks[0].source_lines).toEqual([51, 52, 61]);
    expect(checks[0].table_ids.sort()).toEqual(["表1-2", "表3"]);
  });
});

describe("prose", () => {
  const sentence = "2021年一般公共预算财政拨款支出1711.44万元，主要用于：社会保障和就业支出566.29万元，占33.09%；住房保障支出70.84万元，占0.58%。";
  const facts = (pct: number) => [
    fact({ measure: "amount", subject: "一般公共预算财政拨款支出", value: 1711.44, source_line: 149, sentence }),
    fact({ measure: "amount", subject: "社会保障和就业支出", value: 566.29, source_line: 149, sentence }),
    fact({ measure: "share_pct", subject: "社会保障和就业支出", value: 33.09, source_line: 149, sentence }),
    fact({ measure: "amount", subject: "住房保障支出", value: 70.84, source_line: 150, sentence }),
    fact({ measure: "share_pct", subject: "住房保障支出", value: pct, source_line: 150, sentence }),
  ];
  it("prose_share recomputes part ÷ whole", () => {
    expect(audit(input([], { facts: facts(4.14) }))).toEqual([]);
    const checks = of(audit(input([], { facts: facts(0.58) })), "prose_share");
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ severity: "warning", actual: 0.58, source_lines: [149, 150] });
    expect(checks[0].expected).toBeCloseTo(4.139, 2);
  });
  it("prose_change recomputes change ÷ earlier-year figure", () => {
    const s = "与2020年1248.74万元相比，增加462.7万元，增长37.05%。";
    const mk = (pct: number) => [
      fact({ measure: "amount", subject: "支出", value: 1711.44, source_line: 138, sentence: s }),
      fact({ measure: "amount", subject: "支出", value: 1248.74, year: 2020, source_line: 138, sentence: s }),
      fact({ measure: "change_amount", subject: "支出", value: 462.7, compared_year: 2020, direction: "increase", source_line: 138, sentence: s }),
      fact({ measure: "change_pct", subject: "支出", value: pct, compared_year: 2020, direction: "increase", source_line: 139, sentence: s }),
    ];
    expect(audit(input([], { facts: mk(37.05) }))).toEqual([]);
    const bad = of(audit(input([], { facts: mk(8.9) })), "prose_change");
    expect(bad[0]).toMatchObject({ severity: "warning", actual: 8.9, source_lines: [138, 139] });
  });
  it("prose_completion recomputes 决算 ÷ 预算", () => {
    const s = "年初预算为100万元，支出决算为84.87万元，完成年初预算的84.87%。";
    const mk = (pct: number) => [
      fact({ measure: "budget_amount", subject: "预算", value: 100, source_line: 70, sentence: s }),
      fact({ measure: "amount", subject: "支出决算", value: 84.87, source_line: 70, sentence: s }),
      fact({ measure: "budget_completion_pct", subject: "完成年初预算", value: pct, source_line: 71, sentence: s }),
    ];
    expect(audit(input([], { facts: mk(84.87) }))).toEqual([]);
    expect(of(audit(input([], { facts: mk(88.87) })), "prose_completion")[0]).toMatchObject({ severity: "warning", source_lines: [70, 71] });
  });
  it("prose_tables compares an amount naming a code with the table", () => {
    const t = { table_id: "表3", table_name: "一般公共预算支出预算表" };
    const items = [...row(t, 60, "合计", null, { total: 300 }), ...row(t, 61, "行政单位医疗", "2101101", { total: 1688.73 }), ...row(t, 62, "行政运行", "2101501", { total: 111.27 })];
    const f = (code: string, value: number, line: number) =>
      fact({ measure: "amount", code, subject: "行政单位医疗", value, source_line: line, section: "一般公共预算支出预算情况说明", sentence: "行政单位医疗预算数" });
    const checks = of(audit(input(items, { facts: [f("2101501", 111.27, 880), f("2101101", 188.73, 882)] })), "prose_tables");
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ severity: "warning", expected: 1688.73, actual: 188.73, source_lines: [61, 882], table_ids: ["表3"] });
  });
});

describe("performance", () => {
  const project = { doc_id: "t", project_id: "p1", project_name: "项目", budget_initial: 20, budget_adjusted: 19.04, executed: 16.16, weight: 10, score: 8.49, total_score: 98.49, unit: "万元", source_line: 5 };
  const inds = (s: number) => [
    { doc_id: "t", project_id: "p1", indicator: "数量", weight: 50, score: 50, source_line: 7 },
    { doc_id: "t", project_id: "p1", indicator: "满意度", weight: 40, score: s, source_line: 8 },
  ];
  it("performance_rate recomputes executed ÷ adjusted budget", () => {
    expect(audit(input([], { projects: [{ ...project, execution_rate: 84.87 }], indicators: inds(40) }))).toEqual([]);
    const bad = of(audit(input([], { projects: [{ ...project, execution_rate: 84.85 }], indicators: inds(40) })), "performance_rate");
    expect(bad[0]).toMatchObject({ severity: "warning", actual: 84.85, source_lines: [5] });
  });
  it("performance_score: total = Σ scores (+ execution score), score ≤ weight", () => {
    const bad = of(audit(input([], { projects: [{ ...project, execution_rate: 84.87 }], indicators: inds(45) })), "performance_score");
    expect(bad.map((c) => c.severity)).toEqual(["error", "error"]);
    expect(bad.some((c) => c.message.includes("超过分值") && c.source_lines.includes(8))).toBe(true);
    expect(bad.some((c) => c.message.includes("总分") && c.actual === 98.49 && c.source_lines.join() === "5,7,8")).toBe(true);
    expect(of(audit(input([], { projects: [{ ...project, execution_rate: 84.87 }], indicators: inds(40) })), "performance_score")).toEqual([]);
  });
});
