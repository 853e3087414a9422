// The extract command end to end: summary lines, files written, exit codes.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, SAMPLE } from "./helpers.ts";

const extract = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "loaders", "cli.ts"), "extract", ...args], { cwd: ROOT, encoding: "utf8" });

describe("npm run extract", () => {
  it("writes every table as Parquet and Arrow and prints one line per document", () => {
    const input = mkdtempSync(join(tmpdir(), "cli-in-"));
    const out = mkdtempSync(join(tmpdir(), "cli-out-"));
    copyFileSync(SAMPLE.guizhou2022, join(input, "guizhou.txt"));
    const run = extract(input, "--out", out);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ok +\S*guizhou\.txt +贵州省医疗保障局（本级） 2022 final 本级 +tables=9 numbers=502 /m);
    for (const table of ["documents", "tables", "line_items", "narrative_facts", "performance_projects", "performance_indicators", "checks", "classifications", "residue"]) {
      expect(existsSync(join(out, `${table}.parquet`)), table).toBe(true);
      expect(readFileSync(join(out, `${table}.parquet`)).subarray(0, 4).toString()).toBe("PAR1");
      expect(existsSync(join(out, `${table}.arrow`)), table).toBe(true);
    }
  }, 60_000);

  it("exits non-zero only when a file cannot be read, and still writes the others", () => {
    const input = mkdtempSync(join(tmpdir(), "cli-bad-"));
    const out = mkdtempSync(join(tmpdir(), "cli-out-"));
    copyFileSync(SAMPLE.guizhou2022, join(input, "a.txt"));
    writeFileSync(join(input, "b.txt"), new Uint8Array([0, 1, 2, 3, 0, 0]));
    const run = extract(input, "--out", out);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/b\.txt: binary content/);
    expect(run.stderr).toMatch(/1 file\(s\) could not be read/);
    expect(existsSync(join(out, "line_items.parquet"))).toBe(true);
  }, 60_000);

  it("says how to call it when --out is missing", () => {
    const run = extract(SAMPLE.guizhou2022);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--out <dir> is required/);
  }, 60_000);

  it("rejects a bad --jobs, --shard or --format in one line, before reading anything", () => {
    for (const [flag, value, message] of [
      ["--jobs", "0", "extract: --jobs takes a whole number ≥ 1, not 0"],
      ["--shard", "3/2", "extract: --shard takes k/n with 1 ≤ k ≤ n, not 3/2"],
      ["--format", "xml", "extract: unknown --format xml (one of parquet, arrow, csv, partitioned, duckdb)"],
    ]) {
      const run = extract(SAMPLE.guizhou2022, "--out=/tmp/never-written", flag, value);
      expect(run.status, flag).toBe(2);
      expect(run.stderr.split("\n")[0]).toBe(message);
    }
  }, 60_000);

  it("writes the formats asked for, from the cache on a rerun", () => {
    const input = mkdtempSync(join(tmpdir(), "cli-fmt-"));
    const out = mkdtempSync(join(tmpdir(), "cli-out-"));
    const cache = mkdtempSync(join(tmpdir(), "cli-cache-"));
    copyFileSync(SAMPLE.guizhou2022, join(input, "guizhou.txt"));
    const args = [input, `--out=${out}`, "--format", "parquet,partitioned", "--format", "duckdb", "--cache", cache, "--jobs", "1"];
    expect(extract(...args).stdout).toMatch(/^1 documents \(0 from cache\), 502 numbers, /m);
    const rerun = extract(...args);
    expect(rerun.stdout).toMatch(/^1 documents \(1 from cache\), 502 numbers, /m);
    expect(existsSync(join(out, "corpus.duckdb"))).toBe(true);
    expect(existsSync(join(out, "partitioned", "line_items", "province=%E8%B4%B5%E5%B7%9E%E7%9C%81", "year=2022", "data_0.parquet"))).toBe(true);
    expect(existsSync(join(out, "line_items.arrow"))).toBe(false);
  }, 60_000);
});
