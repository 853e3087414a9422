// What a chart's Vega-Lite spec becomes before it is drawn: the page's colours (light or
// dark) and its width. Shared by the browser (chart.ts, through vega-embed) and the build,
// which draws each main page's first chart as a static SVG from the same spec
// (loaders/site/first-charts.ts), so both pictures are the same chart. No Vega import here.
import type {VisualizationSpec} from "vega-embed";

/** Colours that follow the page (light or dark), on a transparent background. */
export function themeConfig(dark: boolean) {
  const fg = dark ? "#d8d8d8" : "#1b1e23";
  const muted = dark ? "#9a9a9a" : "#5f6368";
  const grid = dark ? "#3a3a3a" : "#e4e4e4";
  const accent = dark ? "#7aa6ff" : "#3b6fd8";
  return {
    background: null,
    font: "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', sans-serif",
    view: {stroke: null},
    axis: {labelColor: muted, titleColor: fg, gridColor: grid, domainColor: muted, tickColor: muted},
    legend: {labelColor: muted, titleColor: fg},
    title: {color: fg, subtitleColor: muted},
    mark: {color: accent},
    bar: {fill: accent}
  };
}

/** The spec at `width` px in all (autosize fit-x, unless it sets its own width or is faceted) and `height`. */
export function sizedSpec(spec: VisualizationSpec, {width, height}: {width?: number; height?: number} = {}): VisualizationSpec {
  const sized = {...spec} as VisualizationSpec & Record<string, unknown>;
  if (width !== undefined && sized.width === undefined && !("facet" in sized)) {
    sized.width = Math.max(120, Math.floor(width));
    sized.autosize = sized.autosize ?? {type: "fit-x", contains: "padding"};
  }
  if (height !== undefined && sized.height === undefined) sized.height = height;
  return sized;
}
