/**
 * Benchmark (not a test): extraction throughput over the sample corpus
 * repeated many times. Prints MB/s, documents/s and peak memory.
 *   npm run bench:extract -- [repeats=40]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractBytes } from "../loaders/extract.ts";
import { listInputs } from "../loaders/extract.ts";

const repeats = Number(process.argv[2] ?? 40);
const files = listInputs([join(import.meta.dirname, "..", "data", "documents")]);
const corpus = files.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(f)) }));
const corpusBytes = corpus.reduce((n, d) => n + d.bytes.length, 0);

let peakRss = process.memoryUsage().rss;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const timer = setInterval(sample, 5);

// warm-up
for (const d of corpus) extractBytes(d.bytes, d.name);

const perDoc = new Map<string, number>();
let numbers = 0;
const t0 = performance.now();
for (let r = 0; r < repeats; r++) {
  for (const d of corpus) {
    const s = performance.now();
    const out = extractBytes(d.bytes, d.name);
    perDoc.set(d.name, (perDoc.get(d.name) ?? 0) + performance.now() - s);
    numbers += out.line_items.length;
    sample();
  }
}
const seconds = (performance.now() - t0) / 1000;
clearInterval(timer);

const docs = repeats * corpus.length;
const mb = (repeats * corpusBytes) / 1e6;
console.log(`corpus: ${corpus.length} documents, ${(corpusBytes / 1e6).toFixed(3)} MB, repeated ${repeats}×`);
console.log(`time:   ${seconds.toFixed(2)} s`);
console.log(`speed:  ${(mb / seconds).toFixed(2)} MB/s, ${(docs / seconds).toFixed(1)} documents/s, ${Math.round(numbers / seconds)} numbers/s`);
console.log(`memory: peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB, heap used now ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
for (const [name, ms] of perDoc) console.log(`  ${name.split("/").pop()}: ${(ms / repeats).toFixed(1)} ms/document`);
