// Test helper: the samples extracted once per test file into a temp folder, and a
// DuckDB (Node) connection with every table as a view — the same SQL the pages run.
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {extractFiles} from "../../loaders/extract.ts";
import {writeOutputs} from "../../loaders/write/outputs.ts";
import {CORPUS_TABLE_NAMES} from "../../src/components/sql/notebook.ts";
import {DOCS} from "../loaders/helpers.ts";

export type Row = Record<string, unknown>;

export interface Corpus {
  dir: string;
  conn: DuckDBConnection;
  rows(sql: string): Promise<Row[]>;
}

export async function openCorpus(): Promise<Corpus> {
  const dir = mkdtempSync(join(tmpdir(), "sql-corpus-"));
  await writeOutputs(dir, extractFiles([DOCS], {root: DOCS}));
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  for (const name of CORPUS_TABLE_NAMES) await conn.run(`CREATE VIEW ${name} AS SELECT * FROM '${join(dir, `${name}.parquet`)}'`);
  return {
    dir,
    conn,
    async rows(sql: string) {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]))
      );
    }
  };
}
