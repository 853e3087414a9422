/**
 * Output tables as stable CSV for the whole-output snapshots (tests/output/):
 * the columns in the order loaders/schema declares them, each cell coerced to
 * its column type the way the writers do (write/row-csv.ts), numbers in
 * JavaScript's shortest round-trip form, rows sorted (by source line first
 * where the table has one, then by every column in order) so that a change in
 * the order rows are produced shows no diff, and a change in any value does.
 */
import type { TableSpecOut } from "../loaders/schema/columns.ts";
import { cellValue } from "../loaders/write/row-csv.ts";

type Cell = string | number | boolean | null;

/** A CSV field (RFC 4180): quoted when it holds a quote, comma, or line break. */
export function csvField(value: Cell): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Column positions in sort order: the location columns first, then the rest as declared. */
function sortOrder(spec: TableSpecOut): number[] {
  const names = spec.columns.map((c) => c.name);
  const first = ["doc_id", "page", "source_line"].map((n) => names.indexOf(n)).filter((i) => i >= 0);
  return [...first, ...names.map((_, i) => i).filter((i) => !first.includes(i))];
}

/** The table as CSV text: header, then one sorted line per row, `\n` line ends. */
export function tableCsv(spec: TableSpecOut, rows: readonly object[]): string {
  const cells = rows.map((row) => spec.columns.map((c) => cellValue((row as Record<string, unknown>)[c.name], c.type)));
  const order = sortOrder(spec);
  cells.sort((a, b) => {
    for (const i of order) {
      const d = compareCells(a[i], b[i]);
      if (d !== 0) return d;
    }
    return 0;
  });
  const lines = [spec.columns.map((c) => csvField(c.name)).join(","), ...cells.map((r) => r.map(csvField).join(","))];
  return `${lines.join("\n")}\n`;
}
