// The one table renderer of the site (class bn-table, wrapped in a scrollable div).
// A column shows a row's value in a format (format.ts), or builds its own cell
// (`cell`); it may link its text to the figure's source line(s) (`link`) or to a page
// (`href`). Every text is set as text (h() in dom.ts): nothing here parses HTML.
// Pages import this module as "./components/table.js" (Framework serves .ts as .js).
import {h, type Child} from "./dom.js";
import {formatValue, type Format} from "./format.js";
import {sourceLink, type Lines} from "./source-link.js";

export type {Format};
type Row = Record<string, unknown>;

/** Where a cell's figure was printed: its document and line(s); null for no link. */
export type LinkOf<T = Row> = (row: T) => {doc_id: string; lines: Lines} | null;

export interface Column<T = Row> {
  /** property of the row object (also the cell's data-key) */
  key?: string;
  /** header text (defaults to key) */
  label?: string;
  format?: Format;
  /** defaults to right for numeric formats and numbers */
  align?: "left" | "right";
  /** long text that should wrap */
  wrap?: boolean;
  className?: string;
  /** builds the cell's content instead of formatting row[key] */
  cell?: (row: T) => Child;
  title?: (row: T) => string | undefined;
  /** link the cell's text to its source line(s) */
  link?: LinkOf<T>;
  /** link the cell's text to a page of this site (e.g. /audit) */
  href?: (row: T) => string | null;
}

export interface TableOptions<T = Row> {
  columns?: (Column<T> | string)[];
  caption?: string;
  className?: string;
  id?: string;
  /** show at most this many rows, with a note below */
  maxRows?: number;
  /** paginate: this many rows per page, with a pager below (first / previous / next / last) */
  pageSize?: number;
  rowClass?: (row: T) => string | undefined;
  rowData?: (row: T) => Record<string, string | number | null | undefined>;
}

const isNumeric = (value: unknown) => typeof value === "number" || typeof value === "bigint";

function inferColumns<T>(rows: readonly T[]): Column<T>[] {
  const first = (rows[0] ?? {}) as Row;
  return Object.keys(first).map((key) => ({
    key,
    format: isNumeric(first[key]) ? (Number.isInteger(Number(first[key])) ? "int" : "number") : "text"
  }));
}

function alignRight<T>(col: Column<T>, rows: readonly T[]): boolean {
  if (col.align) return col.align === "right";
  if (col.cell) return false;
  if (col.format === "text") return false;
  if (col.format) return true;
  return rows.length > 0 && col.key !== undefined && isNumeric((rows[0] as Row)[col.key]);
}

/** The `lines` of a row (or another column) in the row's document: a LinkOf. */
export function linesOf(column = "lines", docColumn = "doc_id"): LinkOf {
  return (row) => {
    const value = row[column];
    const lines = Array.isArray(value) ? (value as number[]) : typeof value === "number" ? value : null;
    return lines == null || row[docColumn] == null ? null : {doc_id: String(row[docColumn]), lines};
  };
}

function content<T>(col: Column<T>, row: T): Child {
  if (col.cell) return col.cell(row);
  const value = col.key === undefined ? undefined : (row as Row)[col.key];
  const text = formatValue(value, col.format ?? (isNumeric(value) ? "number" : "text"));
  if (!text) return text;
  const target = col.link?.(row);
  if (target) return sourceLink(target.doc_id, target.lines, text);
  const href = col.href?.(row);
  return href ? h("a", {href, text}) : text;
}

/** Page `page` (0-based, clamped) of `total` items: its number, the page count and its first item. */
export function pageRange(total: number, page: number, pageSize: number): {page: number; pages: number; first: number} {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const p = Math.min(Math.max(0, Math.floor(page) || 0), pages - 1);
  return {page: p, pages, first: p * pageSize};
}

/** The rows of page `page` (0-based, clamped) and the page count. */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): {rows: readonly T[]; page: number; pages: number; first: number} {
  const range = pageRange(rows.length, page, pageSize);
  return {...range, rows: rows.slice(range.first, range.first + pageSize)};
}

/**
 * A pager (first / previous / "rows a–b of n · page i of k" / next / last) over `total`
 * items; calls `show(page)` (0-based) for the first page at once and on every move.
 */
