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
import { segmentDocument } from "../loaders/segment/index.ts";
import { readTables } from "../loaders/tables/cross-table.ts";
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
    const m = time(`${name} metadata`, () => readMetadata(d.lines));
    const seg = time(`${name} segment`, () => segmentDocument(d, m.amount_unit === "元" || m.amount_unit === "亿元" ? m.amount_unit : "万元"));
    time(`${name} tables`, () => extractTables(d, seg.sections, readTables(d, seg.sections)));
    const ctx = { amount_unit: m.amount_unit, year: m.year };
    time(`${name} prose`, () => extractNarrative(d, seg, ctx));
    time(`${name} performance`, () => extractPerformance(d, seg.performance, ctx));
  }
}
for (const [label, ms] of totals) console.log(label.padEnd(18), (ms / repeats).toFixed(1), "ms");
