// The command line: arguments, help, version and errors in process (main/runCli with captured
// output), and end to end through the bin launcher: summary lines, files written, exit codes.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { runCli, type CliIO } from "../../loaders/cli.ts";
import { extractFile } from "../../loaders/extract.ts";
import { OUTPUT_TABLES } from "../../loaders/schema/outputs.ts";
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
  });

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
  });

  it("says how to call it when --out is missing", () => {
    const run = extract(SAMPLE.guizhou2022);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--out <dir> is required/);
  });

  it("rejects a bad --jobs, --shard or --format in one line, before reading anything", () => {
    for (const [flag, value, message] of [
      ["--jobs", "0", "extract: --jobs takes a whole number ≥ 1, not 0"],
      ["--shard", "3/2", "extract: --shard takes k/n with 1 ≤ k ≤ n, not 3/2"],
      ["--format", "xml", "extract: unknown --format xml (one of parquet, arrow, arrows, csv, partitioned, duckdb)"],
    ]) {
      const run = extract(SAMPLE.guizhou2022, "--out=/tmp/never-written", flag, value);
      expect(run.status, flag).toBe(2);
      expect(run.stderr.split("\n")[0]).toBe(message);
    }
  });

  it("writes the formats asked for, from the cache on a rerun", async () => {
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
    // corpus.duckdb was the stage: under its own name alone (no temporary name or WAL left), every table with the
    // output's columns only (the stage's partition columns dropped) and the Parquet file's rows in their order
    expect(readdirSync(out).filter((f) => f.startsWith("corpus.duckdb"))).toEqual(["corpus.duckdb"]);
    const instance = await DuckDBInstance.create(join(out, "corpus.duckdb"), { access_mode: "READ_ONLY" });
    const conn = await instance.connect();
    const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
    try {
      for (const spec of OUTPUT_TABLES) {
        const columns = await rows(
          `SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = '${spec.name}' ORDER BY column_index`,
        );
        expect(
          columns.map((c) => c.column_name),
          spec.name,
        ).toEqual(spec.columns.map((c) => c.name));
      }
      const parquet = `read_parquet('${join(out, "line_items.parquet")}')`;
      const numbered = (from: string) => `SELECT row_number() OVER () AS n, * FROM ${from}`;
      expect(await rows(`SELECT (SELECT count(*) FROM line_items)::INTEGER AS db, (SELECT count(*) FROM ${parquet})::INTEGER AS parquet`)).toEqual([{ db: 502, parquet: 502 }]);
      for (const [a, b] of [
        ["line_items", parquet],
        [parquet, "line_items"],
      ])
        expect(await rows(`SELECT count(*)::INTEGER AS n FROM (${numbered(a)} EXCEPT ${numbered(b)})`)).toEqual([{ n: 0 }]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });
});

/** runCli with standard output and error captured. */
async function cli(args: string[], errIsTTY = false) {
  let out = "";
  let err = "";
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTTY };
  const status = await runCli(args, io);
  return { status, out, err };
}

const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

