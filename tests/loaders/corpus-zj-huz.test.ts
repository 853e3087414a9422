// 湖州 (../shared/corpus/zj_huz_wjw_2026_dept_budget.txt): tables printed over several pages with their
// title block repeated, 栏次 lines (`** ** 1 2 3 …`), and a 基本支出 printed only over 人员 | 公用.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFile } from "../../loaders/extract.ts";
import { columnNumbers } from "../../loaders/tables/budget/section-parts.ts";
import { corpusDocument, valuesOnLine } from "./corpus-document.ts";
import { CORPUS, hasCorpus, SHARED_ABSENT } from "./helpers.ts";

if (!hasCorpus) console.warn(SHARED_ABSENT);

const huz = corpusDocument("zj_huz_wjw_2026_dept_budget.txt");
/** measure → value of the items of one line. */
const line = (n: number) => valuesOnLine(huz(), n, "measure");
const residueAt = (n: number) => huz().residue.find((r) => r.source_line === n)?.reason;

describe("栏次 lines", () => {
  it("number the money columns; a data row is none", () => {
    expect(columnNumbers("** ** 1 2 3 4 5 6 7")).toBe(7);
    expect(columnNumbers("栏次 1 2 3")).toBe(3);
    expect(columnNumbers("** 1 2 3 4 5 6")).toBe(6);
    expect(columnNumbers("2080505 机关事业单位基本养老保险缴费支出 12501.32 12501.32")).toBeNull();
    expect(columnNumbers("** 1 3 4")).toBeNull();
  });
});

