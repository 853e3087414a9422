/**
 * Spool → output files, through DuckDB's native engine (one thread, rows
 * ordered by document and row, so the same documents always give the same
 * bytes whatever order they were extracted in):
 *   parquet      <table>.parquet, ZSTD, with the schema, parser version and data version in its key/value metadata
 *   arrow        <table>.arrow / .arrows: Arrow IPC file (pandas, R, polars) / stream (DuckDB-WASM)
 *   arrows       <table>.arrows alone: the stream (the site's pages load it and offer it as the Arrow download)
 *   csv          <table>.csv
 *   partitioned  partitioned/<table>/province=…/year=…/data_0.parquet, hive-partitioned
 *   duckdb       corpus.duckdb, every table in one DuckDB database
 * and always datapackage.json, the Frictionless descriptor with keys.
 * The stage database is in memory up to 512 MB and spills to the spool folder
 * beyond, so memory stays bounded whatever the size of the corpus.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from "@duckdb/node-api";
import { classificationsFromCounts, type NameCount } from "../schema/classifications.ts";
import type { Column, ColumnType, TableSpecOut } from "../schema/columns.ts";
import { dataPackage } from "../schema/dictionary.ts";
import { panelFromStage } from "../panel/from-stage.ts";
import { OUTPUT_TABLES } from "../schema/outputs.ts";
import { BATCH_ROWS, writeArrowFiles } from "./arrow.ts";
import { cellValue } from "./row-csv.ts";
import { SPOOLED_TABLES, spoolFiles, type Spool } from "./spool.ts";

/** What can be written; parquet and arrow by default. */
export const OUTPUT_FORMATS = ["parquet", "arrow", "arrows", "csv", "partitioned", "duckdb"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const DEFAULT_FORMATS: readonly OutputFormat[] = ["parquet", "arrow"];

export interface CorpusWriteOptions {
  formats?: readonly OutputFormat[];
  /** Written into every Parquet file's key/value metadata and datapackage.json. */
  versions?: { parser: string; data: string };
  /** Filled with the milliseconds each step took (load, classifications, panel, then each format; `<step> cpu`: CPU time of every thread), for benchmarks. */
  timings?: Record<string, number>;
}

const SQL_TYPES: Record<ColumnType, string> = { string: "VARCHAR", double: "DOUBLE", int: "INTEGER", bool: "BOOLEAN" };
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const columnList = (spec: TableSpecOut) => spec.columns.map((c) => quote(c.name)).join(", ");
/** Threads DuckDB may use to parse the spool (the writing itself runs on one). */
const LOAD_THREADS = Math.max(1, Math.min(4, availableParallelism()));
/** Parquet key/value metadata: `KV_METADATA {key: 'value', …}`. */
const kvMetadata = (entries: Record<string, string>) => `KV_METADATA {${Object.entries(entries).map(([k, v]) => `${quote(k)}: ${literal(v)}`).join(", ")}}`;
const SOURCE_NOTE = "Extracted from public Chinese government budget disclosures (部门预算 / 部门决算 / 单位决算); every number carries its document (doc_id) and source line.";
/** Tables partitioned by the document's province and year (classifications and entities have no document). */
const PARTITION = ["province", "year"];

function append(appender: DuckDBAppender, col: Column, value: unknown): void {
  const v = cellValue(value, col.type);
  if (v === null) appender.appendNull();
  else if (col.type === "string") appender.appendVarchar(v as string);
  else if (col.type === "double") appender.appendDouble(v as number);
  else if (col.type === "int") appender.appendInteger(v as number);
  else appender.appendBoolean(v as boolean);
}

async function createTable(conn: DuckDBConnection, spec: TableSpecOut): Promise<void> {
  const cols = ["_doc INTEGER", "_row INTEGER", ...spec.columns.map((c) => `${quote(c.name)} ${SQL_TYPES[c.type]}`)].join(", ");
  await conn.run(`CREATE TABLE ${quote(spec.name)} (${cols})`);
}

/** Rows appended from JS with their positions (documents, classifications: small tables). */
async function appendRows(conn: DuckDBConnection, spec: TableSpecOut, rows: Iterable<[number, number, object]>): Promise<void> {
  const appender = await conn.createAppender(spec.name);
  for (const [doc, row, r] of rows) {
    appender.appendInteger(doc);
    appender.appendInteger(row);
    for (const col of spec.columns) append(appender, col, (r as Record<string, unknown>)[col.name]);
    appender.endRow();
  }
  appender.closeSync();
}

/** JS's String.prototype.trim, in RE2 syntax (DuckDB's trim() removes spaces only). */
const JS_SPACE = "[\\s\\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}\\x{000B}]";

/** schema/classifications.ts step 1, in SQL over the staged line items. */
async function nameCountsSql(conn: DuckDBConnection): Promise<NameCount[]> {
  const reader = await conn.runAndReadAll(`
    WITH coded AS (
      SELECT code_system, code, coalesce(code_level, CASE WHEN code_system = 'budget_unit' THEN 1 ELSE 0 END) AS level, parent_code,
             regexp_replace(row_label, '^${JS_SPACE}+|${JS_SPACE}+$', '', 'g') AS name, _doc::BIGINT * 4294967296 + _row AS ord
      FROM line_items WHERE code IS NOT NULL AND code <> '' AND code_system <> 'none'),
    per_code AS (
      SELECT code_system, code, max(level) AS level, arg_min(parent_code, ord) FILTER (WHERE parent_code IS NOT NULL) AS parent_code
      FROM coded GROUP BY code_system, code)
    SELECT c.code_system, c.code, p.level, p.parent_code, c.name, count(*)::INTEGER AS n
    FROM coded c JOIN per_code p USING (code_system, code) GROUP BY ALL`);
  return reader.getRowObjectsJS() as unknown as NameCount[];
}

/** Batches of column arrays from a query, BATCH_ROWS rows each. */
async function* columnBatches(conn: DuckDBConnection, sql: string, width: number): AsyncGenerator<unknown[][]> {
  const result = await conn.stream(sql);
  let columns: unknown[][] = Array.from({ length: width }, () => []);
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const got = chunk.getColumns();
    for (let c = 0; c < width; c++) for (const v of got[c]) columns[c].push(v);
    if (columns[0].length >= BATCH_ROWS) {
      yield columns.map((col) => col.slice(0, BATCH_ROWS));
      columns = columns.map((col) => col.slice(BATCH_ROWS));
    }
  }
  if (columns[0].length > 0) yield columns;
}