describe("arguments, help and errors", () => {
  it("--help lists every command on standard output and exits 0", async () => {
    const run = await cli(["--help"]);
    expect(run.status).toBe(0);
    expect(run.err).toBe("");
    for (const command of ["extract", "audit", "coverage", "panel"]) expect(run.out).toContain(`budget-notebooks ${command} <file`);
    expect(run.out).toContain("Exit codes: 0 done; 1 a file could not be read");
    expect((await cli(["extract", "--help"])).out).toMatch(/^usage: budget-notebooks extract <file-or-folder>\.\.\. --out <dir>/);
  });

  it("--version prints the package and parser versions and exits 0", async () => {
    const run = await cli(["--version"]);
    expect(run.status).toBe(0);
    expect(run.out).toMatch(new RegExp(`^budget-notebooks ${VERSION.replace(/\./g, "\\.")} \\(parser ${VERSION.replace(/\./g, "\\.")}\\+[0-9a-f]{12}\\)\n$`));
  });

  it("usage errors are one line on standard error, exit 2, and read nothing", async () => {
    const missing = join(tmpdir(), "no-such-budget-document.txt");
    for (const [args, line] of [
      [["extract", SAMPLE.guizhou2022, "--out", "/tmp/x", "--bogus"], "extract: Unknown option '--bogus'; see budget-notebooks extract --help"],
      [["extract", SAMPLE.guizhou2022, "--out"], "extract: Option '--out <value>' argument missing; see budget-notebooks extract --help"],
      [["extract", missing, "--out=/tmp/x"], `extract: no such file or folder: ${missing}`],
      [["extract", "--out=/tmp/x"], "extract: no input files"],
      [["audit"], "audit: no input files"],
      [["audit", missing], `audit: no such file or folder: ${missing}`],
      [["coverage", "-x", SAMPLE.guizhou2022], "coverage: Unknown option '-x'; see budget-notebooks coverage --help"],
      [["frob"], 'budget-notebooks: unknown command "frob" (one of extract, audit, coverage, panel); see budget-notebooks --help'],
      [[], "budget-notebooks: a command is needed (extract, audit, coverage, panel); see budget-notebooks --help"],
    ] as Array<[string[], string]>) {
      const run = await cli(args);
      expect([run.status, run.out, run.err], args.join(" ")).toEqual([2, "", `${line}\n`]);
    }
  });

  it("audit: the report of a readable document on standard output; an unreadable file named on standard error, exit 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-audit-"));
    writeFileSync(join(dir, "binary.txt"), new Uint8Array([0, 1, 2, 3, 0, 0]));
    const run = await cli(["audit", join(dir, "binary.txt"), SAMPLE.guizhou2022]);
    expect(run.status).toBe(1);
    expect(run.err).toBe(`${join(dir, "binary.txt")}: binary content (NUL or control bytes), not a text document\n1 file(s) could not be read\n`);
    // the counts are the pipeline's (the documents row; its exact figures are guarded by tests/output/)
    const doc = extractFile(SAMPLE.guizhou2022).document;
    const findings = `${doc.checks_error + doc.checks_warning + doc.checks_info} findings: ${doc.checks_error} errors, ${doc.checks_warning} warnings, ${doc.checks_info} info`;
    expect(run.out).toMatch(/^审计报告 \/ audit report: \S+004_3cd6b194bc39a314\.txt \(贵州省医疗保障局（本级） 2022 final 本级\) doc_id=dcf8d1ae580c8\n/);
    expect(run.out.split("\n")[1]).toBe(findings);
    expect(doc.checks_info).toBeGreaterThan(0);
    expect(run.out).toMatch(/^== 每条规则的检查次数 \/ checks performed per rule ==$/m);
    expect((await cli(["audit", SAMPLE.guizhou2022])).status).toBe(0);
  });
});

describe("progress", () => {
  it("goes to standard error (a bar when it is a terminal), results to standard output", async () => {
    const out = mkdtempSync(join(tmpdir(), "cli-progress-"));
    const run = await cli(["extract", SAMPLE.guizhou2022, "--out", out, "--jobs", "1", "--no-cache"], true);
    expect(run.status).toBe(0);
    expect(run.err).toBe(`\r[${"#".repeat(30)}] 1/1\r\x1b[K`);
    expect(run.out).toMatch(/^ok +\S+004_3cd6b194bc39a314\.txt .* numbers=502 /);
    expect(run.out).not.toContain("\r");
  });
});

describe("the bin launcher", () => {
  const bin = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "bin", "budget-notebooks.js"), ...args], { cwd: ROOT, encoding: "utf8" });

  it("is the package's bin, so npx budget-notebooks runs it", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ "budget-notebooks": "bin/budget-notebooks.js" });
    const run = spawnSync("npx", ["--no-install", "budget-notebooks", "--version"], { cwd: ROOT, encoding: "utf8" });
    expect([run.status, run.stdout]).toEqual([0, expect.stringMatching(/^budget-notebooks \d+\.\d+\.\d+ \(parser /)]);
  });

  it("--out=dir works; results on standard output, nothing else; usage errors exit 2 without a stack trace", () => {
    const out = mkdtempSync(join(tmpdir(), "cli-bin-"));
    const run = bin("extract", SAMPLE.guizhou2022, `--out=${out}`, "--jobs", "1", "--no-cache");
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(/^ok +\S+004_3cd6b194bc39a314\.txt +贵州省医疗保障局（本级） 2022 final 本级 +tables=9 numbers=502 /);
    expect(run.stdout).toMatch(/^1 documents \(0 from cache\), 502 numbers, /m);
    expect(run.stderr).toBe(""); // not a terminal: no progress bar
    expect(readFileSync(join(out, "line_items.parquet")).subarray(0, 4).toString()).toBe("PAR1");
    const bad = bin("extract", "--out", out, "--frob");
    expect([bad.status, bad.stdout, bad.stderr]).toEqual([2, "", "extract: Unknown option '--frob'; see budget-notebooks extract --help\n"]);
  });
});
