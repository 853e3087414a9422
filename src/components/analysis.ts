// Shared pieces of the analysis pages: formats, links to source lines, badges and a
// table whose cells may hold links. Everything is built with DOM APIs (text as text).
import {h, type Child} from "./dom.js";
import {sourceLink} from "./source-link.js";
import {formatValue} from "./table.js";

export {h};

const MONEY = new Intl.NumberFormat("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2});
const NUMBER = new Intl.NumberFormat("en-US", {maximumFractionDigits: 4});

/** 万元 with thousands separators and 2 decimals; "" for null. */
export function money(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? MONEY.format(value) : "";
}

/** A number as printed (up to 4 decimals, grouped); "" for null. */
export function num(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? NUMBER.format(value) : "";
}

/** A percentage value already in percent (86.16 → "86.16%"). */
export function pct(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? `${MONEY.format(value)}%` : "";
}

/** A link to a source line showing `text`; plain text when there is no line. */
export function lineLink(docId: string, lines: number | number[] | null | undefined, text: string, title?: string): Node {
  const list = typeof lines === "number" ? [lines] : (lines ?? []);
  if (!text) return document.createTextNode("");
  if (!list.some((n) => Number.isInteger(n) && n > 0)) return document.createTextNode(text);
  const a = sourceLink(docId, list, text);
  if (title) a.title = `${title} · ${a.title}`;
  return a;
}

/** One link per line ("L12 L14"), for lists of lines. */
export function lineLinks(docId: string, lines: number[], max = 12): HTMLElement {
  const span = h("span", {className: "bn-lines"});
  const unique = [...new Set(lines)].sort((a, b) => a - b);
  unique.slice(0, max).forEach((n, i) => span.append(i ? " " : "", sourceLink(docId, n))); // spaces let the list wrap
  if (unique.length > max) span.append(` +${unique.length - max}`);
  return span;
}

export function badge(text: string, className: string, title?: string): HTMLElement {
  return h("span", {className: `bn-badge ${className}`, text, title});
}

export function severityBadge(severity: string): HTMLElement {
  return badge(severity, `bn-sev-${severity}`);
}

export interface Col<T> {
  label: string;
  /** Right-aligned, tabular numbers. */
  num?: boolean;
  /** Long text that should wrap. */
  wrap?: boolean;
  className?: string;
  cell: (row: T) => Child;
  title?: (row: T) => string | undefined;
  key?: string;
}

export interface DataTableOptions<T> {
  id?: string;
  caption?: string;
  rowClass?: (row: T) => string | undefined;
  rowData?: (row: T) => Record<string, string | number | null | undefined>;
}

/** A table (class bn-table) built from column definitions; cells may be nodes. */
export function dataTable<T>(rows: readonly T[], cols: Col<T>[], options: DataTableOptions<T> = {}): HTMLDivElement {
  const table = h("table", {className: "bn-table"});
  if (options.caption) table.append(h("caption", {text: options.caption}));
  const head = h("tr");
  for (const col of cols) head.append(h("th", {className: col.num ? "bn-num" : undefined, text: col.label, attrs: {scope: "col"}}));
  const body = h("tbody");
  const fragment = document.createDocumentFragment();
  for (const row of rows) {
    const tr = h("tr", {className: options.rowClass?.(row), data: options.rowData?.(row)});
    for (const col of cols) {
      const classes = [col.num ? "bn-num" : "", col.wrap ? "bn-wrap" : "", col.className ?? ""].filter(Boolean).join(" ");
      const td = h("td", {className: classes || undefined, title: col.title?.(row), data: col.key ? {key: col.key} : undefined}, col.cell(row));
      tr.append(td);
    }
    fragment.append(tr);
  }
  body.append(fragment);
  table.append(h("thead", {}, head), body);
  return h("div", {className: "bn-table-wrap", id: options.id}, table);
}

/** Text of a value with a format from table.ts (for simple cells). */
export function fmt(value: unknown, format: Parameters<typeof formatValue>[1]): string {
  return formatValue(value, format);
}

export const KIND_LABEL: Record<string, string> = {budget: "部门预算 budget", final: "决算 final accounts"};
export const SCOPE_LABEL: Record<string, string> = {department: "部门 department", unit: "单位 unit"};
export const MEASURE_LABEL: Record<string, string> = {
  amount: "金额 amount",
  budget_amount: "预算数 budget",
  adjusted_budget_amount: "调整预算 adjusted budget",
  threshold: "限额 threshold",
  change_amount: "增减额 change",
  change_pct: "增减率 change %",
  change_count: "增减数 change (count)",
  share_pct: "占比 share %",
  budget_completion_pct: "完成预算 completion %",
  rate_pct: "比率 rate %",
  count: "数量 count",
  score: "得分 score",
  per_capita: "人均 per capita"
};

/** The title of a document as one line: 达州市医疗保障局（汇总） 2023 决算. */
export function docTitle(doc: Record<string, unknown> | undefined, fallback = ""): string {
  if (!doc) return fallback;
  const kind = doc.kind === "budget" ? "预算" : doc.kind === "final" ? "决算" : "";
  return [doc.entity ?? doc.source_file, doc.year, kind].filter((x) => x != null && x !== "").join(" ");
}
