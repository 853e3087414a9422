/**
 * Spool → output files, through DuckDB's native engine. The stage tables are
 * filled in document and row order (every table's blocks read in position
 * order: write/spool.ts), and DuckDB keeps insertion order, so every output is
 * written as it is staged, never sorted: the same documents always give the
 * same bytes whatever order they were extracted in.
 *   parquet      <table>.parquet, ZSTD, with the schema, parser version and data version in its key/value metadata
 *   arrow        <table>.arrow / .arrows: Arrow IPC file (pandas, R, polars) / stream (DuckDB-WASM)
 *   arrows       <table>.arrows alone: the stream (the site's pages load it and offer it as the Arrow download)
 *   csv          <table>.csv
 *   partitioned  partitioned/<table>/province=…/year=…/data_0.parquet, hive-partitioned
 *   duckdb       corpus.duckdb, every table in one DuckDB database
 * and always datapackage.json, the Frictionless descriptor with keys.
 * Every query runs on one thread, several at once on connections of their own
 * (one lane per core, up to 4; write/lanes.ts), each as soon as what it reads
 * is staged. A spooled table is loaded by one thread, so it is laid out in
 * full row groups whatever the memory, and the files written from it get the
 * same row groups every time (a parallel load's layout shifted with memory
 * pressure, and the Parquet row groups with it).
 * The stage is a database file, compressed as it is filled, so memory stays
 * bounded whatever the size of the corpus (DuckDB's memory limit; beyond it,
 * it spills to the spool folder): corpus.duckdb itself when it is asked for
 * (under a temporary name until it is whole; its tables are already the
 * outputs' rows in their order, so the database costs no second copy of
 * every table; the partition columns are dropped at the end, which DuckDB
 * does without rewriting the others), otherwise a file in the spool folder.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from "@duckdb/node-api";
import { classificationsFromCounts, type NameCount } from "../schema/classifications.ts";
import type { Column, ColumnType, TableSpecOut } from "../schema/columns.ts";
import type { DocumentRow } from "../schema/types.ts";
import { dataPackage } from "../schema/dictionary.ts";
import { panelOfFigures } from "../panel/index.ts";
import { OUTPUT_TABLES } from "../schema/outputs.ts";
import { BATCH_ROWS, writeArrowFiles } from "./arrow.ts";
import { spoolBatches } from "./csv-arrow.ts";
import { type LaneJob, runOnLanes } from "./lanes.ts";
import { cellValue } from "./row-csv.ts";
import { type BlockRef, SPOOLED_TABLES, type Spool } from "./spool.ts";

/** What can be written; parquet and arrow by default. */
export const OUTPUT_FORMATS = ["parquet", "arrow", "arrows", "csv", "partitioned", "duckdb"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const DEFAULT_FORMATS: readonly OutputFormat[] = ["parquet", "arrow"];

export interface CorpusWriteOptions {
  formats?: readonly OutputFormat[];
  /** Written into every Parquet file's key/value metadata and datapackage.json. */
  versions?: { parser: string; data: string };
  /**
   * Filled for benchmarks with the milliseconds of the whole (`write`; `write cpu`: CPU time of every thread) and
   * `write: <step>`, each step's wall time summed over its jobs, which run at once on the lanes (load, batch, each
   * format; duckdb: turning the stage into corpus.duckdb).
   */
  timings?: Record<string, number>;
  /** DuckDB connections loading and writing at once (default: one per core, up to 4); the files are the same whatever the number. */
  lanes?: number;
}

const SQL_TYPES: Record<ColumnType, string> = { string: "VARCHAR", double: "DOUBLE", int: "INTEGER", bool: "BOOLEAN" };
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const columnList = (spec: TableSpecOut) => spec.columns.map((c) => quote(c.name)).join(", ");
/** Parquet key/value metadata: `KV_METADATA {key: 'value', …}`. */
const kvMetadata = (entries: Record<string, string>) =>
  `KV_METADATA {${Object.entries(entries)
    .map(([k, v]) => `${quote(k)}: ${literal(v)}`)
    .join(", ")}}`;
const SOURCE_NOTE =
  "Extracted from public Chinese government budget disclosures (部门预算 / 部门决算 / 单位决算); every number carries its document (doc_id) and source line.";
/** The stage database's name. */
const STAGE = "stage";
/** Partitions a partitioned table may have with one file each (27 provinces × 6 years at 10,000 synthetic documents). */
const MAX_PARTITIONS = 1000;
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

/** A stage table: the document's province and year (what the partitioned outputs are split by), then the table's columns. */
const STAGE_COLUMNS: Column[] = [
  { name: "_province", type: "string", description: "" },
  { name: "_year", type: "int", description: "" },
];
const stageColumns = (spec: TableSpecOut) => [...STAGE_COLUMNS, ...spec.columns];

async function createTable(conn: DuckDBConnection, spec: TableSpecOut): Promise<void> {
  await conn.run(
    `CREATE TABLE ${quote(spec.name)} (${stageColumns(spec)
      .map((c) => `${quote(c.name)} ${SQL_TYPES[c.type]}`)
      .join(", ")})`,
  );
}

/** Rows appended from JS in their order (documents and the batch tables: small), each with its document's province and year. */
async function appendRows(
  conn: DuckDBConnection,
  spec: TableSpecOut,
  rows: Iterable<object>,
  documentOf: (row: object) => DocumentRow | undefined,
): Promise<void> {
  const appender = await conn.createAppender(spec.name);
  for (const r of rows) {
    const d = documentOf(r);
    append(appender, STAGE_COLUMNS[0], d?.province);
    append(appender, STAGE_COLUMNS[1], d?.year);
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
             regexp_replace(row_label, '^${JS_SPACE}+|${JS_SPACE}+$', '', 'g') AS name, rowid AS ord
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

/** Queries running at once in the load and the write steps, each on a connection of its own and one thread. */
const LANES = Math.max(1, Math.min(4, availableParallelism()));

/**
 * One output to write: its step (format), the paths it writes, and how: from the staged tables on a connection
 * of its own, or (`fromSpool`) straight from the spool's blocks in this thread, while DuckDB loads them.
 */
interface WriteJob {
  step: OutputFormat;
  table: string;
  outputs: string[];
  fromSpool?: boolean;
  run: (conn: DuckDBConnection) => Promise<void>;
}

/** The jobs writing one table in the file formats asked for (`files`: its blocks in order, for a spooled table). */
function tableJobs(
  spec: TableSpecOut,
  outDir: string,
  formats: ReadonlySet<OutputFormat>,
  versions: Record<string, string>,
  files: readonly BlockRef[] | null,
): WriteJob[] {
  const jobs: WriteJob[] = [];
  const select = `SELECT ${columnList(spec)} FROM ${quote(spec.name)}`;
  const base = join(outDir, spec.name);
  const meta = kvMetadata({
    ...versions,
    table: spec.name,
    schema: JSON.stringify(spec.columns.map(({ name, type, unit }) => ({ name, type, ...(unit ? { unit } : {}) }))),
    source: SOURCE_NOTE,
  });
  if (formats.has("parquet")) {
    const path = `${base}.parquet`;
    jobs.push({
      step: "parquet",
      table: spec.name,
      outputs: [path],
      run: (c) => c.run(`COPY (${select}) TO ${literal(path)} (FORMAT parquet, COMPRESSION zstd, ${meta})`).then(() => {}),
    });
  }
  if (formats.has("csv")) {
    const path = `${base}.csv`;
    jobs.push({
      step: "csv",
      table: spec.name,
      outputs: [path],
      run: (c) => c.run(`COPY (${select}) TO ${literal(path)} (FORMAT csv, HEADER true)`).then(() => {}),
    });
  }
  if (formats.has("arrow") || formats.has("arrows")) {
    const streamOnly = !formats.has("arrow");
    const job: WriteJob = {
      step: "arrow",
      table: spec.name,
      outputs: [],
      // a spooled table's rows straight from its blocks (write/csv-arrow.ts), not read back through DuckDB's values
      fromSpool: files !== null,
      run: async (c) => {
        job.outputs = await writeArrowFiles(base, spec, files ? spoolBatches(spec, files) : columnBatches(c, select, spec.columns.length), { streamOnly });
      },
    };
    jobs.push(job);
  }
  // partitioned by province and year, the document's where the table has none of its own (panel rows keep
  // the year they are about); tables without documents (classifications, entities) are not partitioned
  const missing = PARTITION.filter((p) => !spec.columns.some((c) => c.name === p));
  const hasDoc = spec.columns.some((c) => c.name === "doc_id");
  if (formats.has("partitioned") && (missing.length === 0 || hasDoc)) {
    const partitioned = `SELECT ${columnList(spec)}${missing.map((p) => `, _${p} AS ${p}`).join("")} FROM ${quote(spec.name)}`;
    const dir = join(outDir, "partitioned", spec.name);
    jobs.push({
      step: "partitioned",
      table: spec.name,
      outputs: [dir],
      run: async (c) => {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(join(outDir, "partitioned"), { recursive: true });
        await c.run(`COPY (${partitioned}) TO ${literal(dir)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (${PARTITION.join(", ")}), ${meta})`);
      },
    });
  }
  return jobs;
}

/** A spooled table staged from its blocks joined in one file (spool.tableFile); empty when it has none. */
async function loadTable(conn: DuckDBConnection, spec: TableSpecOut, file: string | null): Promise<void> {
  if (file === null) return createTable(conn, spec);
  const columns = stageColumns(spec)
    .map((col) => `${literal(col.name)}: ${literal(SQL_TYPES[col.type])}`)
    .join(", ");
  // exactly the dialect of write/row-csv.ts: nothing sniffed, "" an empty string, an empty field null
  const dialect =
    "header = false, auto_detect = false, delim = ',', quote = '\"', escape = '\"', new_line = '\\n', allow_quoted_nulls = false, max_line_size = 33554432, buffer_size = 33554432";
  await conn.run(`CREATE TABLE ${quote(spec.name)} AS SELECT * FROM read_csv(${literal(file)}, compression = 'gzip', ${dialect}, columns = {${columns}})`);
}

/**
 * The batch tables, staged once the line items are: classifications (from the staged line items), entities over
 * every kept document (it sets their entity_id) and the panel; then the documents, every position's.
 */
async function stageBatchTables(conn: DuckDBConnection, spool: Spool, byName: ReadonlyMap<string, TableSpecOut>): Promise<void> {
  const classifications = byName.get("classifications")!;
  await createTable(conn, classifications);
  const codes = classificationsFromCounts(await nameCountsSql(conn));
  await appendRows(conn, classifications, codes, () => undefined);
  const docs = [...spool.documents].sort((a, b) => a[0] - b[0]);
  const kept = docs.filter(([doc]) => !spool.dropped.has(doc)).map(([, row]) => row);
  const keptPanel = docs.filter(([doc]) => !spool.dropped.has(doc)).map(([doc]) => spool.panel.get(doc)!);
  const figures = new Map(kept.map((d, i) => [d, keptPanel[i].figures]));
  const { entities, panel } = panelOfFigures(
    kept,
    spool.renames,
    keptPanel.flatMap((p) => p.departments),
    (d) => figures.get(d) ?? [],
    codes,
  );
  const byDocId = new Map(kept.map((d) => [d.doc_id, d]));
  const documentOf = (row: object) => byDocId.get((row as { doc_id?: string }).doc_id ?? "");
  for (const [name, rows] of [
    ["entities", entities],
    ["panel", panel],
  ] as const) {
    await createTable(conn, byName.get(name)!);
    await appendRows(conn, byName.get(name)!, rows, documentOf);
  }
  const documents = byName.get("documents")!;
  await createTable(conn, documents);
  await appendRows(
    conn,
    documents,
    docs.map(([, row]) => row),
    (row) => row as DocumentRow,
  );
}

export async function writeCorpus(outDir: string, spool: Spool, options: CorpusWriteOptions = {}): Promise<string[]> {
  // Spilling to the spool folder past its memory limit: memory stays bounded whatever the corpus. Every
  // partition's file open at once (province × year: 162 at 10,000 documents; past the limit DuckDB closes them
  // and starts data_1.parquet, data_2…, each a writer and row groups of its own).
  const instance = await DuckDBInstance.create(":memory:", {
    threads: "1",
    memory_limit: "512MB",
    temp_directory: join(spool.dir, "duckdb.tmp"),
    partitioned_write_max_open_files: String(MAX_PARTITIONS),
  });
  const formats = new Set(options.formats ?? DEFAULT_FORMATS);
  // The stage: a database file, corpus.duckdb itself when it is asked for (the previous one removed, as every
  // output is rewritten; under a temporary name until it is whole), otherwise one in the spool folder, removed at
  // the end. A table loaded into a file is compressed into it as it is appended, so memory holds no more than
  // DuckDB's buffers.
  const db = join(outDir, "corpus.duckdb");
  const keep = formats.has("duckdb");
  const stageFile = keep ? `${db}.tmp` : join(spool.dir, "stage.duckdb");
  const written: string[] = [];
  const since = performance.now();
  const cpuSince = process.cpuUsage();
  const versions: Record<string, string> = options.versions ? { parser_version: options.versions.parser, data_version: options.versions.data } : {};
  const byName = new Map(OUTPUT_TABLES.map((t) => [t.name, t]));
  // each spooled table's blocks in position order, gathered once (its Arrow job, its size and its load read them)
  const blocksOf = new Map<string, BlockRef[]>(SPOOLED_TABLES.map((name) => [name, spool.tableBlocks(name)]));
  const jobs: WriteJob[] = [];
  for (const spec of OUTPUT_TABLES) jobs.push(...tableJobs(spec, outDir, formats, versions, blocksOf.get(spec.name) ?? null));
  // each step's wall time summed over its jobs (several run at once)
  const spans: Record<string, number> = {};
  const timed = async (step: string, run: () => Promise<void>) => {
    const t = performance.now();
    await run();
    spans[step] = (spans[step] ?? 0) + Math.round(performance.now() - t);
  };
  const lanes: DuckDBConnection[] = [];
  let early: Promise<void> = Promise.resolve();
  try {
    for (const path of [...(keep ? [db] : []), stageFile, `${stageFile}.wal`]) rmSync(path, { force: true });
    const setup = await instance.connect();
    await setup.run(`ATTACH ${literal(stageFile)} AS ${STAGE}`);
    setup.closeSync();
    for (let i = 0; i < Math.max(1, options.lanes ?? LANES); i++) {
      lanes.push(await instance.connect());
      await lanes[i].run(`USE ${STAGE}`);
    }
    const conn = lanes[0];
    // The jobs that read the spool itself start now, one after the other in this thread, while DuckDB loads on its own.
    early = (async () => {
      for (const job of jobs) if (job.fromSpool) await timed(job.step, () => job.run(conn));
    })();
    // Every query on one thread (the same bytes every time), several at once on connections of their own (LANES),
    // each starting as soon as what it reads is staged:
    //   load         a spooled table's blocks in position order (dropped duplicates left out), by one thread: a
    //                table appended by one thread is laid out in full row groups whatever the memory, so the files
    //                written from it get the same row groups (a parallel load's layout shifted with memory pressure)
    //   batch        classifications (from the line items), entities and panel, and the documents
    //   the formats  each table in each format asked for, in its staged order; the partitioned writes one at a time
    //                (each holds a buffer per open partition file: two at once pass the memory limit at 10,000
    //                documents), first in the list, since they are the longest chain
    const bytes = new Map([...blocksOf].map(([name, blocks]) => [name, blocks.reduce((n, b) => n + b.length, 0)]));
    const bySize = <T extends { table: string }>(list: T[]) =>
      list.sort(
        (a, b) =>
          (bytes.get(b.table) ?? -1) - (bytes.get(a.table) ?? -1) ||
          OUTPUT_TABLES.findIndex((t) => t.name === a.table) - OUTPUT_TABLES.findIndex((t) => t.name === b.table),
      );
    const loads: LaneJob<DuckDBConnection>[] = bySize(SPOOLED_TABLES.map((table) => ({ table }))).map(({ table }) => ({
      name: `load ${table}`,
      run: (c) => timed("load", () => loadTable(c, byName.get(table)!, spool.tableFile(table, blocksOf.get(table)!))),
    }));
    const batch: LaneJob<DuckDBConnection> = {
      name: "batch",
      after: ["load line_items"],
      run: (c) => timed("batch", () => stageBatchTables(c, spool, byName)),
    };
    const writes = bySize(jobs.filter((job) => !job.fromSpool).map((job) => ({ job, table: job.table })));
    const formatJobs = (partitioned: boolean): LaneJob<DuckDBConnection>[] =>
      writes
        .filter(({ job }) => (job.step === "partitioned") === partitioned)
        .map(({ job, table }) => ({
          name: `${job.step} ${table}`,
          after: [blocksOf.has(table) ? `load ${table}` : "batch"],
          exclusive: partitioned ? "partitioned" : undefined,
          run: (c) => timed(job.step, () => job.run(c)),
        }));
    // both to their end (no job still writing when this returns), then the first failure
    const ends = await Promise.allSettled([runOnLanes(lanes, [...formatJobs(true), ...loads, batch, ...formatJobs(false)]), early]);
    for (const end of ends) if (end.status === "rejected") throw end.reason;
    // every file in the same order whichever lane wrote it: table by table, the database last
    for (const job of jobs) written.push(...job.outputs);
    if (keep) {
      // the stage becomes corpus.duckdb: the outputs' columns alone, then whole under its own name (this
      // connection alone open on it, so DETACH closes the file)
      for (const c of lanes.splice(1)) c.closeSync();
      await timed("duckdb", async () => {
        for (const spec of OUTPUT_TABLES) for (const c of STAGE_COLUMNS) await conn.run(`ALTER TABLE ${quote(spec.name)} DROP COLUMN ${quote(c.name)}`);
        await conn.run(`CHECKPOINT ${STAGE}`);
        await conn.run("USE memory");
        await conn.run(`DETACH ${STAGE}`);
        renameSync(stageFile, db);
      });
      written.push(db);
    }
    if (options.timings) {
      const cpu = process.cpuUsage(cpuSince);
      options.timings.write = Math.round(performance.now() - since);
      options.timings["write cpu"] = Math.round((cpu.user + cpu.system) / 1000);
      // each step's wall time summed over its jobs (they run at once: the CPU is the whole step's above)
      for (const [step, ms] of Object.entries(spans)) options.timings[`write: ${step}`] = ms;
    }
    const pkg = join(outDir, "datapackage.json");
    writeFileSync(pkg, `${JSON.stringify(dataPackage(OUTPUT_TABLES, "parquet", options.versions), null, 2)}\n`);
    written.push(pkg);
  } finally {
    await early.catch(() => {}); // (after a failure elsewhere) no file is left half-written behind the caller's back
    for (const c of lanes) c.closeSync();
    instance.closeSync();
    for (const path of [stageFile, `${stageFile}.wal`]) rmSync(path, { force: true }); // the spool's, or after a failure
  }
  return written;
}
