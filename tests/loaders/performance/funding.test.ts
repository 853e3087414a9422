import { describe, expect, it } from "vitest";
import { readFunding } from "../../../loaders/performance/funding.ts";
import { at, sample } from "./helpers.ts";

const SCHEMA = ["budget_initial", "budget_adjusted", "executed", "execution_rate", "weight", "score"];

describe("绩效自评表: the funding sub-rows below 年度资金总额", () => {
  it("names printed on their line (004 lines 1113–1119): 财政拨款 and 其他 read, 本级安排 / 上级补助 (no column) left in residue", () => {
    const { projects, residue } = sample("004", "元");
    const p = at(projects, 1102);
    expect([p.fiscal_budget_initial, p.fiscal_budget_adjusted, p.fiscal_executed]).toEqual([26352000, 26352000, 14513100]);
    expect([p.other_budget_initial, p.other_budget_adjusted, p.other_executed]).toEqual([0, 0, 0]);
    expect([p.carryover_budget_initial, p.funding_lines]).toEqual([null, '{"fiscal":1113,"other":1119}']);
    expect(residue.filter((r) => r.source_line >= 1113 && r.source_line <= 1119).map((r) => [r.source_line, r.reason])).toEqual([
      [1115, "funding-source sub-row (not extracted)"],
      [1117, "funding-source sub-row (not extracted)"],
    ]);
  });
  it("names wrapped above their numbers, the budget row's 原因 wrapped beside them (000 lines 548–583)", () => {
    const { projects, residue } = sample("000");
    const p = projects.find((x) => x.funding_lines?.includes('"fiscal":574'))!;
    expect([p.budget_initial, p.fiscal_budget_initial, p.fiscal_budget_adjusted, p.fiscal_executed]).toEqual([4891.78, 4891.78, 4849.38, 4178.02]);
    // 财政专户管理资金 (line 579) and 单位资金 (581) have no column: named, so 其他资金 keeps its own name, and left in residue
    expect(p.funding_lines).toBe('{"fiscal":574,"other":583}');
    expect(p.other_executed).toBeNull(); // `其他资金 / /`: no figure printed
    expect(residue.find((r) => r.source_line === 581)?.reason).toBe("funding-source sub-row (not extracted)");
  });
  it("names wrapped around their numbers (国家信访局 line 655: `其中：财政` / `140.61 140.61 140.61 -- 0.0% --` / `拨款`)", () => {
    const lines = [
      "年度资金总额： 180.61 180.03 180.03 10.0 100.00% 10",
      "项目资金   其中：财政",
      "140.61 140.61 140.61 -- 0.0% --",
      "（万元）   拨款",
      "上",
      "40.00 39.42 39.42 -- 0.0% --",
      "年结转",
      "其",
      "0.00 0.00 0.00 -- 0.0% --",
      "他资金",
      "预期目标 实际完成情况",
    ];
    const f = readFunding(lines, 2, lines.length, SCHEMA);
    expect(f.rows).toEqual([
      { source: "fiscal", line: 3, values: { budget_initial: 140.61, budget_adjusted: 140.61, executed: 140.61 } },
      { source: "carryover", line: 6, values: { budget_initial: 40, budget_adjusted: 39.42, executed: 39.42 } },
      { source: "other", line: 9, values: { budget_initial: 0, budget_adjusted: 0, executed: 0 } },
    ]);
    expect(f.used).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
  it("reads nothing when the names do not match the lines of numbers one for one", () => {
    expect(readFunding(["其中：财政", "1.00 1.00 1.00", "2.00 2.00 2.00", "绩效指标"], 1, 4, SCHEMA)).toEqual({ rows: [], used: [], unextracted: [] });
  });
  it("a page break between the sub-rows is no row (001 line 3570 `- 44 -`: 财政资金 2.00 1.48 1.48 on line 3557 read)", () => {
    const { projects, residue } = sample("001");
    const p = at(projects, 3461);
    expect([p.budget_initial, p.budget_adjusted, p.executed]).toEqual([2, 1.48, 1.48]);
    expect([p.fiscal_budget_initial, p.fiscal_budget_adjusted, p.fiscal_executed, p.funding_lines]).toEqual([2, 1.48, 1.48, '{"fiscal":3557,"other":3566}']);
    // 财政专户 / 管理资金 / its zeros (3559–3562) and 单位资金 (3564): no column, in residue as such (not as text not placed); the page's number as such
    expect(residue.filter((r) => r.source_line >= 3554 && r.source_line <= 3570).map((r) => [r.source_line, r.reason])).toEqual([
      [3559, "funding-source sub-row (not extracted)"],
      [3561, "funding-source sub-row (not extracted)"],
      [3562, "funding-source sub-row (not extracted)"],
      [3564, "funding-source sub-row (not extracted)"],
      [3570, "page number"],
    ]);
  });
  it("a name's start wrapped against the 原因 beside it (001 line 8902 `金支付财政专户` / `管理资金`)", () => {
    const p = at(sample("001").projects, 8811);
    expect([p.fiscal_budget_initial, p.fiscal_budget_adjusted, p.fiscal_executed, p.funding_lines]).toEqual([5, 1.2, 1.2, '{"fiscal":8901,"other":8909}']);
    const f = readFunding(["其中：财", "政资金", "5.00 1.20 1.20 100.00% / /", " 金支付财政专户", "管理资金", "0.00 0.00 0.00 0.00% / /", "绩效指标"], 1, 7, SCHEMA);
    expect(f.rows.map((r) => [r.source, r.line])).toEqual([["fiscal", 3]]);
    expect(f.unextracted).toEqual([4, 5, 6]);
  });
});
