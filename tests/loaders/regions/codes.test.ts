import { beforeAll, describe, expect, it } from "vitest";
import { extractFiles, type Extraction } from "../../../loaders/extract.ts";
import { levelOfCode } from "../../../loaders/regions/divisions.ts";
import { regionCodes } from "../../../loaders/regions/codes.ts";
import { DOCS, SAMPLE } from "../helpers.ts";

let corpus: Extraction;
beforeAll(() => {
  corpus = extractFiles([DOCS], { root: DOCS });
}, 60_000);

const byFile = (path: string) => corpus.documents.find((d) => path.endsWith(d.source_file))!;

describe("GB/T 2260 codes of the samples", () => {
  it("gives 四川省 510000 to the province's own documents", () => {
    for (const path of [SAMPLE.sichuan2022unit, SAMPLE.sichuan2023budget]) {
      expect(byFile(path)).toMatchObject({
        province: "四川省",
        province_code: "510000",
        city_code: null,
        county_code: null,
        region_code: "510000",
        region_level: "province",
      });
    }
  });

  it("gives 乐山市 511100 and 达州市 511700 under 510000", () => {
    expect(byFile(SAMPLE.leshan2021)).toMatchObject({
      city: "乐山市",
      province_code: "510000",
      city_code: "511100",
      region_code: "511100",
      region_level: "city",
    });
    expect(byFile(SAMPLE.dazhou2023)).toMatchObject({
      city: "达州市",
      province_code: "510000",
      city_code: "511700",
      region_code: "511700",
      region_level: "city",
    });
  });

  it("gives 贵州省 520000", () => {
    expect(byFile(SAMPLE.guizhou2022)).toMatchObject({ province: "贵州省", province_code: "520000", region_code: "520000", region_level: "province" });
  });
});

describe("region lookup", () => {
  it("finds a city named without its province when the list holds the name once, and its province from the code", () => {
    expect(regionCodes({ province: null, city: "珠海市", region: "珠海市" })).toMatchObject({
      province_code: "440000",
      city_code: "440400",
      region_code: "440400",
      messages: [],
    });
  });

  it("reads a municipality's district from the region and calls it a district", () => {
    expect(regionCodes({ province: "上海市", city: null, region: "上海市普陀区" })).toMatchObject({
      province_code: "310000",
      city_code: null,
      county_code: "310107",
      region_level: "district",
    });
  });

  it("leaves a name the list lacks under its province empty, with a message, and no region code", () => {
    const r = regionCodes({ province: "四川省", city: "珠海市", region: "四川省珠海市" });
    expect(r).toMatchObject({ province_code: "510000", city_code: null, region_code: null, region_level: null });
    expect(r.messages).toEqual(["city 珠海市 is not in the division list under 四川省; its code is left empty"]);
  });

  it("never guesses between two divisions of the same name", () => {
    // 河北省 has a 桥西区 in 石家庄 (130104) and in 张家口 (130703)
    const r = regionCodes({ province: "河北省", city: null, region: "河北省桥西区" });
    expect(r).toMatchObject({ county_code: null, region_code: null });
    expect(r.messages).toEqual(["county 桥西区 is ambiguous under 河北省: 130104, 130703; its code is left empty"]);
    expect(regionCodes({ province: "河北省", city: "张家口市", region: "河北省张家口市桥西区" })).toMatchObject({
      county_code: "130703",
      region_level: "district",
    });
  });

  it("says so when no region is named (a central department)", () => {
    expect(regionCodes({ province: null, city: null, region: null }).messages).toEqual(["no province, city or county named; region codes left empty"]);
  });

  it("reads the level from the code (GB/T 2260 编码规则)", () => {
    expect([
      levelOfCode("510000"),
      levelOfCode("511100"),
      levelOfCode("511702"),
      levelOfCode("511722"),
      levelOfCode("510181"),
      levelOfCode("419001"),
      levelOfCode("51"),
    ]).toEqual(["province", "city", "district", "county", "county", "county", null]);
  });
});
