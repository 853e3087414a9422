/**
 * Benchmark (not a test): CPU time per pipeline stage per document, warmed up,
 * the stages as loaders/extract.ts runs them (audit included), then a total.
 *   npx tsx bench/stages.ts [repeats=5]
 * CPU time (process.cpuUsage, user + system, GC included) rather than wall
 * time: the machine is shared, wall time is inflated by load.
 */
import {join} from "node:path";
import {auditWithStats} from "../loaders/audit/index.ts";
import {readMetadata} from "../loaders/document/metadata.ts";
import {listInputs} from "../loaders/extract.ts";
import {readDocument} from "../loaders/ingest/read.ts";
import {extractPerformance} from "../loaders/performance/index.ts";
import {extractNarrative} from "../loaders/prose/index.ts";
import type {AmountUnit} from "../loaders/schema/types.ts";
import {segmentDocument} from "../loaders/segment/index.ts";
import {readAlone, settlePending} from "../loaders/tables/cross-table.ts";
import {extractTables} from "../loaders/tables/extract.ts";

const repeats = Number(process.argv[2] ?? 5);
const files = listInputs([join(import.meta.dirname, "..", "data", "documents")]);
const totals = new Map<string, number>();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const time = <T>(label: string, f: () => T): T => {
  const s = cpu();
  const r = f();
  totals.set(label, (totals.get(label) ?? 0) + cpu() - s);
  return r;
};
for (let r = 0; r <= repeats; r++) {
  if (r === 1) totals.clear(); // the first round warms up
  for (const f of files) {
    const name = f.split("/").pop()!.slice(0, 3);
    const d = time(`${name} read`, () => readDocument(f));
    const m = time(`${name} metadata`, () => readMetadata(d.lines));
    const unit = m.amount_unit as AmountUnit;
    const seg = time(`${name} segment`, () => segmentDocument(d, unit, m.kind));
    const tables = time(`${name} tables`, () => extractTables(d, seg.sections, settlePending(seg.sections, readAlone(d, seg.sections))));
    const ctx = {amount_unit: unit, year: m.year};
    const prose = time(`${name} prose`, () => extractNarrative(d, seg, ctx));
    const perf = time(`${name} performance`, () => extractPerformance(d, seg.performance, ctx));
    time(`${name} audit`, () =>
      auditWithStats({
        doc: {doc_id: d.doc_id, source_file: f, kind: m.kind, year: m.year, entity: m.entity, scope_zh: m.scope_zh},
        items: tables.items,
        facts: prose.facts,
        projects: perf.projects,
        indicators: perf.indicators,
        tables: tables.tables,
        lines: d.lines
      })
    );
  }
}
const byStage = new Map<string, number>();
let all = 0;
for (const [label, ms] of totals) {
  console.log(label.padEnd(18), (ms / repeats).toFixed(1), "ms CPU");
  const stage = label.slice(4);
  byStage.set(stage, (byStage.get(stage) ?? 0) + ms / repeats);
  all += ms / repeats;
}
console.log("per stage, all documents:", [...byStage].map(([s, ms]) => `${s} ${ms.toFixed(1)}`).join(", "), "ms CPU");
console.log(`total ${all.toFixed(1)} ms CPU for ${files.length} documents (${(all / files.length).toFixed(1)} ms per document)`);
