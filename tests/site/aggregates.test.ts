// The precomputed aggregates (loaders/site/aggregates.ts running src/components/aggregate-queries.ts)
// over the samples' Parquet files, decoded as the pages decode them (aggregates.ts), and the
// first paint of Overview and Compare built from them equal to what DuckDB gives.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {siteAggregates} from "../../loaders/site/aggregates.ts";
import {decodeAggregates, type Aggregates} from "../../src/components/aggregates.ts";
import {COMPARE_QUERIES, compareSection, resultsFromAggregates, type CompareResults} from "../../src/components/compare-page.ts";
import {openCorpus, type Corpus} from "./sql-corpus.ts";

let corpus: Corpus;
let agg: Aggregates;
let bytes: number;

beforeAll(async () => {
  corpus = await openCorpus();
  const file = await siteAggregates(corpus.dir);
  bytes = JSON.stringify(file).length;
  agg = decodeAggregates(JSON.parse(JSON.stringify(file)));
}, 120_000);

afterAll(() => corpus?.conn.closeSync());

describe("site aggregates", () => {
  test("every table's row count and Arrow size; a small file", async () => {
    const li = agg.tables.find((t) => t.name === "line_items")!;
    expect(li.rows).toBe(Number((await corpus.rows("SELECT count(*) AS n FROM line_items"))[0].n));
    expect(li.rows).toBe(1434);
    expect(agg.tables.map((t) => t.name)).toEqual(expect.arrayContaining(["documents", "line_items", "narrative_facts", "checks", "residue", "panel"]));
    expect(bytes).toBeLessThan(20_000); // five documents
  });

  test("per document: facets and labels; per province × year × kind: counts and Σ 支出总计", () => {
    expect(agg.documents).toHaveLength(5);
    const guizhou = agg.documents.find((d) => d.entity === "贵州省医疗保障局（本级）")!;
    expect(guizhou).toMatchObject({province: "贵州省", year: 2022, kind: "final", doc_label: "贵州省医疗保障局（本级） 2022 决算"});
    const sichuan = agg.groups.filter((g) => g.province === "四川省");
    expect(sichuan.reduce((s, g) => s + g.documents, 0)).toBe(4);
    const dazhou = agg.totals.find((t) => t.figure === "income_total" && agg.documents.find((d) => d.doc_id === t.doc_id)?.entity === "达州市医疗保障局（汇总）")!;
    expect(dazhou).toMatchObject({amount_wan: 1358.87, source_line: 10796});
  });

  test("per 类: 210 卫生健康支出 of 达州 2023 is 580.80 on line 10900, joined back to its document's label", () => {
    const row = agg.byClass.find((r) => r.code === "210" && r.doc_label === "达州市医疗保障局（汇总） 2023 决算")!;
    expect(row).toMatchObject({amount_wan: 580.8, province: "四川省", kind: "final"});
    expect(row.lines).toContain(10900);
    const c210 = agg.classes.find((c) => c.code === "210")!;
    expect(c210.amount_wan).toBeCloseTo(agg.byClass.filter((r) => r.code === "210").reduce((s, r) => s + r.amount_wan, 0), 6);
  });

  test("the Compare sections painted from the aggregates equal those from DuckDB", async () => {
    const entries = await Promise.all(Object.entries(COMPARE_QUERIES).map(async ([key, sql]) => [key, await corpus.rows(sql)]));
    const full = Object.fromEntries(entries) as CompareResults;
    const first = resultsFromAggregates(agg) as CompareResults;
    const all = agg.documents.map((d) => d.doc_id);
    for (const id of ["by-class", "basic-project", "personnel-public", "three-public"] as const) {
      const a = compareSection(id, first, all);
      const b = compareSection(id, full, all);
      const amounts = (s: typeof a) => s.rows.map((r) => `${r.doc_label}|${r.code ?? r.part}|${r.amount_wan ?? r.budget_wan}|${r.final_wan ?? ""}`).sort();
      expect(amounts(a), id).toEqual(amounts(b));
      expect(a.rows.length, id).toBeGreaterThan(0);
    }
  });
});
