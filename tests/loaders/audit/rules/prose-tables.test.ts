/** prose_tables: 财政拨款收入 and a 决算's 机关运行经费 against the tables; a 元 table figure quoted rounded to 万元. */
import { describe, expect, it } from "vitest";
import { audit, auditWithStats } from "../../../../loaders/audit/index.ts";
import { EXT, hasExternal, SAMPLE } from "../../helpers.ts";
import { editedLines, inputOf, of } from "../edited.ts";

describe("prose_tables: 财政拨款收入, 机关运行经费", () => {
  it("passes 004: 财政拨款收入 5,634.18 (line 651) and 机关运行经费 131.50 (line 891 = 公开06表 公用经费合计, line 564)", () => {
    const { checks, stats } = auditWithStats(inputOf(SAMPLE.guizhou2022));
    expect(of(checks, "prose_tables")).toEqual([]);
    expect(stats.find((s) => s.rule === "prose_tables")!.performed).toBe(14);
  });
  it("flags 机关运行经费 edited on line 891 (131.50 → 135.50)", () => {
    const c = of(audit(editedLines(SAMPLE.guizhou2022, [[891, "131.50万元", "135.50万元"]])), "prose_tables");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "warning", expected: 131.5, actual: 135.5, source_lines: [564, 891], table_ids: ["公开06表"] });
  });
  it("flags 财政拨款收入 edited on line 651 (5,634.18 → 5,643.18)", () => {
    const c = of(audit(editedLines(SAMPLE.guizhou2022, [[651, "5,634.18万元", "5,643.18万元"]])), "prose_tables").filter((x) => x.source_lines.includes(651));
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "warning", expected: 5634.18, actual: 5643.18 });
  });
  it.skipIf(!hasExternal)("accepts a table in 元 quoted rounded in 万元 (sww line 106: 290.18 万元 for 2,901,820 元)", () => {
    expect(of(audit(inputOf(EXT.swwBudget)), "prose_tables").filter((c) => c.source_lines.includes(106))).toEqual([]);
  });
});
