/** naming: the entity named alike on the cover, in table headers and part titles. */
import { describe, expect, it } from "vitest";
import { audit, auditWithStats } from "../../../../loaders/audit/index.ts";
import { nameKey, sameEntity } from "../../../../loaders/audit/rules/naming.ts";
import { SAMPLE } from "../../helpers.ts";
import { editedLines, inputOf, of } from "../edited.ts";

describe("naming", () => {
  it("passes 004: the part title on line 3 names 贵州省医疗保障局（本级） as the cover does", () => {
    const { checks, stats } = auditWithStats(inputOf(SAMPLE.guizhou2022));
    expect(of(checks, "naming")).toEqual([]);
    expect(stats.find((s) => s.rule === "naming")!.performed).toBe(1);
  });
  it("flags the part title renamed (line 3: 医疗保障局 → 医疗保险局)", () => {
    const c = of(audit(editedLines(SAMPLE.guizhou2022, [[3, "贵州省医疗保障局（本级）概况", "贵州省医疗保险局（本级）概况"]])), "naming");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "warning", family: "naming", subject: "贵州省医疗保险局（本级）", source_lines: [3] });
  });
  it("passes 001's 13 table headers 单位名称：达州市医疗保障局（汇总）, and flags one whose scope marker contradicts the cover (line 10726: （汇总） → （本级）)", () => {
    expect(of(audit(inputOf(SAMPLE.dazhou2023)), "naming")).toEqual([]);
    const c = of(audit(editedLines(SAMPLE.dazhou2023, [[10726, "达州市医疗保障局（汇总）", "达州市医疗保障局（本级）"]])), "naming");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "warning", source_lines: [10726] });
    expect(c[0].message).toMatch(/本级.*汇总/);
  });
  it("reads a region prefix one printing omits as the same name, another department as another", () => {
    expect(sameEntity("普陀区商务委员会", "上海市普陀区商务委员会")).toBe(true);
    expect(sameEntity("中共乐山市委组织部", "乐山市委组织部")).toBe(true);
    expect(sameEntity("上海市普陀区财政局", "上海市普陀区商务委员会")).toBe(false);
    expect(nameKey("长春市信访局（本级）")).toBe("长春市信访局");
  });
});
