// Exports of a query result: CSV (UTF-8 with BOM, RFC 4180), Arrow IPC file
// (apache-arrow) and Parquet (hyparquet-writer: pure JS, since DuckDB-WASM cannot
// load its parquet extension offline). Types follow the result: BIGINT stays 64-bit,
// DECIMAL and DOUBLE are written as double, DATE/TIMESTAMP as ISO text.
import {Bool, Float64, Int32, Int64, Table, Utf8, tableToIPC, vectorFromArray, type DataType} from "apache-arrow";
import {parquetWriteBuffer} from "hyparquet-writer";
import type {ResultField} from "./results.js";

type Row = Record<string, unknown>;

function text(value: unknown): string {
  if (value == null) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function csvCell(value: unknown): string {
  const s = text(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a header row; a UTF-8 BOM so that spreadsheet programs read Chinese correctly. */
export function toCSV(rows: Row[], fields: Pick<ResultField, "name">[], {bom = true} = {}): string {
  const names = fields.map((f) => f.name);
  const lines = [names.map(csvCell).join(",")];
  for (const row of rows) lines.push(names.map((n) => csvCell(row[n])).join(","));
  return (bom ? "\uFEFF" : "") + lines.join("\r\n") + "\r\n";
}

type Writable = "int" | "bigint" | "double" | "string" | "bool";

function writable(field: ResultField): Writable {
  switch (field.kind) {
    case "int":
      return "int";
    case "bigint":
      return "bigint";
    case "float":
    case "decimal":
      return "double";
    case "bool":
      return "bool";
    default:
      return "string";
  }
}

function column(rows: Row[], field: ResultField): unknown[] {
  const as = writable(field);
  return rows.map((row) => {
    const v = row[field.name];
    if (v == null) return null;
    switch (as) {
      case "int":
        return Number(v);
      case "bigint":
        return BigInt(Math.trunc(Number(v)));
      case "double":
        return Number(v);
      case "bool":
        return Boolean(v);
      default:
        return text(v);
    }
  });
}

const ARROW_TYPES: Record<Writable, () => DataType> = {
  int: () => new Int32(),
  bigint: () => new Int64(),
  double: () => new Float64(),
  string: () => new Utf8(),
  bool: () => new Bool()
};

/** An Arrow IPC file (the .arrow format) of the result. */
export function toArrow(rows: Row[], fields: ResultField[]): Uint8Array {
  const vectors = Object.fromEntries(
    fields.map((f) => [f.name, vectorFromArray(column(rows, f) as never[], ARROW_TYPES[writable(f)]() as never)])
  );
  return tableToIPC(new Table(vectors), "file");
}

const PARQUET_TYPES = {int: "INT32", bigint: "INT64", double: "DOUBLE", string: "STRING", bool: "BOOLEAN"} as const;

/** A Parquet file of the result (Snappy-compressed, one or more row groups). */
export function toParquet(rows: Row[], fields: ResultField[]): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: fields.map((f) => ({name: f.name, data: column(rows, f) as never, type: PARQUET_TYPES[writable(f)]}))
  });
  return new Uint8Array(buffer);
}
