// The precomputed aggregates (loaders/site/aggregates.ts running src/components/aggregate-queries.ts)
// over the samples' Parquet files, decoded as the pages decode them (aggregates.ts), and the
// first paint of Overview and Compare built from them equal to what DuckDB gives.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {siteAggregates} from "../../loaders/site/aggregates.ts";
import {decodeAggregates, decodeCompareAggregates, type Aggregates, type CompareAggregates} from "../../src/components/aggregates.ts";
import {COMPARE_QUERIES, compareSection, resultsFromAggregates, SECTION_IDS, type CompareResults} from "../../src/components/compare-page.ts";
import {openCorpus, type Corpus} from "./sql-corpus.ts";

let corpus: Corpus;
let agg: Aggregates;
let cmp: CompareAggregates;
let bytes: number;
let compareBytes: number;

beforeAll(async () => {
  corpus = await openCorpus();
  const {compare, ...file} = await siteAggregates(corpus.dir);
  bytes = JSON.stringify(file).length;
  compareBytes = JSON.stringify(compare).length;
  agg = decodeAggregates(JSON.parse(JSON.stringify(file)));
  cmp = decodeCompareAggregates(JSON.parse(JSON.stringify(compare)), agg.documents);
}, 120_000);

afterAll(() => corpus?.conn.closeSync());

/** What a section's charts draw: per chart, its dataset's rows reduced to the fields the marks read, sorted. */
function chartValues(section: {charts: {id: string; spec: unknown}[]}): Record<string, string[]> {
  const keys = ["doc_label", "part", "line", "code", "line_label", "subject", "series", "value_kind", "derived_label", "year", "amount_wan", "share", "completion_pct", "documents"];
  return Object.fromEntries(
    section.charts.map(({id, spec}) => {
      const rows = Object.values((spec as {datasets: Record<string, Record<string, unknown>[]>}).datasets)[0];
      return [id, rows.map((r) => JSON.stringify(keys.map((k) => r[k] ?? null))).sort()];
    })
  );
}

describe("site aggregates", () => {
  test("every table's row count and Arrow size; a small file", async () => {
    const li = agg.tables.find((t) => t.name === "line_items")!;
    expect(li.rows).toBe(Number((await corpus.rows("SELECT count(*) AS n FROM line_items"))[0].n));
    expect(li.rows).toBe(1434);
    expect(agg.tables.map((t) => t.name)).toEqual(expect.arrayContaining(["documents", "line_items", "narrative_facts", "checks", "residue", "panel"]));
    expect(bytes).toBeLessThan(20_000); // five documents
    expect(compareBytes).toBeLessThan(60_000);
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
    const row = cmp.byClass.find((r) => r.code === "210" && r.doc_label === "达州市医疗保障局（汇总） 2023 决算")!;
    expect(row).toMatchObject({amount_wan: 580.8, province: "四川省", kind: "final"});
    expect(row.lines).toContain(10900);
    const c210 = agg.classes.find((c) => c.code === "210")!;
    expect(c210.amount_wan).toBeCloseTo(cmp.byClass.filter((r) => r.code === "210").reduce((s, r) => s + r.amount_wan, 0), 6);
  });

  test("findings per rule × severity: the checks table's counts", async () => {
    const n = (await corpus.rows("SELECT count(*) AS n FROM checks"))[0].n;
    expect(agg.findings.reduce((s, r) => s + r.findings, 0)).toBe(Number(n));
    expect(agg.findings.find((r) => r.rule === "prose_share" && r.severity === "warning")).toMatchObject({findings: 1, documents: 1});
  });

  test("every Compare section painted from the aggregates equals the one from DuckDB, charts included", async () => {
    const entries = await Promise.all(Object.entries(COMPARE_QUERIES).map(async ([key, sql]) => [key, await corpus.rows(sql)]));
    const full = Object.fromEntries(entries) as CompareResults;
    const first = resultsFromAggregates(agg, cmp);
    const all = agg.documents.map((d) => d.doc_id);
    for (const id of SECTION_IDS) {
      const a = compareSection(id, first, all);
      const b = compareSection(id, full, all);
      const amounts = (s: typeof a) =>
        s.rows.map((r) => `${r.doc_label}|${r.code ?? r.part ?? r.subject}|${r.amount_wan ?? r.budget_wan ?? r.completion_pct ?? r.earlier_wan}|${r.final_wan ?? r.current_wan ?? ""}|${JSON.stringify(r.lines ?? r.earlier_lines ?? null)}`).sort();
      expect(amounts(a), id).toEqual(amounts(b));
      expect(a.rows.length, id).toBeGreaterThan(0);
      expect(chartValues(a), id).toEqual(chartValues(b));
    }
  });
});
