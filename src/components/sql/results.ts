// Runs a query on the page's DuckDB-WASM and returns plain rows with a description
// of each column (name, DuckDB/Arrow type, kind). Used by the workbench and by the
// notebooks it saves.
import {Type, type DataType} from "apache-arrow";
import {database, toRows, type Row} from "../db.js";
import {NUMERIC_KINDS} from "./precomputed.js";

export type FieldKind = "int" | "bigint" | "float" | "decimal" | "string" | "bool" | "date" | "timestamp" | "other";

export interface ResultField {
  name: string;
  /** Arrow type as text (e.g. "Int64", "Decimal[18e+2]", "Utf8") */
  type: string;
  kind: FieldKind;
  numeric: boolean;
  /** decimal places of a DECIMAL column */
  scale?: number;
}

export interface QueryResult {
  rows: Row[];
  fields: ResultField[];
  /** wall time of the query in the browser, ms */
  ms: number;
}

export function fieldKind(type: DataType): {kind: FieldKind; scale?: number} {
  switch (type.typeId) {
    case Type.Int:
      return {kind: (type as DataType & {bitWidth: number}).bitWidth === 64 ? "bigint" : "int"};
    case Type.Float:
      return {kind: "float"};
    case Type.Decimal:
      return {kind: "decimal", scale: (type as DataType & {scale: number}).scale};
    case Type.Utf8:
    case Type.LargeUtf8:
      return {kind: "string"};
    case Type.Bool:
      return {kind: "bool"};
    case Type.Date:
      return {kind: "date"};
    case Type.Timestamp:
      return {kind: "timestamp"};
    case Type.Dictionary:
      return fieldKind((type as DataType & {dictionary: DataType}).dictionary);
    default:
      return {kind: "other"};
  }
}

export function describeFields(schema: {fields: {name: string; type: DataType}[]}): ResultField[] {
  return schema.fields.map((f) => {
    const {kind, scale} = fieldKind(f.type);
    const field: ResultField = {name: f.name, type: String(f.type), kind, numeric: NUMERIC_KINDS.has(kind)};
    if (scale !== undefined) field.scale = scale;
    return field;
  });
}

/** Runs `sql` (one or more statements; the last one's result is returned). */
export async function runQuery(sql: string): Promise<QueryResult> {
  const {conn} = await database();
  const started = performance.now();
  const table = await conn.query(sql);
  const rows = toRows(table);
  const fields = describeFields(table.schema as never);
  return {rows, fields, ms: performance.now() - started};
}
