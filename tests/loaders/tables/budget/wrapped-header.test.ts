/** Header cells wrapped over several lines and interleaved by the extraction, rebuilt from their fragments (text and PDF). */
import { describe, expect, it } from "vitest";
import { rankedOrder, wrappedHeader } from "../../../../loaders/tables/budget/wrapped-header.ts";

// gd_zh_swj_2026_dept_budget lines 148–154: 表2 收入总体情况表, its cells wrapped over seven lines
const ZHUHAI = [
  "财政拨款收入 财政专户拨款收入 其他资金收入",
  "附属单",
  "事业单   上级补   上年结转结",
  "单位名称 合计   一般公共预 政府性基金 国有资本经   其他专户 事业收   其他收   位上缴",
  "教育收费    位经营   助收入   余",
  "算   预算   营预算    收入拨款   入   入   收入",
  "收入",
];
// the income sources in the order its 表1 收支总体情况表 prints them (lines 112–118, 上年结转结余 line 141)
const SUMMARY_ORDER = [
  "fiscal_special_account",
  "business_income",
  "operating_income",
  "other_income",
  "superior_subsidy",
  "subordinate_remittance",
  "carryover_prior",
] as const;

// 西安 2022年部门综合预算收入总表 (sn_xa_ybj_2022_dept_budget.txt lines 454–461, 表2), as extracted
const XIAN_INCOME = [
  "部门预算",
  "一般公共预算拨款",
  "单位编码 单位名称   政府性   对附属单 用事业基   上年实",
  "上级补 事业收 事业单位   上年结   其他",
  "合计   其中：专项资 基金拨   位上缴收 金弥补收   户资金",
  "助收入   入   经营收入   转   收入",
  "小计   金列入部门预   款   入   支差额   余额",
  "算项目",
];

const span = (text: string, x0: number, x1: number) => ({ text, start: 0, x0, x1 });
/** The same header in the PDF (sn_xa_ybj_2022_dept_budget.pdf page 30, lines 455–463): one baseline per line, with x-spans. */
const XIAN_PDF = [
  [span("部门预算", 460, 489)],
  [span("一般公共预算拨款", 342, 400)],
  [
    span("单位编码", 119, 148),
    span("单位名称", 194, 223),
    span("政府性", 427, 448),
    span("对附属单", 543, 572),
    span("用事业基", 578, 607),
    span("上年实", 641, 663),
  ],
  [span("上级补", 454, 476), span("事业收", 483, 504), span("事业单位", 510, 539), span("上年结", 613, 635), span("其他", 669, 684)],
  [span("合计", 282, 296), span("基金拨", 427, 448), span("位上缴收", 543, 572), span("金弥补收", 578, 607), span("户资金", 641, 663)],
  [span("其中：专项资", 377, 421), span("助收入", 454, 476), span("入", 490, 497), span("经营收入", 510, 539), span("转", 621, 628), span("收入", 669, 684)],
  [span("款", 434, 441), span("入", 554, 561), span("支差额", 581, 603), span("余额", 645, 659)],
  [span("小计", 339, 353), span("金列入部门预", 377, 421)],
  [span("算项目", 388, 410)],
];

