// A small, safe HTML table: every cell is set with textContent (never innerHTML).
// Numbers are right-aligned; formats are fixed to en-US grouping so that output
// does not depend on the browser's locale (tests compare exact strings).
// Pages import this module as "./components/table.js" (Framework serves .ts as .js).

export type Format = "money" | "int" | "number" | "percent" | "text" | ((value: unknown) => string);

const FORMATS: Record<string, Intl.NumberFormat> = {
  /** 1234567.891 → "1,234,567.89" (amounts, e.g. 万元) */
  money: new Intl.NumberFormat("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2}),
  /** 196058 → "196,058" */
  int: new Intl.NumberFormat("en-US", {maximumFractionDigits: 0}),
  /** up to 4 decimals, grouped */
  number: new Intl.NumberFormat("en-US", {maximumFractionDigits: 4}),
  /** 0.1234 → "12.34%" */
  percent: new Intl.NumberFormat("en-US", {style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2})
};

/** Formats `value` as money (thousands separators, 2 decimals); "" for null/NaN. */
export function formatMoney(value: unknown): string {
  return formatValue(value, "money");
}

/** Formats an integer with thousands separators; "" for null/NaN. */
export function formatInt(value: unknown): string {
  return formatValue(value, "int");
}

export function formatValue(value: unknown, format?: Format): string {
  if (typeof format === "function") return String(format(value));
  if (value == null) return "";
  if (format === "text") return String(value);
  const number = typeof value === "bigint" ? Number(value) : value;
  if (typeof number === "number") {
    if (Number.isNaN(number)) return "";
    return (FORMATS[format ?? "number"] ?? FORMATS.number).format(number);
  }
  return String(value);
}

export interface Column {
  /** property of the row object */
  key: string;
  /** header text (defaults to key) */
  label?: string;
  format?: Format;
  /** defaults to right for numeric formats */
  align?: "left" | "right";
}

export interface TableOptions {
  columns?: (Column | string)[];
  caption?: string;
  className?: string;
  /** show at most this many rows, with a note below */
  maxRows?: number;
}

type Row = Record<string, unknown>;

function isNumeric(value: unknown): boolean {
  return typeof value === "number" || typeof value === "bigint";
}

function inferColumns(rows: Row[]): Column[] {
  const first = rows[0] ?? {};
  return Object.keys(first).map((key) => ({
    key,
    format: isNumeric(first[key]) ? (Number.isInteger(Number(first[key])) ? "int" : "number") : "text"
  }));
}

function alignRight(col: Column, rows: Row[]): boolean {
  if (col.align) return col.align === "right";
  if (col.format === "text") return false;
  if (col.format) return true;
  return rows.length > 0 && isNumeric(rows[0][col.key]);
}

/** Renders rows (plain objects) as a table wrapped in a horizontally scrollable div. */
export function table(rows: Row[], {columns, caption, className, maxRows = Infinity}: TableOptions = {}): HTMLDivElement {
  const cols = (columns ?? inferColumns(rows)).map((c): Column => (typeof c === "string" ? {key: c} : c));
  const right = cols.map((col) => alignRight(col, rows));
  const wrap = document.createElement("div");
  wrap.className = "bn-table-wrap";
  const tableEl = document.createElement("table");
  tableEl.className = className ? `bn-table ${className}` : "bn-table";
  if (caption) {
    const cap = document.createElement("caption");
    cap.textContent = caption;
    tableEl.append(cap);
  }
  const thead = document.createElement("thead");
  const headRow = document.createElement("tr");
  cols.forEach((col, i) => {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = col.label ?? col.key;
    if (right[i]) th.className = "bn-num";
    headRow.append(th);
  });
  thead.append(headRow);
  const tbody = document.createElement("tbody");
  const shown = rows.length > maxRows ? rows.slice(0, maxRows) : rows;
  for (const row of shown) {
    const tr = document.createElement("tr");
    cols.forEach((col, i) => {
      const td = document.createElement("td");
      const value = row[col.key];
      td.textContent = formatValue(value, col.format ?? (isNumeric(value) ? "number" : "text"));
      td.dataset.key = col.key;
      if (right[i]) td.className = "bn-num";
      tr.append(td);
    });
    tbody.append(tr);
  }
  tableEl.append(thead, tbody);
  wrap.append(tableEl);
  if (shown.length < rows.length) {
    const more = document.createElement("p");
    more.className = "bn-status";
    more.textContent = `Showing ${shown.length} of ${rows.length} rows.`;
    wrap.append(more);
  }
  return wrap;
}
