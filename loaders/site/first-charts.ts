/**
 * Each main page's first chart drawn at build time as a static SVG (light and dark), from
 * the aggregates the archive just wrote: the page's HTML shows it before any JavaScript
 * runs, and the interactive chart replaces it (src/components/first-charts.ts says which
 * charts, with the pages' own spec functions; chart-spec.ts the same colours and sizing).
 * Drawn with Vega in Node (renderer "none", view.toSVG()): no canvas, no browser.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { logger, None, parse, View } from "vega";
import { compile } from "vega-lite";
import { type AggregatesFile, type CompareAggregatesFile, decodeAggregates, decodeCompareAggregates } from "../../src/components/aggregates.ts";
import { sizedSpec, themeConfig } from "../../src/components/chart-spec.ts";
import { type FirstChart, firstChartFile, firstCharts, performanceFirstChart } from "../../src/components/first-charts.ts";
import { decodePerformanceSummary, type SummaryFile } from "../../src/components/performance-files.ts";
import { RULES } from "../audit/rules.ts";

/** One chart as SVG text. */
export async function chartSvg(chart: Pick<FirstChart, "spec" | "width">, dark: boolean): Promise<string> {
  const spec = sizedSpec(chart.spec, { width: chart.width }) as Record<string, unknown>;
  const config = { ...themeConfig(dark), ...((spec.config as object | undefined) ?? {}) };
  const view = new View(parse(compile({ ...spec, config } as never, { logger: logger(None) } as never).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The first charts of /, /compare, /audit and /sql as files (first-chart-<name>.svg and -dark.svg), from `<dir>/aggregates.json` and compare.json. */
export async function firstChartFiles(dir: string): Promise<Map<string, Uint8Array>> {
  const json = (name: string) => JSON.parse(readFileSync(join(dir, name), "utf8"));
  const agg = decodeAggregates(json("aggregates.json") as AggregatesFile);
  const cmp = decodeCompareAggregates(json("compare.json") as CompareAggregatesFile, agg.documents);
  return chartFiles(firstCharts({ agg, cmp, rules: RULES }));
}

/** The Performance page's first chart's files, from its summary file (performance/summary.json; none: an empty chart). */
export function performanceFirstChartFiles(summary: Uint8Array | null): Promise<Map<string, Uint8Array>> {
  const file = summary ? (JSON.parse(new TextDecoder().decode(summary)) as SummaryFile) : null;
  return chartFiles([performanceFirstChart(file ? decodePerformanceSummary(file) : null)]);
}

/** Each chart light and dark, by file name. */
async function chartFiles(charts: FirstChart[]): Promise<Map<string, Uint8Array>> {
  const encoder = new TextEncoder();
  const files = new Map<string, Uint8Array>();
  for (const chart of charts) for (const dark of [false, true]) files.set(firstChartFile(chart.name, dark), encoder.encode(await chartSvg(chart, dark)));
  return files;
}
