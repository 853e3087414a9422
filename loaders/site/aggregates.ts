/**
 * The site's precomputed aggregates, two files of the site's corpus archive:
 * aggregates.json, the small per-document, per province × year × kind, per 类 and per
 * audit rule sets that Overview, Compare, Audit and the catalogue paint from without
 * DuckDB-WASM, plus each table's row count and Arrow size for the SQL workbench; and
 * compare.json, every Compare query's result per document (only /compare fetches it). The queries are the pages'
 * own (src/components/aggregate-queries.ts), run here with DuckDB in Node over the
 * Parquet files the extraction just wrote — no second extraction.
 * Each set is columnar JSON ({fields, rows: [[…]]}): a third of the size of row objects.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { AGGREGATE_QUERIES, COMPARE_AGGREGATE_QUERIES } from "../../src/components/aggregate-queries.ts";
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

/** compare.json: the Compare page's sets. */
export interface CompareAggregates {
  sets: Record<keyof typeof COMPARE_AGGREGATE_QUERIES, ColumnarSet>;
}

const plain = (value: unknown): unknown => {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  return value === undefined ? null : value;
};

type Connection = Awaited<ReturnType<DuckDBInstance["connect"]>>;

/** Runs each query of `queries`: its result as a columnar set. */
async function runSets<K extends string>(conn: Connection, queries: Record<K, string>): Promise<Record<K, ColumnarSet>> {
  const sets = {} as Record<K, ColumnarSet>;
  for (const [key, sql] of Object.entries(queries) as [K, string][]) {
    const reader = await conn.runAndReadAll(sql);
    const fields = reader.columnNames();
    sets[key] = { fields, rows: reader.getRowsJS().map((row) => row.map(plain)) };
  }
  return sets;
}

/** Runs the aggregate queries over `<dir>/<table>.parquet`: the sets of aggregates.json and of compare.json. */
export async function siteAggregates(dir: string): Promise<SiteAggregates & { compare: CompareAggregates }> {
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
    return { tables, sets: await runSets(conn, AGGREGATE_QUERIES), compare: { sets: await runSets(conn, COMPARE_AGGREGATE_QUERIES) } };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** The aggregates as the files of the corpus archive: aggregates.json and compare.json, by name. */
export async function siteAggregatesFiles(dir: string): Promise<Map<string, Uint8Array>> {
  const { compare, ...core } = await siteAggregates(dir);
  const encoder = new TextEncoder();
  return new Map([
    ["aggregates.json", encoder.encode(JSON.stringify(core))],
    ["compare.json", encoder.encode(JSON.stringify(compare))],
  ]);
}
