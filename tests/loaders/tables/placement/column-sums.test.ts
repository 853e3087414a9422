// Column by column: what each column's sum proves when no one combination of the rows decides.
import { describe, expect, it } from "vitest";
import { resolveByColumnSums } from "../../../../loaders/tables/placement/column-sums.ts";
import type { Resolvable } from "../../../../loaders/tables/placement/groups.ts";

// columns: 0 总计 | 1 一般公共预算 | 2 政府性基金 | 3 单位资金
const single = (): number[][] => [
  [0, 1],
  [0, 2],
  [0, 3],
];

describe("resolveByColumnSums", () => {
  it("a row the 政府性基金 sum needs goes there; rows too large for 单位资金's rest leave it; the rest stays open", () => {
    const rows: Resolvable[] = [
      { values: [1120, 300, 500, 320], cands: [[0, 1, 2, 3]] },
      { values: [500, 500], cands: single() },
      { values: [300, 300], cands: single() },
      { values: [200, 200], cands: single() },
      { values: [120, 120], cands: single() },
    ];
    // 政府性基金 500 = the 500 row alone; 单位资金 320 = 200 + 120; 一般公共预算 300 = the 300 row
    const changed = resolveByColumnSums(rows, [{ parent: 0, children: [1, 2, 3, 4], rule: "sum" }], 4);
    expect(changed).toBe(true);
    expect(rows[1].cands).toEqual([[0, 2]]);
    expect(rows[1].resolvedBy).toBe("sum: column 3's sum");
    expect(rows[2].cands).toEqual([[0, 1]]);
    expect(rows[3].cands).toEqual([[0, 3]]);
    expect(rows[4].cands).toEqual([[0, 3]]);
  });
  it("two choices meeting a column's sum decide nothing for the rows that differ", () => {
    const rows: Resolvable[] = [
      { values: [200, 100, 100], cands: [[0, 1, 2]] },
      {
        values: [100, 100],
        cands: [
          [0, 1],
          [0, 2],
        ],
      },
      {
        values: [100, 100],
        cands: [
          [0, 1],
          [0, 2],
        ],
      },
    ];
    expect(resolveByColumnSums(rows, [{ parent: 0, children: [1, 2], rule: "sum" }], 3)).toBe(false);
    expect(rows[1].cands).toHaveLength(2);
  });
  it("a column no choice meets (a misprint) decides nothing", () => {
    const rows: Resolvable[] = [
      { values: [150, 100, 50], cands: [[0, 1, 2]] },
      {
        values: [70, 70],
        cands: [
          [0, 1],
          [0, 2],
        ],
      },
      {
        values: [80, 80],
        cands: [
          [0, 1],
          [0, 2],
        ],
      },
    ];
    expect(resolveByColumnSums(rows, [{ parent: 0, children: [1, 2], rule: "sum" }], 3)).toBe(false);
  });
});
