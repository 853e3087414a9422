/**
 * An AuditInput from the pipeline's per-document extraction. Prose facts and
 * 绩效 rows are taken from the extraction where the pipeline provides them,
 * else computed here with the prose / performance extractors.
 */
import { extractNarrative } from "../prose/index.ts";
import { extractPerformance } from "../performance/index.ts";
import type { DocumentRow, LineItem, SourceDocument, TableRow } from "../schema/types.ts";
import type { Segmentation } from "../segment/index.ts";
import type { AuditInput, IndicatorLike, NarrativeFactLike, ProjectLike } from "./types.ts";

/** What the audit reads of one document's extraction (the pipeline's DocumentExtraction is one). */
export interface ExtractedDocument {
  document: DocumentRow;
  line_items: LineItem[];
  tables: TableRow[];
  narrative_facts?: NarrativeFactLike[];
  performance_projects?: ProjectLike[];
  performance_indicators?: IndicatorLike[];
  source?: SourceDocument;
  segments?: Segmentation;
  /** True when the file could not be read as text at all. */
  unreadable?: boolean;
}

export function auditInputOf(d: ExtractedDocument): AuditInput {
  const doc = { doc_id: d.document.doc_id, source_file: d.document.source_file, kind: d.document.kind, year: d.document.year, entity: d.document.entity, scope_zh: d.document.scope_zh };
  let facts = d.narrative_facts;
  let projects = d.performance_projects;
  let indicators = d.performance_indicators;
  if (d.source && d.segments && (!facts || !projects || !indicators)) {
    const context = { amount_unit: d.document.amount_unit ?? "万元", year: d.document.year };
    facts ??= extractNarrative(d.source, d.segments, context).facts;
    if (!projects || !indicators) {
      const p = extractPerformance(d.source, d.segments.performance, context);
      projects ??= p.projects;
      indicators ??= p.indicators;
    }
  }
  return { doc, items: d.line_items, facts: facts ?? [], projects: projects ?? [], indicators: indicators ?? [], tables: d.tables, lines: d.source?.lines };
}
