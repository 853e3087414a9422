/** prose_change: a change equals this year − last year, and its percentage change ÷ last year. */
import { describe, expect, it } from "vitest";
import { audit, auditWithStats } from "../../../../loaders/audit/index.ts";
import { SAMPLE } from "../../helpers.ts";
import { editedLines, inputOf, of } from "../edited.ts";

describe("prose_change: change = this year − last year", () => {
  it("passes 003's six stated changes (line 98: 1826.79 − 1254.66 = 572.13 万元; line 242: 229.34 − 83.61 = 145.73)", () => {
    const { checks, stats } = auditWithStats(inputOf(SAMPLE.leshan2021));
    expect(of(checks, "prose_change").filter((c) => c.source_lines.includes(98) || c.source_lines.includes(362))).toEqual([]);
    expect(stats.find((s) => s.rule === "prose_change")!.performed).toBeGreaterThanOrEqual(11);
  });
  it("flags line 98 with the change edited (572.13 → 527.13): 1826.79 − 1254.66 = 572.13", () => {
    const checks = of(audit(editedLines(SAMPLE.leshan2021, [[98, "增加 572.13 万元", "增加 527.13 万元"]])), "prose_change");
    const c = checks.find((x) => x.expected === 572.13)!;
    expect(c).toMatchObject({ severity: "warning", actual: 527.13, subject: "收支总计", source_lines: [98] });
  });
});
