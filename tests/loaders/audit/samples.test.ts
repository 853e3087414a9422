/**
 * The audit on the real samples: known breaks are found by rule (naming
 * their lines), an edited number is caught on its line, and a document
 * whose tables are consistent yields no error.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { auditWithStats } from "../../../loaders/audit/index.ts";
import { auditInputOf } from "../../../loaders/audit/input.ts";
import { extractBytes, extractFile } from "../../../loaders/extract.ts";
import { SAMPLE } from "../helpers.ts";

const auditFile = (path: string) => auditWithStats(auditInputOf(extractFile(path)));

/** Audit a sample with line `n` (1-based) edited. */
function auditEdited(path: string, n: number, from: string, to: string) {
  const lines = readFileSync(path, "utf8").split("\n");
  expect(lines[n - 1]).toContain(from);
  lines[n - 1] = lines[n - 1].replace(from, to);
  return auditWithStats(auditInputOf(extractBytes(new TextEncoder().encode(lines.join("\n")), path)));
}

describe("003 乐山 2021 决算", () => {
  const { checks } = auditFile(SAMPLE.leshan2021);
  it("flags the 0.58% share of 住房保障支出 (70.84 of 1711.44 is 4.14%)", () => {
    const c = checks.find((x) => x.rule === "prose_share" && x.actual === 0.58)!;
    expect(c).toBeDefined();
    expect(c.severity).toBe("warning");
    expect(c.expected).toBeCloseTo(4.139, 2);
    expect(c.source_lines).toEqual([149]);
    expect(c.message).toMatch(/4\.14%.*0\.58%/);
  });
  it("flags the 173.6% growth of 机关运行经费 (145.73 ÷ 83.61 = 174.30%)", () => {
    const c = checks.find((x) => x.rule === "prose_change" && x.actual === 173.6)!;
    expect(c.source_lines).toContain(242);
    expect(c.expected).toBeCloseTo(174.3, 1);
  });
  it("repairing the stated share removes the finding", () => {
    const { checks: fixed } = auditEdited(SAMPLE.leshan2021, 149, "占 0.58%", "占 4.14%");
    expect(fixed.filter((c) => c.rule === "prose_share" && c.severity === "warning")).toEqual([]);
  });
});

describe("002 四川省医疗保障局 2023 预算", () => {
  const { checks, stats } = auditFile(SAMPLE.sichuan2023budget);
  it("flags 行政单位医疗: 表3 prints 1,688.73 where 表1-2 (Σ units) and the prose give 188.73", () => {
    const cross = checks.find((c) => c.rule === "cross_table" && c.subject === "2101101")!;
    expect(cross.severity).toBe("error");
    expect([cross.expected, cross.actual].sort()).toEqual([1688.73, 188.73].sort());
    expect(cross.source_lines).toEqual([159, 167, 358]);
    const prose = checks.find((c) => c.rule === "prose_tables" && c.subject === "2101101")!;
    expect(prose).toMatchObject({ severity: "warning", expected: 1688.73, actual: 188.73, source_lines: [358, 882] });
  });
  it("flags 表1-2's 事务中心 rows summing to 1499.99 less than its subtotal", () => {
    const c = checks.find((x) => x.rule === "hierarchy" && x.table_ids[0] === "表1-2" && x.source_lines[0] === 160)!;
    expect(c).toMatchObject({ severity: "error", actual: 4638.54, expected: 3138.55 });
  });
  it("counts the checks performed per rule", () => {
    const by = Object.fromEntries(stats.map((s) => [s.rule, s.performed]));
    expect(by.totals).toBeGreaterThan(0);
    expect(by.row).toBeGreaterThan(50);
    expect(by.cross_table).toBeGreaterThan(20);
    expect(by.prose_tables).toBeGreaterThan(20);
  });
});

describe("001 达州 2023 决算", () => {
  const { checks } = auditFile(SAMPLE.dazhou2023);
  it("flags 下降 8.9% where 10.86 of 1209.27 is 0.90%", () => {
    const c = checks.find((x) => x.rule === "prose_change" && x.actual === 8.9)!;
    expect(c.source_lines).toContain(140);
    expect(c.expected).toBeCloseTo(0.898, 2);
  });
  it("flags 03表 208 whose 合计 535.29 ≠ 基本 504.9 + 项目 (empty)", () => {
    const c = checks.find((x) => x.rule === "row" && x.table_ids[0] === "财决公开03表" && x.subject === "208")!;
    expect(c).toMatchObject({ severity: "error", expected: 504.9, actual: 535.29 });
  });
  it("reports 01表 本年支出合计 1198.42 vs Σ 类 1198.44 as rounding (尾差)", () => {
    const c = checks.find((x) => x.rule === "totals" && x.actual === 1198.42)!;
    expect(c).toMatchObject({ severity: "info", expected: 1198.44 });
    expect(c.message).toMatch(/尾差/);
  });
});

describe("004 贵州 2022 决算: a consistent document", () => {
  it("yields no error (only rounding and one prose attribution note)", () => {
    const { checks, stats } = auditFile(SAMPLE.guizhou2022);
    expect(checks.filter((c) => c.severity === "error")).toEqual([]);
    expect(stats.reduce((s, x) => s + x.performed, 0)).toBeGreaterThan(300);
  });
  it("an edited number is caught on its line by row, hierarchy and cross_table", () => {
    // 2101502 一般行政管理事务 225.17 0.00 225.17 in 公开05表
    const { checks } = auditEdited(SAMPLE.guizhou2022, 427, "225.17 0.00 225.17", "252.17 0.00 225.17");
    const errors = checks.filter((c) => c.severity === "error" && c.source_lines.includes(427));
    expect(new Set(errors.map((c) => c.rule))).toEqual(new Set(["row", "hierarchy", "cross_table"]));
    expect(errors.find((c) => c.rule === "row")).toMatchObject({ expected: 225.17, actual: 252.17 });
  });
  it("is deterministic", () => {
    expect(auditFile(SAMPLE.guizhou2022)).toEqual(auditFile(SAMPLE.guizhou2022));
  });
});
