// Top N + others and grouped sums (src/components/rank.ts, compare-page.ts groupRows), and table pages (table.ts pageOf).
import {describe, expect, test} from "vitest";
import {capParts, groupRows, sharesWithin} from "../../src/components/compare-page.ts";
import {groupLabel, rankGroups, sumByGroup} from "../../src/components/rank.ts";
import {pageOf} from "../../src/components/table.ts";

const rows = [
  {doc_id: "a", doc_label: "A 2023 预算", province: "四川省", level: "province", year: 2023, kind: "budget", part: "x", amount_wan: 10},
  {doc_id: "a", doc_label: "A 2023 预算", province: "四川省", level: "province", year: 2023, kind: "budget", part: "y", amount_wan: 30},
  {doc_id: "b", doc_label: "B 2022 决算", province: "贵州省", level: "city", year: 2022, kind: "final", part: "x", amount_wan: 5},
  {doc_id: "c", doc_label: "C 2022 决算", province: "云南省", level: "city", year: 2022, kind: "final", part: "x", amount_wan: 1},
  {doc_id: "d", doc_label: "D 2022 决算", province: null, level: null, year: 2022, kind: "final", part: "y", amount_wan: 2}
];

describe("rank and group", () => {
  test("top 2 provinces by total, the rest one 'others' group naming its groups and documents", () => {
    const group = (r: Record<string, unknown>) => groupLabel(r, "province");
    const ranked = rankGroups(rows, {group, value: (r) => r.amount_wan, n: 2});
    expect(ranked.order).toEqual(["四川省", "贵州省", "others 其他 (2 groups · 2 documents)"]);
    const summed = sumByGroup(rows, ranked, group, {keys: ["part"], sum: ["amount_wan"]});
    expect(summed.map((r) => [r.doc_label, r.part, r.amount_wan, r.documents])).toEqual([
      ["四川省", "x", 10, 1],
      ["四川省", "y", 30, 1],
      ["贵州省", "x", 5, 1],
      ["others 其他 (2 groups · 2 documents)", "x", 1, 1],
      ["others 其他 (2 groups · 2 documents)", "y", 2, 1]
    ]);
  });

  test("groupRows keeps one bar per document while they fit, else groups; shares within each group add up to one", () => {
    expect(groupRows(rows, {groupBy: "document", topN: 10}, {keys: ["part"]})).toBe(rows);
    const byLevel = sharesWithin(groupRows(rows, {groupBy: "level", topN: 1}, {keys: ["part"]}));
    expect(byLevel.map((r) => r.doc_label)).toEqual(["省 province", "省 province", "others 其他 (2 groups · 3 documents)", "others 其他 (2 groups · 3 documents)"]);
    expect(byLevel.filter((r) => r.doc_label === "省 province").reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
    const docs = groupRows(rows, {groupBy: "document", topN: 2}, {keys: ["part"]});
    expect([...new Set(docs.map((r) => r.doc_label))]).toEqual(["A 2023 预算", "B 2022 决算", "others 其他 (2 groups · 2 documents)"]);
  });

  test("averaged fields are the mean over the group's rows", () => {
    const pct = [
      {doc_id: "a", doc_label: "A", kind: "final", line: "L", completion_pct: 80},
      {doc_id: "b", doc_label: "B", kind: "final", line: "L", completion_pct: 100},
      {doc_id: "c", doc_label: "C", kind: "budget", line: "L", completion_pct: 50}
    ];
    const out = groupRows(pct, {groupBy: "kind", topN: 5}, {keys: ["line"], sum: [], avg: ["completion_pct"], value: "completion_pct"});
    expect(out.map((r) => [r.doc_label, r.completion_pct])).toEqual([["决算 final accounts", 90], ["预算 budget", 50]]);
  });

  test("capParts keeps the largest parts and names the rest", () => {
    expect(capParts(rows, "part", 1, "other").map((r) => r.part)).toEqual(["other", "y", "other", "other", "y"]);
  });

  test("pages: clamped, the last one short", () => {
    const xs = Array.from({length: 45}, (_, i) => i);
    expect(pageOf(xs, 0, 20)).toMatchObject({page: 0, pages: 3, first: 0});
    expect(pageOf(xs, 2, 20).rows).toEqual([40, 41, 42, 43, 44]);
    expect(pageOf(xs, 99, 20).page).toBe(2);
    expect(pageOf([], 0, 20)).toMatchObject({page: 0, pages: 1, rows: []});
  });
});
