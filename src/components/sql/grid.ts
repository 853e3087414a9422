// Result grid: sortable columns, right-aligned numbers, virtual scrolling (only the
// rows in view are in the DOM, so 100,000 rows stay responsive). Every cell is set
// with textContent. When the result has doc_id and a *source_line column, that
// column links to the line in the source document.
import {fixed, grouped, money} from "../format.js";
import {sourceHref} from "../source-link.js";
import {isMoney} from "./chart-spec.js";
import type {ResultField} from "./results.js";

type Row = Record<string, unknown>;

const ROW_HEIGHT = 26;
const OVERSCAN = 12;


/** Integer columns that are identifiers, not quantities: no thousands separators. */
function isPlainInt(name: string): boolean {
  return /(^|_)(year|line|lines|no|index|id|code|rank|i)$/.test(name);
}

export function formatCell(field: ResultField, value: unknown): string {
  if (value == null) return "";
  if (field.numeric && typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (isMoney(field.name)) return money(value);
    if ((field.kind === "int" || field.kind === "bigint") && isPlainInt(field.name)) return String(value);
    if (field.kind === "decimal" && field.scale !== undefined) return fixed(value, field.scale);
    return grouped(value);
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

function compare(a: unknown, b: unknown): number {
  if (a == null) return b == null ? 0 : 1; // nulls last in both directions (handled by caller)
  if (b == null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

export interface Grid extends HTMLDivElement {
  /** rows in display order */
  rows(): Row[];
  sortBy(name: string, direction?: "asc" | "desc"): void;
}

export function resultGrid(input: Row[], fields: ResultField[], {height = 420} = {}): Grid {
  let rows = input;
  let sort: {name: string; direction: "asc" | "desc"} | null = null;
  const linkColumn = fields.some((f) => f.name === "doc_id")
    ? new Set(fields.filter((f) => /source_line$/.test(f.name) && f.numeric).map((f) => f.name))
    : new Set<string>();

  const wrap = document.createElement("div") as Grid;
  wrap.className = "bn-grid";
  wrap.style.maxHeight = `${height}px`;
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", "query result");

  const table = document.createElement("table");
  table.className = "bn-grid-table";
  const colgroup = document.createElement("colgroup");
  let total = 0;
  // Column widths from up to ~600 rows spread over the whole result (so a later sort
  // does not bring wider values into view), plus the header.
  const stride = Math.max(1, Math.floor(input.length / 400));
  const sample = input.slice(0, 200);
  for (let r = 200; r < input.length; r += stride) sample.push(input[r]);
  if (input.length > 200) sample.push(input[input.length - 1]);
  for (const field of fields) {
    const col = document.createElement("col");
    let chars = displayWidth(field.name) + 2;
    for (const row of sample) chars = Math.max(chars, displayWidth(formatCell(field, row[field.name])));
    const px = Math.max(56, Math.min(field.numeric ? 180 : 360, chars * 7.6 + 22));
    col.style.width = `${px}px`;
    total += px;
    colgroup.append(col);
  }
  table.style.width = `${total}px`;
  table.append(colgroup);

  const thead = document.createElement("thead");
  const headRow = document.createElement("tr");
  const headers = fields.map((field) => {
    const th = document.createElement("th");
    th.scope = "col";
    th.dataset.key = field.name;
    th.title = `${field.name} (${field.type}) — click to sort`;
    if (field.numeric) th.className = "bn-num";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = field.name;
    const arrow = document.createElement("span");
    arrow.className = "bn-sort";
    button.append(arrow);
    button.addEventListener("click", () => {
      const direction = sort?.name === field.name && sort.direction === "asc" ? "desc" : "asc";
      wrap.sortBy(field.name, direction);
    });
    th.append(button);
    headRow.append(th);
    return {th, arrow};
  });
  thead.append(headRow);

  const tbody = document.createElement("tbody");
  const topPad = document.createElement("tr");
  const bottomPad = document.createElement("tr");
  topPad.className = bottomPad.className = "bn-grid-pad";
  const padCell = () => {
    const td = document.createElement("td");
    td.colSpan = Math.max(1, fields.length);
    return td;
  };
  topPad.append(padCell());
  bottomPad.append(padCell());
  table.append(thead, tbody);
  wrap.append(table);

  let rendered = {start: -1, end: -1};
  const render = (force = false) => {
    const viewport = wrap.clientHeight || height;
    const start = Math.max(0, Math.floor(wrap.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const end = Math.min(rows.length, start + Math.ceil(viewport / ROW_HEIGHT) + 2 * OVERSCAN);
    if (!force && start === rendered.start && end === rendered.end) return;
    rendered = {start, end};
    const fragment = document.createDocumentFragment();
    topPad.style.height = `${start * ROW_HEIGHT}px`;
    bottomPad.style.height = `${(rows.length - end) * ROW_HEIGHT}px`;
    topPad.hidden = start === 0;
    bottomPad.hidden = end === rows.length;
    fragment.append(topPad);
    for (let r = start; r < end; r++) {
      const row = rows[r];
      const tr = document.createElement("tr");
      tr.dataset.row = String(r);
      for (const field of fields) {
        const td = document.createElement("td");
        td.dataset.key = field.name;
        if (field.numeric) td.className = "bn-num";
        const value = row[field.name];
        const shown = formatCell(field, value);
        if (linkColumn.has(field.name) && value != null && row.doc_id != null) {
          const a = document.createElement("a");
          a.href = sourceHref(String(row.doc_id), Number(value));
          a.textContent = shown;
          a.title = `source line ${shown}`;
          td.append(a);
        } else {
          td.textContent = shown;
          if (shown.length > 24) td.title = shown;
        }
        tr.append(td);
      }
      fragment.append(tr);
    }
    fragment.append(bottomPad);
    tbody.replaceChildren(fragment);
  };

  let frame = 0;
  wrap.addEventListener("scroll", () => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), render()));
  });

  wrap.rows = () => rows;
  wrap.sortBy = (name, direction = "asc") => {
    sort = {name, direction};
    const sign = direction === "asc" ? 1 : -1;
    rows = input
      .map((row, i) => ({row, i}))
      .sort((a, b) => {
        const va = a.row[name];
        const vb = b.row[name];
        if (va == null || vb == null) return va == null && vb == null ? a.i - b.i : va == null ? 1 : -1;
        return sign * compare(va, vb) || a.i - b.i;
      })
      .map(({row}) => row);
    fields.forEach((f, i) => {
      headers[i].arrow.textContent = f.name === name ? (direction === "asc" ? " ▲" : " ▼") : "";
      headers[i].th.setAttribute("aria-sort", f.name === name ? (direction === "asc" ? "ascending" : "descending") : "none");
    });
    wrap.dataset.sort = `${name} ${direction}`;
    render(true);
  };

  render(true);
  // First paint happens before the grid is attached (clientHeight 0): render again once visible.
  requestAnimationFrame(() => render(true));
  return wrap;
}
