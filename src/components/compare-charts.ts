// Vega-Lite specs of the Compare page. Each chart reads one named dataset (so tests can
// read it back with view.data(name)), has Chinese + English titles and axis labels, and
// tooltips with the exact figure (万元, two decimals) and its share.
import type {VisualizationSpec} from "vega-embed";

type Row = Record<string, unknown>;

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
const MONEY = ",.2f";
const SHARE = ".2%";

interface Title {
  text: string;
  subtitle?: string;
}

/** The part every spec shares: schema, title and the one named dataset. */
function base(name: string, rows: Row[], title: Title) {
  return {$schema: SCHEMA, title, datasets: {[name]: rows}, data: {name}};
}

/** Horizontal bars per document, stacked to 100%: the structure of a whole by its parts. */
export function stackedShares(
  name: string,
  rows: Row[],
  {title, part, partTitle, scheme = "tableau10"}: {title: Title; part: string; partTitle: string; scheme?: string}
): VisualizationSpec {
  return {
    ...base(name, rows, title),
    mark: {type: "bar", tooltip: true},
    encoding: {
      y: {field: "doc_label", type: "nominal", title: "文档 Document", sort: null, axis: {labelLimit: 280}},
      x: {field: "amount_wan", type: "quantitative", stack: "normalize", title: "占比 Share of the whole", axis: {format: "%"}},
      color: {field: part, type: "nominal", title: partTitle, scale: {scheme}, legend: {orient: "bottom", columns: 2, labelLimit: 300}},
      order: {field: part, sort: "ascending"},
      tooltip: [
        {field: "doc_label", title: "文档 document"},
        {field: part, title: partTitle},
        {field: "amount_wan", title: "金额 amount (万元)", format: MONEY},
        {field: "share", title: "占比 share", format: SHARE}
      ]
    },
    height: {step: 24}
  } as VisualizationSpec;
}

/** Bars of one amount per document and series, side by side (yOffset). */
export function groupedBars(
  name: string,
  rows: Row[],
  {title, series, seriesTitle, domain, x = "amount_wan", xTitle = "金额 Amount (万元)", format = MONEY, extraTooltip = []}: {
    title: Title;
    series: string;
    seriesTitle: string;
    /** The series in legend order (default: as they come). */
    domain?: string[];
    x?: string;
    xTitle?: string;
    format?: string;
    extraTooltip?: {field: string; title: string; format?: string}[];
  }
): VisualizationSpec {
  return {
    ...base(name, rows, title),
    mark: {type: "bar", tooltip: true},
    encoding: {
      y: {field: "doc_label", type: "nominal", title: "文档 Document", sort: null, axis: {labelLimit: 340}},
      yOffset: {field: series, type: "nominal", sort: domain ?? null},
      x: {field: x, type: "quantitative", title: xTitle, axis: {format: format === MONEY ? ",.0f" : format === SHARE ? "%" : format}},
      color: {field: series, type: "nominal", title: seriesTitle, ...(domain ? {scale: {domain}} : {sort: null}), legend: {orient: "bottom", labelLimit: 320}},
      tooltip: [
        {field: "doc_label", title: "文档 document"},
        {field: series, title: seriesTitle},
        {field: x, title: xTitle, format},
        ...extraTooltip
      ]
    },
    height: {step: 10}
  } as VisualizationSpec;
}

/** 完成预算 % per line: one dot per line and document (or group), with a rule at 100%; one row per line whatever the number of documents. */
export function completionChart(name: string, rows: Row[], title: Title): VisualizationSpec {
  return {
    ...base(name, rows, title),
    height: {step: 18},
    encoding: {
      y: {field: "line_label", type: "nominal", title: "科目 Line", sort: null, axis: {labelLimit: 300}}
    },
    layer: [
      {
        mark: {type: "point", filled: true, size: 70, opacity: 0.85, tooltip: true},
        encoding: {
          x: {field: "completion_pct", type: "quantitative", title: "完成预算 Budget completion (%)"},
          color: {field: "doc_label", type: "nominal", title: "文档 Document", legend: {orient: "bottom", columns: 2, labelLimit: 320}},
          tooltip: [
            {field: "doc_label", title: "文档 document"},
            {field: "line_label", title: "科目 line"},
            {field: "subject", title: "正文 as printed"},
            {field: "completion_pct", title: "完成预算 completion (%)", format: ",.2f"}
          ]
        }
      },
      {
        data: {values: [{x: 100}]},
        mark: {type: "rule", strokeDash: [4, 3], color: "#888"},
        encoding: {x: {field: "x", type: "quantitative"}}
      }
    ]
  } as VisualizationSpec;
}

/** Year-on-year: a line per document and subject from the earlier (derived) to the current figure. */
export function yearOnYearChart(name: string, rows: Row[], title: Title): VisualizationSpec {
  return {
    ...base(name, rows, title),
    encoding: {
      x: {field: "year", type: "ordinal", title: "年度 Year", axis: {labelAngle: 0}},
      y: {field: "amount_wan", type: "quantitative", title: "金额 Amount (万元, log scale)", scale: {type: "log"}, axis: {format: ",~r", tickCount: 6}},
      color: {field: "doc_label", type: "nominal", title: "文档 Document", legend: {orient: "bottom", columns: 2, labelLimit: 320}},
      detail: {field: "series", type: "nominal"}
    },
    layer: [
      {mark: {type: "line", strokeWidth: 1.5}},
      {
        mark: {type: "point", filled: true, size: 60, tooltip: true},
        encoding: {
          shape: {field: "derived_label", type: "nominal", title: "数字 Figure", legend: {orient: "bottom", labelLimit: 320}},
          tooltip: [
            {field: "doc_label", title: "文档 document"},
            {field: "subject", title: "项目 subject"},
            {field: "year", title: "年度 year"},
            {field: "amount_wan", title: "金额 amount (万元)", format: MONEY},
            {field: "derived_label", title: "数字 figure"},
            {field: "formula", title: "推算 formula"}
          ]
        }
      }
    ],
    height: 320
  } as VisualizationSpec;
}

/** Small multiples: one small panel per `panel` value (e.g. per 类), a bar per document or group showing its share. */
export function smallMultiples(name: string, rows: Row[], {title, panel, panelTitle}: {title: Title; panel: string; panelTitle: string}): VisualizationSpec {
  return {
    ...base(name, rows, title),
    facet: {field: panel, type: "nominal", title: panelTitle, header: {labelLimit: 180, labelFontSize: 11}},
    columns: 4,
    spec: {
      width: 150,
      height: {step: 11},
      mark: {type: "bar", tooltip: true},
      encoding: {
        y: {field: "doc_label", type: "nominal", title: null, sort: null, axis: {labelLimit: 120, labelFontSize: 9}},
        x: {field: "share", type: "quantitative", title: "占比 Share", axis: {format: "%", tickCount: 3}},
        tooltip: [
          {field: "doc_label", title: "文档 document / group"},
          {field: panel, title: panelTitle},
          {field: "amount_wan", title: "金额 amount (万元)", format: MONEY},
          {field: "share", title: "占比 share", format: SHARE}
        ]
      }
    },
    resolve: {scale: {y: "independent"}}
  } as VisualizationSpec;
}
