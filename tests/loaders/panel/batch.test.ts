// The batch path (worker pool, spool, DuckDB writers) builds the same entities and panel
// as an in-memory extraction, and writes every document's entity_id.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { extractBatch } from "../../../loaders/batch/run.ts";
import { extractFiles, type Extraction } from "../../../loaders/extract.ts";
import { DOCS } from "../helpers.ts";

let memory: Extraction;
let out: string;
beforeAll(async () => {
  memory = extractFiles([DOCS], { root: DOCS });
  out = mkdtempSync(join(tmpdir(), "panel-batch-"));
  await extractBatch([DOCS], out, { root: DOCS, jobs: 2, cacheDir: null, formats: ["parquet", "partitioned"] });
}, 120_000);

async function read(table: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll(`SELECT * FROM '${join(out, `${table}.parquet`)}'`)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe("entities and panel through the batch writers", () => {
  it("writes the in-memory entities and panel, row for row", async () => {
    expect(await read("entities")).toEqual(memory.entities);
    const panel = await read("panel");
    expect(panel).toHaveLength(memory.panel.length);
    expect(panel).toEqual(memory.panel);
  });

  it("writes each document's entity_id and GB/T 2260 codes", async () => {
    const documents = await read("documents");
    const pick = (d: Record<string, unknown>) => [d.source_file, d.entity_id, d.region_code];
    expect(documents.map(pick)).toEqual(memory.documents.map((d) => pick(d as unknown as Record<string, unknown>)));
    expect(documents.filter((d) => d.entity_id).length).toBe(5);
  });
});
