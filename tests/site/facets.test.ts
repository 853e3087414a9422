// Faceted search (src/components/facets.ts) over the five samples' documents and synthetic rows.
import {describe, expect, test} from "vitest";
import {facetCounts, facetSearch, filterDocuments, parseFacetState, type FacetState} from "../../src/components/facets.ts";

const docs = [
  {doc_id: "a", entity: "四川省医疗保障局", province: "四川省", city: null, level: "province", year: 2023, kind: "budget", scope: "department", source_file: "001.txt"},
  {doc_id: "b", entity: "四川省医疗保障局", province: "四川省", city: null, level: "province", year: 2022, kind: "final", scope: "unit", source_file: "002.txt"},
  {doc_id: "c", entity: "达州市医疗保障局（汇总）", province: "四川省", city: "达州市", level: "city", year: 2023, kind: "final", scope: "department", source_file: "000.txt"},
  {doc_id: "d", entity: "贵州省医疗保障局（本级）", province: "贵州省", city: null, level: "province", year: 2022, kind: "final", scope: "unit", source_file: "004.txt"}
];
const none: FacetState = {chosen: {}, text: ""};

describe("facets", () => {
  test("no choice selects everything; counts per value", () => {
    expect(filterDocuments(docs, none)).toHaveLength(4);
    const counts = facetCounts(docs, none);
    expect(counts.province.map((c) => [c.value, c.count])).toEqual([["四川省", 3], ["贵州省", 1]]);
    expect(counts.year.map((c) => [c.value, c.count])).toEqual([["2023", 2], ["2022", 2]]); // ties: newest year first
    expect(counts.city.find((c) => c.value === "")?.label).toBe("? unknown 未知");
    expect(counts.kind.find((c) => c.value === "final")?.label).toBe("决算 final accounts");
  });

  test("a facet's counts follow the other facets' choices, not its own", () => {
    const state: FacetState = {chosen: {province: ["四川省"], year: ["2023"]}, text: ""};
    expect(filterDocuments(docs, state).map((d) => d.doc_id)).toEqual(["a", "c"]);
    const counts = facetCounts(docs, state);
    // province counts under year = 2023: 四川 2, 贵州 0 (shown, greyed)
    expect(counts.province.map((c) => [c.value, c.count, c.chosen])).toEqual([["四川省", 2, true], ["贵州省", 0, false]]);
    // year counts under province = 四川: 2023 2, 2022 1
    expect(counts.year.map((c) => [c.value, c.count])).toEqual([["2023", 2], ["2022", 1]]);
    expect(counts.level.map((c) => [c.value, c.count])).toEqual([["city", 1], ["province", 1]]);
  });

  test("free text: every word must match entity, region, file or id", () => {
    expect(filterDocuments(docs, {chosen: {}, text: "达州"}).map((d) => d.doc_id)).toEqual(["c"]);
    expect(filterDocuments(docs, {chosen: {}, text: "医疗保障局 2022"}).map((d) => d.doc_id)).toEqual(["b", "d"]);
    expect(filterDocuments(docs, {chosen: {}, text: "004.TXT"}).map((d) => d.doc_id)).toEqual(["d"]);
    expect(facetCounts(docs, {chosen: {}, text: "贵州"}).province.map((c) => c.count)).toEqual([1, 0]);
  });

  test("the state round-trips through the query string and keeps other parameters", () => {
    const state: FacetState = {chosen: {province: ["四川省", "贵州省"], kind: ["final"]}, text: " 医保 "};
    const search = facetSearch(state, "?group=province");
    expect(parseFacetState(search)).toEqual({chosen: {province: ["四川省", "贵州省"], kind: ["final"]}, text: "医保"});
    expect(new URLSearchParams(search).get("group")).toBe("province");
    expect(facetSearch(none)).toBe("");
  });
});
