import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractBytes, extractFile } from "../../../loaders/extract.ts";
import { EXT, hasExternal, SAMPLE } from "../helpers.ts";

const meta = (path: string) => {
  const { entity, province, city, region, level, year, kind, scope, scope_zh, amount_unit } = extractFile(path).document;
  return { entity, province, city, region, level, year, kind, scope, scope_zh, amount_unit };
};

describe("metadata from the content", () => {
  it("reads the five samples", () => {
    expect(meta(SAMPLE.sichuan2022unit)).toEqual({ entity: "四川省医疗保障局", province: "四川省", city: null, region: "四川省", level: "province", year: 2022, kind: "final", scope: "unit", scope_zh: "单位", amount_unit: "万元" });
    expect(meta(SAMPLE.dazhou2023)).toEqual({ entity: "达州市医疗保障局（汇总）", province: "四川省", city: "达州市", region: "四川省达州市", level: "city", year: 2023, kind: "final", scope: "department", scope_zh: "汇总", amount_unit: "万元" });
    expect(meta(SAMPLE.sichuan2023budget)).toMatchObject({ entity: "四川省医疗保障局", level: "province", year: 2023, kind: "budget", scope: "department", scope_zh: "部门" });
    expect(meta(SAMPLE.leshan2021)).toMatchObject({ entity: "四川省乐山市医疗保障局", province: "四川省", city: "乐山市", level: "city", year: 2021, kind: "final", scope: "department" });
    expect(meta(SAMPLE.guizhou2022)).toMatchObject({ entity: "贵州省医疗保障局（本级）", province: "贵州省", level: "province", year: 2022, kind: "final", scope: "unit", scope_zh: "本级" });
  });

  it.skipIf(!hasExternal)("reads Shanghai documents of other departments and templates", () => {
    expect(meta(EXT.czjFinal)).toMatchObject({ entity: "上海市普陀区财政局", province: "上海市", region: "上海市普陀区", level: "district", year: 2024, kind: "final", scope: "department" });
    expect(meta(EXT.swwBudget)).toMatchObject({ entity: "上海市普陀区商务委员会", year: 2025, kind: "budget", scope: "department", amount_unit: "元" });
    expect(meta(EXT.shiquanBudget)).toMatchObject({ entity: "上海市普陀区人民政府石泉路街道办事处（本级）", year: 2026, kind: "budget", scope: "unit", scope_zh: "本级" });
    expect(meta(EXT.shflyBudget)).toMatchObject({ entity: "上海市普陀区社会福利院", year: 2024, kind: "budget", scope: "unit" });
  });

  it("follows the content when entity, region and year are changed", () => {
    const text = readFileSync(SAMPLE.guizhou2022, "utf8").replaceAll("贵州省医疗保障局", "云南省卫生健康委员会").replaceAll("2022", "2024");
    const d = extractBytes(new TextEncoder().encode(text), "changed.txt").document;
    expect(d).toMatchObject({ entity: "云南省卫生健康委员会（本级）", province: "云南省", year: 2024, kind: "final", scope_zh: "本级" });
  });
});
