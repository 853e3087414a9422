/**
 * Benchmark (not a test): time per pipeline stage per document, warmed up.
 *   npx tsx bench/stages.ts [repeats=5]
 */
import { join } from "node:path";
import { readMetadata } from "../loaders/document/metadata.ts";
import { listInputs } from "../loaders/extract.ts";
import { readDocument } from "../loaders/ingest/read.ts";
import { extractPerformance } from "../loaders/performance/index.ts";
import { extractNarrative } from "../loaders/prose/index.ts";
import { findTables } from "../loaders/segment/tables.ts";
import { extractTables } from "../loaders/tables/extract.ts";

const repeats = Number(process.argv[2] ?? 5);
const files = listInputs([join(import.meta.dirname, "..", "data", "documents")]);
const totals = new Map<string, number>();
const time = <T>(label: string, f: () => T): T => {
  const s = performance.now();
  const r = f();
  totals.set(label, (totals.get(label) ?? 0) + performance.now() - s);
  return r;
};
for (let r = 0; r <= repeats; r++) {
  if (r === 1) totals.clear(); // the first round warms up
  for (const f of files) {
    const name = f.split("/").pop()!.slice(0, 3);
    const d = time(`${name} read`, () => readDocument(f));
    const secs = time(`${name} segment`, () => findTables(d, "万元"));
    const m = time(`${name} metadata`, () => readMetadata(d.lines, secs));
    time(`${name} tables`, () => extractTables(d, secs));
    const ctx = { amount_unit: m.amount_unit, year: m.year };
    time(`${name} prose`, () => extractNarrative(d, ctx));
    time(`${name} performance`, () => extractPerformance(d, ctx));
  }
}
for (const [label, ms] of totals) console.log(label.padEnd(18), (ms / repeats).toFixed(1), "ms");
