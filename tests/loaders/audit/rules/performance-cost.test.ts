/** performance_cost: a 成本指标 stated as an amount cannot exceed its project's budget or execution. */
import { describe, expect, it } from "vitest";
import { audit } from "../../../../loaders/audit/index.ts";
import type { Check } from "../../../../loaders/audit/types.ts";
import { SAMPLE } from "../../helpers.ts";
import { editedLines, inputOf, of } from "../edited.ts";

// 001 (达州市医疗保障局 2023 决算), 专项业务类-法制医保建设经费 (table line 2828: 预算 4, 执行数 4 万元):
// its 成本指标 法制医保监督成本费用 on line 3028 reads “≤ 4 万元 4 10 10” (target 4, actual 4).
const onLine = (checks: Check[], line: number) => of(checks, "performance_cost").filter((c) => c.source_lines.includes(line));

describe("performance_cost", () => {
  it("passes 001's 法制医保监督成本费用 (line 3028) as printed: 4 万元 within the project's 预算 and 执行数 of 4 万元", () => {
    expect(onLine(audit(inputOf(SAMPLE.dazhou2023)), 3028)).toEqual([]);
  });
  it("warns of a target above the project's budget (line 3028 edited: ≤ 40 万元 against 预算 4 万元)", () => {
    const c = onLine(audit(editedLines(SAMPLE.dazhou2023, [[3028, "≤ 4 万元 4", "≤ 40 万元 4"]])), 3028);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "warning", family: "performance", subject: "专项业务类-法制医保建设经费", expected: 4, actual: 40 });
    expect(c[0].source_lines).toContain(2828);
  });
  it("flags an actual value above the amount executed as an error (line 3028 edited: 实际 6 万元 against 执行数 4 万元)", () => {
    const c = onLine(audit(editedLines(SAMPLE.dazhou2023, [[3028, "万元 4 10", "万元 6 10"]])), 3028);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "error", expected: 4, actual: 6 });
  });
  it("flags 003's 医保骨干网建设 as printed: 项目预计使用资金 193万元 done (line 479) while 执行数 is 165 (line 472)", () => {
    const c = of(audit(inputOf(SAMPLE.leshan2021)), "performance_cost").filter((x) => x.severity === "error" && x.subject === "医保骨干网建设");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ expected: 165, actual: 193 });
    expect(c[0].source_lines).toContain(479);
  });
  it("finds nothing in 004, a consistent document", () => {
    expect(of(audit(inputOf(SAMPLE.guizhou2022)), "performance_cost")).toEqual([]);
  });
});
