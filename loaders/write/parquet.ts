/**
 * Rows → Parquet (ZSTD) through DuckDB's native engine: typed columns from
 * the table spec, rows appended in order, one thread so that the same rows
 * always give the same bytes.
 */
import { DuckDBInstance, type DuckDBAppender } from "@duckdb/node-api";
import type { Column, ColumnType, TableSpecOut } from "../schema/columns.ts";

const SQL_TYPES: Record<ColumnType, string> = { string: "VARCHAR", double: "DOUBLE", int: "INTEGER", bool: "BOOLEAN" };

function append(appender: DuckDBAppender, col: Column, value: unknown): void {
  if (value === undefined || value === null) {
    appender.appendNull();
    return;
  }
  switch (col.type) {
    case "string":
      appender.appendVarchar(typeof value === "string" ? value : JSON.stringify(value));
      break;
    case "double":
      appender.appendDouble(Number(value));
      break;
    case "int":
      appender.appendInteger(Number(value));
      break;
    case "bool":
      appender.appendBoolean(Boolean(value));
      break;
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** SQL text of a string literal. */
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Write several tables, each to `${dir}/${name}.parquet` (and `.csv` with `csv: true`);
 * `metadata` goes into every Parquet file's key-value metadata (e.g. the data version).
 */
export async function writeParquetTables(dir: string, tables: Array<{ spec: TableSpecOut; rows: readonly object[] }>, options: { csv?: boolean; metadata?: Record<string, string> } = {}): Promise<void> {
  const kv = Object.entries(options.metadata ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const kvOption = kv.length ? `, KV_METADATA {${kv.map(([k, v]) => `${k}: ${literal(v)}`).join(", ")}}` : "";
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const conn = await instance.connect();
  try {
    for (const { spec, rows } of tables) {
      const cols = spec.columns.map((c) => `${quote(c.name)} ${SQL_TYPES[c.type]}`).join(", ");
      await conn.run(`CREATE OR REPLACE TABLE ${quote(spec.name)} (${cols})`);
      const appender = await conn.createAppender(spec.name);
      for (const row of rows) {
        for (const col of spec.columns) append(appender, col, (row as Record<string, unknown>)[col.name]);
        appender.endRow();
      }
      appender.closeSync();
      const path = `${dir}/${spec.name}.parquet`.replace(/'/g, "''");
      await conn.run(`COPY ${quote(spec.name)} TO '${path}' (FORMAT parquet, COMPRESSION zstd${kvOption})`);
      if (options.csv) await conn.run(`COPY ${quote(spec.name)} TO '${path.replace(/\.parquet$/, ".csv")}' (FORMAT csv, HEADER true)`);
      await conn.run(`DROP TABLE ${quote(spec.name)}`);
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
