/**
 * Rows → newline-delimited JSON, the spool format between the extraction and
 * the writers: one line per row, only the table's columns, values coerced to
 * the column type (the same coercion the Arrow writer applies), prefixed by
 * the document's spool key (`_key`, fixed by the file's content and name, so
 * a block can be cached and reused at any position in any batch: the writer
 * maps keys to positions) and the row's order within its document (`_row`).
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

/** The JSON text of cellValue(value, type), written directly (no object per row). */
function cellJson(value: unknown, type: ColumnType): string {
  if (value === undefined || value === null) return "null";
  if (type === "string") return JSON.stringify(typeof value === "string" ? value : JSON.stringify(value));
  if (type === "bool") return value ? "true" : "false";
  const n = typeof value === "number" ? value : Number(value);
  // String(n) is JSON.stringify(n) for every finite number (-0 prints as 0 in both)
  return Number.isFinite(n) ? String(n) : "null";
}

/** One JSON line per row: `{"_key":K,"_row":1,"col":…}`. */
export function rowsToJsonLines(spec: TableSpecOut, rows: readonly object[], key: number): string {
  if (rows.length === 0) return "";
  const names = spec.columns.map((c) => `,${JSON.stringify(c.name)}:`);
  const types = spec.columns.map((c) => c.type);
  const head = `{"_key":${key},"_row":`;
  let out = "";
  for (let index = 0; index < rows.length; index++) {
    const r = rows[index] as Record<string, unknown>;
    let line = `${head}${index + 1}`;
    for (let c = 0; c < names.length; c++) line += names[c] + cellJson(r[spec.columns[c].name], types[c]);
    out += `${line}}\n`;
  }
  return out;
}
