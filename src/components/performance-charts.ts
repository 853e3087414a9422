// The Performance page's first chart: the evaluated projects by budget execution rate
// (10-point bands), stacked by self-evaluation score, from the summary file's `bands`. A pure
// function of the data, so the build draws the same chart as a static picture (first-charts.ts).
import type {VisualizationSpec} from "vega-embed";

type Row = Record<string, any>;

export const SCORE_BANDS = ["≥ 90", "80–90", "60–80", "< 60", "no score"];
export const SCORE_COLOURS = ["#3b8f5a", "#9bbf4f", "#e8a33d", "#d93025", "#bdc1c6"];
/** The chart is at most this wide. */
export const EXECUTION_CHART_MAX_WIDTH = 960;

/** A band's label from its lower bound (0, 10, … 100). */
export const bandLabel = (from: number): string => (from >= 100 ? "≥ 100" : `${from}–${from + 10}`);
const BAND_ORDER = [...Array.from({length: 10}, (_, i) => bandLabel(i * 10)), bandLabel(100)];

/** The summary's bands with their labels (the chart's rows). */
export const executionBands = (bands: readonly Row[]): Row[] => bands.map((b) => ({...b, rate_band: bandLabel(b.rate_from)}));

/** Evaluated projects by execution rate band, coloured by score. */
export function executionBandsSpec(bands: readonly Row[]): VisualizationSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: "Evaluated projects by budget execution rate (10-point bands), coloured by self-evaluation score",
    datasets: {bands: executionBands(bands)},
    data: {name: "bands"},
    mark: {type: "bar", tooltip: true},
    encoding: {
      x: {field: "rate_band", type: "ordinal", title: "预算执行率 execution rate (%)", sort: BAND_ORDER, scale: {domain: BAND_ORDER}, axis: {labelAngle: 0}},
      y: {field: "projects", type: "quantitative", stack: "zero", title: "projects"},
      color: {field: "score_band", type: "nominal", title: "自评得分 score", scale: {domain: SCORE_BANDS, range: SCORE_COLOURS}, legend: {orient: "bottom"}},
      order: {field: "score_band", sort: "ascending"},
      tooltip: [
        {field: "rate_band", title: "execution rate %"},
        {field: "score_band", title: "score"},
        {field: "projects", type: "quantitative"},
        {field: "budget_wan", type: "quantitative", title: "budget 万元", format: ",.2f"}
      ]
    },
    height: 220
  } as VisualizationSpec;
}
