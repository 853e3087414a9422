// Vega-Lite charts via vega-embed, from vendor/vega.js: Vega, Vega-Lite and vega-embed
// bundled from node_modules into one module before the build (scripts/vendor-vega.mjs),
// one request instead of some sixty _node/ modules before the first chart.
// No actions menu (the editor action would open a remote site), tooltips on,
// light/dark aware, sized to the width the page passes in (Framework's reactive `width`).
// Pages import this module as "./components/chart.js" (Framework serves .ts as .js).
import type {VisualizationSpec} from "vega-embed";
import {embed} from "./vendor/vega.js";
import {sizedSpec, themeConfig} from "./chart-spec.js";

type View = Awaited<ReturnType<typeof embed>>["view"];

const DARK = "(prefers-color-scheme: dark)";

/** True when the user agent prefers a dark colour scheme. */
export function prefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia(DARK).matches;
}

export interface ChartOptions {
  /** Total width in px, usually Framework's reactive `width`; sets autosize fit-x. */
  width?: number;
  height?: number;
  renderer?: "svg" | "canvas";
  /**
   * What stands in for the chart until it is drawn (e.g. the static picture of the same chart
   * that the build drew and the page's HTML holds: first-charts.ts), moved into the chart's
   * element and removed once the chart is drawn in its place.
   */
  placeholder?: Element | null;
}

/** True unless the spec's inline data (datasets, data.values) is all empty; data from elsewhere counts as rows. */
export function hasRows(spec: VisualizationSpec): boolean {
  const {datasets, data} = spec as {datasets?: Record<string, unknown>; data?: {values?: unknown}};
  const inline = [...Object.values(datasets ?? {}), ...(data && "values" in data ? [data.values] : [])];
  return !inline.length || inline.some((values) => !Array.isArray(values) || values.length > 0);
}

export type ChartElement = HTMLDivElement & {__view?: View; ready: Promise<View>};

/**
 * Renders a Vega-Lite spec into a new <div class="bn-chart">.
 * The element gets `__view` (the vega View; `view.data(name)` for tests),
 * `data-chart-ready="true"` once rendered, `data-chart-error` on failure, and
 * `ready` (a promise of the view). It re-renders itself when the colour scheme
 * changes while it is on the page. A performance mark "bn:chart-rendered" is set
 * on every render of a chart with data (the first one = navigation → first chart; a
 * chart of no rows is no first chart).
 */
export function chart(spec: VisualizationSpec, {width, height, renderer = "svg", placeholder}: ChartOptions = {}): ChartElement {
  const el = document.createElement("div") as ChartElement;
  el.className = "bn-chart";
  // with a placeholder, the chart is drawn beside it (vega-embed empties the element it draws in)
  let target: HTMLElement = el;
  if (placeholder) {
    target = document.createElement("div");
    el.append(placeholder, target);
  }
  const render = async (): Promise<View> => {
    const dark = prefersDark();
    const sized = sizedSpec(spec, {width, height}) as VisualizationSpec & Record<string, unknown>;
    el.__view?.finalize();
    const result = await embed(target, sized, {
      mode: "vega-lite",
      renderer,
      actions: false,
      tooltip: true,
      config: themeConfig(dark) as never
    });
    el.__view = result.view;
    placeholder?.remove();
    el.dataset.chartReady = "true";
    el.dataset.colorScheme = dark ? "dark" : "light";
    if (sized.width !== undefined) el.dataset.width = String(sized.width);
    if (hasRows(spec)) performance.mark("bn:chart-rendered");
    return result.view;
  };
  el.ready = render().catch((error: unknown) => {
    el.dataset.chartError = String((error as Error)?.message ?? error);
    throw error;
  });
  if (typeof matchMedia === "function") {
    const media = matchMedia(DARK);
    const onChange = () => {
      if (!el.isConnected) return media.removeEventListener("change", onChange);
      el.ready = render();
    };
    media.addEventListener("change", onChange);
  }
  return el;
}
