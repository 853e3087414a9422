/** 西安 部门综合预算 (../shared/corpus/sn_xa_ybj_2022_dept_budget.txt): tables in 元, columns per period, units by row. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractBytes } from "../../../../loaders/extract.ts";
import { documentFigures } from "../../../../loaders/panel/figures.ts";
import { corpusDocument, valuesOnLine } from "../../corpus-document.ts";
import { CORPUS, hasCorpus, SHARED_ABSENT } from "../../helpers.ts";

if (!hasCorpus) console.warn(SHARED_ABSENT);

const xian = corpusDocument("sn_xa_ybj_2022_dept_budget.txt");
/** The values on a line, column label → value. */
const row = (line: number) => valuesOnLine(xian(), line, "column_label");

describe.skipIf(!hasCorpus)("西安 部门综合预算 (元)", () => {
  it("表13 prints 合计 | “三公” | 会议费 | 培训费 once per period (2021年 | 2022年 | 增减变化情况): line 863 read per period", () => {
    const r = row(863);
    expect(Object.keys(r)).toHaveLength(27);
    // 2022年: 627300 = 35000 + 202300 + 390000; 35000 = 0 + 10000 + 25000; 25000 = 0 + 25000
    expect(
      ["合计", "“三公”经费/小计", "因公出国（境）费", "公务接待费", "公务用车购置及运行维护费/小计", "购置费", "运行维护费", "会议费", "培训费"].map(
        (c) => r[`2022年/${c}`],
      ),
    ).toEqual([627300, 35000, 0, 10000, 25000, 0, 25000, 202300, 390000]);
    expect([r["2021年/公务接待费"], r["2021年/会议费"], r["增减变化情况/公务接待费"], r["增减变化情况/合计"]]).toEqual([30400, 147850, -20400, 75500]);
    const item = xian().line_items.find((i) => i.source_line === 863 && i.column_label === "2022年/“三公”经费/小计");
    expect([item?.measure, item?.side, item?.unit, item?.amount_wan]).toEqual(["three_public_total", "2022年", "元", 3.5]);
    // the panel takes the document's year's columns (not 2021年, not the change)
    const fig = documentFigures({ document: xian().document, tables: xian().tables, items: xian().line_items, facts: xian().narrative_facts });
    const tp = fig.filter((f) => f.year === 2022 && f.basis === "table" && /three_public_total|official_reception/.test(f.measure));
    expect(tp.map((f) => [f.measure, f.amount_wan, f.source_line])).toEqual([
      ["three_public_total", 3.5, 863],
      ["official_reception", 1, 863],
    ]);
  }, 60_000);
  it("表12 政府采购预算表: one row per item (数量, two economic codes, 预算金额), units and 合计 summing their rows", () => {
    const t = xian().tables.find((x) => x.table_id === "表12");
    expect([t?.family, t?.status]).toEqual(["budget_procurement", "ok"]);
    const at = (line: number) => xian().line_items.filter((i) => i.source_line === line).map((i) => [i.measure, i.value, i.unit, i.code, i.unit_code]);
    // line 790: 合计 15680 21069995 = the three units (7499000 + 6790995 + 6780000; 21 + 15135 + 524)
    expect(at(790)).toEqual([
      ["procurement_budget", 21069995, "元", null, null],
      ["quantity", 15680, "数量", null, null],
    ]);
    // line 812: 210 15 06 业务档案专项费 C0908其他专业技术服务 15000 302 14 502 01 600000 (the codes 302 14 / 502 01 are no numbers)
    expect(at(812)).toEqual([
      ["procurement_budget", 600000, "元", "2101506", "245002"],
      ["quantity", 15000, "数量", "2101506", "245002"],
    ]);
    expect(xian().line_items.find((i) => i.source_line === 812)?.row_label).toBe("业务档案专项费 C0908其他专业技术服务");
    // a unit row (line 792: 210 15 05 245001 西安市医疗保障局 21 7499000) is its items' subtotal, no code row: the audit sums the items once
    expect(at(792)).toEqual([
      ["procurement_budget", 7499000, "元", null, "245001"],
      ["quantity", 21, "数量", null, "245001"],
    ]);
    expect(xian().checks.filter((c) => c.table_ids.includes("表12") && c.severity === "error")).toEqual([]);
    expect(xian().line_items.find((i) => i.source_line === 812 && i.measure === "quantity")?.amount_wan).toBeNull();
    // a unit row that no longer sums its items makes the table partial, naming the line
    const lines = readFileSync(join(CORPUS, "sn_xa_ybj_2022_dept_budget.txt"), "utf8").split("\n");
    expect(lines[791]).toContain(" 21 7499000");
    lines[791] = lines[791].replace(" 21 7499000", " 21 7499001");
    const edited = extractBytes(new TextEncoder().encode(lines.join("\n")), "edited.txt").tables.find((x) => x.table_id === "表12");
    expect(edited?.status).toBe("partial");
    expect(edited?.message).toContain("line 790: 21069995 ≠ Σ 3 rows (21069996); line 792: 7499001 ≠ Σ 10 rows (7499000)");
  }, 60_000);
  it("表2 收入总表: a header of wrapped, interleaved cells read as twelve columns; the 合计 row fixes the order the unit rows share", () => {
    const t = xian().tables.find((x) => x.table_id === "表2");
    expect([t?.family, t?.status, t?.numbers]).toEqual(["budget_income", "ok", 60]);
    const measures = (line: number) => valuesOnLine(xian(), line, "measure");
    // line 463: 合计 480544221.6 480544221.6 426680000 0 … — 合计 = 小计 (一般公共预算拨款) + the other sources; 其中 is a part of 小计
    expect(measures(463)).toMatchObject({ total: 480544221.6, general_public_budget: 480544221.6, special_funds_in_budget: 426680000, superior_subsidy: 0, other_income: 0 });
    // line 465: 245001 … 18941962.57 18941962.57 0 …: alone it could put the money under 上级补助收入; the 合计 row's order says 小计
    expect(measures(465)).toMatchObject({ total: 18941962.57, general_public_budget: 18941962.57, special_funds_in_budget: 0, superior_subsidy: 0 });
    // the zeros stand in columns the text does not order: each is placed because every order gives it 0
    expect(xian().line_items.find((i) => i.source_line === 465 && i.measure === "superior_subsidy")?.rule).toBe("same value in every column order");
    expect(xian().tables.find((x) => x.table_id === "表3")?.numbers).toBe(50);
  }, 60_000);
});
