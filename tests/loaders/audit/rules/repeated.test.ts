/** repeated: the same figure printed several times agrees; figures that cannot both hold. */
import { describe, expect, it } from "vitest";
import { audit, auditWithStats } from "../../../../loaders/audit/index.ts";
import { SAMPLE } from "../../helpers.ts";
import { editedLines, inputOf, of } from "../edited.ts";

describe("repeated", () => {
  it("passes 004, whose headline figures are printed alike wherever they recur", () => {
    const { checks, stats } = auditWithStats(inputOf(SAMPLE.guizhou2022));
    expect(of(checks, "repeated")).toEqual([]);
    expect(stats.find((s) => s.rule === "repeated")!.performed).toBeGreaterThan(8);
  });
  it("reads 003's 基本支出 printed as 1069.04 (line 116) and 1069.05 万元 (line 366) as rounding (info)", () => {
    const c = of(audit(inputOf(SAMPLE.leshan2021)), "repeated");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "info", subject: "基本支出", expected: 1069.04, actual: 1069.05, source_lines: [116, 366], family: "repeated" });
  });
  it("warns when the second printing is edited beyond rounding (line 366: 1069.05 → 1096.05)", () => {
    const c = of(audit(editedLines(SAMPLE.leshan2021, [[366, "基本支出 1069.05", "基本支出 1096.05"]])), "repeated");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "warning", expected: 1069.04, actual: 1096.05, source_lines: [116, 366] });
  });
  it("flags a prose budget equal to the final while the completion is not 100 % (004 line 711 edited: 年初预算 12,445.79 → 8,303.37; 完成 66.72 %)", () => {
    const checks = audit(editedLines(SAMPLE.guizhou2022, [[711, "年初预算为12,445.79万", "年初预算为8,303.37万"]]));
    const c = of(checks, "repeated");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "error", expected: 100, actual: 66.72, source_lines: [711, 713] });
    // reported once: prose_completion leaves it to this rule
    expect(of(checks, "prose_completion").filter((x) => x.source_lines.includes(713))).toEqual([]);
  });
  it("flags a 绩效 table whose 执行数 equals its 预算数 while its 执行率 is not 100 % (000 line 1172 edited: 16.16 → 19.04, 84.85 %)", () => {
    const checks = audit(editedLines(SAMPLE.sichuan2022unit, [[1172, "19.04 19.04 16.16 84.85%", "19.04 19.04 19.04 84.85%"]]));
    const c = of(checks, "repeated");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "error", subject: "省级预算内基本建设资金", expected: 100, actual: 84.85 });
    expect(of(checks, "performance_rate").filter((x) => x.subject === "省级预算内基本建设资金")).toEqual([]);
  });
});

describe("repeated: a 绩效 table's 评价结论 against its 总分", () => {
  it("passes 000 line 1256: 评价结论 项目自评得分为 88.5分 = 合计 88.5 (省级预算内基本建设资金)", () => {
    const checks = of(audit(inputOf(SAMPLE.sichuan2022unit)), "repeated");
    expect(checks.filter((c) => c.source_lines.includes(1256))).toEqual([]);
  });
  it("flags the conclusion edited to 85.5 分", () => {
    const c = of(audit(editedLines(SAMPLE.sichuan2022unit, [[1256, "项目自评得分为 88.5分", "项目自评得分为 85.5分"]])), "repeated");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "warning", subject: "省级预算内基本建设资金", expected: 88.5, actual: 85.5 });
    expect(c[0].source_lines).toContain(1256);
  });
});

describe("the self-rating grade a 绩效 table states (performance_weights judges it)", () => {
  it("reads 评价等级为“中” in 000's 评价结论 (line 1256 edited) and flags it against the 总分 88.5 (良)", () => {
    const input = editedLines(SAMPLE.sichuan2022unit, [[1256, "项目自评得分为 88.5分。", "项目自评得分为 88.5分，评价等级为“中”。"]]);
    expect(input.projects!.find((p) => p.project_name === "省级预算内基本建设资金")!.self_rating).toBe("中");
    const c = of(audit(input), "performance_weights").filter((x) => x.subject === "省级预算内基本建设资金");
    expect(c).toHaveLength(1);
    expect(c[0].message).toMatch(/良/);
  });
});
