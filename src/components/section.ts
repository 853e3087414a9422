// A section of an analysis page on screen and on paper: its charts, then its table,
// each a citable, numbered figure (figure.ts), then its notes. The data comes from a
// page module (compare-page.ts, overview-page.ts).
import {note} from "./analysis.js";
import {chart} from "./chart.js";
import {h} from "./dom.js";
import {citable} from "./figure.js";
import {table} from "./table.js";
import type {SectionData} from "./compare-page.js";

const titleOf = (spec: unknown) => {
  const title = (spec as {title?: string | {text?: string}}).title;
  return typeof title === "string" ? title : (title?.text ?? "");
};

/** `dataset` goes on every chart and table (e.g. {source: "duckdb"} for the tests). */
export function sectionView(data: SectionData, width: number, dataset: Record<string, string> = {}): HTMLDivElement {
  const charts = data.charts.map(({id, spec}) => {
    const c = chart(spec, {width});
    c.id = id;
    Object.assign(c.dataset, dataset);
    const rows = Object.values((spec as {datasets?: Record<string, Record<string, unknown>[]>}).datasets ?? {})[0] ?? [];
    return citable(c, {id: `fig-${id}`, kind: "figure", title: titleOf(spec), rows});
  });
  const rows = table(data.rows, {columns: data.columns, id: `${data.id}-table`});
  Object.assign(rows.dataset, dataset);
  const tableFigure = citable(rows, {id: `fig-${data.id}-table`, kind: "table", title: data.title, rows: data.rows});
  return h("div", {className: "bn-section", id: `${data.id}-section`}, charts, tableFigure, data.notes.map(note));
}
