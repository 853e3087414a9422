/**
 * Rows → newline-delimited JSON, the spool format between the extraction and
 * the writers: one line per row, only the table's columns, values coerced to
 * the column type (the same coercion the Arrow writer applies), prefixed by
 * the row's order within its document (`_row`). The document's order
 * (`_doc`) is stamped on by whoever knows it (see `stampDocument`), so a
 * spooled block can be cached and reused at another position in a batch.
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

/** One JSON line per row: `{"_row":1,"col":…}` (one JSON.stringify per row: the serialiser is native). */
export function rowsToJsonLines(spec: TableSpecOut, rows: readonly object[]): string {
  const lines: string[] = [];
  rows.forEach((row, index) => {
    const r = row as Record<string, unknown>;
    const out: Record<string, unknown> = { _row: index + 1 };
    for (const col of spec.columns) out[col.name] = cellValue(r[col.name], col.type);
    lines.push(JSON.stringify(out));
  });
  return lines.length ? `${lines.join("\n")}\n` : "";
}

/** Stamp a document's position in the batch on each line of its block. */
export function stampDocument(block: string, doc: number): string {
  // `{"_row":` cannot occur inside a JSON string (its quotes would be escaped).
  return block.replaceAll('{"_row":', `{"_doc":${doc},"_row":`);
}
