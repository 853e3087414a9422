/**
 * One batch extraction as its own process (so its peak memory is its own):
 * prints the batch's figures as one JSON line. Used by bench/corpus.ts.
 *   tsx bench/corpus-run.ts <input-dir> <out-dir> <cache-dir|-> <jobs>
 */
import { extractBatch } from "../loaders/batch/run.ts";

const [input, out, cache, jobs] = process.argv.slice(2);
const result = await extractBatch([input], out, { root: input, jobs: Number(jobs), cacheDir: cache === "-" ? null : cache, formats: ["parquet", "partitioned", "duckdb"] });
const statuses: Record<string, number> = {};
for (const d of result.documents) statuses[d.status] = (statuses[d.status] ?? 0) + 1;
console.log(JSON.stringify({ ...result.stats, statuses, peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024) }));
