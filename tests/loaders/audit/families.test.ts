/**
 * The rule families added for issue 13, each on a sample's real lines: the
 * document as printed (a true finding, or a pass) and the same lines edited
 * to break (or repair) the identity the rule checks.
 */
import { describe, expect, it } from "vitest";
import { audit, auditWithStats, FAMILIES, RULES } from "../../../loaders/audit/index.ts";
import type { AuditInput } from "../../../loaders/audit/types.ts";
import { EXT, hasExternal, SAMPLE } from "../helpers.ts";
import { editedLines, inputOf, of } from "./edited.ts";

/** The audit input of a sample with line `n` (1-based) edited. */
const editedInput = (path: string, n: number, from: string, to: string): AuditInput => editedLines(path, [[n, from, to]]);

describe("rule metadata", () => {
  it("puts every rule in one listed family, and every check carries its rule's family", () => {
    const families = new Set(FAMILIES.map((f) => f.id));
    for (const r of RULES) expect(families.has(r.family)).toBe(true);
    const { checks } = auditWithStats(inputOf(SAMPLE.leshan2021));
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) expect(c.family).toBe(RULES.find((r) => r.id === c.rule)!.family);
  });
});

describe("completeness", () => {
  const guizhou = inputOf(SAMPLE.guizhou2022);
  it("passes 004, whose nine tables are all printed", () => {
    expect(of(audit(guizhou), "completeness")).toEqual([]);
  });
  it("accepts a missing 政府性基金 table covered by its 空表说明 (line 584: 本单位2022年度没有政府性基金预算财政拨款收入…)", () => {
    const withoutTable = {
      ...guizhou,
      tables: guizhou.tables!.filter((t) => t.family !== "final_gov_fund"),
      lines: guizhou.lines!.map((l, i) => (i + 1 >= 569 && i + 1 <= 571 ? "" : l)),
    };
    expect(of(audit(withoutTable), "completeness")).toEqual([]);
  });
  it("flags the table when neither it nor a no-data statement is printed", () => {
    const lines = guizhou.lines!.map((l) => (/政府性基金/.test(l) ? "" : l));
    const checks = of(audit({ ...guizhou, tables: guizhou.tables!.filter((t) => t.family !== "final_gov_fund"), lines }), "completeness");
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ severity: "warning", subject: "政府性基金预算财政拨款收入支出决算表", family: "completeness" });
  });
  it("reports 000 (a 单位决算 printing prose and 绩效 tables only) once, not table by table", () => {
    const checks = of(audit(inputOf(SAMPLE.sichuan2022unit)), "completeness");
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ severity: "warning", expected: 9, actual: 0 });
  });
});

describe("code_names", () => {
  it("passes 004, whose codes carry their national names (2101501 行政运行 …)", () => {
    const { checks, stats } = auditWithStats(inputOf(SAMPLE.guizhou2022));
    expect(of(checks, "code_names")).toEqual([]);
    expect(stats.find((s) => s.rule === "code_names")!.performed).toBeGreaterThan(20);
  });
  it("flags a 项 printed under another code's name (004 line 191 edited: 2101501 named 一般行政管理事务)", () => {
    const checks = of(audit(editedInput(SAMPLE.guizhou2022, 191, "行政运行", "一般行政管理事务")), "code_names");
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ severity: "warning", subject: "2101501", source_lines: [191] });
    expect(checks[0].message).toMatch(/2101502/);
  });
  it.skipIf(!hasExternal)("flags 社会福利院's own economic numbering: 30202 printed as 咨询费 (the name of 30203)", () => {
    const c = of(audit(inputOf(EXT.shflyBudget)), "code_names").find((x) => x.subject === "30202")!;
    expect(c).toMatchObject({ severity: "warning", source_lines: [197] });
    expect(c.message).toMatch(/咨询费.*30203.*印刷费/);
  });
});

