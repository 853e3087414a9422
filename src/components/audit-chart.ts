// The Audit page's first chart: findings per rule, stacked by severity, from the precomputed
// counts (aggregates.json's `findings`) in the rules' order. A pure function of the data, so
// the build draws the same chart as a static picture (first-charts.ts).
import type {VisualizationSpec} from "vega-embed";

type Row = Record<string, any>;

export const SEVERITIES = ["error", "warning", "info"];
/** The chart's width in px (it stands beside its table). */
export const AUDIT_CHART_WIDTH = 380;

/** Rule × severity counts in the rules' order, then error, warning, info. */
export function orderedCounts(counts: readonly Row[], rules: readonly {id: string}[]): Row[] {
  const order = new Map(rules.map((r, i) => [r.id, i]));
  return [...counts].sort((a, b) => (order.get(a.rule) ?? 1e9) - (order.get(b.rule) ?? 1e9) || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

/** Findings by rule and severity. */
export function auditChartSpec(counts: readonly Row[], rules: readonly {id: string}[]): VisualizationSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: "Audit findings by rule and severity",
    datasets: {findings: orderedCounts(counts, rules)},
    data: {name: "findings"},
    mark: {type: "bar", tooltip: true},
    encoding: {
      y: {field: "rule", type: "nominal", sort: rules.map((r) => r.id), title: null},
      x: {field: "findings", type: "quantitative", title: "findings", stack: "zero", axis: {tickMinStep: 1, format: "d"}},
      color: {field: "severity", type: "nominal", scale: {domain: SEVERITIES, range: ["#d93025", "#e8a33d", "#9aa0a6"]}, title: "severity"},
      order: {field: "severity", sort: "ascending"},
      tooltip: [
        {field: "rule"},
        {field: "severity"},
        {field: "findings", type: "quantitative", format: ",d"},
        {field: "documents", title: "documents", type: "quantitative", format: ",d"}
      ]
    },
    height: {step: 24}
  } as VisualizationSpec;
}
