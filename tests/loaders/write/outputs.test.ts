// A sample's tables written to a folder (write/outputs.ts → write/corpus.ts) and read back:
// the Arrow file with apache-arrow, the Parquet file with DuckDB; the same rows give the same bytes.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { tableFromIPC } from "apache-arrow";
import { beforeAll, describe, expect, it } from "vitest";
import { extractFiles, type Extraction } from "../../../loaders/extract.ts";
import { writeOutputs } from "../../../loaders/write/outputs.ts";
import { DOCS, SAMPLE } from "../helpers.ts";

let extraction: Extraction;
let dir: string;
let written: string[];

beforeAll(async () => {
  extraction = extractFiles([SAMPLE.guizhou2022], { root: DOCS });
  dir = mkdtempSync(join(tmpdir(), "outputs-"));
  written = await writeOutputs(dir, extraction);
}, 60_000);

describe("write/outputs.ts on 004 (贵州省医疗保障局 2022 决算)", () => {
  it("writes every table as Parquet, Arrow file and Arrow stream, and datapackage.json", () => {
    const names = written.map((f) => f.slice(dir.length + 1));
    for (const table of ["documents", "tables", "line_items", "narrative_facts", "checks", "residue"])
      expect(names.filter((n) => n.startsWith(`${table}.`)).sort(), table).toEqual([`${table}.arrow`, `${table}.arrows`, `${table}.parquet`]);
    expect(names).toContain("datapackage.json");
  });

  it("line_items.arrow reads back with every row, and 公开01表 line 87's 一般公共预算财政拨款收入 is 5634.18 万元", () => {
    const table = tableFromIPC(readFileSync(join(dir, "line_items.arrow")));
    expect(table.numRows).toBe(extraction.line_items.length);
    expect(table.numRows).toBe(502);
    const rows = table.toArray().map((r) => r.toJSON() as Record<string, unknown>);
    const income = rows.find((r) => r.source_line === 87 && r.measure === "general_public_budget");
    expect(income).toMatchObject({ table_id: "公开01表", row_label: "一、一般公共预算财政拨款收入", value: 5634.18, unit: "万元", amount_wan: 5634.18 });
    expect(table.schema.fields.find((f) => f.name === "value")?.type.toString()).toBe("Float64");
    expect(table.schema.fields.find((f) => f.name === "source_line")?.type.toString()).toBe("Int32");
  });

  it("line_items.parquet holds the same rows (DuckDB reads it)", async () => {
    const db = await DuckDBInstance.create(":memory:");
    const conn = await db.connect();
    const reader = await conn.runAndReadAll(
      `SELECT count(*)::INTEGER AS n, round(sum(value), 2)::DOUBLE AS total, max(value) FILTER (WHERE source_line = 144 AND measure = 'total')::DOUBLE AS spent FROM '${join(dir, "line_items.parquet")}'`,
    );
    const [row] = reader.getRowObjects();
    const sum = Math.round(extraction.line_items.reduce((s, i) => s + (i.value ?? 0), 0) * 100) / 100;
    expect(row).toEqual({ n: 502, total: sum, spent: 8303.37 });
    conn.closeSync();
  });

  it("the same rows written again give byte-identical files", async () => {
    const again = mkdtempSync(join(tmpdir(), "outputs-"));
    await writeOutputs(again, extraction);
    for (const name of ["line_items.parquet", "line_items.arrow", "checks.arrows", "documents.parquet", "datapackage.json"])
      expect(readFileSync(join(again, name)).equals(readFileSync(join(dir, name))), name).toBe(true);
  }, 60_000);
});
