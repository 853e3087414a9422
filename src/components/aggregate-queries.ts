// The precomputed aggregates of the site (data/corpus/aggregates.json and compare.json,
// written by the data loader: loaders/site/aggregates.ts runs these queries with DuckDB in
// Node over the extraction's Parquet files). Overview, Compare and Audit paint from them
// without starting DuckDB-WASM. Each set is the result of one of the pages' own queries
// (so a figure is the same whether it comes from the aggregates or from DuckDB-WASM),
// or a GROUP BY over them. Tested in tests/site/aggregates.test.ts.
import {
  BASIC_PROJECT_SQL,
  COMPLETION_SQL,
  EXPENDITURE_BY_CODE_SQL,
  FOCUS_LINES_SQL,
  PERSONNEL_PUBLIC_SQL,
  THREE_PUBLIC_SQL,
  YEAR_ON_YEAR_SQL
} from "./compare-queries.js";
import {HEADLINE_TOTALS_SQL} from "./overview-queries.js";
import {CORPUS_OVERVIEW} from "./sql/gallery.js";

/** One row per document: what it is (the facets), how it was read, what the audit found. */
export const AGG_DOCUMENTS_SQL = `SELECT doc_id, source_file, entity, region, province, city, level, year, kind, scope, scope_zh,
  amount_unit, bytes, line_count, encoding, tables_found, numbers_extracted, facts_extracted, projects, indicators,
  residue_lines, checks_error, checks_warning, checks_info, status, message,
  coalesce(entity, source_file) || ' ' || coalesce(CAST(year AS VARCHAR), '?') || ' ' ||
    CASE kind WHEN 'budget' THEN '预算' WHEN 'final' THEN '决算' ELSE coalesce(kind, '?') END AS doc_label
FROM documents ORDER BY year, entity, doc_id`;

/** Documents and headline totals per province × year × kind. */
export const AGG_GROUPS_SQL = `WITH totals AS (${HEADLINE_TOTALS_SQL})
SELECT d.province, d.year, d.kind, count(*)::INTEGER AS documents,
  round(sum(t.amount_wan), 6) AS expenditure_total_wan, count(t.amount_wan)::INTEGER AS with_total,
  sum(d.checks_error)::INTEGER AS checks_error
FROM documents d LEFT JOIN (SELECT doc_id, amount_wan FROM totals WHERE figure = 'expenditure_total') t USING (doc_id)
GROUP BY ALL ORDER BY d.province NULLS LAST, d.year NULLS LAST, d.kind NULLS LAST`;

/** Expenditure by 类 per document (level 1 of the Compare page's query). */
export const AGG_BY_CLASS_SQL = `SELECT doc_id, table_id, code, name_zh, name_en, amount_wan, lines, share_of_total, total_wan, total_lines, basis
FROM (${EXPENDITURE_BY_CODE_SQL}) WHERE level = 1 ORDER BY doc_id, code`;

/** Per 类 over the corpus: documents that print it and their sum. */
export const AGG_CLASSES_SQL = `SELECT code, arg_min(name_zh, doc_id) AS name_zh, arg_min(name_en, doc_id) AS name_en,
  count(DISTINCT doc_id)::INTEGER AS documents, round(sum(amount_wan), 6) AS amount_wan
FROM (${AGG_BY_CLASS_SQL}) GROUP BY code ORDER BY code`;

/** Findings per rule × severity over the corpus (the /audit chart and its table, before the findings themselves). */
export const AGG_FINDINGS_SQL = `SELECT rule, severity, count(*)::INTEGER AS findings, count(DISTINCT doc_id)::INTEGER AS documents
FROM checks GROUP BY ALL ORDER BY rule, severity`;

const WITHOUT_LABELS = "EXCLUDE (doc_label, entity, year, kind, scope_zh)";

/**
 * The sets of aggregates.json, by name: the query of each. Small (per document or per
 * group): every page that paints from aggregates fetches this file. Document label
 * columns are left out of per-document sets (joined back from `documents`).
 */
export const AGGREGATE_QUERIES = {
  documents: AGG_DOCUMENTS_SQL,
  totals: HEADLINE_TOTALS_SQL,
  groups: AGG_GROUPS_SQL,
  classes: AGG_CLASSES_SQL,
  findings: AGG_FINDINGS_SQL,
  /** the SQL workbench's first query, so that /sql paints its result before DuckDB-WASM starts */
  sqlDefault: CORPUS_OVERVIEW.sql
} as const;

/**
 * The sets of compare.json (only /compare fetches it): every Compare query's result, so
 * that the page needs no DuckDB-WASM; 款 and the 21015 lines from the same expenditure
 * query as the 类.
 */
export const COMPARE_AGGREGATE_QUERIES = {
  byClass: AGG_BY_CLASS_SQL,
  byKuan: `SELECT doc_id, table_id, code, name_zh, name_en, amount_wan, lines, share_of_total, share_of_parent, total_wan, total_lines, basis
FROM (${EXPENDITURE_BY_CODE_SQL}) WHERE level = 2 ORDER BY doc_id, code`,
  focus: `SELECT * ${WITHOUT_LABELS} FROM (${FOCUS_LINES_SQL})`,
  basicProject: `SELECT * ${WITHOUT_LABELS} FROM (${BASIC_PROJECT_SQL})`,
  personnelPublic: `SELECT * ${WITHOUT_LABELS} FROM (${PERSONNEL_PUBLIC_SQL})`,
  threePublic: `SELECT * ${WITHOUT_LABELS} FROM (${THREE_PUBLIC_SQL})`,
  completion: `SELECT * ${WITHOUT_LABELS} FROM (${COMPLETION_SQL})`,
  yearOnYear: `SELECT * EXCLUDE (doc_label, entity, kind, scope_zh) FROM (${YEAR_ON_YEAR_SQL})`
} as const;

/** The files of aggregates the data loader writes (in the corpus archive), and the sets of each. */
export const AGGREGATE_FILES = {
  "aggregates.json": AGGREGATE_QUERIES,
  "compare.json": COMPARE_AGGREGATE_QUERIES
} as const;

export type AggregateName = keyof typeof AGGREGATE_QUERIES;
export type CompareAggregateName = keyof typeof COMPARE_AGGREGATE_QUERIES;
