// Example queries for the SQL workbench: each answers a research question over the
// corpus tables and names the chart that shows the answer. tests/site/sql-gallery.test.ts
// runs every query against the extracted samples with @duckdb/node-api.
import type {ChartChoices} from "./chart-spec.js";

export interface Example {
  id: string;
  title: string;
  /** The research question, in one sentence. */
  question: string;
  sql: string;
  chart?: ChartChoices;
}

/** The chart choices an example opens with: its chart, a bar chart by default. */
export function exampleChoices(example: Example): ChartChoices {
  return {mark: "bar", ...example.chart};
}

/** The workbench's first query when the URL names none: small (the documents table only), and precomputed by the data loader (aggregate-queries.ts: sqlDefault) so that its result and chart paint before DuckDB-WASM has started. */
export const CORPUS_OVERVIEW: Example = {
  id: "corpus-overview",
  title: "What the corpus holds, by year and kind",
  question: "How many documents of each kind (budget 预算, final 决算) does the corpus hold per year, how many were read without a gap (status ok), and how many amounts were placed in their tables?",
  sql: `-- Documents per year and kind: how many, how many read without a gap (status ok),
-- and the amounts placed in their tables. Reads the documents table only.
SELECT year, kind, count(*)::INTEGER AS documents,
       (count(*) FILTER (WHERE status = 'ok'))::INTEGER AS read_ok,
       sum(numbers_extracted)::INTEGER AS numbers
FROM documents
GROUP BY year, kind
ORDER BY year, kind`,
  chart: {mark: "bar", x: "year", y: "documents", color: "kind"}
};

