/**
 * Row level (loaders/tables/placement/row.ts) and table level by groups
 * (groups.ts), on the 收入决算表 of sample 001 (财决公开02表, lines
 * 10816–10850): seven columns 本年收入合计 | 财政拨款 | 上级补助 | 事业 |
 * 经营 | 附属单位上缴 | 其他收入, 合计 = Σ the six sources; the text lost
 * every empty cell.
 */
import { describe, expect, it } from "vitest";
import { placeRow, resolveGroups, rowCandidates, type Resolvable } from "../../../../loaders/tables/placement/index.ts";

const INCOME = { n: 7, identities: [{ sum: 0, parts: [1, 2, 3, 4, 5, 6] }], firstIsTotal: true };

describe("placeRow: a row on its own", () => {
  it("places a full row as printed (rule null)", () => {
    expect(placeRow([1358.87, 1198.41, 0, 0, 0, 0, 160.45], INCOME)).toMatchObject({ columns: [0, 1, 2, 3, 4, 5, 6], rule: null });
  });

  it("leaves line 10816's 合计 1358.87 1198.41 160.45 open: 15 order-preserving readings keep the identity", () => {
    const r = placeRow([1358.87, 1198.41, 160.45], INCOME);
    expect(r.columns).toBeNull();
    expect(r.candidates).toHaveLength(15);
    expect(r.candidates).toContainEqual([0, 1, 6]);
  });

  it("drops the readings that break the identity: line 10820 `348.66 348.66` has one per source column", () => {
    expect(rowCandidates([348.66, 348.66], INCOME, { misprints: "drop" })).toEqual([[0, 1], [0, 2], [0, 3], [0, 4], [0, 5], [0, 6]]);
    // 1358.87 with 1198.41 alone breaks 合计 = Σ sources: no reading at all, the row is reported
    expect(rowCandidates([1358.87, 1198.41], INCOME, { misprints: "drop" })).toEqual([]);
    // the final-account parsers keep the readings that break the fewest identities (a misprinted sum)
    expect(rowCandidates([1358.87, 1198.41], INCOME, { misprints: "fewest-broken" })).toHaveLength(6);
  });

  it("puts a lone number in the total column where misprints are tolerated (shift:single=total), and reports it where not", () => {
    expect(placeRow([11.3], INCOME, { misprints: "fewest-broken" })).toMatchObject({ columns: [0], rule: "shift:single=total" });
    expect(placeRow([11.3], INCOME, { misprints: "drop" })).toMatchObject({ columns: null, candidates: [] });
  });
});

describe("resolveGroups: a parent row bounds its children", () => {
  it("210 卫生健康支出 741.23 580.80 160.44 (read 合计 | 财政拨款 | 其他) decides 21011 and 21015", () => {
    const rows: Resolvable[] = [
      { values: [741.23, 580.8, 160.44], cands: [[0, 1, 6]] },
      { values: [38.85, 38.67, 0.2], cands: rowCandidates([38.85, 38.67, 0.2], INCOME, { misprints: "drop" }) },
      { values: [702.38, 542.13, 160.24], cands: rowCandidates([702.38, 542.13, 160.24], INCOME, { misprints: "drop" }) },
    ];
    expect(rows[1].cands).toHaveLength(15);
    resolveGroups(rows, [{ parent: 0, children: [1, 2], rule: "hierarchy (210 = Σ of its 2 sub-items)" }], 7);
    expect(rows[1]).toMatchObject({ cands: [[0, 1, 6]], resolvedBy: "hierarchy (210 = Σ of its 2 sub-items)" });
    expect(rows[2]).toMatchObject({ cands: [[0, 1, 6]], resolvedBy: "hierarchy (210 = Σ of its 2 sub-items)" });
  });

  it("adopts nothing when the children leave more than one combination", () => {
    // 208 社会保障和就业支出 535.29 535.29 over its 款 20805 117.74 117.74: which source stays open
    const rows: Resolvable[] = [
      { values: [535.29, 535.29], cands: rowCandidates([535.29, 535.29], INCOME, { misprints: "drop" }) },
      { values: [117.74, 117.74], cands: rowCandidates([117.74, 117.74], INCOME, { misprints: "drop" }) },
    ];
    resolveGroups(rows, [{ parent: 0, children: [1], rule: "hierarchy" }], 7);
    expect(rows[0].cands).toHaveLength(6);
    expect(rows[1].cands).toHaveLength(6);
  });
});
