/**
 * One batch extraction as its own process (so its peak memory is its own):
 * prints the batch's figures as one JSON line (and its progress on stderr). Used by bench/corpus.ts.
 *   tsx bench/corpus-run.ts <input-dir> <out-dir> <cache-dir|-> <jobs> [formats=parquet,partitioned,duckdb]
 */
import {extractBatch} from "../loaders/batch/run.ts";
import type {OutputFormat} from "../loaders/write/corpus.ts";

const [input, out, cache, jobs, formats = "parquet,partitioned,duckdb"] = process.argv.slice(2);
const started = performance.now();
const cpu = process.cpuUsage();
let done = 0;
// progress on stderr (the parent shows it; stdout is the figures' line): how far a long run got
const onDocument = (_: unknown, _position: number, total: number) => {
  if (++done % 500 !== 0 && done !== total) return;
  const c = process.cpuUsage(cpu);
  process.stderr.write(
    `    ${done}/${total} documents, ${((performance.now() - started) / 1000).toFixed(0)} s wall, CPU ${((c.user + c.system) / 1e6).toFixed(0)} s, peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`
  );
};
const result = await extractBatch([input], out, {
  root: input,
  jobs: Number(jobs),
  cacheDir: cache === "-" ? null : cache,
  formats: formats.split(",") as OutputFormat[],
  onDocument
});
const statuses: Record<string, number> = {};
for (const d of result.documents) statuses[d.status] = (statuses[d.status] ?? 0) + 1;
console.log(JSON.stringify({...result.stats, statuses, peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024)}));
