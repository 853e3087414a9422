/**
 * 自评表 rows in plain text, in small tables of the national template: a reason of `无` is no
 * unit, a funding row is no unread indicator row, the scores' 合计 is no budget, a header wrapped
 * over lines is no 绩效目标表, a unit printed as a cell of its own goes with its number.
 */
import { describe, expect, it } from "vitest";
import { extractBytes } from "../../../loaders/extract.ts";
import { BlockText } from "../../../loaders/performance/block-text.ts";
import { readTextRows } from "../../../loaders/performance/text-rows.ts";

const extract = (lines: string[]) => extractBytes(new TextEncoder().encode(lines.join("\n")), "某某局_2024_dept_final.txt");
const rows = (lines: string[]) => readTextRows(new BlockText(lines, 1, lines.length)).indicators;

describe("self-evaluation rows", () => {
  it("a 部门整体 table: `无` after the scores is the reason, and 合计 100 92 is the scores' total, not the funds", () => {
    const d = extract([
      "某某局2024年度部门决算",
      "=== PAGE 1 ===",
      "部门整体支出绩效自评表",
      "部门名称 某某局",
      "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
      "产出指标 数量指标 培训人数 300人 320人 50 50 无",
      "效益指标 社会效益指标 群众知晓度 90% 95% 50 42 部分地区宣传不到位",
      "合计 100 92",
    ]);
    expect(d.performance_indicators.map((i) => [i.indicator, i.target_text, i.actual_text, i.weight, i.score, i.reason_unmet])).toEqual([
      ["培训人数", "300人", "320人", 50, 50, "无"],
      ["群众知晓度", "90%", "95%", 50, 42, "部分地区宣传不到位"],
    ]);
    expect(d.performance_projects[0]).toMatchObject({ project_name: "部门整体", department: "某某局", budget: null, budget_fiscal: null, total_score: 92 });
    expect(d.checks.filter((c) => c.rule === "performance_score" && c.severity !== "info")).toEqual([]);
  });
  it("a total the scores do not reach is the document's error, whatever its funding rows end in (`其他资金 0 0 0`)", () => {
    const d = extract([
      "某某局2024年度部门决算",
      "=== PAGE 1 ===",
      "项目支出绩效自评表",
      "项目名称 培训项目",
      "主管部门 某某局 实施单位 某某中心",
      "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
      "年度资金总额 100 100 100 10 100% 10",
      "其中：当年财政拨款 100 100 100 — 100% —",
      "上年结转资金 0 0 0 — — —",
      "其他资金 0 0 0",
      "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
      "产出指标 数量指标 培训人数 300人 320人 50 50 按计划完成",
      "效益指标 社会效益指标 群众知晓度 90% 95% 40 40 按计划完成",
      "总分 100 95",
    ]);
    const c = d.checks.filter((x) => x.rule === "performance_score");
    expect(c.map((x) => [x.severity, x.expected, x.actual])).toEqual([["error", 100, 95]]);
  });
  it("a header wrapped over two lines (年度指标值 全年实际 / 完成值 偏差说明) keeps its 完成值 column", () => {
    const r = rows(["一级指标 二级指标 三级指标 年度指标值 全年实际", "完成值 偏差说明", "产出指标 数量指标 培训人数 300人 320人 无"]);
    expect(r.map((i) => [i.name, i.values.target, i.values.actual])).toEqual([["培训人数", "300人", "320人"]]);
  });
  it("a 绩效目标表 with a 计量单位 column: the unit goes with its number", () => {
    const r = rows(["一级指标 二级指标 三级指标 指标值 计量单位", "产出指标 数量指标 培训人数 300 人", "质量指标 培训合格率 98 %"]);
    expect(r.map((i) => [i.name, i.values.target, i.level2])).toEqual([
      ["培训人数", "300人", "数量指标"],
      ["培训合格率", "98%", "质量指标"],
    ]);
  });
});
