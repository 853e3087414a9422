// The batch: same bytes whatever the number of workers, a cache that a rerun
// reuses and a changed file misses, shards that union to the whole, every
// row counted in documents, and outputs that Arrow and DuckDB open as they are.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { tableFromIPC } from "apache-arrow";
import { beforeAll, describe, expect, it } from "vitest";
import { extractBatch, type BatchResult } from "../../../loaders/batch/run.ts";
import { DOCS, SAMPLE } from "../helpers.ts";

const ALL = ["parquet", "arrow", "csv", "partitioned", "duckdb"] as const;
const fresh = (name: string) => mkdtempSync(join(tmpdir(), `batch-${name}-`));

/** Every output file of a folder (recursively), by relative path, as bytes (not the batch's record of what it wrote: batch/up-to-date.ts). */
function filesOf(dir: string, prefix = ""): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of filesOf(path, `${prefix}${name}/`)) out.set(k, v);
    else if (name !== "corpus.duckdb" && name !== ".extract-manifest.json") out.set(`${prefix}${name}`, readFileSync(path));
  }
  return out;
}

async function sql<T>(query: string): Promise<T[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll(query)).getRowObjectsJS() as T[];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** The samples plus a CRLF copy of 004 (a duplicate). */
function inputs(): string {
  const dir = fresh("in");
  for (const name of readdirSync(DOCS)) copyFileSync(join(DOCS, name), join(dir, name));
  writeFileSync(join(dir, "005_copy.txt"), readFileSync(SAMPLE.guizhou2022, "utf8").replace(/\n/g, "\r\n"));
  return dir;
}