describe("prose_parts", () => {
  it("flags 003 line 246: 政府采购支出总额 0 万元 while 政府采购服务支出 is 2.61 万元", () => {
    const c = of(audit(inputOf(SAMPLE.leshan2021)), "prose_parts").find((x) => x.severity === "error")!;
    expect(c).toMatchObject({ subject: "政府采购支出总额", expected: 2.61, actual: 0, source_lines: [246] });
  });
  it("accepts 004 line 901: 政府采购支出总额 5,207.62 = 27.04 + 0.00 + 5,180.58", () => {
    const checks = of(audit(inputOf(SAMPLE.guizhou2022)), "prose_parts");
    expect(checks.filter((c) => c.source_lines.includes(901))).toEqual([]);
  });
  it("flags the same list when a part is edited beyond the whole (5,180.58 → 5,280.58)", () => {
    const checks = of(audit(editedInput(SAMPLE.guizhou2022, 905, "5,180.58", "5,280.58")), "prose_parts").filter((c) => c.severity !== "info");
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ severity: "error", expected: 5307.62, actual: 5207.62, source_lines: [901, 903, 905] });
  });
  it("reads counts too: 004 line 913 车辆 4 辆 = 1 + 2 + 1; with 机要通信用车 edited to 3 辆 the parts exceed the whole", () => {
    expect(of(audit(inputOf(SAMPLE.guizhou2022)), "prose_parts").filter((c) => c.source_lines.includes(913))).toEqual([]);
    const checks = of(audit(editedInput(SAMPLE.guizhou2022, 915, "机要通信用车1辆", "机要通信用车3辆")), "prose_parts").filter((c) => c.subject === "车辆");
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ severity: "error", expected: 6, actual: 4 });
  });
});

describe("performance_weights", () => {
  it("passes 004's eight 自评表, whose weights add up to 100", () => {
    const { checks, stats } = auditWithStats(inputOf(SAMPLE.guizhou2022));
    expect(of(checks, "performance_weights")).toEqual([]);
    expect(stats.find((s) => s.rule === "performance_weights")!.performed).toBe(8);
  });
  it("flags a weight edited on line 1144 (10 → 15): the indicator weights add up to 95, not the 90 printed on the 总分 row", () => {
    const checks = of(audit(editedInput(SAMPLE.guizhou2022, 1144, "≥115人 10 10", "≥115人 15 10")), "performance_weights");
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ severity: "error", expected: 95, actual: 90, subject: "离休人员及遗孀医疗补助资金" });
    expect(checks[0].source_lines).toContain(1144);
  });
});

describe("explanations", () => {
  it("passes 004 line 893: 机关运行经费 增长10.37% followed by 主要原因是…", () => {
    const { checks, stats } = auditWithStats(inputOf(SAMPLE.guizhou2022));
    expect(of(checks, "explanations")).toEqual([]);
    expect(stats.find((s) => s.rule === "explanations")!.performed).toBeGreaterThanOrEqual(5);
  });
  it("flags the same change once its reason is removed", () => {
    const inp = editedLines(SAMPLE.guizhou2022, [
      [893, "，主要原因是：1.2022年度人员较上", "。"],
      [895, "年增加7人（其中：新调入人员5名、军转干人员2名），2.办公", ""],
      [897, "费、水电费、差旅费等费用增加。", ""],
    ]);
    const checks = of(audit(inp), "explanations");
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ severity: "warning", subject: "机关运行经费支出", actual: 10.37, source_lines: [893] });
  });
});

describe("balances", () => {
  it("passes 004: 公开04表's 财政拨款 年初结转和结余 5,048.61 does not exceed 公开01表's 5,059.01", () => {
    const { checks, stats } = auditWithStats(inputOf(SAMPLE.guizhou2022));
    expect(of(checks, "balances")).toEqual([]);
    expect(stats.find((s) => s.rule === "balances")!.performed).toBe(2);
  });
  it("flags 公开01表's 年初结转和结余 edited below the 财政拨款 figure (line 148: 5,059.01 → 59.01)", () => {
    const checks = of(audit(editedInput(SAMPLE.guizhou2022, 148, "5,059.01", "59.01")), "balances");
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ severity: "error", subject: "年初结转和结余", actual: 5048.61, expected: 59.01 });
  });
});
