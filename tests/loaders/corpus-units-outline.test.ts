// 深圳 (../shared/corpus/gd_sz_sthjj_2026_dept_budget.txt, gd_sz_ybj_…) and 湖州 (zj_huz_wjw_…): budget units named
// without a code in a 预算单位 column, and 收支总表 sides printed as outlines (一、 over 1., 类 over 款 and 项).
// Before these were read, the 深圳 生态环境局 audit reported 185 errors that were the parser's own misreadings.
import { describe, expect, it } from "vitest";
import { rowsOf, tablesOf } from "../../loaders/audit/rows.ts";
import { blockOf, outlineParts, sidesOf } from "../../loaders/audit/summary.ts";
import type { DocumentExtraction } from "../../loaders/extract.ts";
import { textSides } from "../../loaders/tables/budget/summary.ts";
import { namedUnitsOf, unitName } from "../../loaders/tables/budget/unit-directory.ts";
import { corpusDocument } from "./corpus-document.ts";
import { hasCorpus, SHARED_ABSENT } from "./helpers.ts";

if (!hasCorpus) console.warn(SHARED_ABSENT);

const sthjj = corpusDocument("gd_sz_sthjj_2026_dept_budget.txt");
const ybj = corpusDocument("gd_sz_ybj_2026_dept_budget.txt");
const huz = corpusDocument("zj_huz_wjw_2026_dept_budget.pdf");

const item = (d: DocumentExtraction, line: number, measure: string) => {
  const hit = d.line_items.find((i) => i.source_line === line && i.measure === measure);
  if (!hit) throw new Error(`no ${measure} on line ${line}`);
  return hit;
};
const errors = (d: DocumentExtraction, rule?: string) => d.checks.filter((c) => c.severity === "error" && (!rule || c.rule === rule));
const sides = (d: DocumentExtraction, tableId: string) => sidesOf(tablesOf(rowsOf(d.line_items)).find((t) => t.table_id === tableId)!.rows)!;

describe("unit names", () => {
  it("the department named above a table, its code and the money unit left out", () => {
    expect(namedUnitsOf(["预算单位 科目编码 科目名称 支出总计"], ["部门名称：深圳市生态环境局 单位：万元"])).toEqual({ column: true, department: "深圳市生态环境局" });
    expect(namedUnitsOf(["单位名称 总计"], ["部门：347-四川省医疗保障局 金额单位：万元"]).department).toBe("四川省医疗保障局");
    expect(namedUnitsOf(["项目 合计"], ["单位名称：广州市统计局 单位：万元"])).toEqual({ column: false, department: "广州市统计局" });
  });
  it("a 类, 款 or 项 named without its code is no unit, however it ends (综合医院, 乡镇卫生院)", () => {
    expect([unitName("综合医院"), unitName("乡镇卫生院"), unitName("深圳大学"), unitName("深圳市红十字会")]).toEqual([null, null, "深圳大学", "深圳市红十字会"]);
  });
  it("an organ or institution, with a place after it; not a class name or a project", () => {
    expect(unitName("深圳市生态环境局（本级）")).toBe("深圳市生态环境局（本级）");
    expect(unitName("一带一路环境技术交流与转移中心（深圳）")).toBe("一带一路环境技术交流与转移中心（深圳）");
    expect(unitName("湖州师范学院附属第一医院（湖州市第一人民医院）")).toBe("湖州师范学院附属第一医院（湖州市第一人民医院）");
    expect([unitName("行政单位医疗"), unitName("节能环保支出"), unitName("安全生产和应急管理专项经费"), unitName("2026 年")]).toEqual([null, null, null, null]);
  });
});

describe("收支总表 halves printed alone", () => {
  it("a 款 or 项 name is spent even when it names a 补助 (湖州 表01: 公务员医疗补助 3563.45)", () => {
    expect(textSides("公务员医疗补助 3563.45").map((h) => h.side)).toEqual(["expenditure"]);
    expect(textSides("就业补助 12.96").map((h) => h.side)).toEqual(["expenditure"]);
    expect(textSides("3.上级补助收入 0.00").map((h) => h.side)).toEqual(["income"]);
  });
  it("an income label with no amount beside an expenditure label is split; one name broken by a space is not", () => {
    expect(textSides("国有资本经营预算 应用研究 0.50").map((h) => [h.side, h.label, h.nums])).toEqual([
      ["income", "国有资本经营预算", []],
      ["expenditure", "应用研究", ["0.50"]],
    ]);
    expect(textSides("国有土地使用权出让收入安排的 支出 12600").map((h) => [h.side, h.label])).toEqual([["expenditure", "国有土地使用权出让收入安排的 支出"]]);
  });
});

