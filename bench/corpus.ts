/**
 * Benchmark (not a test): a synthetic national corpus (bench/synthetic.ts)
 * extracted cold, then rerun on the unchanged corpus into the same folder
 * (cache; the outputs are up to date and left as they are), then from the
 * cache into an empty folder (every output written again), each as its own
 * process; prints for each: wall time, CPU time (user + system of every
 * thread: workers and DuckDB's too), the load average before it (the machine
 * is shared: wall times under load are longer than the CPU times say),
 * documents/s, MB/s, peak memory, how much of it was writing the outputs,
 * and checks that no row was lost (each table's rows = the sum of the
 * per-document counts in documents).
 *   npm run bench:corpus -- [count=1000 …] [--jobs N]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { generate } from "./synthetic.ts";

const args = process.argv.slice(2);
const jobsAt = args.indexOf("--jobs");
const jobs = jobsAt >= 0 ? Number(args.splice(jobsAt, 2)[1]) : availableParallelism();
const counts = args.length ? args.map(Number) : [1000];
const root = join(tmpdir(), "budget-bench");
const SAMPLES = join(import.meta.dirname, "..", "data", "documents");

type Run = ReturnType<typeof run>;

function run(input: string, out: string, cache: string) {
  const line = execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "corpus-run.ts"), input, out, cache, String(jobs)], { encoding: "utf8", maxBuffer: 1 << 26 });
  const load = loadavg()[0];
  const stats = JSON.parse(line.trim().split("\n").pop()!) as { files: number; cached: number; ms: number; cpu_ms: number; write_ms: number; write_steps: Record<string, number>; peak_rss_mib: number; statuses: Record<string, number> };
  return { ...stats, load };
}

/** Rows written per table against the per-document counts of documents (duplicates excluded). */
async function lostRows(out: string): Promise<string> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  const pairs: Array<[string, string]> = [
    ["tables", "tables_found"], ["line_items", "numbers_extracted"], ["narrative_facts", "facts_extracted"], ["performance_projects", "projects"],
    ["performance_indicators", "indicators"], ["checks", "checks_error + checks_warning + checks_info"], ["residue", "residue_lines"],
  ];
  const parts: string[] = [];
  for (const [table, count] of pairs) {
    const [r] = (await conn.runAndReadAll(`SELECT (SELECT count(*) FROM '${out}/${table}.parquet')::BIGINT AS written, (SELECT sum(${count}) FROM '${out}/documents.parquet' WHERE doc_id NOT LIKE '%-dup%')::BIGINT AS counted`)).getRowObjectsJS() as Array<{ written: bigint; counted: bigint }>;
    parts.push(`${table} ${r.written} ${r.written === r.counted ? "=" : "≠"} ${r.counted}${r.written === r.counted ? "" : " LOST"}`);
  }
  conn.closeSync();
  instance.closeSync();
  return parts.join(", ");
}

const mb = (dir: string) => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1e6;

console.log(`jobs: ${jobs}; load average before: ${loadavg().map((l) => l.toFixed(1)).join(" ")} (wall times on a busy machine are longer than CPU times say)`);
for (const count of counts) {
  const input = join(root, `corpus-${count}`);
  if (!existsSync(input) || readdirSync(input).length !== count) {
    rmSync(input, { recursive: true, force: true });
    generate(count, input, SAMPLES);
  }
  const out = join(root, `out-${count}`);
  const cache = join(root, `cache-${count}`);
  for (const d of [out, cache]) rmSync(d, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const size = mb(input);
  const steps = (r: Run) => {
    const parts = Object.entries(r.write_steps)
      .filter(([k]) => !k.endsWith(" cpu"))
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}${`${k} cpu` in r.write_steps ? `/${(r.write_steps[`${k} cpu`] / 1000).toFixed(1)}` : ""}`);
    return parts.length ? `(${parts.join(", ")} s wall/CPU; write: <step>, the loads, the batch tables and each format, run at once on the lanes: wall summed over its jobs)` : "(the outputs were up to date: nothing written)";
  };
  const line = (what: string, r: Run) =>
    `  ${what.padEnd(6)} ${(r.ms / 1000).toFixed(1)} s wall, CPU ${(r.cpu_ms / 1000).toFixed(1)} s (load ${r.load.toFixed(1)}), ${((r.files / r.ms) * 1000).toFixed(1)} documents/s, ${((size / r.ms) * 1000).toFixed(2)} MB/s, peak ${r.peak_rss_mib} MiB, ${r.cached} from cache; writing ${(r.write_ms / 1000).toFixed(1)} s wall ${steps(r)}`;
  console.log(`${count} documents (${size.toFixed(1)} MB)`);
  // each run printed as it ends: a long run stopped half-way still leaves the figures of the runs before
  const cold = run(input, out, cache);
  console.log(`  statuses ${JSON.stringify(cold.statuses)}`);
  console.log(line("cold", cold));
  console.log(`  rows: ${await lostRows(out)}`);
  const rerun = run(input, out, cache);
  console.log(line("rerun", rerun));
  const fresh = `${out}-fresh`;
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(fresh, { recursive: true });
  const rewrite = run(input, fresh, cache);
  console.log(line("fresh", rewrite));
  if (rerun.cached !== rerun.files || rewrite.cached !== rewrite.files) console.log("  (the rerun missed the cache: was loaders/ edited during the run? Its parser version changed)");
  console.log(`  rows (fresh folder): ${await lostRows(fresh)}`);
  rmSync(fresh, { recursive: true, force: true });
}
