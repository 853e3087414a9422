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

/** Rows per table page on analysis pages: keeps every page short at any number of documents. */
export const PAGE_SIZE = 20;

/**
 * `dataset` goes on every chart and table (e.g. {source: "duckdb"} for the tests); tables
 * paginate by `pageSize`; with `collapse`, the table sits in a closed <details> under the
 * charts (opened by a link to it, and always printed: print.css), which keeps long pages short;
 * `placeholder` stands in for the first chart until it is drawn (chart.ts; static-chart.ts).
 */
export function sectionView(
  data: SectionData,
  width: number,
  dataset: Record<string, string> = {},
  {pageSize = PAGE_SIZE, collapse = false, placeholder = null}: {pageSize?: number; collapse?: boolean; placeholder?: Element | null} = {}
): HTMLDivElement {
  const charts = data.charts.map(({id, spec}, i) => {
    const c = chart(spec, {width, placeholder: i === 0 ? placeholder : null});
    c.id = id;
    Object.assign(c.dataset, dataset);
    const rows = Object.values((spec as {datasets?: Record<string, Record<string, unknown>[]>}).datasets ?? {})[0] ?? [];
    return citable(c, {id: `fig-${id}`, kind: "figure", title: titleOf(spec), rows});
  });
  const rows = table(data.rows, {columns: data.columns, id: `${data.id}-table`, pageSize});
  Object.assign(rows.dataset, dataset);
  const tableFigure = citable(rows, {id: `fig-${data.id}-table`, kind: "table", title: data.title, rows: data.rows});
  const tablePart = collapse
    ? h(
        "details",
        {className: "bn-table-details", data: {rows: data.rows.length}},
        h("summary", {
          text: `表 Table: ${data.rows.length.toLocaleString("en-US")} row${data.rows.length === 1 ? "" : "s"} — the figures behind the chart${data.charts.length === 1 ? "" : "s"}, each linked to its source line`
        }),
        tableFigure
      )
    : tableFigure;
  return h("div", {className: "bn-section", id: `${data.id}-section`}, charts, tablePart, data.notes.map(note));
}

let queue: Promise<unknown> = Promise.resolve();
let queued = 0;
let firstPaint = true;

/**
 * A section built and drawn in turn on the page's first paint: `make()` runs once the
 * sections queued before it have drawn their charts (and the browser has had a task to paint
 * them), so a long page shows its first chart first instead of after every section is
 * computed; until then the slot is marked bn-loading. Once the first paint is done, sections
 * are built at once (a filter, a new width or printing redraws them in the same task).
 */
export function queuedSection(id: string, make: () => HTMLElement): HTMLElement {
  if (!firstPaint) return make();
  const slot = h("div", {className: "bn-section-slot bn-loading", id: `${id}-slot`});
  queued++;
  queue = queue
    .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
    .then(() => {
      const section = make();
      slot.replaceChildren(section);
      slot.classList.remove("bn-loading");
      return Promise.allSettled([...section.querySelectorAll<HTMLElement & {ready?: Promise<unknown>}>(".bn-chart")].map((c) => c.ready));
    })
    .catch((error: unknown) => {
      slot.classList.remove("bn-loading");
      slot.replaceChildren(h("div", {className: "bn-error", role: "alert", text: String(error)}));
    })
    .finally(() => {
      if (--queued === 0) firstPaint = false;
    });
  return slot;
}
