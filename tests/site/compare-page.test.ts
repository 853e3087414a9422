// The Compare page's sections (src/components/compare-page.ts) built from the page's own
// SQL run with DuckDB in Node over the sample documents' Parquet files.
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {COMPARE_QUERIES, compareSection, documentOptions, SECTION_IDS, type CompareResults} from "../../src/components/compare-page.ts";
import {openCorpus, type Corpus, type Row} from "./sql-corpus.ts";

let corpus: Corpus;
let results: CompareResults;
let ids: Map<string, string>; // doc_label → doc_id

beforeAll(async () => {
  corpus = await openCorpus();
  const entries = await Promise.all(Object.entries(COMPARE_QUERIES).map(async ([key, sql]) => [key, await corpus.rows(sql)]));
  results = Object.fromEntries(entries) as CompareResults;
  ids = new Map(results.documents.map((d) => [String(d.doc_label), String(d.doc_id)]));
}, 120_000);

afterAll(() => corpus?.conn.closeSync());

const all = () => [...ids.values()];
const row = (rows: Row[], doc: string, code: string) => rows.find((r) => r.doc_label === doc && r.code === code)!;

describe("compare page sections", () => {
  test("every section has a table and its charts' ids", () => {
    expect(documentOptions(results)).toHaveLength(5);
    for (const id of SECTION_IDS) {
      const s = compareSection(id, results, all());
      expect(s.id).toBe(id);
      expect(s.rows.length, id).toBeGreaterThan(0);
      expect(s.charts.map((c) => c.id)[0]).toBe(`${id}-chart`);
    }
  });

  test("by 类: the 2023 budget's 类 add up to 16,363.05 万元 against a 合计 of 17,863.04 — said in a note", () => {
    const s = compareSection("by-class", results, all());
    expect(s.notes).toEqual([
      "⚠ 四川省医疗保障局 2023 预算: the 类 add up to 16,363.05 万元, the table's 合计 is 17,863.04 (difference 1,499.99) — a row is missing or misprinted; see the audit."
    ]);
    expect(compareSection("by-class", results, [ids.get("贵州省医疗保障局（本级） 2022 决算")!]).notes).toEqual([]);
  });

  test("focus: 贵州 2101504 is 4,825.77 万元 on line 245; lines a document with a table does not print are listed as not printed", () => {
    const s = compareSection("focus", results, all());
    const it = row(s.rows, "贵州省医疗保障局（本级） 2022 决算", "2101504");
    expect(it).toMatchObject({amount_wan: 4825.77, lines: [245], kuan_wan: 6628.39, kuan_lines: [239], name: "信息化建设 Information technology development"});
    const missing = s.rows.filter((r) => r.basis === "not printed 未列示").map((r) => `${r.doc_label} ${r.code}`);
    expect(missing).toEqual([
      "贵州省医疗保障局（本级） 2022 决算 2101506",
      "达州市医疗保障局（汇总） 2023 决算 2101504",
      "达州市医疗保障局（汇总） 2023 决算 2101505",
      "达州市医疗保障局（汇总） 2023 决算 2101506"
    ]);
    const shares = s.charts[1].spec as unknown as {datasets: {focus_shares: Row[]}};
    expect(shares.datasets.focus_shares.find((r) => r.doc_label === "贵州省医疗保障局（本级） 2022 决算" && r.line === "2101504 信息化建设")!.share).toBeCloseTo(4825.77 / 6628.39, 12);
  });

  test("三公: 乐山 2021 actual total 4.68 万元; its parts' shares add up to one", () => {
    const s = compareSection("three-public", results, [ids.get("四川省乐山市医疗保障局 2021 决算")!]);
    const totals = (s.charts[0].spec as unknown as {datasets: {three_public: Row[]}}).datasets.three_public;
    expect(totals).toEqual([{doc_id: ids.get("四川省乐山市医疗保障局 2021 决算"), doc_label: "四川省乐山市医疗保障局 2021 决算", value_kind: "决算数 Actual", amount_wan: 4.68}]);
    const parts = (s.charts[1].spec as unknown as {datasets: {three_public_parts: Row[]}}).datasets.three_public_parts;
    expect(parts.map((p) => p.amount_wan)).toEqual([0, 3.6, 1.08]);
    expect(parts.reduce((sum, p) => sum + Number(p.share), 0)).toBeCloseTo(1, 12);
  });

  test("year on year: 乐山's 公务接待费 was 2.22 万元 in 2020, derived as 1.08 + 1.14", () => {
    const s = compareSection("yoy", results, [ids.get("四川省乐山市医疗保障局 2021 决算")!]);
    const points = (s.charts[0].spec as unknown as {datasets: {yoy: Row[]}}).datasets.yoy;
    expect(points.find((p) => p.subject === "公务接待费支出" && p.year === 2020)).toMatchObject({amount_wan: 2.22, formula: "1.08 + 1.14", derived_label: "推算 derived from the stated change"});
  });

  test("an empty choice gives empty sections with a note saying so", () => {
    const s = compareSection("completion", results, []);
    expect(s.rows).toEqual([]);
    expect(s.notes).toEqual(["No selected document has a stated budget completion."]);
  });
});
