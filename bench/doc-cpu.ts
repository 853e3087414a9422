/**
 * Benchmark (not a test): CPU per document of a worker's whole job on the
 * synthetic corpus (bench/synthetic.ts), in one process, warmed up: extraction
 * (extractBytes) and the spool's row blocks (write/spool.ts rowBlocks), as
 * batch/document-result.ts runs them; then the whole job as a worker does it
 * (documentResult into an empty cache folder: reading, hashing, extracting,
 * spooling, the cache entry's files; and its result cloned as postMessage
 * does), what the batch costs per document; the first round warms V8 and is not
 * counted; prints the minimum and median round (CPU time: process.cpuUsage).
 *   npx tsx bench/doc-cpu.ts [documents=40] [rounds=5] [dir=/tmp/doc-cpu-<documents>]
 */
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {documentResult} from "../loaders/batch/document-result.ts";
import {extractBytes} from "../loaders/extract.ts";
import {linePrefix} from "../loaders/write/row-csv.ts";
import {rowBlocks, type SpooledTable} from "../loaders/write/spool.ts";
import {generate} from "./synthetic.ts";

const [count = 40, rounds = 5] = process.argv.slice(2, 4).map(Number);
const dir = process.argv[4] ?? `/tmp/doc-cpu-${count}`;
if (!existsSync(dir) || readdirSync(dir).length !== count) generate(count, dir, join(import.meta.dirname, "..", "data", "documents"));
const files = readdirSync(dir)
  .sort()
  .map((f) => ({name: f, bytes: new Uint8Array(readFileSync(join(dir, f)))}));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const extractMs: number[] = [];
const spoolMs: number[] = [];
const jobMs: number[] = [];
for (let r = 0; r <= rounds; r++) {
  let e = 0;
  let s = 0;
  const cacheDir = mkdtempSync(join(tmpdir(), "doc-cpu-cache-"));
  const j0 = cpu();
  for (const f of files) structuredClone(documentResult({path: join(dir, f.name), source_file: f.name, cacheDir, spoolDir: cacheDir}));
  const job = (cpu() - j0) / files.length;
  rmSync(cacheDir, {recursive: true, force: true});
  for (const f of files) {
    const t0 = cpu();
    const d = extractBytes(f.bytes, f.name);
    const t1 = cpu();
    rowBlocks(d as unknown as Record<SpooledTable, object[]>, linePrefix(d.document.province, d.document.year));
    e += t1 - t0;
    s += cpu() - t1;
  }
  if (r > 0) {
    jobMs.push(job);
    extractMs.push(e / files.length);
    spoolMs.push(s / files.length);
  }
}
const min = (a: number[]) => Math.min(...a).toFixed(1);
const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1].toFixed(1);
console.log(
  `${files.length} documents × ${rounds} rounds, ms CPU per document: extract min ${min(extractMs)} median ${median(extractMs)}; spool min ${min(spoolMs)} median ${median(spoolMs)}; whole job min ${min(jobMs)} median ${median(jobMs)}`
);