describe("extractBatch", () => {
  let input: string;
  let one: { out: string; result: BatchResult };
  beforeAll(async () => {
    input = inputs();
    const out = fresh("one");
    one = { out, result: await extractBatch([input], out, { root: input, jobs: 1, cacheDir: null, formats: ALL }) };
  }, 120_000);

  it("writes byte-identical files with one worker or two", async () => {
    const out = fresh("two");
    await extractBatch([input], out, { root: input, jobs: 2, cacheDir: null, formats: ALL });
    const a = filesOf(one.out);
    const b = filesOf(out);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect(a.has("partitioned/line_items/province=%E8%B4%B5%E5%B7%9E%E7%9C%81/year=2022/data_0.parquet")).toBe(true);
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
  }, 120_000);

  it("extracts the cleaner of two copies once and reports the other", () => {
    const copy = one.result.documents.find((d) => d.source_file === "005_copy.txt")!;
    const original = one.result.documents.find((d) => d.source_file === "004_3cd6b194bc39a314.txt")!;
    expect(copy.status).toBe("partial");
    expect(copy.doc_id).toBe(`${original.doc_id}-dup5`);
    expect(copy.message).toBe("005_copy.txt: same text as 004_3cd6b194bc39a314.txt; not extracted twice");
  });

  it("writes as many rows of each table as the documents count", async () => {
    const [counts] = await sql<Record<string, number>>(`
      SELECT (SELECT count(*) FROM '${one.out}/line_items.parquet')::INT AS line_items,
             (SELECT sum(numbers_extracted) FROM '${one.out}/documents.parquet' WHERE doc_id NOT LIKE '%-dup%')::INT AS numbers,
             (SELECT count(*) FROM '${one.out}/narrative_facts.parquet')::INT AS facts,
             (SELECT sum(facts_extracted) FROM '${one.out}/documents.parquet' WHERE doc_id NOT LIKE '%-dup%')::INT AS facts_counted,
             (SELECT count(*) FROM '${one.out}/residue.parquet')::INT AS residue,
             (SELECT sum(residue_lines) FROM '${one.out}/documents.parquet' WHERE doc_id NOT LIKE '%-dup%')::INT AS residue_counted`);
    expect(counts.line_items).toBe(counts.numbers);
    expect(counts.facts).toBe(counts.facts_counted);
    expect(counts.residue).toBe(counts.residue_counted);
    expect(counts.line_items).toBeGreaterThan(1000);
  });

  it("writes Arrow IPC files that apache-arrow opens, with the printed amount on its line", () => {
    const items = tableFromIPC(readFileSync(join(one.out, "line_items.arrow")));
    const stream = tableFromIPC(readFileSync(join(one.out, "line_items.arrows")));
    expect(items.numRows).toBe(stream.numRows);
    const row = items.toArray().find((r) => r.measure === "general_public_budget" && r.source_line === 87 && r.value === 5634.18);
    expect(row?.toJSON()).toMatchObject({ row_label: expect.any(String), unit: "万元", amount_wan: 5634.18 });
  });

  it("partitions by province and year for native engines, and fills a DuckDB database", async () => {
    const rows = await sql<{ province: string; year: number; n: number }>(
      `SELECT province, year::INT AS year, count(*)::INT AS n FROM read_parquet('${one.out}/partitioned/line_items/*/*/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY province, year`,
    );
    expect(rows.find((r) => r.province === "贵州省" && r.year === 2022)?.n).toBe(one.result.documents.find((d) => d.source_file === "004_3cd6b194bc39a314.txt")!.numbers_extracted);
    const [db] = await sql<{ n: number }>(`ATTACH '${one.out}/corpus.duckdb' AS c (READ_ONLY); SELECT count(*)::INT AS n FROM c.line_items`);
    expect(db.n).toBe(rows.reduce((s, r) => s + r.n, 0));
  });

  it("says which parser and which documents made the files, in Parquet metadata and datapackage.json", async () => {
    const pkg = JSON.parse(readFileSync(join(one.out, "datapackage.json"), "utf8"));
    expect(pkg.version).toBe(one.result.stats.data_version);
    const facts = pkg.resources.find((r: { name: string }) => r.name === "narrative_facts");
    expect(facts.schema.primaryKey).toEqual(["fact_id"]);
    expect(facts.schema.foreignKeys).toEqual([{ fields: ["doc_id"], reference: { resource: "documents", fields: ["doc_id"] } }]);
    const meta = await sql<{ key: string; value: string }>(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${one.out}/documents.parquet')`);
    expect(Object.fromEntries(meta.map((m) => [m.key, m.value]))).toMatchObject({ data_version: one.result.stats.data_version, parser_version: one.result.stats.parser_version, table: "documents" });
  });

  it("has unique primary keys", async () => {
    const [dups] = await sql<Record<string, number>>(`
      SELECT (SELECT count(*) - count(DISTINCT fact_id) FROM '${one.out}/narrative_facts.parquet')::INT AS facts,
             (SELECT count(*) - count(DISTINCT project_id) FROM '${one.out}/performance_projects.parquet')::INT AS projects,
             (SELECT count(*) - count(DISTINCT check_id) FROM '${one.out}/checks.parquet')::INT AS checks,
             (SELECT count(*) - count(DISTINCT doc_id) FROM '${one.out}/documents.parquet')::INT AS documents`);
    expect(dups).toEqual({ facts: 0, projects: 0, checks: 0, documents: 0 });
  });
});

describe("the cache", () => {
  it("is reused by a rerun and missed only by the file that changed", async () => {
    const input = fresh("cache-in");
    copyFileSync(SAMPLE.leshan2021, join(input, "a.txt"));
    copyFileSync(SAMPLE.guizhou2022, join(input, "b.txt"));
    const cacheDir = fresh("cache");
    const [out1, out2, out3] = [fresh("c1"), fresh("c2"), fresh("c3")];
    const first = await extractBatch([input], out1, { root: input, jobs: 1, cacheDir });
    const second = await extractBatch([input], out2, { root: input, jobs: 1, cacheDir });
    expect([first.stats.cached, second.stats.cached]).toEqual([0, 2]);
    for (const [name, bytes] of filesOf(out1)) expect(filesOf(out2).get(name)?.equals(bytes), name).toBe(true);
    writeFileSync(join(input, "a.txt"), `${readFileSync(join(input, "a.txt"), "utf8")}\n`.replace("2021 年度", "2021年度"));
    const third = await extractBatch([input], out3, { root: input, jobs: 1, cacheDir });
    expect(third.stats).toMatchObject({ cached: 1, extracted: 1 });
  }, 120_000);
});

describe("shards", () => {
  it("union to the whole", async () => {
    const whole = await extractBatch([DOCS], fresh("whole"), { root: DOCS, jobs: 1, cacheDir: null });
    const parts = [await extractBatch([DOCS], fresh("s1"), { root: DOCS, jobs: 1, cacheDir: null, shard: { k: 1, n: 2 } }), await extractBatch([DOCS], fresh("s2"), { root: DOCS, jobs: 1, cacheDir: null, shard: { k: 2, n: 2 } })];
    expect(parts.map((p) => p.documents.length)).toEqual([3, 2]);
    const ids = (docs: { doc_id: string }[]) => docs.map((d) => d.doc_id).sort();
    expect(ids(parts.flatMap((p) => p.documents))).toEqual(ids(whole.documents));
  }, 120_000);
});

describe("an output folder that is up to date", () => {
  it("is left as it is by a rerun on the same inputs, and written again when a file is gone or an input changed", async () => {
    const input = fresh("same-in");
    copyFileSync(SAMPLE.guizhou2022, join(input, "b.txt"));
    const [cacheDir, out] = [fresh("same-cache"), fresh("same-out")];
    const run = () => extractBatch([input], out, { root: input, jobs: 1, cacheDir });
    const first = await run();
    const stamp = () => statSync(join(out, "line_items.parquet")).mtimeMs;
    const before = stamp();
    const second = await run();
    expect(second.written).toEqual(first.written);
    expect(stamp()).toBe(before);
    expect(second.documents[0].entity_id).toBe(first.documents[0].entity_id);
    expect(second.documents[0].entity_id).not.toBeNull();
    rmSync(join(out, "residue.parquet"));
    await run();
    expect(readFileSync(join(out, "residue.parquet")).length).toBeGreaterThan(0);
    copyFileSync(SAMPLE.leshan2021, join(input, "a.txt"));
    const third = await run();
    expect(third.documents).toHaveLength(2);
    const [{ n }] = await sql<{ n: number }>(`SELECT count(DISTINCT doc_id)::INT AS n FROM '${out}/narrative_facts.parquet'`);
    expect(n).toBe(2);
  }, 120_000);
});