export function pager(total: number, pageSize: number, show: (page: number) => void): HTMLElement {
  const status = h("span", {className: "bn-pager-status"});
  const button = (text: string, title: string) => h("button", {type: "button", text, title, attrs: {"aria-label": title}});
  const first = button("«", "first page");
  const prev = button("‹", "previous page");
  const next = button("›", "next page");
  const last = button("»", "last page");
  let current = 0;
  const go = (page: number) => {
    const p = pageRange(total, page, pageSize);
    current = p.page;
    const end = Math.min(total, p.first + pageSize);
    show(p.page);
    status.textContent = `rows ${(p.first + 1).toLocaleString("en-US")}–${end.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} · page ${p.page + 1} of ${p.pages}`;
    first.disabled = prev.disabled = p.page === 0;
    next.disabled = last.disabled = p.page === p.pages - 1;
  };
  first.addEventListener("click", () => go(0));
  prev.addEventListener("click", () => go(current - 1));
  next.addEventListener("click", () => go(current + 1));
  last.addEventListener("click", () => go(Infinity));
  const nav = h("nav", {className: "bn-pager", "aria-label": "table pages"}, first, prev, status, next, last);
  go(0);
  return nav;
}

/**
 * Calls `print(true)` when the page starts printing (the browser's print, or print
 * media emulated) and `print(false)` when it is back on screen, so a paginated
 * table prints every row. The listeners drop themselves once `el` has left the page.
 */
export function onPrint(el: HTMLElement, print: (printing: boolean) => void): void {
  const media = window.matchMedia("print");
  const handler = (printing: boolean) => () => (el.isConnected ? print(printing) : detach());
  const change = (e: MediaQueryListEvent) => handler(e.matches)();
  const before = handler(true);
  const after = handler(false);
  const detach = () => {
    media.removeEventListener("change", change);
    window.removeEventListener("beforeprint", before);
    window.removeEventListener("afterprint", after);
  };
  media.addEventListener("change", change);
  window.addEventListener("beforeprint", before);
  window.addEventListener("afterprint", after);
}

/** Items shown a page at a time: `render(items of the page)` fills a box above a pager (nothing extra when one page holds them all). */
export function paged<T>(items: readonly T[], pageSize: number, render: (items: readonly T[]) => Node, {id}: {id?: string} = {}): HTMLDivElement {
  const box = h("div", {className: "bn-paged-items"});
  const wrap = h("div", {className: "bn-paged", id}, box);
  if (items.length <= pageSize) {
    box.append(render(items));
    return wrap;
  }
  let current = 0;
  wrap.append(pager(items.length, pageSize, (p) => {
    current = p;
    box.replaceChildren(render(pageOf(items, p, pageSize).rows));
    wrap.dataset.page = String(p + 1);
  }));
  onPrint(wrap, (printing) => box.replaceChildren(render(printing ? items : pageOf(items, current, pageSize).rows)));
  return wrap;
}

/** Renders rows (plain objects) as a table wrapped in a horizontally scrollable div; with `pageSize`, one page at a time on screen, every row in print. */
export function table<T = Row>(rows: readonly T[], options: TableOptions<T> = {}): HTMLDivElement {
  const {caption, className, id, maxRows = Infinity, pageSize, rowClass, rowData} = options;
  const cols = (options.columns ?? inferColumns(rows)).map((c): Column<T> => (typeof c === "string" ? {key: c} : c));
  const right = cols.map((col) => alignRight(col, rows));
  const classOf = (i: number) => [right[i] ? "bn-num" : "", cols[i].wrap ? "bn-wrap" : "", cols[i].className ?? ""].filter(Boolean).join(" ") || undefined;
  const all = rows.length > maxRows ? rows.slice(0, maxRows) : rows;
  const body = h("tbody");
  const fill = (shown: readonly T[]) => {
    const fragment = document.createDocumentFragment();
    for (const row of shown) {
      const tr = h("tr", {className: rowClass?.(row), data: rowData?.(row)});
      cols.forEach((col, i) => tr.append(h("td", {className: classOf(i), title: col.title?.(row), data: col.key ? {key: col.key} : undefined}, content(col, row))));
      fragment.append(tr);
    }
    body.replaceChildren(fragment);
  };
  const head = h("tr", {}, cols.map((col, i) => h("th", {className: right[i] ? "bn-num" : undefined, text: col.label ?? col.key ?? "", attrs: {scope: "col"}})));
  const tableEl = h("table", {className: className ? `bn-table ${className}` : "bn-table"}, caption ? h("caption", {text: caption}) : null, h("thead", {}, head), body);
  const wrap = h("div", {className: "bn-table-wrap", id}, tableEl);
  if (pageSize && all.length > pageSize) {
    let current = 0;
    const nav = pager(all.length, pageSize, (p) => {
      current = p;
      fill(pageOf(all, p, pageSize).rows);
      wrap.dataset.page = String(p + 1);
      wrap.dataset.pages = String(Math.ceil(all.length / pageSize));
    });
    wrap.append(nav);
    // printed, a paginated table shows every row (the pager is hidden by print.css)
    onPrint(wrap, (printing) => fill(printing ? all : pageOf(all, current, pageSize).rows));
  } else fill(all);
  if (all.length < rows.length) wrap.append(h("p", {className: "bn-status", text: `Showing ${all.length} of ${rows.length} rows.`}));
  return wrap;
}
