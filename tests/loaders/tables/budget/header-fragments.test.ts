/** Header cells wrapped over several lines and interleaved by the text extraction, rebuilt from their fragments. */
import { describe, expect, it } from "vitest";
import { fragmentColumns } from "../../../../loaders/tables/budget/header-fragments.ts";

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

describe("fragmentColumns", () => {
  it("rebuilds the twelve cells of 西安 表2 and every column order its lines allow", () => {
    const r = fragmentColumns(XIAN_INCOME)!;
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
  });
  it("gives nothing when a fragment belongs to no cell", () => {
    expect(fragmentColumns([...XIAN_INCOME.slice(0, 7), "算项目 备用"])).toBeNull();
  });
});
