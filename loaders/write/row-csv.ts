/**
 * Rows → CSV lines, the spool format between the extraction and the writers
 * (DuckDB's fastest reader, and the fewest bytes to build, compress and
 * parse): one line per row, no header, the table's columns in order, values
 * coerced to the column type (the same coercion the Arrow writer applies):
 * strings always quoted (`"` doubled; newlines stay inside the quotes), an
 * empty field for null, numbers as JS prints them (the shortest text that
 * reads back as the same double). Each line starts with its document's
 * province and year (`_province`, `_year`: what the partitioned outputs are
 * split by, fixed by the file's content, so a block can be cached and reused
 * at any position in any batch). A document's rows are in their order; the
 * writers read the blocks in document order, so no row needs a position.
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

/** A string field: always quoted, `"` doubled. */
function stringField(value: unknown): string {
  if (value === undefined || value === null) return "";
  const s = typeof value === "string" ? value : JSON.stringify(value);
  return s.indexOf('"') < 0 ? `"${s}"` : `"${s.replace(QUOTE, '""')}"`;
}

/** A number field (double or int): as JS prints it; empty for null and non-finite numbers. */
function numberField(value: unknown): string {
  if (value === undefined || value === null) return "";
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? String(n) : "";
}

const boolField = (value: unknown): string => (value === undefined || value === null ? "" : value ? "true" : "false");

/** The CSV field of cellValue(value, type), by the column's type. */
const FIELD: Record<ColumnType, (value: unknown) => string> = { string: stringField, double: numberField, int: numberField, bool: boolField };

/** The leading fields of every line of a document's blocks: `_province,_year`. */
export function linePrefix(province: string | null, year: number | null): string {
  return `${stringField(province)},${numberField(year)}`;
}

/** Fields before the table's columns on every line (see linePrefix). */
export const PREFIX_FIELDS = 2;

/** Each table's column names and field writers, chosen once per spec. */
const WRITERS = new WeakMap<TableSpecOut, { names: string[]; fields: Array<(value: unknown) => string> }>();

/** One CSV line per row: `_province,_year,col,…` (`prefix`: linePrefix of the rows' document), as UTF-8 bytes. */
export function rowsToCsvBytes(spec: TableSpecOut, rows: readonly object[], prefix: string): Buffer {
  if (rows.length === 0) return EMPTY;
  let writers = WRITERS.get(spec);
  if (!writers) {
    writers = { names: spec.columns.map((c) => c.name), fields: spec.columns.map((c) => FIELD[c.type]) };
    WRITERS.set(spec, writers);
  }
  const { names, fields } = writers;
  // each line encoded as soon as it is built: no array of lines, no string of the whole block to encode again
  let out: Buffer = Buffer.allocUnsafe(Math.max(1024, rows.length * 256));
  let at = 0;
  for (let index = 0; index < rows.length; index++) {
    const r = rows[index] as Record<string, unknown>;
    let line = prefix;
    for (let c = 0; c < names.length; c++) line += `,${fields[c](r[names[c]])}`;
    line += "\n";
    if (at + 3 * line.length > out.length) out = grown(out, at, 3 * line.length);
    at += out.write(line, at);
  }
  return out.subarray(0, at);
}

const EMPTY = Buffer.alloc(0);

/** A copy of the first `used` bytes of `buf` in a buffer with room for `more` bytes after them. */
function grown(buf: Buffer, used: number, more: number): Buffer {
  const next = Buffer.allocUnsafe(Math.max(2 * buf.length, used + more));
  buf.copy(next, 0, 0, used);
  return next;
}

/**
 * The inverse of rowsToCsvBytes for one block (already gunzipped and decoded): each row's values in the spec's column order
 * (the leading `_province` and `_year` dropped), as cellValue gave them.
 */
export function csvLinesToRows(spec: TableSpecOut, text: string): unknown[][] {
  const types = spec.columns.map((c) => c.type);
  const width = types.length + PREFIX_FIELDS;
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
        const type = field < PREFIX_FIELDS ? "int" : types[field - PREFIX_FIELDS];
        value = raw === "" ? null : type === "bool" ? raw === "true" : Number(raw);
      }
      if (field >= PREFIX_FIELDS) row.push(value);
      at++; // the comma, or the newline after the last field
    }
    rows.push(row);
  }
  return rows;
}
