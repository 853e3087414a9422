/**
 * The `checks` table (one row per accounting finding) and the minimal input
 * shapes the audit reads. The inputs are declared here, structurally, so the
 * audit does not depend on the prose / performance extractors' files: any
 * object with these fields can be audited.
 */
import type { LineItem } from "../schema/types.ts";

export type Severity = "error" | "warning" | "info";

/** A row of `checks`. Column names are a public API: add, never rename. */
export interface Check {
  doc_id: string;
  /** `${doc_id}:${rule}:${n}`, n 1-based in a deterministic order. */
  check_id: string;
  rule: string;
  severity: Severity;
  /** Chinese, then English; names both numbers. */
  message: string;
  expected: number | null;
  actual: number | null;
  /** actual − expected, rounded to 4 decimals. */
  difference: number | null;
  tolerance: number | null;
  /** Every line involved, ascending, 1-based. */
  source_lines: number[];
  table_ids: string[];
  /** Row label / code / prose subject the check is about. */
  subject: string | null;
}

export interface DocLike {
  doc_id: string;
  source_file?: string;
  kind?: string | null;
  year?: number | null;
}

/** A figure stated in the prose (see loaders/prose/types.ts NarrativeFact). */
export interface NarrativeFactLike {
  doc_id: string;
  fact_id: string;
  section?: string | null;
  subsection?: string | null;
  subject: string;
  code: string | null;
  measure: string;
  value: number;
  unit: string;
  amount_wan: number | null;
  year: number | null;
  compared_year?: number | null;
  direction?: "increase" | "decrease" | null;
  derived: boolean;
  formula?: string | null;
  source_line: number;
  source_text: string;
  sentence: string;
}

/** A 绩效 project (see loaders/performance/types.ts PerformanceProject). */
export interface ProjectLike {
  doc_id: string;
  project_id: string;
  project_name: string;
  budget_initial: number | null;
  budget_adjusted: number | null;
  budget?: number | null;
  executed: number | null;
  execution_rate: number | null;
  weight: number | null;
  score: number | null;
  total_score: number | null;
  total_weight?: number | null;
  unit: string;
  source_line: number;
  source_lines?: number[];
  title_line?: number;
}

/** A 绩效 indicator (see loaders/performance/types.ts PerformanceIndicator). */
export interface IndicatorLike {
  doc_id: string;
  project_id: string;
  indicator: string;
  weight: number | null;
  score: number | null;
  met?: boolean | null;
  source_line: number;
  source_lines?: number[];
}

export interface AuditInput {
  doc: DocLike;
  items: LineItem[];
  facts?: NarrativeFactLike[];
  projects?: ProjectLike[];
  indicators?: IndicatorLike[];
}

/** Checks performed and findings per rule, for one document. */
export interface AuditStat {
  doc_id: string;
  rule: string;
  performed: number;
  errors: number;
  warnings: number;
  infos: number;
}
