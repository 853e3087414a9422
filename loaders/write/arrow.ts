/** Rows → Arrow IPC (stream format: what DuckDB-WASM's insertArrowFromIPCStream and FileAttachment read). */
import { Bool, Float64, Int32, Table, Utf8, vectorFromArray, tableToIPC, type DataType, type Vector } from "apache-arrow";
import type { ColumnType, TableSpecOut } from "../schema/columns.ts";

const TYPES: Record<ColumnType, () => DataType> = {
  string: () => new Utf8(),
  double: () => new Float64(),
  int: () => new Int32(),
  bool: () => new Bool(),
};

function cell(value: unknown, type: ColumnType): unknown {
  if (value === undefined || value === null) return null;
  if (type === "string") return typeof value === "string" ? value : JSON.stringify(value);
  if (type === "bool") return Boolean(value);
  return Number(value);
}

export function toArrowTable(spec: TableSpecOut, rows: readonly object[]): Table {
  const columns: Record<string, Vector> = {};
  for (const col of spec.columns) {
    const values = rows.map((r) => cell((r as Record<string, unknown>)[col.name], col.type));
    columns[col.name] = vectorFromArray(values, TYPES[col.type]()) as Vector;
  }
  return new Table(columns);
}

export function toArrowIPC(spec: TableSpecOut, rows: readonly object[]): Uint8Array {
  return tableToIPC(toArrowTable(spec, rows), "stream");
}