export async function writeCorpus(outDir: string, spool: Spool, options: CorpusWriteOptions = {}): Promise<string[]> {
  // In memory, spilling to the spool folder past 512 MB: memory stays bounded whatever the corpus.
  const instance = await DuckDBInstance.create(":memory:", { threads: "1", memory_limit: "512MB", temp_directory: join(spool.dir, "duckdb.tmp") });
  const conn = await instance.connect();
  const written: string[] = [];
  const formats = new Set(options.formats ?? DEFAULT_FORMATS);
  let since = performance.now();
  let cpuSince = process.cpuUsage();
  const lap = (step: string) => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const t = options.timings;
    if (t) {
      t[step] = (t[step] ?? 0) + Math.round(now - since);
      t[`${step} cpu`] = (t[`${step} cpu`] ?? 0) + Math.round((cpu.user - cpuSince.user + cpu.system - cpuSince.system) / 1000);
    }
    since = now;
    cpuSince = cpu;
  };
  try {
    // Load: spooled CSV lines (in parallel: the order is restored when writing), each row's spool key mapped to
    // its document's position (the rows of dropped duplicates have none and are left out); documents and classifications.
    await conn.run(`SET threads = ${LOAD_THREADS}`);
    const byName = new Map(OUTPUT_TABLES.map((t) => [t.name, t]));
    await conn.run("CREATE TABLE _positions (_key BIGINT, _doc INTEGER)");
    const positions = await conn.createAppender("_positions");
    for (const [doc, key] of [...spool.keys].sort((a, b) => a[0] - b[0])) {
      if (spool.dropped.has(doc)) continue;
      positions.appendBigInt(BigInt(key));
      positions.appendInteger(doc);
      positions.endRow();
    }
    positions.closeSync();
    for (const name of SPOOLED_TABLES) {
      const spec = byName.get(name)!;
      await createTable(conn, spec);
      const files = spoolFiles(spool.dir, name);
      if (files.length === 0) continue;
      const columns = ["_key: 'BIGINT'", "_row: 'INTEGER'", ...spec.columns.map((c) => `${literal(c.name)}: ${literal(SQL_TYPES[c.type])}`)].join(", ");
      // exactly the dialect of write/row-csv.ts: nothing sniffed, "" an empty string, an empty field null
      const dialect = "header = false, auto_detect = false, delim = ',', quote = '\"', escape = '\"', new_line = '\\n', allow_quoted_nulls = false, max_line_size = 33554432, buffer_size = 33554432";
      const read = `read_csv([${files.map(literal).join(", ")}], compression = 'gzip', ${dialect}, columns = {${columns}})`;
      await conn.run(`INSERT INTO ${quote(name)} SELECT p._doc, s._row, ${spec.columns.map((c) => `s.${quote(c.name)}`).join(", ")} FROM ${read} s JOIN _positions p USING (_key)`);
    }
    lap("load");
    const classifications = byName.get("classifications")!;
    await createTable(conn, classifications);
    const codes = classificationsFromCounts(await nameCountsSql(conn));
    await appendRows(conn, classifications, codes.map((row, i) => [0, i + 1, row] as [number, number, object]));
    // The batch stage: entities over every kept document (it sets their entity_id), then the panel.
    lap("classifications");
    const docs = [...spool.documents].sort((a, b) => a[0] - b[0]);
    const kept = docs.filter(([doc]) => !spool.dropped.has(doc)).map(([, row]) => row);
    const { entities, panel } = await panelFromStage(conn, kept, spool.renames, codes);
    for (const [name, rows] of [["entities", entities], ["panel", panel]] as const) {
      await createTable(conn, byName.get(name)!);
      await appendRows(conn, byName.get(name)!, rows.map((row, i) => [0, i + 1, row] as [number, number, object]));
    }
    const documents = byName.get("documents")!;
    await createTable(conn, documents);
    await appendRows(conn, documents, docs.map(([doc, row]) => [doc, 1, row] as [number, number, object]));
    lap("panel");

    // Write: every table in every format, ordered by document and row, on one thread (the same bytes every time).
    await conn.run("SET threads = 1");
    const versions: Record<string, string> = options.versions ? { parser_version: options.versions.parser, data_version: options.versions.data } : {};
    if (formats.has("duckdb")) {
      const db = join(outDir, "corpus.duckdb");
      rmSync(db, { force: true });
      await conn.run(`ATTACH ${literal(db)} AS out`);
    }
    for (const spec of OUTPUT_TABLES) {
      const select = `SELECT ${columnList(spec)} FROM ${quote(spec.name)} ORDER BY _doc, _row`;
      const base = join(outDir, spec.name);
      const meta = kvMetadata({ ...versions, table: spec.name, schema: JSON.stringify(spec.columns.map(({ name, type, unit }) => ({ name, type, ...(unit ? { unit } : {}) }))), source: SOURCE_NOTE });
      if (formats.has("parquet")) {
        await conn.run(`COPY (${select}) TO ${literal(`${base}.parquet`)} (FORMAT parquet, COMPRESSION zstd, ${meta})`);
        written.push(`${base}.parquet`);
        lap("parquet");
      }
      if (formats.has("csv")) {
        await conn.run(`COPY (${select}) TO ${literal(`${base}.csv`)} (FORMAT csv, HEADER true)`);
        written.push(`${base}.csv`);
        lap("csv");
      }
      if (formats.has("arrow") || formats.has("arrows")) {
        written.push(...(await writeArrowFiles(base, spec, columnBatches(conn, select, spec.columns.length), { streamOnly: !formats.has("arrow") })));
        lap("arrow");
      }
      // partitioned by province and year, the document's where the table has none of its own (panel rows keep
      // the year they are about); tables without documents (classifications, entities) are not partitioned
      const missing = PARTITION.filter((p) => !spec.columns.some((c) => c.name === p));
      const hasDoc = spec.columns.some((c) => c.name === "doc_id");
      if (formats.has("partitioned") && (missing.length === 0 || hasDoc)) {
        const partitioned =
          missing.length === 0
            ? select
            : `SELECT ${spec.columns.map((c) => `t.${quote(c.name)}`).join(", ")}, ${missing.map((p) => `d.${p}`).join(", ")} FROM ${quote(spec.name)} t JOIN documents d USING (doc_id) ORDER BY t._doc, t._row`;
        const dir = join(outDir, "partitioned", spec.name);
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(join(outDir, "partitioned"), { recursive: true });
        await conn.run(`COPY (${partitioned}) TO ${literal(dir)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (${PARTITION.join(", ")}), ${meta})`);
        written.push(dir);
        lap("partitioned");
      }
      if (formats.has("duckdb")) {
        await conn.run(`CREATE TABLE out.${quote(spec.name)} AS ${select}`);
        lap("duckdb");
      }
    }
    if (formats.has("duckdb")) {
      await conn.run("DETACH out");
      lap("duckdb");
      written.push(join(outDir, "corpus.duckdb"));
    }
    const pkg = join(outDir, "datapackage.json");
    writeFileSync(pkg, `${JSON.stringify(dataPackage(OUTPUT_TABLES, "parquet", options.versions), null, 2)}\n`);
    written.push(pkg);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return written;
}
