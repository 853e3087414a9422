/**
 * Benchmark (not a test): how a worker warms up. One thread does the workers'
 * whole job (batch/document-result.ts: read, extract, spool) for N distinct
 * synthetic documents (bench/synthetic.ts), with the inlining budget the pool
 * sets (batch/inlining-budget.ts; `--v8-default` leaves V8's own), and prints
 * the CPU per document of each step of documents, split between this thread
 * (JavaScript, and the garbage collector's work on it) and V8's background
 * threads (optimising compiles and concurrent GC), read from /proc/self/task
 * (Linux). The first steps cost more while V8 compiles and recompiles; a
 * 1,000-document run on two workers is two such warm-ups of 500 documents.
 *   npx tsx bench/warm-up.ts [documents=500] [step=100] [--v8-default]
 */
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {documentResult} from "../loaders/batch/document-result.ts";
import {lowerInliningBudget} from "../loaders/batch/inlining-budget.ts";
import {generate} from "./synthetic.ts";

const args = process.argv.slice(2);
const v8Default = args.includes("--v8-default");
const [count = 500, step = 100] = args.filter((a) => !a.startsWith("--")).map(Number);
if (!v8Default) lowerInliningBudget();
const dir = join(tmpdir(), `warm-up-${count}`);
if (!existsSync(dir) || readdirSync(dir).length !== count) generate(count, dir, join(import.meta.dirname, "..", "data", "documents"));
const files = readdirSync(dir).sort();
const spoolDir = mkdtempSync(join(tmpdir(), "warm-up-spool-"));

/** CPU ms of this thread and of every other thread of the process. */
function threads(): {own: number; others: number} {
  let own = 0;
  let others = 0;
  for (const t of readdirSync("/proc/self/task")) {
    const fields = readFileSync(`/proc/self/task/${t}/stat`, "utf8").split(") ")[1].split(" ");
    const ms = (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in clock ticks of 10 ms
    if (Number(t) === process.pid) own += ms;
    else others += ms;
  }
  return {own, others};
}

const steps: string[] = [];
let before = threads();
const start = before;
for (let i = 0; i < files.length; i += step) {
  const batch = files.slice(i, i + step);
  for (const f of batch) documentResult({path: join(dir, f), source_file: f, cacheDir: null, spoolDir});
  const now = threads();
  steps.push(`${((now.own - before.own) / batch.length).toFixed(0)}+${((now.others - before.others) / batch.length).toFixed(0)}`);
  before = now;
}
rmSync(spoolDir, {recursive: true, force: true});
console.log(
  `${files.length} documents, inlining budget ${v8Default ? "V8's default" : "lowered"}; ms CPU per document in steps of ${step}, this thread + V8's other threads: ${steps.join(" ")}`
);
console.log(`total: this thread ${((before.own - start.own) / 1000).toFixed(1)} s, V8's other threads ${((before.others - start.others) / 1000).toFixed(1)} s`);
