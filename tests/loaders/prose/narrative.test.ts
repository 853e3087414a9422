import { describe, expect, it } from "vitest";
import { fromBytes, readDocument } from "../../../loaders/ingest/read.ts";
import { extractNarrative, type NarrativeFact } from "../../../loaders/prose/index.ts";
import type { SourceDocument } from "../../../loaders/schema/types.ts";
import { segmentDocument } from "../../../loaders/segment/index.ts";

/** The prose of a document, segmented first as the pipeline does. */
const narrative = (doc: SourceDocument, ctx: { amount_unit: string; year: number }) => extractNarrative(doc, segmentDocument(doc, "万元"), ctx);
import { SAMPLE } from "../helpers.ts";

function run(path: string, year: number) {
  return narrative(readDocument(path), { amount_unit: "万元", year });
}

function one(facts: NarrativeFact[], q: Partial<NarrativeFact>): NarrativeFact {
  const hits = facts.filter((f) => Object.entries(q).every(([k, v]) => (f as unknown as Record<string, unknown>)[k] === v));
  expect(hits, JSON.stringify(q)).toHaveLength(1);
  return hits[0];
}

const g2022 = run(SAMPLE.guizhou2022, 2022);
const s2022 = run(SAMPLE.sichuan2022unit, 2022);
const l2021 = run(SAMPLE.leshan2021, 2021);
const d2023 = run(SAMPLE.dazhou2023, 2023);
const b2023 = run(SAMPLE.sichuan2023budget, 2023);

describe("收支总计 and its change (004, wrapped over blank lines)", () => {
  it("states the total on its line", () => {
    const f = one(g2022.facts, { source_line: 631, measure: "amount", derived: false });
    expect(f).toMatchObject({ subject: "收支决算总计", value: 10693.19, unit: "万元", amount_wan: 10693.19, year: 2022 });
    expect(f.section).toBe("一、收入支出决算总体情况说明");
    expect(f.source_text).toContain("10,693.19万元");
  });
  it("puts the change on the continuation line after a blank line", () => {
    const c = one(g2022.facts, { source_line: 633, measure: "change_amount" });
    expect(c).toMatchObject({ subject: "收支决算总计", value: 5986.43, direction: "decrease", compared_year: 2021, year: 2022 });
    expect(c.source_text.trim().startsWith("少5,986.43万元")).toBe(true);
    expect(c.sentence).toContain("与2021年度相比，减少5,986.43万元，下降35.89%");
    const p = one(g2022.facts, { source_line: 633, measure: "change_pct" });
    expect(p).toMatchObject({ value: 35.89, unit: "%", direction: "decrease", compared_year: 2021 });
  });
  it("derives the 2021 figure", () => {
    const d = one(g2022.facts, { source_line: 633, derived: true });
    expect(d).toMatchObject({ measure: "amount", value: 16679.62, year: 2021, compared_year: null, formula: "10693.19 + 5986.43", subject: "收支决算总计" });
    expect(d.fact_id).toBe(`${d.doc_id}:633:2`);
  });
  it("000: 收、支总计 减少 4278.38 下降 35.9% → 2021 11918.72", () => {
    one(s2022.facts, { source_line: 42, measure: "amount", subject: "收支总计", value: 7640.34 });
    one(s2022.facts, { source_line: 44, measure: "change_amount", value: 4278.38, direction: "decrease", compared_year: 2021 });
    one(s2022.facts, { source_line: 44, measure: "change_pct", value: 35.9 });
    one(s2022.facts, { source_line: 44, derived: true, value: 11918.72, year: 2021 });
  });
  it("003: a printed earlier-year figure is kept and not derived again", () => {
    one(l2021.facts, { source_line: 98, measure: "amount", value: 1254.66, year: 2020, derived: false, subject: "收支总计" });
    one(l2021.facts, { source_line: 98, measure: "change_amount", value: 572.13, direction: "increase", compared_year: 2020 });
    expect(l2021.facts.filter((f) => f.source_line === 98 && f.derived)).toHaveLength(0);
  });
});

