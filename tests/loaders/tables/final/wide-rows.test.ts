/** Wide 明细表 rows (loaders/tables/final/wide-rows.ts): the class groups a row of vanished cells can split into. */
import { describe, expect, it } from "vitest";
import { classGroupSplits } from "../../../../loaders/tables/final/wide-rows.ts";

describe("wide 明细表 rows (001 财决公开07表)", () => {
  it("2080101 行政运行: three class groups, or two within the one-cent-per-addend rounding tolerance", () => {
    expect(classGroupSplits(348.66, [328.99, 110.94, 84.6, 133.46, 19.66, 19.66, 0.01, 0.01])).toEqual([[0, 4, 6], [0, 4]]);
    expect(classGroupSplits(117.74, [104.65, 87.25, 31.42, 13.09, 13.09])).toEqual([]);
  });
});
