// A section of an analysis page on screen: its charts, then its table, then its notes.
// The data comes from a page module (compare-page.ts, overview-page.ts).
import {note} from "./analysis.js";
import {chart} from "./chart.js";
import {h} from "./dom.js";
import {table} from "./table.js";
import type {SectionData} from "./compare-page.js";

/** `dataset` goes on every chart and table (e.g. {source: "duckdb"} for the tests). */
export function sectionView(data: SectionData, width: number, dataset: Record<string, string> = {}): HTMLDivElement {
  const charts = data.charts.map(({id, spec}) => {
    const c = chart(spec, {width});
    c.id = id;
    return c;
  });
  const rows = table(data.rows, {columns: data.columns, id: `${data.id}-table`});
  for (const el of [...charts, rows]) Object.assign(el.dataset, dataset);
  return h("div", {className: "bn-section", id: `${data.id}-section`}, charts, rows, data.notes.map(note));
}