describe.skipIf(!hasCorpus)("湖州 tables continued over pages", () => {
  it("表03 over four pages is one table: its title blocks repeated on pages 30–32 are residue, the 栏次 line no row", () => {
    const t = huz().tables.filter((x) => x.table_id === "表03");
    expect(t.map((x) => [x.start_line, x.end_line, x.status])).toEqual([[670, 771, "ok"]]);
    expect(line(678)).toEqual({});
    expect(residueAt(678)).toBe("column numbers (栏次)");
    expect(residueAt(705)).toBe("header repeated on a new page");
  }, 60_000);
  it("表03: 基本支出 over 人员支出 | 公用经费 (7 numbered columns) is no column; 合计 and 项目支出 by the identity", () => {
    // line 679: 合计 515313.35 212605.27 250851.67 51856.41
    expect(line(679)).toEqual({ total: 515313.35, personnel: 212605.27, public_expenses: 250851.67, project: 51856.41 });
    // line 697: 2080502 事业单位离退休 3347.67 3286.39 61.28
    expect(line(697)).toEqual({ total: 3347.67, personnel: 3286.39, public_expenses: 61.28 });
  }, 60_000);
  it("表03: a row of 合计 and one column placed by its parent on the page before (20805 on line 695, 2080506 on line 709)", () => {
    // line 709: 2080506 机关事业单位职业年金缴费支出 6250.66 6250.66 — 20805's 公用经费 67.06 is all its 离退休 rows'
    expect(line(709)).toEqual({ total: 6250.66, personnel: 6250.66 });
    expect(huz().line_items.find((i) => i.source_line === 709 && i.measure === "personnel")?.rule).toMatch(/hierarchy \(20805/);
  }, 60_000);
  it("表08 政府性基金: a row printing the 支出总表's 合计 for its code has its 项目支出 there (line 1011: 212 城乡社区支出 12600.00 12600.00)", () => {
    expect(line(1011)).toEqual({ total: 12600, project: 12600 });
    expect(huz().line_items.find((i) => i.source_line === 1011 && i.measure === "project")?.rule).toBe(
      "shift:cross-table (表03 prints the row with the same 合计)",
    );
    expect(huz().tables.find((t) => t.table_id === "表08")?.status).toBe("ok");
  }, 60_000);
  it("表02 收入预算总表: 总计 | 本年收入 (小计 and 9 sources) | 上年结转结余 (小计 and 5 parts), 17 columns as the 栏次 line numbers them", () => {
    // line 653: 合计 515313.35 515313.35 37018.75 27600.00 436671.20 14023.40 — sources by the 收支总表 (表01)
    expect(line(653)).toEqual({
      total: 515313.35,
      income: 515313.35,
      general_public_budget: 37018.75,
      government_fund: 27600,
      business_income: 436671.2,
      other_income: 14023.4,
    });
    expect(huz().line_items.find((i) => i.source_line === 653 && i.measure === "other_income")?.column_label).toBe("本年收入/其他收入");
  }, 60_000);
  it("表02: the units' rows by 合计 = Σ of the 12 unit rows, the one combination of their readings that sums column by column", () => {
    // line 656: 湖州市疾病预防控制中心 4606.13 4606.13 4597.27 8.86
    expect(line(656)).toEqual({ total: 4606.13, income: 4606.13, general_public_budget: 4597.27, other_income: 8.86 });
    // line 658: 湖州市中心医院 222455.05 222455.05 6805.15 6500.00 203545.48 5604.42
    expect(line(658)).toEqual({
      total: 222455.05,
      income: 222455.05,
      general_public_budget: 6805.15,
      government_fund: 6500,
      business_income: 203545.48,
      other_income: 5604.42,
    });
    expect(huz().line_items.find((i) => i.source_line === 656 && i.measure === "other_income")?.rule).toBe("shift:sum (合计 = Σ of its 12 rows)");
    expect(huz().tables.find((t) => t.table_id === "表02")?.status).toBe("ok");
  }, 60_000);
  it("无锡 公开02表, the same form: its 小计 under 本年收入 is the year's income, not 财政拨款 (line 129)", () => {
    const wx = extractFile(join(CORPUS, "js_wx_yjzfjd_2026_unit_budget.txt"));
    const at129 = Object.fromEntries(wx.line_items.filter((i) => i.source_line === 129).map((i) => [i.measure, i.value]));
    expect(at129).toEqual({ total: 1136.23, income: 1136.23, general_public_budget: 1136.23 });
  }, 60_000);
  it("表07 “三公”: 公务接待费 after the vehicles (the order the rows' identities allow), “三公”经费合 / 计 wrapped is the 合计", () => {
    // line 995: 合计 53.10 38.50 38.50 14.60 — 购置费 or 运行费 stays open (both keep every identity)
    expect(line(995)).toEqual({ three_public_total: 53.1, vehicles_total: 38.5, official_reception: 14.6 });
    expect(residueAt(995)).toMatch(/^ambiguous columns: 2 readings/);
  }, 60_000);
  it("表07: a unit's row has nothing in a column its 合计 leaves empty in every reading (line 996: 7.00 7.00 is 公务接待费, not 因公出国)", () => {
    expect(line(996)).toEqual({ three_public_total: 7, official_reception: 7 });
    expect(huz().line_items.find((i) => i.source_line === 996 && i.measure === "official_reception")?.rule).toBe(
      "shift:sum (合计 = Σ of its 5 rows): a column empty in the parent",
    );
  }, 60_000);
  it("表10 项目支出表: 单位资金 is its sixth column; the 合计's funds by the 收入预算总表 (no 国有资本经营 or 财政专户 income)", () => {
    // line 1035: 合计 51856.41 15858.46 27600.00 8397.95
    expect(line(1035)).toEqual({ total: 51856.41, general_public_budget: 15858.46, government_fund: 27600, unit_funds: 8397.95 });
    expect(huz().line_items.find((i) => i.source_line === 1035 && i.measure === "unit_funds")?.rule).toMatch(
      /cross-table \(表02 合计 without income from the fund\)/,
    );
  }, 60_000);
  it("表10: a row of its 总计 and one fund, the fund its unit has income from (line 1037: 湖州市卫生健康委员会 15.00 15.00, a unit of 一般公共预算 only)", () => {
    expect(line(1037)).toEqual({ total: 15, general_public_budget: 15 });
    expect(huz().line_items.find((i) => i.source_line === 1037 && i.measure === "general_public_budget")?.rule).toMatch(/unit income by fund \(表02/);
  }, 60_000);
  it("表10: 政府性基金's column sum leaves one reading (line 1079: 湖州市中医院 医院建设发展 5500.00 5500.00; line 1075: 2840.81 449.01 2391.80)", () => {
    expect(line(1079)).toEqual({ total: 5500, government_fund: 5500 });
    expect(line(1075)).toEqual({ total: 2840.81, general_public_budget: 449.01, unit_funds: 2391.8 });
    // a small row whose fund neither column's sum nor its unit's income decides stays open (line 1085: 414.50 414.50)
    expect(line(1085)).toEqual({ total: 414.5 });
    expect(residueAt(1085)).toMatch(/^ambiguous columns/);
  }, 60_000);
});
