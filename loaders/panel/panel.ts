/**
 * The panel: one row per entity × year × phase (budget / final) × measure
 * (× 类 code), built from every document's figures (figures.ts). Where
 * several documents give a figure, the most direct one is kept:
 *   1  a document of that phase, from its tables
 *   2  a document of that phase, from its prose
 *   3  a document of the other phase of that year (a final account's 预算数)
 *   4  an earlier-year figure a later document states or implies (derived),
 *      used only where the entity has no document of that year and phase
 * then the nearest later year, doc_id and line. Budget and final of the same
 * entity, year and measure are paired on both rows: budget_wan, final_wan and
 * execution_rate = final ÷ budget.
 */
import type { ClassificationRow, DocumentRow } from "../schema/types.ts";
import type { Figure, Phase } from "./figures.ts";
import { PANEL_MEASURES } from "./measures.ts";

export interface PanelRow {
  entity_id: string;
  year: number;
  phase: Phase;
  measure: string;
  code: string | null;
  label: string;
  amount_wan: number;
  derived: boolean;
  basis: string;
  doc_id: string;
  doc_year: number;
  table_id: string | null;
  source_line: number;
  source_lines: string;
  source_text: string;
  formula: string | null;
  budget_wan: number | null;
  final_wan: number | null;
  execution_rate: number | null;
}

const MEASURE_ORDER = Object.keys(PANEL_MEASURES);

function tier(f: Figure, kindOf: Map<string, string | null>): number {
  if (f.derived) return 4;
  if (kindOf.get(f.doc_id) !== f.phase) return 3;
  return f.basis === "prose" ? 2 : 1;
}

export function buildPanel(figures: Figure[], documents: DocumentRow[], entityOf: Map<string, string>, classifications: ClassificationRow[]): PanelRow[] {
  const docs = new Map(documents.map((d) => [d.doc_id, d]));
  const kindOf = new Map(documents.map((d) => [d.doc_id, d.kind]));
  const covered = new Set<string>();
  for (const d of documents) {
    const e = entityOf.get(d.doc_id);
    if (e && d.year !== null && d.kind) covered.add(`${e}|${d.year}|${d.kind}`);
  }
  const className = new Map(
    classifications.filter((c) => c.code_system === "functional" && c.level === 1).map((c) => [c.code, c.name_zh.replace(/^[一二三四五六七八九十]+、/u, "")]),
  );

  const best = new Map<string, { f: Figure; tier: number }>();
  for (const f of figures) {
    const entity_id = entityOf.get(f.doc_id);
    if (!entity_id) continue;
    const t = tier(f, kindOf);
    if (t === 4 && covered.has(`${entity_id}|${f.year}|${f.phase}`)) continue;
    const key = `${entity_id}|${f.year}|${f.phase}|${f.measure}|${f.code ?? ""}`;
    const held = best.get(key);
    const docYear = (x: Figure) => docs.get(x.doc_id)?.year ?? 0;
    const better =
      !held ||
      t < held.tier ||
      (t === held.tier && (docYear(f) - docYear(held.f) || f.doc_id.localeCompare(held.f.doc_id) || f.source_line - held.f.source_line) < 0);
    if (better) best.set(key, { f, tier: t });
  }

  const rows: PanelRow[] = [...best].map(([key, { f }]) => ({
    entity_id: key.split("|")[0],
    year: f.year,
    phase: f.phase,
    measure: f.measure,
    code: f.code,
    label: f.measure === "function_class" ? `${f.code} ${className.get(f.code!) ?? ""}`.trim() : PANEL_MEASURES[f.measure].zh,
    amount_wan: f.amount_wan,
    derived: f.derived,
    basis: f.basis,
    doc_id: f.doc_id,
    doc_year: docs.get(f.doc_id)?.year ?? f.year,
    table_id: f.table_id,
    source_line: f.source_line,
    source_lines: JSON.stringify(f.source_lines),
    source_text: f.source_text,
    formula: f.formula,
    budget_wan: null,
    final_wan: null,
    execution_rate: null,
  }));

  const pairs = new Map<string, PanelRow[]>();
  for (const r of rows) {
    const k = `${r.entity_id}|${r.year}|${r.measure}|${r.code ?? ""}`;
    pairs.set(k, [...(pairs.get(k) ?? []), r]);
  }
  for (const group of pairs.values()) {
    const budget = group.find((r) => r.phase === "budget")?.amount_wan ?? null;
    const final = group.find((r) => r.phase === "final")?.amount_wan ?? null;
    for (const r of group) {
      r.budget_wan = budget;
      r.final_wan = final;
      r.execution_rate = budget !== null && final !== null && budget !== 0 ? final / budget : null;
    }
  }
  return rows.sort(
    (a, b) =>
      a.entity_id.localeCompare(b.entity_id) ||
      a.year - b.year ||
      MEASURE_ORDER.indexOf(a.measure) - MEASURE_ORDER.indexOf(b.measure) ||
      (a.code ?? "").localeCompare(b.code ?? "") ||
      a.phase.localeCompare(b.phase),
  );
}
