/**
 * Small files for the performance page (src/performance.md), so that it never reads the
 * corpus-wide performance_projects / performance_indicators tables (tens of MB at 1,000
 * documents):
 *   performance/summary.json      the counts, the execution-rate × score histogram, each
 *                                 document's projects and indicators met / unmet /
 *                                 undecided, and the projects of the 12 documents with the
 *                                 most evaluated projects (the per-project chart);
 *   performance/projects.<k>.json page k (0-based) of every project, PROJECTS_PAGE a page,
 *                                 in document (source file) and line order;
 *   performance/unmet.<k>.json    page k of the unmet indicators, UNMET_PAGE a page, same order.
 * The page fetches the summary for its first paint and one page file per pager move.
 * Sets are columnar ({fields, rows}); run with DuckDB in Node over the Parquet files the
 * extraction just wrote. Deterministic: same tables, same bytes.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { PERFORMANCE_PAGE_SIZES, PERFORMANCE_TOP_DOCUMENTS } from "../../src/components/performance-files.ts";

export const PERFORMANCE_FILES_DIR = "performance";

/** The printed 预算执行率 where there is one, else executed ÷ budget (in %, 2 decimals). */
const RATE = `CASE WHEN p.execution_rate IS NOT NULL THEN p.execution_rate
  WHEN p.executed_wan IS NOT NULL AND p.amount_wan <> 0 THEN round(p.executed_wan / p.amount_wan * 10000) / 100 END`;

const PROJECTS = `SELECT p.doc_id, p.project_id, p.project_name, p.table_kind, p.unit, p.amount_wan,
  coalesce(p.budget_adjusted, p.budget, p.budget_initial) AS budget_printed, p.executed_wan, p.execution_rate,
  ${RATE} AS rate, p.total_score, p.total_weight, p.source_line
FROM performance_projects p JOIN documents d USING (doc_id)
ORDER BY d.source_file, p.doc_id, p.source_line, p.project_id`;

const UNMET = `SELECT i.doc_id, i.project_name, i.level1, i.level2, i.indicator, i.operator, i.target_value, i.target_text,
  i.unit, i.actual_value, i.actual_text, i.weight, i.score, i.met, i.met_rule, i.reason_unmet, i.source_line, i.source_text
FROM performance_indicators i JOIN documents d USING (doc_id)
WHERE i.met = false
ORDER BY d.source_file, i.doc_id, i.source_line, i.indicator_index`;

const DOCS = `WITH p AS (
  SELECT doc_id, count(*)::INTEGER AS projects, count(${RATE})::INTEGER AS with_rate FROM performance_projects p GROUP BY doc_id
), i AS (
  SELECT doc_id, (count(*) FILTER (WHERE met))::INTEGER AS met, (count(*) FILTER (WHERE NOT met))::INTEGER AS unmet,
    (count(*) FILTER (WHERE met IS NULL))::INTEGER AS undecided, count(*)::INTEGER AS indicators
  FROM performance_indicators GROUP BY doc_id
)
SELECT d.doc_id, d.source_file, d.entity, d.year, d.kind, coalesce(p.projects, 0) AS projects, coalesce(p.with_rate, 0) AS with_rate,
  coalesce(i.met, 0) AS met, coalesce(i.unmet, 0) AS unmet, coalesce(i.undecided, 0) AS undecided, coalesce(i.indicators, 0) AS indicators
FROM documents d LEFT JOIN p USING (doc_id) LEFT JOIN i USING (doc_id)
WHERE p.doc_id IS NOT NULL OR i.doc_id IS NOT NULL
ORDER BY d.source_file, d.doc_id`;

/** Execution rate in 10-point bands (≥ 100 one band) × the self-evaluation score's band. */
const BANDS = `WITH r AS (SELECT ${RATE} AS rate, p.total_score, p.amount_wan FROM performance_projects p)
SELECT CASE WHEN rate >= 100 THEN 100 ELSE greatest(0, floor(rate / 10) * 10) END::INTEGER AS rate_from,
  CASE WHEN total_score IS NULL THEN 'no score' WHEN total_score >= 90 THEN '≥ 90' WHEN total_score >= 80 THEN '80–90'
    WHEN total_score >= 60 THEN '60–80' ELSE '< 60' END AS score_band,
  count(*)::INTEGER AS projects, round(sum(amount_wan), 6) AS budget_wan
FROM r WHERE rate IS NOT NULL GROUP BY ALL ORDER BY rate_from, score_band`;

/** The projects with a rate of the documents with the most of them (ties: source file order). */
const SCATTER = `WITH top AS (
  SELECT doc_id FROM (${DOCS}) WHERE with_rate > 0 ORDER BY with_rate DESC, source_file, doc_id LIMIT ${PERFORMANCE_TOP_DOCUMENTS}
)
SELECT p.doc_id, p.project_id, p.project_name, ${RATE} AS rate, p.execution_rate IS NOT NULL AS printed,
  p.total_score, p.amount_wan, p.executed_wan, p.source_line
FROM performance_projects p JOIN top USING (doc_id) JOIN documents d USING (doc_id)
WHERE ${RATE} IS NOT NULL
ORDER BY d.source_file, p.doc_id, p.source_line, p.project_id`;

interface ColumnarSet {
  fields: string[];
  rows: unknown[][];
}

const plain = (value: unknown): unknown => (typeof value === "bigint" ? Number(value) : value === undefined ? null : value);

/** The files, as [archive member name, bytes]; none when the corpus has no performance tables. */
export async function performanceFiles(dir: string): Promise<[string, Uint8Array][]> {
  const tables = ["documents", "performance_projects", "performance_indicators"];
  if (!tables.every((t) => existsSync(join(dir, `${t}.parquet`)))) return [];
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  const encoder = new TextEncoder();
  try {
    for (const t of tables) await conn.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(dir, `${t}.parquet`).replaceAll("'", "''")}')`);
    const set = async (sql: string): Promise<ColumnarSet> => {
      const reader = await conn.runAndReadAll(sql);
      return { fields: reader.columnNames(), rows: reader.getRowsJS().map((row) => row.map(plain)) };
    };
    const [docs, bands, scatter, projects, unmet] = [await set(DOCS), await set(BANDS), await set(SCATTER), await set(PROJECTS), await set(UNMET)];
    const sum = (field: string) => docs.rows.reduce((s, row) => s + Number(row[docs.fields.indexOf(field)]), 0);
    const summary = {
      projects: projects.rows.length,
      with_rate: sum("with_rate"),
      indicators: sum("indicators"),
      unmet: unmet.rows.length,
      page_sizes: PERFORMANCE_PAGE_SIZES,
      sets: { docs, bands, scatter },
    };
    const files: [string, Uint8Array][] = [[`${PERFORMANCE_FILES_DIR}/summary.json`, encoder.encode(JSON.stringify(summary))]];
    for (const [name, all, size] of [
      ["projects", projects, PERFORMANCE_PAGE_SIZES.projects],
      ["unmet", unmet, PERFORMANCE_PAGE_SIZES.unmet],
    ] as const)
      for (let k = 0; k * size < all.rows.length; ++k)
        files.push([
          `${PERFORMANCE_FILES_DIR}/${name}.${k}.json`,
          encoder.encode(JSON.stringify({ fields: all.fields, rows: all.rows.slice(k * size, (k + 1) * size) })),
        ]);
    return files;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
