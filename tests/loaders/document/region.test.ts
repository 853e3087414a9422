/** Region from the entity name (loaders/document/region.ts) and the money unit of a header line (unit.ts), on the samples. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { dominantProvince, regionOf } from "../../../loaders/document/region.ts";
import { unitInLine } from "../../../loaders/document/unit.ts";

const lines = (name: string) => readFileSync(resolve(import.meta.dirname, "../../../data/documents", name), "utf8").split(/\r?\n/);
const s001 = lines("001_a0d178c95672dbf5.txt");

describe("regionOf", () => {
  it("reads province and city from the name: 四川省乐山市医疗保障局 (003) is a city", () => {
    expect(regionOf("四川省乐山市医疗保障局", [])).toEqual({ province: "四川省", city: "乐山市", county: null, region: "四川省乐山市", level: "city" });
  });

  it("takes the province 001 names in its text when the entity (达州市医疗保障局（汇总）) names none", () => {
    expect(dominantProvince(s001)).toBe("四川省");
    expect(regionOf("达州市医疗保障局（汇总）", s001)).toEqual({ province: "四川省", city: "达州市", county: null, region: "四川省达州市", level: "city" });
  });

  it("gives a municipality's district its level: 上海市普陀区财政局", () => {
    expect(regionOf("上海市普陀区财政局", [])).toEqual({ province: "上海市", city: null, county: "普陀区", region: "上海市普陀区", level: "district" });
  });

  it("keeps a province-level department a province: 贵州省医疗保障局（本级） (004)", () => {
    expect(regionOf("贵州省医疗保障局（本级）", [])).toMatchObject({ province: "贵州省", city: null, level: "province" });
  });
});

describe("unitInLine", () => {
  it("reads 001 line 10806 `单位名称：达州市医疗保障局（汇总）   2023年度 单位:万元`", () => {
    expect(s001[10805]).toContain("单位:万元");
    expect(unitInLine(s001[10805])).toBe("万元");
  });

  it("reads 元 and 亿元 headers with spaces and full-width colons, and nothing from a note about units", () => {
    expect(unitInLine("金额单位： 元")).toBe("元");
    expect(unitInLine("（单位：亿元）")).toBe("亿元");
    expect(unitInLine(s001[10859])).toBeNull(); // 注：本表以“万元”为金额单位（保留两位小数）；
  });
});
