/**
 * Benchmark (not a test): extraction throughput over the sample corpus
 * repeated many times. Prints MB/s, documents/s and peak memory; then PDF
 * input read once: pages/s and MB/s.
 *   npm run bench:extract -- [repeats=40]
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractBytes } from "../loaders/extract.ts";
import { listInputs } from "../loaders/extract.ts";
import { linesPdf } from "../tests/fixtures/pdf.ts";

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

// PDF input beside text input: the PDFs of ../shared/corpus and ../shared/external
// when present (real layouts), else each sample's text written as a PDF. Each PDF
// is read once (pdf.js in a child process, then the same pipeline as text).
{
  const shared = join(import.meta.dirname, "..", "..", "shared");
  const real = [join(shared, "corpus"), join(shared, "external")].filter((d) => existsSync(d));
  const pdfs = real.length
    ? listInputs(real)
        .filter((f) => /\.pdf$/i.test(f))
        .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(f)) }))
    : corpus.map((d) => ({ name: `${d.name}.pdf`, bytes: linesPdf(new TextDecoder().decode(d.bytes).split("\n")) }));
  let pages = 0;
  let pdfNumbers = 0;
  const bytes = pdfs.reduce((n, d) => n + d.bytes.length, 0);
  const p0 = performance.now();
  for (const d of pdfs) {
    const out = extractBytes(d.bytes, d.name);
    pages += out.document.pages ?? 0;
    pdfNumbers += out.line_items.length;
    sample();
  }
  const s = (performance.now() - p0) / 1000;
  console.log(`\npdf:    ${pdfs.length} PDFs (${real.length ? "../shared/corpus and ../shared/external" : "the samples written as PDFs"}), ${pages} pages, ${(bytes / 1e6).toFixed(1)} MB, read once`);
  console.log(`time:   ${s.toFixed(2)} s`);
  console.log(`speed:  ${(pages / s).toFixed(1)} pages/s, ${(bytes / 1e6 / s).toFixed(2)} MB/s, ${(pdfs.length / s).toFixed(2)} documents/s, ${Math.round(pdfNumbers / s)} numbers/s`);
  console.log(`memory: peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (this process; pdf.js runs in a child process per PDF)`);
}
