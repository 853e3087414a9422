// Each main page's first chart drawn at build time (loaders/site/first-charts.ts from
// src/components/first-charts.ts) over the samples' aggregates: one light and one dark SVG
// per page, a mark per row of the chart's data with the row's values, the page's colours,
// and the same bytes on every run.
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, expect, test} from "vitest";
import {siteAggregatesFiles} from "../../loaders/site/aggregates.ts";
import {firstChartFiles, performanceFirstChartFiles} from "../../loaders/site/first-charts.ts";
import {performanceFiles} from "../../loaders/site/performance-files.ts";
import {MAIN_WIDTH} from "../../src/components/first-charts.ts";
import {precomputedChart} from "../../src/components/sql/precomputed.ts";
import {openCorpus, type Corpus} from "./sql-corpus.ts";

let corpus: Corpus;
let files: Map<string, string>;

beforeAll(async () => {
  corpus = await openCorpus();
  for (const [name, bytes] of await siteAggregatesFiles(corpus.dir)) writeFileSync(join(corpus.dir, name), bytes);
  const decoder = new TextDecoder();
  files = new Map([...(await firstChartFiles(corpus.dir))].map(([name, bytes]) => [name, decoder.decode(bytes)]));
}, 120_000);

afterAll(() => corpus?.conn.closeSync());

const marks = (svg: string, kind: string) =>
  [...svg.matchAll(new RegExp(`aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="${kind}"`, "g"))].map((m) => m[1]);

test("a light and a dark SVG per page", () => {
  expect([...files.keys()].sort()).toEqual([
    "first-chart-audit-dark.svg",
    "first-chart-audit.svg",
    "first-chart-compare-dark.svg",
    "first-chart-compare.svg",
    "first-chart-overview-dark.svg",
    "first-chart-overview.svg",
    "first-chart-sql-dark.svg",
    "first-chart-sql.svg"
  ]);
  for (const svg of files.values()) expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="\d+" height="\d+"/);
  // the page's colours (chart-spec.ts): accent and text, on no background
  expect(files.get("first-chart-compare.svg")).toContain('fill="#1b1e23"');
  expect(files.get("first-chart-compare-dark.svg")).toContain('fill="#d8d8d8"');
  expect(files.get("first-chart-compare-dark.svg")).not.toContain('fill="#1b1e23"');
});

test("overview: a circle per province × year × kind, with its count of documents", () => {
  const circles = marks(files.get("first-chart-overview.svg")!, "circle");
  expect(circles).toHaveLength(5);
  expect(circles.join("\n")).toContain("文档 Documents: 1");
});

test("audit: a bar per rule × severity with findings, its count from the aggregates", () => {
  const bars = marks(files.get("first-chart-audit.svg")!, "bar");
  expect(bars).toHaveLength(22);
  expect(bars).toContain("findings: 4; rule: row; severity: error; documents: 1");
});

test("compare: the shares by 类 (Expenditure by 类), 四川 2023 budget's 208 at 410.35 万元", () => {
  const bars = marks(files.get("first-chart-compare.svg")!, "bar");
  expect(bars).toHaveLength(11);
  expect(bars.find((b) => b.includes("四川省医疗保障局 2023 预算; 类 Class: 208"))).toContain("金额 amount (万元): 410.35");
});

test("sql: the workbench's default query, a bar per year × kind with its documents (the precomputed result)", () => {
  // the five samples: 2021 final 1, 2022 final 2, 2023 budget 1 and final 1 (tests/browser/sql.test.ts: the same rows in the grid)
  expect(marks(files.get("first-chart-sql.svg")!, "bar")).toEqual([
    "year: 2021; documents: 1; kind: final",
    "year: 2022; documents: 2; kind: final",
    "year: 2023; documents: 1; kind: budget",
    "year: 2023; documents: 1; kind: final"
  ]);
  expect(marks(files.get("first-chart-sql-dark.svg")!, "bar")).toHaveLength(4);
  expect(files.get("first-chart-sql-dark.svg")).toContain('fill="#d8d8d8"');
  // no rows (no documents): no chart to draw, the build draws an empty one
  expect(precomputedChart([], MAIN_WIDTH)).toBeNull();
});

test("performance: a bar per execution band × score band, its projects from the summary; without a summary an empty chart", async () => {
  const summary = (await performanceFiles(corpus.dir)).find(([name]) => name.endsWith("/summary.json"))![1];
  const bands = JSON.parse(new TextDecoder().decode(summary)).sets.bands.rows.length;
  const decoder = new TextDecoder();
  const drawn = new Map([...(await performanceFirstChartFiles(summary))].map(([name, bytes]) => [name, decoder.decode(bytes)]));
  expect([...drawn.keys()]).toEqual(["first-chart-performance.svg", "first-chart-performance-dark.svg"]);
  expect(marks(drawn.get("first-chart-performance.svg")!, "bar")).toHaveLength(bands);
  expect(bands).toBeGreaterThan(0);
  const empty = decoder.decode((await performanceFirstChartFiles(null)).get("first-chart-performance.svg")!);
  expect(marks(empty, "bar")).toHaveLength(0);
});

test("the same bytes on every run", async () => {
  const again = await firstChartFiles(corpus.dir);
  const decoder = new TextDecoder();
  for (const [name, bytes] of again) expect(decoder.decode(bytes)).toBe(files.get(name));
});