describe("收入 / 支出 parts with shares", () => {
  it("004 本年收入合计 and 财政拨款收入 with 占100.00%", () => {
    one(g2022.facts, { source_line: 649, subject: "本年收入合计", value: 5634.18 });
    one(g2022.facts, { source_line: 651, subject: "财政拨款收入", measure: "amount", value: 5634.18 });
    one(g2022.facts, { source_line: 651, subject: "财政拨款收入", measure: "share_pct", value: 100 });
  });
  it("000 基本支出 wraps: the number on 65, its share on 67", () => {
    one(s2022.facts, { source_line: 65, subject: "基本支出", value: 2251.86, measure: "amount" });
    one(s2022.facts, { source_line: 67, subject: "基本支出", value: 29.47, measure: "share_pct" });
    one(s2022.facts, { source_line: 67, subject: "项目支出", value: 70.53, measure: "share_pct" });
  });
  it("003 住房保障支出 70.84 with the document's own share 0.58%", () => {
    one(l2021.facts, { source_line: 149, subject: "住房保障支出", measure: "amount", value: 70.84, code: "221" });
    one(l2021.facts, { source_line: 149, subject: "住房保障支出", measure: "share_pct", value: 0.58 });
  });
  it("share keeps the whole it is a share of", () => {
    expect(one(s2022.facts, { source_line: 60, measure: "share_pct" }).base).toBe("总收入");
  });
});

describe("具体情况: codes, 决算数, 预算数 and 完成预算 %", () => {
  it("000 resolves 类/款/项 in words without tables", () => {
    const f = one(s2022.facts, { source_line: 176, measure: "amount" });
    expect(f).toMatchObject({ subject: "卫生健康支出（类）医疗保障管理事务（款）行政运行（项）", code: "2101501", value: 1521.68 });
    one(s2022.facts, { source_line: 176, measure: "budget_completion_pct", value: 95.83, code: "2101501" });
    // the document names the 款 wrongly (行政单位医疗); the 项 is unique under 210
    one(s2022.facts, { source_line: 172, measure: "amount", value: 13.44, code: "2101103" });
  });
  it("004 年初预算为X万元，支出决算为Y万元，完成年初预算的Z%", () => {
    one(g2022.facts, { source_line: 717, measure: "budget_amount", value: 67.2, code: "2080505" });
    one(g2022.facts, { source_line: 719, measure: "amount", value: 75.1, code: "2080505" });
    one(g2022.facts, { source_line: 719, measure: "budget_completion_pct", value: 111.76, code: "2080505" });
  });
  it("003 names the item by code", () => {
    one(l2021.facts, { source_line: 179, measure: "amount", value: 418.51, code: "2101502" });
    one(l2021.facts, { source_line: 179, measure: "budget_completion_pct", value: 80.37 });
  });
  it("003 决算数为 1711.44 without a unit takes the document unit and says so", () => {
    const f = one(l2021.facts, { source_line: 157, measure: "amount" });
    expect(f).toMatchObject({ value: 1711.44, unit: "万元", rule: "unit not printed: document unit" });
  });
  it("002 (budget) resolves with its own tables despite project names beside codes", () => {
    one(b2023.facts, { source_line: 890, value: 1279.19, code: "2101502", measure: "amount" });
    one(b2023.facts, { source_line: 892, value: 5930.18, code: "2101504" });
    one(b2023.facts, { source_line: 872, value: 338.83, code: "2010399" });
  });
  it("002 prints 2022 for the 住房公积金 line: year kept as printed", () => {
    one(b2023.facts, { source_line: 902, value: 301.21, year: 2022, code: "2210201" });
  });
});

describe("“三公”经费", () => {
  it("000 total, completion, change and derived 2021", () => {
    one(s2022.facts, { source_line: 250, measure: "amount", value: 26.75, subject: "“三公”经费财政拨款支出" });
    one(s2022.facts, { source_line: 252, measure: "budget_completion_pct", value: 64.55 });
    one(s2022.facts, { source_line: 252, measure: "change_amount", value: 3.14, direction: "decrease", compared_year: 2021 });
    one(s2022.facts, { source_line: 252, derived: true, value: 29.89, year: 2021 });
  });
  it("000 parts with shares, 批次 / 人次, vehicles by type", () => {
    one(s2022.facts, { source_line: 262, measure: "amount", value: 26, subject: "公务用车购置及运行维护费支出" });
    one(s2022.facts, { source_line: 264, measure: "share_pct", value: 97.2 });
    one(s2022.facts, { source_line: 303, measure: "count", value: 7, unit: "批次" });
    one(s2022.facts, { source_line: 303, measure: "count", value: 60, unit: "人次" });
    one(s2022.facts, { source_line: 285, subject: "轿车", value: 5, unit: "辆" });
    one(s2022.facts, { source_line: 285, subject: "越野车", value: 2, unit: "辆" });
  });
  it("004 预算 and 支出决算 of a part", () => {
    one(g2022.facts, { source_line: 856, measure: "budget_amount", value: 3.57, subject: "公务用车购置及运行维护费" });
    one(g2022.facts, { source_line: 856, measure: "amount", value: 3.57, subject: "公务用车购置及运行维护费" });
    one(g2022.facts, { source_line: 858, derived: true, value: 6.43, year: 2021 });
  });
});