describe.skipIf(!hasCorpus)("深圳: units named in the 预算单位 column", () => {
  it("表3: the department's row (line 2574) is no unit; 本级 (2575) and a unit named over two lines (2692–2694) head their own codes", () => {
    const d = sthjj();
    expect([item(d, 2574, "total").row_label, item(d, 2574, "total").unit_code, item(d, 2574, "total").value]).toEqual(["深圳市生态环境局", null, 190281.97]);
    expect([item(d, 2575, "total").unit_code, item(d, 2575, "total").value]).toEqual(["深圳市生态环境局（本级）", 63051.28]);
    // line 2579: 208 社会保障和就业支出 1,041.93 … of 本级
    expect([item(d, 2579, "total").code, item(d, 2579, "total").unit_code, item(d, 2579, "total").value]).toEqual(["208", "深圳市生态环境局（本级）", 1041.93]);
    // lines 2692–2694: 深圳市饮用水源保护管理办 / 4,291.51 1,679.99 2,611.52 … / 公室; line 2695: 205 教育支出 1.67 …
    const unit = item(d, 2693, "total");
    expect([unit.row_label, unit.unit_code, unit.value]).toEqual(["深圳市饮用水源保护管理办公室", "深圳市饮用水源保护管理办公室", 4291.51]);
    expect([item(d, 2695, "total").code, item(d, 2695, "total").unit_code, item(d, 2695, "total").value]).toEqual([
      "205",
      "深圳市饮用水源保护管理办公室",
      1.67,
    ]);
  }, 60_000);
  it("no hierarchy error is left: each unit = Σ its 类, each 类 = Σ its 款 within the unit (155 false findings before)", () => {
    expect(errors(sthjj(), "hierarchy")).toEqual([]);
    expect(errors(sthjj(), "cross_table")).toEqual([]);
  }, 60_000);
  it("表1: a row printed alone after the income side has ended is an expenditure row (line 2410: 行政单位医疗 767.91)", () => {
    const d = sthjj();
    expect([item(d, 2410, "budget").row_label, item(d, 2410, "budget").side, item(d, 2410, "budget").value]).toEqual(["行政单位医疗", "expenditure", 767.91]);
    expect(item(d, 2399, "budget").side).toBe("income");
  }, 60_000);
});

describe.skipIf(!hasCorpus)("收支总表 sides as outlines", () => {
  it("深圳 表1: 本年收入合计 (line 2465) sums 一、 二、 三、 only; 一、财政拨款 (2399) = 1. + 2. + 3. (2400–2402)", () => {
    const { income } = sides(sthjj(), "表1");
    const at = income.findIndex((r) => r.label === "本年收入合计");
    expect(income[at].items[0].source_line).toBe(2465);
    expect(blockOf(income, at).map((r) => r.label)).toEqual(["一、财政拨款", "二、财政专户管理资金", "三、单位资金"]);
    const parts = outlineParts(income, at).map(({ parent, parts }) => [parent.label, parts.map((p) => p.items[0].source_line)]);
    expect(parts).toEqual([
      ["一、财政拨款", [2400, 2401, 2402]],
      ["三、单位资金", [2405, 2406, 2407, 2408, 2409]],
    ]);
    expect(errors(sthjj(), "totals")).toEqual([]);
  }, 60_000);
  it("深圳 表1: 本年支出合计 sums the 类 numbered 一、…; the 款 and 项 printed without a number under them are no one's parts", () => {
    const { expenditure } = sides(sthjj(), "表1");
    const at = expenditure.findIndex((r) => r.label === "本年支出合计");
    const top = blockOf(expenditure, at);
    expect(top.map((r) => r.label)).toEqual([
      "一、教育支出",
      "二、社会保障和就业支出",
      "三、卫生健康支出",
      "四、节能环保支出",
      "五、住房保障支出",
      "六、灾害防治及应急管理支出",
    ]);
    expect(outlineParts(expenditure, at)).toEqual([]);
  }, 60_000);
  it("湖州 表01: without numbers, the 类 the national classification names are the top (科学技术支出 1,140.61 first)", () => {
    const { expenditure } = sides(huz(), "表01");
    const at = expenditure.findIndex((r) => r.label === "本年支出合计");
    const top = blockOf(expenditure, at);
    expect([top[0].label, top[0].items[0].value]).toEqual(["科学技术支出", 1140.61]);
    expect(top.every((r) => /支出$/.test(r.label))).toBe(true);
    expect(errors(huz())).toEqual([]);
  }, 60_000);
  it("湖州 表01: an income row printing no amount beside an expenditure row is split (line 572: 国有资本经营预算 | 应用研究 0.50)", () => {
    const d = huz();
    expect([item(d, 572, "budget").row_label, item(d, 572, "budget").side, item(d, 572, "budget").value]).toEqual(["应用研究", "expenditure", 0.5]);
  }, 60_000);
  it("湖州 表02: 合计 = Σ the units, one of them named over two lines (660: 湖州师范学院附属第一医院（湖州市第一人民医院） 124,900.03)", () => {
    const d = huz();
    expect([item(d, 660, "total").unit_code, item(d, 660, "total").value]).toEqual(["湖州师范学院附属第一医院（湖州市第一人民医院）", 124900.03]);
    expect(item(d, 654, "total").unit_code).toBeNull();
  }, 60_000);
  it("深圳 医疗保障局: no error left (18 before, all misreadings of its outline)", () => {
    expect(errors(ybj())).toEqual([]);
  }, 60_000);
});
