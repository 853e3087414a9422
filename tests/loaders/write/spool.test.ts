// The spool (write/spool.ts, write/row-csv.ts → write/corpus.ts): every string survives the CSV round trip as
// it was (quotes, commas, line breaks, empty vs null, words DuckDB could take for null), numbers keep their
// exact double, and a block carries its document's province and year wherever it is read.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { extractFiles } from "../../../loaders/extract.ts";
import type { ResidueRow } from "../../../loaders/schema/types.ts";
import { writeOutputs } from "../../../loaders/write/outputs.ts";
import { linePrefix } from "../../../loaders/write/row-csv.ts";
import { rowBlocks, SPOOLED_TABLES } from "../../../loaders/write/spool.ts";
import { DOCS, SAMPLE } from "../helpers.ts";

const TRICKY = ['say "hi", twice', "line\nbreak", "crlf\r\nend", "", "NULL", "\\N", " lead and trail ", '"', ",", "合  计\t１２３", "\u3000全角空格"];

describe("the spool", () => {
  it("writes back every string and number exactly as given", async () => {
    const extraction = extractFiles([SAMPLE.guizhou2022], { root: DOCS });
    const residue: ResidueRow[] = TRICKY.map((source_text, i) => ({ ...extraction.residue[0], source_line: i + 1, source_text, reason: i % 2 ? null : "reason, with \"quotes\"" }) as unknown as ResidueRow);
    const items = extraction.line_items.slice(0, 3).map((r, i) => ({ ...r, value: [0.1 + 0.2, -0, 1e21][i], amount_wan: [123456789.123456, Number.NaN, 5e-324][i] }));
    const dir = mkdtempSync(join(tmpdir(), "spool-"));
    await writeOutputs(dir, { ...extraction, residue, line_items: items }, { formats: ["parquet"] });
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    const read = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
    expect((await read(`SELECT source_text, reason FROM '${dir}/residue.parquet'`)).map((r) => [r.source_text, r.reason])).toEqual(residue.map((r) => [r.source_text, r.reason]));
    expect((await read(`SELECT value, amount_wan FROM '${dir}/line_items.parquet'`)).map((r) => [r.value, r.amount_wan])).toEqual([
      [0.30000000000000004, 123456789.123456],
      [0, null],
      [1e21, 5e-324],
    ]);
    conn.closeSync();
    instance.closeSync();
  }, 60_000);

  it("stamps every line of a block with the document's province and year", () => {
    const extraction = extractFiles([SAMPLE.guizhou2022], { root: DOCS });
    const { province, year } = extraction.documents[0];
    const blocks = rowBlocks(extraction, linePrefix(province, year));
    const lines = gunzipSync(blocks[SPOOLED_TABLES.indexOf("line_items")]).toString("utf8").trimEnd().split("\n");
    expect(lines.length).toBe(502);
    expect(lines.every((l) => l.startsWith('"贵州省",2022,'))).toBe(true);
  });
});