describe("机关运行经费, 政府采购, 国有资产, 绩效", () => {
  it("004 机关运行经费 and its increase", () => {
    one(g2022.facts, { source_line: 891, value: 131.5, subject: "机关运行经费支出" });
    one(g2022.facts, { source_line: 893, measure: "change_amount", value: 12.35, direction: "increase" });
    one(g2022.facts, { source_line: 893, derived: true, value: 119.15, formula: "131.5 - 12.35" });
  });
  it("000 政府采购 totals and 中小企业", () => {
    one(s2022.facts, { source_line: 334, subject: "政府采购支出总额", value: 4758.28 });
    one(s2022.facts, { source_line: 336, subject: "政府采购货物支出", value: 3914.62 });
    one(s2022.facts, { source_line: 338, subject: "政府采购服务支出", value: 843.66 });
    one(s2022.facts, { source_line: 344, subject: "授予中小企业合同金额", value: 6.46 });
    const s = one(s2022.facts, { source_line: 344, measure: "share_pct" });
    expect(s).toMatchObject({ value: 0.14, subject: "授予中小企业合同金额", base: "政府采购支出总额" });
  });
  it("vehicles and equipment above a unit value", () => {
    one(g2022.facts, { source_line: 913, subject: "车辆", value: 4, unit: "辆" });
    one(g2022.facts, { source_line: 917, subject: "应急保障用车", value: 2 });
    one(g2022.facts, { source_line: 919, measure: "threshold", value: 100, unit: "万元" });
    one(g2022.facts, { source_line: 921, measure: "count", unit: "台（套）", value: 0 });
    one(b2023.facts, { source_line: 950, measure: "threshold", value: 200, subject: "单位价值" });
  });
  it("绩效 counts, amounts and scores in prose", () => {
    one(g2022.facts, { source_line: 930, measure: "amount", value: 97000.56 });
    one(d2023.facts, { source_line: 405, measure: "score", value: 85.02, unit: "分" });
    one(d2023.facts, { source_line: 658, measure: "score", value: 49.92 });
    one(b2023.facts, { source_line: 956, measure: "count", value: 55, unit: "个" });
  });
});

describe("what is not a prose figure", () => {
  it("years such as 2,022年度 and 绩效 tables are not read", () => {
    expect(g2022.facts.some((f) => f.source_line >= 1097)).toBe(false); // 项目支出绩效目标自评表 onwards
    expect(g2022.facts.some((f) => f.value === 2022 || f.value === 2021)).toBe(false);
    expect(s2022.facts.some((f) => f.source_line >= 470)).toBe(false); // 附件: 自评表
  });
  it("standard tables are left to the table parsers", () => {
    expect(d2023.facts.some((f) => f.source_line >= 10723)).toBe(false);
    expect(b2023.facts.some((f) => f.source_line >= 72 && f.source_line <= 837)).toBe(false);
  });
  it("a money figure it cannot name goes to residue", () => {
    const doc = fromBytes(new TextEncoder().encode("一、其他说明\n计划于2023年用2万元。\n"), "x.txt");
    const r = narrative(doc, { amount_unit: "万元", year: 2023 });
    expect(r.facts).toHaveLength(0);
    expect(r.residue).toEqual([{ doc_id: doc.doc_id, table_id: null, source_line: 2, source_text: "计划于2023年用2万元。", reason: "prose number not understood" }]);
  });
  it("is deterministic and fact ids are unique", () => {
    const again = run(SAMPLE.guizhou2022, 2022);
    expect(again).toEqual(g2022);
    for (const r of [g2022, s2022, l2021, d2023, b2023]) expect(new Set(r.facts.map((f) => f.fact_id)).size).toBe(r.facts.length);
  });
});

describe("another department in the same format", () => {
  it("reads a 元 figure and a 亿元 figure by structure", () => {
    const text = ["一、收入支出决算总体情况说明", "2024年度收入、支出决算总计12,345.67万元。与2023年相比，增加", "", "1,000.00万元，增长8.81%。", "二、其他", "发放奖励1180元，基金结余24.52亿元。"].join("\n");
    const doc = fromBytes(new TextEncoder().encode(text), "y.txt");
    const { facts } = narrative(doc, { amount_unit: "万元", year: 2024 });
    one(facts, { source_line: 2, measure: "amount", value: 12345.67, subject: "收入、支出决算总计" });
    one(facts, { source_line: 4, measure: "change_amount", value: 1000, direction: "increase", compared_year: 2023 });
    one(facts, { source_line: 4, derived: true, value: 11345.67, year: 2023 });
    expect(one(facts, { source_line: 6, value: 1180 }).amount_wan).toBe(0.118);
    expect(one(facts, { source_line: 6, value: 24.52 }).amount_wan).toBe(245200);
  });
});
