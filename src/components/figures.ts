// Page helpers for tables of figures: every number linked to the line it was printed
// on, a document picker built from plain form elements (Inputs is unavailable offline),
// short notes. DOM APIs only: every label and value is set as text.
import {sourceLink, type Lines} from "./source-link.js";
import {formatValue, table, type Column, type TableOptions} from "./table.js";

type Row = Record<string, unknown>;

// The styles of these helpers, added once per page (kept here rather than in the
// shared style.css so that the pages that use them carry them).
const STYLES = `
.bn-picker { border: 1px solid var(--bn-border); border-radius: 6px; padding: 6px 12px; margin: 1rem 0; display: flex; flex-wrap: wrap; gap: 4px 18px; align-items: center; }
.bn-picker legend { font-weight: 600; padding: 0 4px; }
.bn-picker label { white-space: nowrap; font-size: 14px; }
.bn-picker-buttons { display: inline-flex; gap: 6px; }
.bn-section { margin-bottom: 1.5rem; }
.bn-section > .bn-chart { margin-bottom: 0.75rem; }
.bn-note { color: var(--theme-foreground-muted); font-size: 13px; max-width: 960px; }
.bn-comparability { border-left: 3px solid var(--theme-foreground-focus, #3b6fd8); padding-left: 10px; }
.bn-next li { margin-bottom: 4px; }
.bn-section td[data-key=doc_label], td[data-key=entity] { min-width: 11em; }
.bn-section td[data-key=code], .bn-section td[data-key=part_label] { white-space: nowrap; }
td[data-key=message] { min-width: 18em; font-size: 12px; }
`;
if (typeof document !== "undefined" && !document.getElementById("bn-figures-style")) {
  const style = document.createElement("style");
  style.id = "bn-figures-style";
  style.textContent = STYLES;
  document.head.append(style);
}

/** Where a cell's figure was printed: its document and line(s); null for no link. */
export type LinkOf = (row: Row) => {doc_id: string; lines: Lines} | null;

export interface LinkedColumn extends Column {
  /** Link the cell's text to its source line(s). */
  link?: LinkOf;
  /** Link the cell's text to a page of this site (e.g. /audit). */
  href?: (row: Row) => string | null;
}

/** The row's own doc_id and `lines` (or the list in another column). */
export function linesOf(column = "lines", docColumn = "doc_id"): LinkOf {
  return (row) => {
    const value = row[column];
    const lines = Array.isArray(value) ? (value as number[]) : typeof value === "number" ? value : null;
    return lines == null || row[docColumn] == null ? null : {doc_id: String(row[docColumn]), lines};
  };
}

/**
 * A table (see table.ts) whose columns may link their text: to the source line(s) of the
 * figure (`link`) or to a page (`href`). Empty cells stay unlinked.
 */
export function linkedTable(rows: Row[], options: Omit<TableOptions, "columns"> & {columns: LinkedColumn[]}): HTMLDivElement {
  const shown = Number.isFinite(options.maxRows ?? Infinity) ? rows.slice(0, options.maxRows) : rows;
  const wrap = table(rows, options);
  const trs = wrap.querySelectorAll("tbody tr");
  shown.forEach((row, r) => {
    const tds = trs[r].querySelectorAll("td");
    options.columns.forEach((col, c) => {
      const td = tds[c];
      const text = td.textContent ?? "";
      if (!text) return;
      if (col.link) {
        const target = col.link(row);
        if (target) td.replaceChildren(sourceLink(target.doc_id, target.lines, text));
      } else if (col.href) {
        const href = col.href(row);
        if (href) td.replaceChildren(anchor(href, text));
      }
    });
  });
  return wrap;
}

/** An <a> with text. */
export function anchor(href: string, text: string, title?: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  if (title) a.title = title;
  return a;
}

/** An element with text and an optional class. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A muted note paragraph (comparability, provenance). */
export function note(text: string): HTMLParagraphElement {
  return el("p", text, "bn-note");
}

export interface PickerOption {
  value: string;
  label: string;
}

/**
 * A row of checkboxes (all checked by default) with “all” / “none” buttons. Its `value`
 * is the array of checked values; it dispatches "input" when that changes, so that
 * Framework's view() makes it reactive.
 */
export function checkboxPicker(options: PickerOption[], {legend = "", checked = options.map((o) => o.value)} = {}): HTMLFieldSetElement & {value: string[]} {
  const form = document.createElement("fieldset") as HTMLFieldSetElement & {value: string[]};
  form.className = "bn-picker";
  if (legend) form.append(el("legend", legend));
  const boxes: HTMLInputElement[] = [];
  const update = () => {
    form.value = boxes.filter((b) => b.checked).map((b) => b.value);
    form.dispatchEvent(new Event("input", {bubbles: true}));
  };
  for (const option of options) {
    const label = el("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = option.value;
    box.checked = checked.includes(option.value);
    box.addEventListener("change", update);
    boxes.push(box);
    label.append(box, document.createTextNode(` ${option.label}`));
    form.append(label);
  }
  const buttons = el("span", undefined, "bn-picker-buttons");
  for (const [text, state] of [["all 全选", true], ["none 清空", false]] as const) {
    const button = el("button", text);
    button.type = "button";
    button.addEventListener("click", () => {
      boxes.forEach((b) => (b.checked = state));
      update();
    });
    buttons.append(button);
  }
  form.append(buttons);
  form.value = boxes.filter((b) => b.checked).map((b) => b.value);
  return form;
}

/** “1,234.56” for 万元 amounts. */
export const money = (value: unknown) => formatValue(value, "money");
/** “12.34%” for a ratio (0.1234). */
export const percent = (value: unknown) => formatValue(value, "percent");
/** “67.59%” for a value already in percent (67.59). */
export const pct = (value: unknown) => (value == null ? "" : `${formatValue(value, "money")}%`);
