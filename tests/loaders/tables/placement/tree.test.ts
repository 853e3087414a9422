/** Table level by the code tree (loaders/tables/placement/tree.ts), on rows of sh_putuo_czj 支出决算表. */
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

describe("the total row first, by another table's evidence (001 财决公开02表 line 10816)", () => {
  const INCOME = { n: 7, identities: [{ sum: 0, parts: [1, 2, 3, 4, 5, 6] }], firstIsTotal: true };
  const rows = [
    { code: null, values: [1358.87, 1198.41, 160.45] },
    { code: "210", values: [741.23, 580.8, 160.44] },
    { code: "21011", values: [38.85, 38.67, 0.2] },
  ];

  it("without evidence the leftmost reading that keeps the identity: 160.45 under 上级补助 (column 2)", () => {
    expect(placeRows(rows, INCOME)[0]).toEqual({ columns: [0, 1, 2], inferred: true, rule: "shift:total-row:leftmost" });
  });

  it("with 收入支出决算总表's sources (财政拨款 1198.41, 其他收入 160.45) 合计 is 0 | 1 | 6, and the rows under it follow", () => {
    const rootEvidence = { values: [null, 1198.41, 0, 0, 0, 0, 160.45], source: "收入支出决算总表" };
    const placed = placeRows(rows, { ...INCOME, rootEvidence });
    expect(placed[0]).toEqual({ columns: [0, 1, 6], inferred: true, rule: "shift:total-row:收入支出决算总表" });
    expect(placed[1]).toMatchObject({ columns: [0, 1, 6], rule: "shift:active-columns" });
    expect(placed[2]).toMatchObject({ columns: [0, 1, 6], inferred: true });
  });
});
