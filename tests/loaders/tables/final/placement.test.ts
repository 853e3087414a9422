import { describe, expect, it } from "vitest";
import { fitsIdentities, placeRows } from "../../../../loaders/tables/placement/index.ts";

// 支出决算表 columns: 合计, 基本, 项目, 上缴上级, 经营, 对附属单位补助 (合计 = Σ the rest)
const opt = { n: 6, identities: [{ sum: 0, parts: [1, 2, 3, 4, 5] }], firstIsTotal: true };

describe("rows whose numbers stand on two lines (czj 支出决算表 lines 166–173)", () => {
  it("a numbers line joins a row only where the row's identity can hold", () => {
    // line 168 `1,503.52 603.14` with the 201 row below (2,106.66): fits
    expect(fitsIdentities({ code: "201", values: [1503.52, 603.14, 2106.66], groups: [168, 168, 169], totalGroup: 169 }, opt)).toBe(true);
    // the same line with the 合计 row above (2,940.05): 2,940.05 ≠ 2,106.66
    expect(fitsIdentities({ code: null, values: [1503.52, 603.14, 2940.05], groups: [168, 168, 167], totalGroup: 167 }, opt)).toBe(false);
  });

  it("the lines interleave: alone the row is ambiguous, under its parent the hierarchy decides", () => {
    const o3 = { ...opt, n: 3, identities: [{ sum: 0, parts: [1, 2] }] };
    const row = { code: "2010601", values: [1503.52, 1511.89, 8.37], groups: [172, 173, 173], totalGroup: 173 };
    expect(placeRows([row], o3)[0].columns).toBeNull();
    const parent = { code: "20106", values: [1503.52, 603.14, 2106.66], groups: [170, 170, 171], totalGroup: 171 };
    const sibling = { code: "2010602", values: [10, 10] };
    const other = { code: "2010608", values: [584.77, 584.77] }; // 8.37 + 10 + 584.77 = 603.14
    const placed = placeRows([parent, row, sibling, other], o3);
    expect(placed[1]).toEqual({ columns: [1, 0, 2], inferred: true, rule: "shift:code-hierarchy" });
  });
});

describe("wide 明细表 rows (001 财决公开07表)", () => {
  it("2080101 行政运行: three class groups, or two within the one-cent-per-addend rounding tolerance", async () => {
    const { classGroupSplits } = await import("../../../../loaders/tables/final/wide-rows.ts");
    expect(classGroupSplits(348.66, [328.99, 110.94, 84.6, 133.46, 19.66, 19.66, 0.01, 0.01])).toEqual([[0, 4, 6], [0, 4]]);
    expect(classGroupSplits(117.74, [104.65, 87.25, 31.42, 13.09, 13.09])).toEqual([]);
  });
});
