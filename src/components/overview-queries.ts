// The SQL of the Overview page (tested in tests/site/overview-queries.test.ts with
// DuckDB in Node against the Parquet files of the extraction).

/** One row per document: what it is, how it was read, what the audit found. */
export const OVERVIEW_DOCUMENTS_SQL = `SELECT doc_id, source_file, entity, region, province, city, level, year, kind, scope, scope_zh,
  amount_unit, title, title_line, bytes, line_count, encoding, layout,
  tables_found, numbers_extracted, facts_extracted, projects, indicators, residue_lines,
  checks_error, checks_warning, checks_info, status, message
FROM documents ORDER BY year, entity, doc_id`;

/** The headline figures, in display order. */
export const HEADLINES = [
  {key: "income_total", label: "收入总计 Total income"},
  {key: "expenditure_total", label: "支出总计 Total expenditure"},
  {key: "year_income", label: "本年收入合计 Income of the year"},
  {key: "year_expenditure", label: "本年支出合计 Expenditure of the year"}
] as const;

/**
 * Headline totals per document, one row per document and figure:
 *   final accounts  收入支出决算总表 (family final_summary): grand_total and total, by side
 *   budgets         部门收支总表 (budget_summary): the rows 收入总计 / 支出总计 / 本年收入合计 / 本年支出合计
 *   neither table   the prose: 收支总计 (both totals) and 本年收入合计 / 本年支出合计, for the document's year
 */
export const HEADLINE_TOTALS_SQL = `WITH summary AS (
  SELECT doc_id, table_id FROM (
    SELECT doc_id, table_id, row_number() OVER (PARTITION BY doc_id ORDER BY title_line) AS rn
    FROM tables WHERE family IN ('final_summary', 'budget_summary') AND status IN ('ok', 'partial')
  ) WHERE rn = 1
),
from_table AS (
  SELECT li.doc_id, li.table_id, 'table' AS basis, li.amount_wan, li.source_line, li.row_index,
    CASE
      WHEN li.measure = 'grand_total' AND li.side = 'income' THEN 'income_total'
      WHEN li.measure = 'grand_total' AND li.side = 'expenditure' THEN 'expenditure_total'
      WHEN li.measure = 'total' AND li.side = 'income' THEN 'year_income'
      WHEN li.measure = 'total' AND li.side = 'expenditure' THEN 'year_expenditure'
      WHEN li.measure = 'budget' THEN CASE regexp_replace(li.row_label, '\\s', '', 'g')
        WHEN '收入总计' THEN 'income_total' WHEN '支出总计' THEN 'expenditure_total'
        WHEN '本年收入合计' THEN 'year_income' WHEN '本年支出合计' THEN 'year_expenditure' END
    END AS figure
  FROM line_items li JOIN summary s USING (doc_id, table_id)
  WHERE li.amount_wan IS NOT NULL AND li.code IS NULL
),
from_prose AS (
  SELECT f.doc_id, NULL AS table_id, 'prose' AS basis, f.amount_wan, f.source_line, 0 AS row_index, x.figure
  FROM narrative_facts f JOIN documents d USING (doc_id)
  JOIN (VALUES ('收支总计', 'income_total'), ('收支总计', 'expenditure_total'),
    ('收支决算总计', 'income_total'), ('收支决算总计', 'expenditure_total'),
    ('收支预算总数', 'income_total'), ('收支预算总数', 'expenditure_total'),
    ('本年收入合计', 'year_income'), ('本年支出合计', 'year_expenditure')) AS x(subject, figure) ON x.subject = f.subject
  WHERE f.measure = 'amount' AND NOT f.derived AND f.year = d.year AND f.amount_wan IS NOT NULL
    AND f.doc_id NOT IN (SELECT doc_id FROM summary)
),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY doc_id, figure ORDER BY row_index, source_line) AS rn
  FROM (SELECT * FROM from_table UNION ALL SELECT * FROM from_prose) WHERE figure IS NOT NULL
)
SELECT doc_id, figure, table_id, basis, round(amount_wan, 6) AS amount_wan, source_line, [source_line] AS lines
FROM ranked WHERE rn = 1
ORDER BY doc_id, figure`;
