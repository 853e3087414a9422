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
  /** The family of checks the rule belongs to (see FAMILIES in rules.ts). */
  family: string;
}

export interface DocLike {
  doc_id: string;
  source_file?: string;
  kind?: string | null;
  year?: number | null;
  /** The entity as read from the cover / title (documents.entity). */
  entity?: string | null;
  /** 部门 / 汇总 / 单位 / 本级 (documents.scope_zh). */
  scope_zh?: string | null;
}

/** A standard table found in the document (see schema TableRow). */
export interface TableLike {
  table_id: string;
  table_name: string;
  family: string;
  /** ok | no_data | untrusted | partial … */
  status: string;
  title_line: number;
  start_line?: number;
  end_line?: number;
  unit?: string;
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
  /** 优 / 良 / 中 / 差 where printed. */
  self_rating?: string | null;
  /** self_evaluation / target / department_overall. */
  table_kind?: string;
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
  level1?: string | null;
  level2?: string | null;
  unit?: string | null;
  target_value?: number | null;
  actual_value?: number | null;
  operator?: string | null;
  source_line: number;
  source_lines?: number[];
}

export interface AuditInput {
  doc: DocLike;
  items: LineItem[];
  facts?: NarrativeFactLike[];
  projects?: ProjectLike[];
  indicators?: IndicatorLike[];
  /** The standard tables found; rules that judge which tables are present run only when given. */
  tables?: TableLike[];
  /** The document's lines (lines[0] is line 1); rules that read the text run only when given. */
  lines?: string[];
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
