/** row: a row's 合计 equal to its 基本支出 while its 项目支出 is not zero is flagged wherever the columns are read. */
import { describe, expect, it } from "vitest";
import { audit } from "../../../../loaders/audit/index.ts";
import { contextOf } from "../../../../loaders/audit/context.ts";
import { byMeasure, columnGroups, wan } from "../../../../loaders/audit/rows.ts";
import type { AuditInput } from "../../../../loaders/audit/types.ts";
import { join } from "node:path";
import { CORPUS, EXT, hasCorpus, hasExternal, SAMPLE } from "../../helpers.ts";
import { editedLines, inputOf, of } from "../edited.ts";

/** Rows (column groups) whose 合计 equals their 基本支出 while their 项目支出 is not zero, and whether the row rule flagged each. */
function totalIsBasic(input: AuditInput): Array<{ line: number; flagged: boolean }> {
  const ctx = contextOf(input);
  const checks = of(audit(input), "row");
  const out: Array<{ line: number; flagged: boolean }> = [];
  for (const r of ctx.rows)
    for (const g of columnGroups(r)) {
      const m = byMeasure(g);
      const total = m.get("total");
      const basic = m.get("basic");
      const project = m.get("project");
      if (total && basic && project && Math.abs(wan(total) - wan(basic)) < 0.005 && Math.abs(wan(project)) > 0.005)
        out.push({ line: total.source_line, flagged: checks.some((c) => c.severity === "error" && c.source_lines.includes(total.source_line) && c.table_ids.includes(r.table_id)) });
    }
  return out;
}

describe("row: 合计 = 基本支出 while 项目支出 ≠ 0", () => {
  it("finds no such row in the five samples (every row whose 合计, 基本 and 项目 are read)", () => {
    for (const path of Object.values(SAMPLE)) expect(totalIsBasic(inputOf(path))).toEqual([]);
  }, 60_000);
  it("flags 004 公开03表 line 221 edited so: 208 合计 1,535.95 → 84.64 = 基本支出 84.64 while 项目支出 is 1,451.31", () => {
    const input = editedLines(SAMPLE.guizhou2022, [[221, "1,535.95 84.64 1,451.31", "84.64 84.64 1,451.31"]]);
    expect(totalIsBasic(input)).toEqual([{ line: 221, flagged: true }]);
    const c = of(audit(input), "row").find((x) => x.source_lines.includes(221) && x.subject === "208")!;
    expect(c).toMatchObject({ severity: "error", expected: 1535.95, actual: 84.64, table_ids: ["公开03表"] });
    expect(c.message).toMatch(/合计 = 基本支出 \+ 项目支出/);
  });
});

describe.skipIf(!hasCorpus)("row: a “三公” table by fund (合计 | 一般公共预算 | 政府性基金 | 国有资本经营)", () => {
  it("广州 表8 line 342: 行政经费 合计 839.21 = 839.21 + 0.00 + 0.00, its 合计 the sum (not 一般公共预算, which made 6 false findings)", () => {
    const input = inputOf(join(CORPUS, "gd_gz_tjj_2026_dept_budget.txt"));
    const ctx = contextOf(input);
    const row = ctx.rows.find((r) => r.table_id === "表8" && r.items[0].source_line === 342)!;
    expect(row.items.map((i) => [i.measure, i.value])).toEqual([
      ["three_public_total", 839.21],
      ["general_public_budget", 839.21],
      ["government_fund", 0],
      ["state_capital", 0],
    ]);
    expect(of(audit(input), "row").filter((c) => c.table_ids.includes("表8"))).toEqual([]);
    // the identity is checked: 行政经费 edited to 合计 839.21 over 一般公共预算 800.00 is flagged
    const edited = of(audit(editedLines(join(CORPUS, "gd_gz_tjj_2026_dept_budget.txt"), [[342, "839.21 839.21 0.00", "839.21 800.00 0.00"]])), "row");
    expect(edited.filter((c) => c.source_lines.includes(342)).map((c) => [c.severity, c.expected, c.actual])).toEqual([["error", 800, 839.21]]);
  }, 60_000);
});

describe.skipIf(!hasCorpus)("row: a 支出总表 whose 事业单位经营支出 is an of-which column (深圳)", () => {
  const file = () => join(CORPUS, "gd_sz_sthjj_2026_dept_budget.txt");
  it("生态环境局 表3 line 2988: 21114 能源管理事务 合计 10,446.03 = 基本 1,043.32 + 项目 9,402.71, 经营支出 9,118.50 not added (13 false findings before)", () => {
    const input = inputOf(file());
    const row = contextOf(input).rows.find((r) => r.table_id === "表3" && r.items[0].source_line === 2988)!;
    expect(byMeasure(row.items).get("operating_expenditure")?.value).toBe(9118.5);
    expect(of(audit(input), "row").filter((c) => c.severity !== "info")).toEqual([]);
  }, 60_000);
  it("a misprint still shows: 项目支出 on line 2988 edited to 9,412.71 is flagged, the other rows keep the table's reading", () => {
    const checks = of(audit(editedLines(file(), [[2988, "1,043.32 9,402.71", "1,043.32 9,412.71"]])), "row").filter((c) => c.severity !== "info");
    expect(checks.map((c) => [c.source_lines[0], c.expected, c.actual])).toEqual([[2988, 10456.03, 10446.03]]);
  }, 60_000);
});

describe.skipIf(!hasExternal)("row: a row whose amounts are printed over two lines is one row", () => {
  it("上海 普陀区财政局 支出决算表: 行政运行's 基本支出 1,503.52 printed on line 172, above its label; 合计 1,511.89 = 1,503.52 + 8.37 (line 173)", () => {
    const input = inputOf(EXT.czjFinal);
    const row = contextOf(input).rows.find((r) => r.table_id === "支出决算表" && r.label === "行政运行")!;
    expect(row.items.map((i) => [i.measure, i.value, i.source_line])).toEqual([
      ["basic", 1503.52, 172],
      ["total", 1511.89, 173],
      ["project", 8.37, 173],
    ]);
    expect(of(audit(input), "row").filter((c) => c.severity !== "info")).toEqual([]);
  }, 60_000);
});

