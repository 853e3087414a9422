/**
 * The site's precomputed aggregates (aggregates.json in the site's corpus archive):
 * the small per-document, per province × year × kind and per 类 sets that the
 * Overview and Compare pages paint from before (or without) DuckDB-WASM, plus each
 * table's row count and Arrow size for the SQL workbench. The queries are the pages'
 * own (src/components/aggregate-queries.ts), run here with DuckDB in Node over the
 * Parquet files the extraction just wrote — no second extraction.
 * Each set is columnar JSON ({fields, rows: [[…]]}): a third of the size of row objects.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { AGGREGATE_QUERIES } from "../../src/components/aggregate-queries.ts";
import { OUTPUT_TABLES } from "../schema/outputs.ts";

export interface ColumnarSet {
  fields: string[];
  rows: unknown[][];
}

export interface SiteAggregates {
  /** every output table: rows and the size of its Arrow stream (.arrows) */
  tables: { name: string; rows: number; arrows_bytes: number }[];
  sets: Record<keyof typeof AGGREGATE_QUERIES, ColumnarSet>;
}

const plain = (value: unknown): unknown => {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  return value === undefined ? null : value;
};

/** Runs the aggregate queries over `<dir>/<table>.parquet`. */
export async function siteAggregates(dir: string): Promise<SiteAggregates> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  try {
    const tables: SiteAggregates["tables"] = [];
    for (const { name } of OUTPUT_TABLES) {
      const parquet = join(dir, `${name}.parquet`);
      if (!existsSync(parquet)) continue;
      await conn.run(`CREATE VIEW ${name} AS SELECT * FROM read_parquet('${parquet.replaceAll("'", "''")}')`);
      const count = (await conn.runAndReadAll(`SELECT count(*) AS n FROM ${name}`)).getRowObjectsJS()[0].n;
      const arrows = join(dir, `${name}.arrows`);
      tables.push({ name, rows: Number(count), arrows_bytes: existsSync(arrows) ? statSync(arrows).size : 0 });
    }
    const sets = {} as SiteAggregates["sets"];
    for (const [key, sql] of Object.entries(AGGREGATE_QUERIES) as [keyof typeof AGGREGATE_QUERIES, string][]) {
      const reader = await conn.runAndReadAll(sql);
      const fields = reader.columnNames();
      sets[key] = { fields, rows: reader.getRowsJS().map((row) => row.map(plain)) };
    }
    return { tables, sets };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** The aggregates as the bytes of aggregates.json. */
export async function siteAggregatesJson(dir: string): Promise<Uint8Array> {
  return new TextEncoder().encode(JSON.stringify(await siteAggregates(dir)));
}
