// The static picture of a page's first chart that the build drew (first-charts.ts) and the
// page's HTML holds, e.g.
//   <div class="bn-static-chart" id="bn-static-chart"><picture>…<img elementtiming="bn-first-chart"></picture></div>
// It paints before any JavaScript runs; the page hands it to chart() as the placeholder
// of the same chart, which removes it once the interactive chart is drawn.

export const STATIC_CHART_ID = "bn-static-chart";

/**
 * The page's static chart, once (null if the page has none or it was taken already). With
 * `current` false (the page's view state is not the default one the picture shows), the
 * picture is removed and null returned.
 */
export function staticChart(current = true): HTMLElement | null {
  const el = document.getElementById(STATIC_CHART_ID);
  if (!el) return null;
  el.removeAttribute("id");
  if (current) return el;
  el.remove();
  return null;
}