describe("wrappedHeader: a header whose cells wrap over several lines", () => {
  it("rebuilds the twelve columns of 珠海 表2, group titles dropped; the 收支总表's order of the sources ranks the orders the lines leave", () => {
    const h = wrappedHeader(ZHUHAI)!;
    const order = rankedOrder(h, [...SUMMARY_ORDER])!;
    expect(order.map((j) => `${h.columns[j].label}:${h.columns[j].measure}`)).toEqual([
      "合计:total",
      "一般公共预算:general_public_budget",
      "政府性基金预算:government_fund",
      "国有资本经营预算:state_capital",
      "教育收费:special_account_education",
      "其他专户收入拨款:special_account_other",
      "事业收入:business_income",
      "事业单位经营收入:operating_income",
      "其他收入:other_income",
      "上级补助收入:superior_subsidy",
      "附属单位上缴收入:subordinate_remittance",
      "上年结转结余:carryover_prior",
    ]);
    expect(h.extents).toBeNull();
  });
  it("where the lines leave two columns unordered (其他收入, 上级补助收入) and no 收支总表 says, takes the standard form's order", () => {
    const h = wrappedHeader(ZHUHAI)!;
    const cols = rankedOrder(h)!.map((j) => h.columns[j].measure);
    // standard: 上级补助 | 附属单位上缴 | 其他收入; the lines keep 其他收入 before 附属单位上缴收入 (`事业收 其他收 位上缴`)
    expect(cols.slice(7)).toEqual(["operating_income", "superior_subsidy", "other_income", "subordinate_remittance", "carryover_prior"]);
    // every order the lines allow keeps 其他收入 before 附属单位上缴收入
    const at = (o: number[], m: string) => o.findIndex((j) => h.columns[j].measure === m);
    expect(h.orders.length).toBeGreaterThan(1);
    expect(h.orders.every((o) => at(o, "other_income") < at(o, "subordinate_remittance"))).toBe(true);
  });
  it("rebuilds the twelve cells of 西安 表2 and every column order its lines allow", () => {
    const r = wrappedHeader(XIAN_INCOME)!;
    expect(r.columns.map((c) => c.label)).toEqual([
      "政府性基金拨款",
      "对附属单位上缴收入",
      "用事业基金弥补收支差额",
      "上年实户资金余额",
      "上级补助收入",
      "事业收入",
      "事业单位经营收入",
      "上年结转",
      "其他收入",
      "合计",
      "其中：专项资金列入部门预算项目",
      "小计",
    ]);
    // 小计 under the group title 一般公共预算拨款 is that fund's subtotal
    expect(r.columns[11].measure).toBe("general_public_budget");
    expect(r.columns[10].measure).toBe("special_funds_in_budget");
    // 合计 first; 小计 | 其中 | 政府性 | 对附属 | 用事业 | 上年实户 in that order (lines 5 and 7);
    // 上级补 | 事业收 | 事业单位 | 上年结 | 其他 (line 4): the two runs share no line, so 462 = C(11, 5) interleavings
    expect(r.orders).toHaveLength(462);
    expect(r.orders.every((o) => o[0] === 9)).toBe(true);
    const at = (o: number[], c: number) => o.indexOf(c);
    expect(r.orders.every((o) => at(o, 11) < at(o, 10) && at(o, 10) < at(o, 0) && at(o, 0) < at(o, 1) && at(o, 4) < at(o, 5) && at(o, 7) < at(o, 8))).toBe(
      true,
    );
    // 上年实户资金余额 is no income source: the 收支总表's order does not rank this header
    expect(rankedOrder(r)).toBeNull();
  });
  it("reads the same header of the PDF by positions: a cell's fragments stand one under another, the cells' x-order is the one order", () => {
    const r = wrappedHeader(
      XIAN_PDF.map((l) => l.map((s) => s.text).join(" ")),
      XIAN_PDF,
    )!;
    expect(r.orders).toHaveLength(1);
    expect(r.orders[0].map((j) => r.columns[j].label)).toEqual([
      "合计",
      "小计",
      "其中：专项资金列入部门预算项目",
      "政府性基金拨款",
      "上级补助收入",
      "事业收入",
      "事业单位经营收入",
      "对附属单位上缴收入",
      "用事业基金弥补收支差额",
      "上年结转",
      "上年实户资金余额",
      "其他收入",
    ]);
    // each cell's extent is its fragments' hull (政府性 / 基金拨 / 款)
    expect(r.extents![r.columns.findIndex((c) => c.label === "政府性基金拨款")]).toEqual({ x0: 427, x1: 448 });
    // spans that are not the line's words: the header is read as text
    expect(wrappedHeader(XIAN_INCOME, XIAN_PDF)?.extents).toBeNull();
  });
  it("reads nothing when a fragment belongs to no cell", () => {
    expect(wrappedHeader([...XIAN_INCOME.slice(0, 7), "算项目 备用"])).toBeNull();
    expect(wrappedHeader(["科目名称 合计", "一般公共预 某某", "算"])).toBeNull();
  });
});
