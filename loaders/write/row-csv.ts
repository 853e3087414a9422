/**
 * Rows → CSV lines, the spool format between the extraction and the writers
 * (DuckDB's fastest reader, and the fewest bytes to build, compress and
 * parse): one line per row, no header, the table's columns in order, values
 * coerced to the column type (the same coercion the Arrow writer applies):
 * strings always quoted (`"` doubled; newlines stay inside the quotes), an
 * empty field for null, numbers as JS prints them (the shortest text that
 * reads back as the same double). Each line starts with the document's spool
 * key (`_key`: fixed by the file's content and name, so a block can be cached
 * and reused at any position in any batch; the writer maps keys to
 * positions) and the row's order within its document (`_row`).
 */
import type { ColumnType, TableSpecOut } from "../schema/columns.ts";

/** A cell as the column type wants it; null for missing or non-finite numbers. */
export function cellValue(value: unknown, type: ColumnType): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (type === "string") return typeof value === "string" ? value : JSON.stringify(value);
  if (type === "bool") return Boolean(value);
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

const QUOTE = /"/g;

/** The CSV field of cellValue(value, type). */
function csvField(value: unknown, type: ColumnType): string {
  if (value === undefined || value === null) return "";
  if (type === "string") {
    const s = typeof value === "string" ? value : JSON.stringify(value);
    return s.includes('"') ? `"${s.replace(QUOTE, '""')}"` : `"${s}"`;
  }
  if (type === "bool") return value ? "true" : "false";
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? String(n) : "";
}

/** One CSV line per row: `_key,_row,col,…`. */
export function rowsToCsvLines(spec: TableSpecOut, rows: readonly object[], key: number): string {
  if (rows.length === 0) return "";
  const names = spec.columns.map((c) => c.name);
  const types = spec.columns.map((c) => c.type);
  const lines: string[] = [];
  for (let index = 0; index < rows.length; index++) {
    const r = rows[index] as Record<string, unknown>;
    let line = `${key},${index + 1}`;
    for (let c = 0; c < names.length; c++) line += `,${csvField(r[names[c]], types[c])}`;
    lines.push(line);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The inverse of rowsToCsvLines for one block (already gunzipped): each row's values in the spec's column order
 * (`_key` and `_row` dropped), as cellValue gave them.
 */
export function csvLinesToRows(spec: TableSpecOut, text: string): unknown[][] {
  const types = spec.columns.map((c) => c.type);
  const width = types.length + 2;
  const rows: unknown[][] = [];
  let at = 0;
  while (at < text.length) {
    const row: unknown[] = [];
    for (let field = 0; field < width; field++) {
      let value: unknown;
      if (text[at] === '"') {
        let s = "";
        at++;
        for (;;) {
          const q = text.indexOf('"', at);
          s += text.slice(at, q);
          at = q + 1;
          if (text[at] === '"') {
            s += '"';
            at++;
          } else break;
        }
        value = s;
      } else {
        let end = at;
        while (end < text.length && text[end] !== "," && text[end] !== "\n") end++;
        const raw = text.slice(at, end);
        at = end;
        const type = field < 2 ? "int" : types[field - 2];
        value = raw === "" ? null : type === "bool" ? raw === "true" : Number(raw);
      }
      if (field >= 2) row.push(value);
      at++; // the comma, or the newline after the last field
    }
    rows.push(row);
  }
  return rows;
}