export const EXAMPLES: Example[] = [
  CORPUS_OVERVIEW,
  {
    id: "it-share",
    title: "信息化建设 as a share of 医疗保障管理事务",
    question:
      "How much of each bureau's 医疗保障管理事务 (21015, Medical security administration) spending goes to 信息化建设 (2101504, IT development)? From the prose that states the 一般公共预算财政拨款 amount of every 项 (first statement per 项).",
    sql: `-- 信息化建设 (2101504) as a share of 医疗保障管理事务 (21015), by document.
-- Source: the prose statement of each 项's 一般公共预算财政拨款 amount (first per 项).
WITH per_item AS (
  SELECT doc_id, code,
         arg_min(amount_wan, source_line) AS amount_wan,
         min(source_line) AS source_line
  FROM narrative_facts
  WHERE measure = 'amount' AND code LIKE '21015__'
  GROUP BY doc_id, code
)
SELECT d.entity || ' ' || d.year || ' ' || d.kind AS document,
       coalesce(sum(p.amount_wan) FILTER (WHERE p.code = '2101504'), 0) AS it_wan,
       round(sum(p.amount_wan), 2) AS admin_wan,
       round(100 * coalesce(sum(p.amount_wan) FILTER (WHERE p.code = '2101504'), 0) / sum(p.amount_wan), 2) AS it_share_pct,
       min(p.source_line) FILTER (WHERE p.code = '2101504') AS it_source_line,
       d.doc_id
FROM per_item p JOIN documents d USING (doc_id)
GROUP BY ALL
ORDER BY it_share_pct DESC`,
    chart: {mark: "bar", x: "document", y: "it_share_pct"}
  },
  {
    id: "largest-items",
    title: "The largest 项 lines of each document",
    question:
      "Which 项 (7-digit functional lines) carry the most money in each document? First printed total of each 项 in the document's expenditure tables (支出…表), top five per document.",
    sql: `-- The five largest 项 (7-digit functional codes) of each document, from the
-- first expenditure table (…支出…表) that prints the 项 (summed over budget units
-- where the table has one row per unit).
WITH per_table AS (
  SELECT doc_id, table_id, code,
         any_value(row_label) AS row_label,
         sum(amount_wan) AS amount_wan,
         min(source_line) AS source_line
  FROM line_items
  WHERE code_system = 'functional' AND code_level = 3
    AND measure = 'total' AND table_name LIKE '%支出%'
  GROUP BY doc_id, table_id, code
), items AS (
  SELECT doc_id, code,
         arg_min(row_label, source_line) AS row_label,
         arg_min(table_id, source_line) AS table_id,
         round(arg_min(amount_wan, source_line), 2) AS amount_wan,
         min(source_line) AS source_line
  FROM per_table
  GROUP BY doc_id, code
)
SELECT d.entity, d.year, d.kind, i.code, i.row_label, c.name_en,
       i.amount_wan, i.table_id, i.source_line, i.doc_id
FROM items i
JOIN documents d USING (doc_id)
LEFT JOIN classifications c ON c.code = i.code AND c.code_system = 'functional'
QUALIFY row_number() OVER (PARTITION BY i.doc_id ORDER BY i.amount_wan DESC, i.code) <= 5
ORDER BY d.entity, d.year, i.amount_wan DESC`,
    chart: {mark: "bar", x: "row_label", y: "amount_wan", color: "entity", facet: "year"}
  },
  {
    id: "checks-by-rule",
    title: "Where documents contradict themselves, by rule",
    question:
      "How many audit findings does each rule raise, at which severity, and in how many documents? (prose_* rules compare the prose with the tables; the others are identities within the tables.)",
    sql: `-- Audit findings by rule and severity (checks): how often and where the
-- documents contradict themselves. 'info' = within rounding tolerance.
SELECT c.rule, c.severity,
       count(*) AS findings,
       count(DISTINCT c.doc_id) AS documents,
       string_agg(DISTINCT d.entity || ' ' || d.year, '; ' ORDER BY d.entity || ' ' || d.year) AS where_found,
       round(max(abs(c.difference)), 2) AS largest_difference
FROM checks c JOIN documents d USING (doc_id)
GROUP BY c.rule, c.severity
ORDER BY c.rule, c.severity`,
    chart: {mark: "bar", x: "rule", y: "findings", color: "severity"}
  },
  {
    id: "budget-completion",
    title: "Budget completion by line",
    question:
      "Which lines spent far more or far less than budgeted? The 完成预算 % stated in the prose (narrative_facts budget_completion_pct), with the amount stated in the same sentence.",
    sql: `-- Budget completion (完成预算 %) stated in the prose, by line, with the 决算
-- amount stated for the same subject on that line or just before it.
SELECT d.entity, d.year, f.code, f.subject,
       f.value AS completion_pct,
       a.amount_wan,
       f.source_line, f.doc_id
FROM narrative_facts f
JOIN documents d USING (doc_id)
LEFT JOIN narrative_facts a
  ON a.doc_id = f.doc_id AND a.measure = 'amount' AND a.subject = f.subject
 AND a.source_line BETWEEN f.source_line - 2 AND f.source_line
WHERE f.measure = 'budget_completion_pct'
QUALIFY row_number() OVER (PARTITION BY f.fact_id ORDER BY a.source_line DESC NULLS LAST, a.fact_id) = 1
ORDER BY abs(f.value - 100) DESC, d.entity, f.source_line`,
    chart: {mark: "point", x: "amount_wan", y: "completion_pct", color: "entity"}
  },
  {
    id: "three-public",
    title: "“三公” 经费 by document",
    question:
      "What did each bureau spend (决算数) or budget (预算数) on 因公出国（境）, 公务用车 and 公务接待? The first (合计) row of each document's 三公 table.",
    sql: `-- “三公” 经费 by document: the first row of each 三公 table
-- (决算数 columns for final accounts, 预算数 for budgets).
SELECT d.entity || ' ' || d.year || ' ' || d.kind AS document, l.measure,
       arg_min(l.column_label, l.source_line) AS column_label,
       arg_min(l.amount_wan, l.source_line) AS amount_wan,
       min(l.source_line) AS source_line, l.doc_id
FROM line_items l JOIN documents d USING (doc_id)
WHERE l.table_name LIKE '%三公%'
  AND (d.kind = 'budget' OR l.column_label LIKE '决算数%')
  AND l.measure IN ('overseas_travel', 'vehicle_purchase', 'vehicle_operation',
                    'official_reception', 'three_public_total')
GROUP BY ALL
ORDER BY document, l.measure`,
    chart: {mark: "bar", x: "measure", y: "amount_wan", facet: "document"}
  },
  {
    id: "unmet-indicators",
    title: "Unmet performance indicators",
    question:
      "Which 绩效 indicators missed their target, by how much, and what reason does the document give?",
    sql: `-- Performance indicators that missed their target, with the reason given.
SELECT d.entity, d.year, i.project_name, i.indicator,
       i.operator, i.target_text, i.actual_text, i.unit,
       i.met_rule, i.reason_unmet, i.source_line, i.doc_id
FROM performance_indicators i JOIN documents d USING (doc_id)
WHERE i.met = false
ORDER BY d.entity, d.year, i.source_line`,
    chart: {mark: "bar", x: "entity", y: "count()", color: "met_rule"}
  },
  {
    id: "unmet-by-project",
    title: "Unmet indicators per project",
    question: "Which projects concentrate the missed 绩效 targets?",
    sql: `-- Missed targets per project (performance_indicators.met = false).
SELECT d.entity, d.year, i.project_name,
       count(*) FILTER (WHERE i.met = false) AS unmet,
       count(*) FILTER (WHERE i.met IS NOT NULL) AS judged,
       count(*) AS indicators
FROM performance_indicators i JOIN documents d USING (doc_id)
GROUP BY ALL
HAVING unmet > 0
ORDER BY unmet DESC, d.entity`,
    chart: {mark: "bar", x: "project_name", y: "unmet", color: "entity"}
  },
  {
    id: "residue-reasons",
    title: "What the extractor left in the residue, and why",
    question:
      "Which lines of each document were not turned into data, and for what reason (headers, narrative, ambiguous columns…)?",
    sql: `-- Residue: lines not turned into data, by reason and document.
SELECT d.entity, d.year,
       CASE WHEN r.reason LIKE 'ambiguous columns%' THEN 'ambiguous columns'
            WHEN r.reason LIKE 'untrusted table%' THEN 'untrusted table'
            ELSE r.reason END AS reason,
       count(*) AS lines
FROM residue r JOIN documents d USING (doc_id)
GROUP BY ALL
ORDER BY lines DESC`,
    chart: {mark: "bar", x: "reason", y: "lines", color: "entity"}
  },
  {
    id: "budget-vs-final",
    title: "Budget vs final by entity",
    question:
      "For each body and year with both a budget (预算) and final accounts (决算) figure of the same measure, how much of the budget was spent? From the panel: budget and final side by side, execution rate = final ÷ budget, each figure with its document and line.",
    sql: `-- Budget vs final of the same entity, year and measure (panel rows of phase final
-- carry the budget figure of the same entity-year beside their own).
SELECT e.name || CASE e.scope WHEN 'unit' THEN '（本级）' ELSE '' END || ' ' || p.year AS entity_year,
       p.label AS measure, p.budget_wan, p.final_wan,
       round(100 * p.execution_rate, 2) AS execution_pct,
       b.doc_id AS budget_doc, b.source_line AS budget_line,
       p.doc_id AS final_doc, p.source_line AS final_line
FROM panel p
JOIN entities e USING (entity_id)
JOIN panel b ON b.entity_id = p.entity_id AND b.year = p.year AND b.measure = p.measure
  AND b.code IS NOT DISTINCT FROM p.code AND b.phase = 'budget'
WHERE p.phase = 'final' AND p.execution_rate IS NOT NULL
ORDER BY entity_year, measure`,
    chart: {mark: "bar", x: "measure", y: "execution_pct", color: "entity_year"}
  },
  {
    id: "personnel-by-province",
    title: "Change of 人员经费 by province",
    question:
      "How did 人员经费 (personnel expenses) change from one year to the next in each province? Each body's change against its own previous year in the panel, summed by province, level (province / city / county bodies apart) and phase; a unit whose department has its own figure is left out (the department's includes it).",
    sql: `-- 人员经费 by province, level of the body, phase and year, and the change against the
-- previous year summed over the bodies that have both years (never across bodies).
WITH per_body AS (
  SELECT e.entity_id, e.province_code, coalesce(e.province, e.province_code) AS province,
         e.region_level AS level, p.phase, p.year, p.amount_wan, p.derived,
         p.amount_wan - lag(p.amount_wan) OVER (PARTITION BY p.entity_id, p.phase ORDER BY p.year) AS change_wan
  FROM panel p JOIN entities e USING (entity_id)
  WHERE p.measure = 'personnel' AND e.province_code IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM panel q WHERE q.entity_id = e.parent_id AND q.year = p.year
                    AND q.phase = p.phase AND q.measure = 'personnel')
)
SELECT province, province_code, level, phase, year,
       round(sum(amount_wan), 2) AS personnel_wan, count(*) AS bodies, bool_or(derived) AS any_derived,
       round(sum(change_wan), 2) AS change_wan, count(change_wan) AS bodies_compared,
       round(100 * sum(change_wan) / nullif(sum(amount_wan - change_wan), 0), 2) AS change_pct
FROM per_body
GROUP BY ALL
ORDER BY province_code, level, phase, year`,
    chart: {mark: "bar", x: "province", y: "personnel_wan", color: "level"}
  },
  {
    id: "big-range",
    title: "100,000 rows (grid and export check)",
    question: "A synthetic result to try the grid's scrolling, sorting and the exports on a large result.",
    sql: `SELECT range AS i, range * 0.01 AS amount_wan, 'row ' || range AS label
FROM range(100000)`,
    chart: {mark: "point", x: "i", y: "amount_wan"}
  }
];
