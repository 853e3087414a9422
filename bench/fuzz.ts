/**
 * Benchmark (not a test): a seeded fuzz campaign over the samples (the
 * mutations of tests/loaders/mutations.ts: flipped bits, truncation,
 * garbled numbers, special characters, long lines, repeated headers,
 * concatenations, stray marks, NULs, GBK / UTF-16 re-encodings). Prints
 * exceptions, output problems (non-finite or implausible numbers, error rows
 * not naming the file), and the slowest cases relative to their unmutated
 * sample, with their mutation.
 *   npm run bench:fuzz -- [cases=2000] [seed=1]
 */
import { extractBytes } from "../loaders/extract.ts";
import { cases, loadSamples, outputProblems } from "../tests/loaders/mutations.ts";

const count = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 1);
const samples = loadSamples();

const time = (f: () => void): number => {
  const s = performance.now();
  f();
  return performance.now() - s;
};

// the unmutated time of each sample: the best of three, after a warm-up
const base = new Map<string, number>();
for (const s of samples) extractBytes(s.bytes, s.name);
for (const s of samples) base.set(s.name, Math.min(...[0, 1, 2].map(() => time(() => extractBytes(s.bytes, s.name)))));

interface Run {
  id: string;
  mutation: string;
  bytes: number;
  ms: number;
  ratio: number;
  status: string;
}
const runs: Run[] = [];
const failures: string[] = [];
const statuses = new Map<string, number>();
const started = performance.now();
for (const c of cases(samples, count, seed)) {
  let status = "exception";
  const ms = time(() => {
    try {
      const d = extractBytes(c.bytes, c.sample);
      status = d.document.status;
      for (const p of outputProblems(d)) failures.push(`${c.id} (${c.mutation}): ${p}`);
    } catch (err) {
      failures.push(`${c.id} (${c.mutation}): exception ${(err as Error).stack?.split("\n").slice(0, 3).join(" ")}`);
    }
  });
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  runs.push({ id: c.id, mutation: c.mutation, bytes: c.bytes.length, ms, ratio: ms / base.get(c.sample)!, status });
}
const seconds = (performance.now() - started) / 1000;

console.log(`${count} cases, seed ${seed}: ${seconds.toFixed(1)} s (${((1000 * seconds) / count).toFixed(1)} ms/case)`);
console.log(`unmutated: ${[...base].map(([n, ms]) => `${n.slice(0, 3)} ${ms.toFixed(0)} ms`).join(", ")}`);
console.log(`statuses: ${[...statuses].map(([s, n]) => `${s} ${n}`).join(", ")}`);
console.log(`failures: ${failures.length}`);
for (const f of failures.slice(0, 20)) console.log(`  ${f.slice(0, 300)}`);
console.log("slowest (time ÷ the unmutated sample's time):");
for (const r of [...runs].sort((a, b) => b.ratio - a.ratio).slice(0, 10))
  console.log(`  ${r.ratio.toFixed(1).padStart(6)}×  ${r.ms.toFixed(0).padStart(6)} ms  ${String(r.bytes).padStart(8)} B  ${r.status.padEnd(8)} ${r.id}  ${r.mutation.slice(0, 120)}`);
process.exitCode = failures.length > 0 ? 1 : 0;
