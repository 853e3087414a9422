// Each main page's first chart as the build draws it (a static SVG in the page's HTML, which
// paints before any JavaScript runs; loaders/site/first-charts.ts renders it): the same spec
// the page draws, from the same precomputed aggregates, in the page's default view state
// (every document, the default grouping). The interactive chart replaces the picture once
// drawn (chart.ts's `placeholder`; static-chart.ts finds it in the page).
import type {VisualizationSpec} from "vega-embed";
import type {Aggregates, CompareAggregates} from "./aggregates.js";
import {AUDIT_CHART_WIDTH, auditChartSpec} from "./audit-chart.js";
import {compareSection, resultsFromAggregates} from "./compare-page.js";
import {byYearEntity, documentsSection} from "./overview-page.js";
import {EXECUTION_CHART_MAX_WIDTH, executionBandsSpec} from "./performance-charts.js";
import type {PerformanceSummary} from "./performance-files.js";
import {precomputedChart} from "./sql/precomputed.js";

/** The width of the pages' main column at the benchmark's and the tests' 1,200 px viewport (Framework's `width`). */
export const MAIN_WIDTH = 832;

export interface FirstChart {
  /** the page it stands on (a path) */
  page: string;
  /** its files: first-chart-<name>.svg and first-chart-<name>-dark.svg in data/corpus/ */
  name: string;
  /** the chart's id on the page */
  id: string;
  width: number;
  spec: VisualizationSpec;
}

/** What the first charts are drawn from: the decoded aggregates and the audit rules. */
export interface FirstChartData {
  agg: Aggregates;
  cmp: CompareAggregates;
  rules: readonly {id: string}[];
}

/** The first chart of /, /compare, /audit and /sql, in their default view state. */
export function firstCharts({agg, cmp, rules}: FirstChartData): FirstChart[] {
  const overview = documentsSection([...agg.documents].sort(byYearEntity), agg.groups).charts[0];
  const compare = compareSection(
    "by-class",
    resultsFromAggregates(agg, cmp),
    agg.documents.map((d) => d.doc_id)
  ).charts[0];
  return [
    {page: "/", name: "overview", id: overview.id, width: MAIN_WIDTH, spec: overview.spec},
    {page: "/compare", name: "compare", id: compare.id, width: MAIN_WIDTH, spec: compare.spec},
    {page: "/audit", name: "audit", id: "audit-chart", width: AUDIT_CHART_WIDTH, spec: auditChartSpec(agg.findings, rules)},
    // the workbench's default query, from its precomputed result (no rows: an empty chart, which the page removes)
    {page: "/sql", name: "sql", id: "sql-chart", width: MAIN_WIDTH, spec: (precomputedChart(agg.sqlDefault, MAIN_WIDTH) ?? EMPTY_CHART) as VisualizationSpec}
  ];
}

const EMPTY_CHART: VisualizationSpec = {data: {values: []}, mark: "bar"};

/** The first chart of /performance (from its summary file; none without performance tables: an empty chart). */
export function performanceFirstChart(summary: Pick<PerformanceSummary, "bands"> | null): FirstChart {
  return {
    page: "/performance",
    name: "performance",
    id: "execution-bands",
    width: Math.min(MAIN_WIDTH, EXECUTION_CHART_MAX_WIDTH),
    spec: executionBandsSpec(summary?.bands ?? [])
  };
}

/** The file of a first chart (in data/corpus/). */
export const firstChartFile = (name: string, dark = false) => `first-chart-${name}${dark ? "-dark" : ""}.svg`;
