// The data version (loaders/site/version.ts): a hash of the documents' bytes and the
// parser version, stamped into datapackage.json and every Parquet file's metadata.
import {copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {unzipSync} from "fflate";
import {expect, test} from "vitest";
import {corpusArchive} from "../../../loaders/site/archive.ts";
import {dataVersion, PARSER_VERSION} from "../../../loaders/site/version.ts";
import {DOCS} from "../helpers.ts";

test("same bytes, same version; a changed byte, a renamed file, another parser version", () => {
  const version = dataVersion([DOCS]);
  expect(version).toMatch(/^[0-9a-f]{12}$/);
  expect(dataVersion([DOCS])).toBe(version);
  expect(dataVersion([DOCS], "0.0.0-other")).not.toBe(version);
  const copy = mkdtempSync(join(tmpdir(), "version-"));
  const names = readdirSync(DOCS).filter((n) => /\.(txt|md|tsv)$/.test(n));
  names.forEach((name, i) => copyFileSync(join(DOCS, name), join(copy, `renamed-${i}.txt`)));
  expect(dataVersion([copy])).toBe(version);
  writeFileSync(join(copy, "renamed-0.txt"), Buffer.concat([readFileSync(join(copy, "renamed-0.txt")), Buffer.from("\n")]));
  expect(dataVersion([copy])).not.toBe(version);
});

test("the archive's datapackage.json and every Parquet file carry the version", async () => {
  const version = dataVersion([DOCS]);
  const files = unzipSync(await corpusArchive(DOCS));
  const pkg = JSON.parse(new TextDecoder().decode(files["datapackage.json"]));
  expect(pkg.version).toBe(version);
  expect(pkg["x-parser-version"]).toBe(PARSER_VERSION);
  const dir = mkdtempSync(join(tmpdir(), "version-parquet-"));
  writeFileSync(join(dir, "line_items.parquet"), files["line_items.parquet"]);
  const conn = await (await DuckDBInstance.create(":memory:")).connect();
  const reader = await conn.runAndReadAll(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${join(dir, "line_items.parquet")}') ORDER BY key`);
  expect(reader.getRowObjectsJS()).toEqual([
    {key: "data_version", value: version},
    {key: "parser_version", value: PARSER_VERSION}
  ]);
  conn.closeSync();
}, 120_000);
