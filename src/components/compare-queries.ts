// The SQL of the Compare page, in one place so that it can be unit-tested in Node
// (tests/site/compare-queries.test.ts runs these exact strings with @duckdb/node-api
// against the Parquet files of the extraction) and run in the browser by DuckDB-WASM.
//
// Every query reads the corpus tables by their own names (documents, tables,
// line_items, narrative_facts, classifications) and returns one row per figure
// with `doc_id` and `lines` (the source lines of the figure, a list of 1-based
// line numbers) so that the page can link every number to where it was printed.
//
// Which table a figure comes from is decided by tables.family, line_items.measure
// and code, never by table numbers (they differ between templates):
//   expenditure by code  final 支出决算表 (final_expenditure_by_code), else the budget
//                        部门支出总表 (budget_expenditure); measure `total`
//   basic / project      the 合计 row of that same table; measures basic, project
//   personnel / public   the 合计 rows of the 一般公共预算财政拨款基本支出(决算)表
//                        (final_gpb_basic_by_economic / budget_gpb_basic_by_economic)
//   “三公”               final_three_public (side 预算数 / 决算数) or budget_three_public
// Documents without those tables (their 附表 are only listed) fall back to the
// figures stated in their prose (narrative_facts), marked basis = 'prose'.

/** Label columns shared by every query: who, when, what kind of document. */
const DOCS = `docs AS (
  SELECT doc_id, entity, year, kind, scope, scope_zh, level, region, province, city,
    coalesce(entity, source_file) || ' ' || coalesce(CAST(year AS VARCHAR), '?') || ' ' ||
      CASE kind WHEN 'budget' THEN '预算' WHEN 'final' THEN '决算' ELSE coalesce(kind, '?') END AS doc_label
  FROM documents
)`;

/** Functional classification names (printed, without a leading 一、 numbering) and English names. */
const NAMES = `names AS (
  SELECT code, regexp_replace(name_zh, '^[一二三四五六七八九十]+、', '') AS name_zh, name_en
  FROM classifications WHERE code_system = 'functional'
)`;

/**
 * The expenditure-by-code table of each document and its coded rows (measure total).
 * Where the table splits by budget unit (unit_code), only the highest level present is
 * kept (the shortest unit_code): the department's own rows if printed, else every unit's
 * rows, which are then summed. A level (类/款/项) that the table does not print is
 * the sum of the printed 项 (leaf) rows below it.
 */
const EXPENDITURE_CTES = `${DOCS},
${NAMES},
exp_table AS (
  SELECT doc_id, table_id, family, table_name FROM (
    SELECT doc_id, table_id, family, table_name,
      row_number() OVER (PARTITION BY doc_id ORDER BY CASE family WHEN 'final_expenditure_by_code' THEN 1 ELSE 2 END, title_line) AS rn
    FROM tables
    WHERE family IN ('final_expenditure_by_code', 'budget_expenditure') AND status IN ('ok', 'partial')
  ) WHERE rn = 1
),
exp_items AS (
  SELECT li.*, e.family, e.table_name AS std_table_name
  FROM line_items li JOIN exp_table e USING (doc_id, table_id)
  WHERE li.measure = 'total' AND li.amount_wan IS NOT NULL
),
coded_all AS (
  SELECT * FROM exp_items WHERE code_system = 'functional' AND code_level IN (1, 2, 3)
),
unit_level AS (
  SELECT doc_id, min(length(coalesce(unit_code, ''))) AS ulen FROM coded_all GROUP BY doc_id
),
coded AS (
  SELECT c.* FROM coded_all c JOIN unit_level u USING (doc_id)
  WHERE length(coalesce(c.unit_code, '')) = u.ulen
),
levels AS (SELECT * FROM (VALUES (1, 3), (2, 5), (3, 7)) AS v(level, digits)),
printed_levels AS (SELECT DISTINCT doc_id, code_level AS level FROM coded),
by_code_raw AS (
  -- levels the table prints: its rows (summed over units where it splits by unit)
  SELECT c.doc_id, c.table_id, c.code_level AS level, c.code, sum(c.amount_wan) AS amount_wan,
    list(c.source_line ORDER BY c.source_line) AS lines, count(*) AS n_rows, 'printed' AS basis
  FROM coded c
  GROUP BY ALL
  UNION ALL
  -- levels it does not print: the sum of the 项 rows below
  SELECT c.doc_id, c.table_id, l.level, left(c.code, l.digits) AS code, sum(c.amount_wan) AS amount_wan,
    list(c.source_line ORDER BY c.source_line) AS lines, count(*) AS n_rows, 'sum of 项 rows' AS basis
  FROM coded c CROSS JOIN levels l
  WHERE c.code_level = 3 AND l.level < 3
    AND NOT EXISTS (SELECT 1 FROM printed_levels p WHERE p.doc_id = c.doc_id AND p.level = l.level)
  GROUP BY ALL
),
by_code AS (
  SELECT doc_id, table_id, level, code, round(amount_wan, 6) AS amount_wan, lines, n_rows,
    CASE WHEN basis = 'printed' AND n_rows > 1 THEN 'sum over units' ELSE basis END AS basis
  FROM by_code_raw
),
total_row AS (
  -- the printed 合计 row (no code, no unit), else the sum of the 类 rows
  SELECT doc_id, amount_wan, [source_line] AS lines FROM (
    SELECT doc_id, amount_wan, source_line,
      row_number() OVER (PARTITION BY doc_id ORDER BY row_index, source_line) AS rn
    FROM exp_items
    WHERE code IS NULL AND unit_code IS NULL AND regexp_matches(row_label, '合\\s*计')
  ) WHERE rn = 1
),
totals AS (
  SELECT b.doc_id, coalesce(t.amount_wan, sum(b.amount_wan)) AS total_wan,
    coalesce(any_value(t.lines), flatten(list(b.lines))) AS total_lines
  FROM by_code b LEFT JOIN total_row t USING (doc_id)
  WHERE b.level = 1
  GROUP BY b.doc_id, t.amount_wan
)`;

/**
 * Expenditure structure: every 类 (level 1), 款 (2) and 项 (3) of each document with its
 * amount, its share of total expenditure and of its parent.
 */
export const EXPENDITURE_BY_CODE_SQL = `WITH ${EXPENDITURE_CTES}
SELECT b.doc_id, d.doc_label, d.entity, d.year, d.kind, d.scope_zh, b.table_id, e.table_name, e.family,
  b.level, b.code, CASE b.level WHEN 1 THEN NULL WHEN 2 THEN left(b.code, 3) ELSE left(b.code, 5) END AS parent_code,
  coalesce(n.name_zh, b.code) AS name_zh, n.name_en,
  b.amount_wan, b.basis, b.n_rows, b.lines,
  t.total_wan, t.total_lines,
  b.amount_wan / nullif(t.total_wan, 0) AS share_of_total,
  b.amount_wan / nullif(p.amount_wan, 0) AS share_of_parent
FROM by_code b
JOIN docs d USING (doc_id)
JOIN exp_table e USING (doc_id, table_id)
LEFT JOIN totals t USING (doc_id)
LEFT JOIN names n ON n.code = b.code
LEFT JOIN by_code p ON p.doc_id = b.doc_id AND p.level = b.level - 1
  AND p.code = CASE b.level WHEN 2 THEN left(b.code, 3) ELSE left(b.code, 5) END
ORDER BY d.year, b.doc_id, b.code`;

/** The three 21015 lines compared: 信息化建设, 医疗保障政策管理, 医疗保障经办事务. */
export const FOCUS_CODES = ["2101504", "2101505", "2101506"] as const;

/**
 * 2101504 / 2101505 / 2101506 side by side: amount, share of 款 21015 and of total
 * expenditure, for every document with an expenditure-by-code table. A line the
 * document does not print has no row (shown as “not printed” by the page).
 */
export const FOCUS_LINES_SQL = `WITH ${EXPENDITURE_CTES},
focus(code) AS (VALUES ${FOCUS_CODES.map((c) => `('${c}')`).join(", ")})
SELECT b.doc_id, d.doc_label, d.entity, d.year, d.kind, d.scope_zh, b.table_id,
  b.code, coalesce(n.name_zh, b.code) AS name_zh, n.name_en,
  b.amount_wan, b.basis, b.lines,
  k.amount_wan AS kuan_wan, k.lines AS kuan_lines,
  t.total_wan, t.total_lines,
  b.amount_wan / nullif(k.amount_wan, 0) AS share_of_21015,
  b.amount_wan / nullif(t.total_wan, 0) AS share_of_total
FROM by_code b
JOIN focus f ON f.code = b.code
JOIN docs d USING (doc_id)
LEFT JOIN by_code k ON k.doc_id = b.doc_id AND k.level = 2 AND k.code = '21015'
LEFT JOIN totals t ON t.doc_id = b.doc_id
LEFT JOIN names n ON n.code = b.code
ORDER BY d.year, b.doc_id, b.code`;

/** A two-part split of one document's spending (e.g. 基本 / 项目), from a table or the prose. */
interface SplitSpec {
  /** CTEs ending in `source_table(doc_id, table_id)`: the table the parts are read from. */
  ctes: string;
  /** Extra condition on that table's rows (beyond no code and no unit). */
  rowFilter: string;
  /** [measure, printed prose subject, label] for each part. */
  parts: [string, string, string][];
}

const sqlList = (values: string[]) => values.map((v) => `'${v}'`).join(", ");

/**
 * Both parts from the table's total rows (no code, no unit), else — for documents
 * without that table — the first figure the prose states for the document's year.
 * Each part's share is of the sum of the two.
 */
function splitQuery({ctes, rowFilter, parts}: SplitSpec): string {
  const measures = sqlList(parts.map((p) => p[0]));
  const subjects = sqlList(parts.map((p) => p[1]));
  const bySubject = parts.map(([m, subject]) => `WHEN '${subject}' THEN '${m}'`).join(" ");
  const labels = parts.map(([m, , label]) => `WHEN '${m}' THEN '${label}'`).join(" ");
  return `WITH ${ctes},
from_table AS (
  SELECT doc_id, table_id, measure AS part, amount_wan, [source_line] AS lines, 'table' AS basis FROM (
    SELECT li.*, row_number() OVER (PARTITION BY li.doc_id, li.measure ORDER BY li.row_index, li.source_line) AS rn
    FROM line_items li JOIN source_table s USING (doc_id, table_id)
    WHERE li.measure IN (${measures}) AND li.code IS NULL AND li.unit_code IS NULL AND li.amount_wan IS NOT NULL${rowFilter}
  ) WHERE rn = 1
),
from_prose AS (
  SELECT doc_id, NULL AS table_id, part, amount_wan, [source_line] AS lines, 'prose' AS basis FROM (
    SELECT f.doc_id, CASE f.subject ${bySubject} END AS part, f.amount_wan, f.source_line,
      row_number() OVER (PARTITION BY f.doc_id, f.subject ORDER BY f.source_line) AS rn
    FROM narrative_facts f JOIN docs d USING (doc_id)
    WHERE f.subject IN (${subjects}) AND f.measure = 'amount' AND NOT f.derived
      AND f.year = d.year AND f.amount_wan IS NOT NULL
      AND f.doc_id NOT IN (SELECT doc_id FROM from_table)
  ) WHERE rn = 1
),
parts AS (SELECT * FROM from_table UNION ALL SELECT * FROM from_prose)
SELECT p.doc_id, d.doc_label, d.entity, d.year, d.kind, d.scope_zh, p.table_id, p.basis, p.part,
  CASE p.part ${labels} END AS part_label,
  round(p.amount_wan, 6) AS amount_wan, p.lines,
  p.amount_wan / nullif(sum(p.amount_wan) OVER (PARTITION BY p.doc_id), 0) AS share
FROM parts p JOIN docs d USING (doc_id)
ORDER BY d.year, p.doc_id, p.part`;
}

/**
 * 基本支出 vs 项目支出: the 合计 row of the expenditure-by-code table, else the prose
 * (基本支出 / 项目支出 stated for the document's year).
 */
export const BASIC_PROJECT_SQL = splitQuery({
  ctes: `${EXPENDITURE_CTES},
source_table AS (SELECT doc_id, table_id FROM exp_table)`,
  rowFilter: ` AND regexp_matches(li.row_label, '合\\s*计')`,
  parts: [
    ["basic", "基本支出", "基本支出 Basic"],
    ["project", "项目支出", "项目支出 Project"]
  ]
});

/**
 * 人员经费 vs 公用经费 of basic expenditure: the 合计 rows (no code, no unit) of the
 * 一般公共预算财政拨款基本支出 table, else the prose.
 */
export const PERSONNEL_PUBLIC_SQL = splitQuery({
  ctes: `${DOCS},
source_table AS (
  SELECT doc_id, table_id FROM (
    SELECT doc_id, table_id, row_number() OVER (PARTITION BY doc_id ORDER BY title_line) AS rn
    FROM tables WHERE family IN ('final_gpb_basic_by_economic', 'budget_gpb_basic_by_economic') AND status IN ('ok', 'partial')
  ) WHERE rn = 1
)`,
  rowFilter: "",
  parts: [
    ["personnel", "人员经费", "人员经费 Personnel"],
    ["public_expenses", "公用经费", "公用经费 Public expenses"]
  ]
});

/** The parts of “三公” in display order, with their labels. */
export const THREE_PUBLIC_PARTS: {part: string; label: string}[] = [
  {part: "three_public_total", label: "“三公”合计 Total"},
  {part: "overseas_travel", label: "因公出国（境）费 Overseas travel"},
  {part: "vehicles_total", label: "公务用车购置及运行维护费 Vehicles"},
  {part: "vehicle_purchase", label: "其中：购置费 Vehicle purchase"},
  {part: "vehicle_operation", label: "其中：运行维护费 Vehicle operation"},
  {part: "official_reception", label: "公务接待费 Reception"}
];

/**
 * “三公” budget (预算数) vs actual (决算数) and its parts, one row per document and part.
 * From the 三公 table (final: side 预算数 / 决算数 of the whole appropriation, not the
 * 一般公共预算 sub-columns; budget: its 合计 row, budget only), else from the prose
 * (amount = actual in a final account, budget_amount = its budget).
 */
export const THREE_PUBLIC_SQL = `WITH ${DOCS},
parts(part, ord, label) AS (VALUES ${THREE_PUBLIC_PARTS.map((p, i) => `('${p.part}', ${i + 1}, '${p.label}')`).join(", ")}),
tp_table AS (
  SELECT doc_id, table_id, family FROM (
    SELECT doc_id, table_id, family, row_number() OVER (PARTITION BY doc_id ORDER BY title_line) AS rn
    FROM tables WHERE family IN ('final_three_public', 'budget_three_public') AND status IN ('ok', 'partial')
  ) WHERE rn = 1
),
table_values AS (
  SELECT li.doc_id, li.table_id, li.measure AS part,
    CASE WHEN t.family = 'budget_three_public' OR li.side = '预算数' THEN 'budget' ELSE 'final' END AS value_kind,
    li.amount_wan, li.source_line, li.row_index, li.inferred
  FROM line_items li JOIN tp_table t USING (doc_id, table_id)
  WHERE li.unit_code IS NULL AND li.amount_wan IS NOT NULL
    AND (t.family = 'budget_three_public' OR li.side IN ('预算数', '决算数'))
),
prose_values AS (
  SELECT f.doc_id, NULL AS table_id,
    CASE
      WHEN f.subject LIKE '%三公%' THEN 'three_public_total'
      WHEN f.subject LIKE '%出国%' THEN 'overseas_travel'
      WHEN f.subject LIKE '%公务用车购置及运行%' THEN 'vehicles_total'
      WHEN f.subject LIKE '%公务用车购置%' THEN 'vehicle_purchase'
      WHEN f.subject LIKE '%公务用车运行%' THEN 'vehicle_operation'
      WHEN f.subject LIKE '公务接待%' THEN 'official_reception'
    END AS part,
    CASE f.measure WHEN 'budget_amount' THEN 'budget' WHEN 'amount' THEN CASE d.kind WHEN 'budget' THEN 'budget' ELSE 'final' END END AS value_kind,
    f.amount_wan, f.source_line, 0 AS row_index, false AS inferred
  FROM narrative_facts f JOIN docs d USING (doc_id)
  WHERE f.measure IN ('amount', 'budget_amount') AND NOT f.derived AND f.year = d.year AND f.amount_wan IS NOT NULL
    AND f.doc_id NOT IN (SELECT doc_id FROM tp_table)
),
all_values AS (
  SELECT *, 'table' AS basis FROM table_values
  UNION ALL
  SELECT *, 'prose' AS basis FROM prose_values WHERE part IS NOT NULL
),
first_values AS (
  SELECT * FROM (
    SELECT *, row_number() OVER (PARTITION BY doc_id, part, value_kind ORDER BY row_index, source_line) AS rn FROM all_values
  ) WHERE rn = 1
)
SELECT v.doc_id, d.doc_label, d.entity, d.year, d.kind, d.scope_zh, any_value(v.table_id) AS table_id, any_value(v.basis) AS basis,
  v.part, p.label AS part_label, p.ord, bool_or(v.inferred) AS inferred,
  round(max(v.amount_wan) FILTER (WHERE v.value_kind = 'budget'), 6) AS budget_wan,
  max(v.source_line) FILTER (WHERE v.value_kind = 'budget') AS budget_line,
  round(max(v.amount_wan) FILTER (WHERE v.value_kind = 'final'), 6) AS final_wan,
  max(v.source_line) FILTER (WHERE v.value_kind = 'final') AS final_line,
  max(v.amount_wan) FILTER (WHERE v.value_kind = 'final') / nullif(max(v.amount_wan) FILTER (WHERE v.value_kind = 'budget'), 0) AS completion
FROM first_values v JOIN docs d USING (doc_id) JOIN parts p USING (part)
GROUP BY v.doc_id, d.doc_label, d.entity, d.year, d.kind, d.scope_zh, v.part, p.label, p.ord
ORDER BY d.year, v.doc_id, p.ord`;

/**
 * 完成预算 % by line, as stated in the prose (narrative_facts budget_completion_pct),
 * with the line's classification name where the sentence names a code.
 */
export const COMPLETION_SQL = `WITH ${DOCS},
${NAMES}
SELECT f.doc_id, d.doc_label, d.entity, d.year, d.kind, d.scope_zh,
  f.code, n.name_zh, n.name_en, f.subject,
  coalesce(f.code || ' ' || n.name_zh, f.code, f.subject) AS line_label,
  f.value AS completion_pct, f.source_line, [f.source_line] AS lines, f.section
FROM narrative_facts f JOIN docs d USING (doc_id)
LEFT JOIN names n ON n.code = f.code
WHERE f.measure = 'budget_completion_pct'
ORDER BY d.year, f.doc_id, f.source_line`;

/**
 * Year-on-year: every earlier-year figure implied by a stated change (narrative_facts
 * derived = true), paired with the stated figure of the document's year it was derived
 * from (the first term of `formula`; its own line where found, else the change's line).
 */
export const YEAR_ON_YEAR_SQL = `WITH ${DOCS},
derived AS (
  SELECT f.*, TRY_CAST(split_part(f.formula, ' ', 1) AS DOUBLE) AS current_value
  FROM narrative_facts f WHERE f.derived AND f.amount_wan IS NOT NULL
),
current_fact AS (
  SELECT * FROM (
    SELECT dv.fact_id, c.source_line, c.amount_wan, c.year,
      row_number() OVER (PARTITION BY dv.fact_id ORDER BY abs(dv.source_line - c.source_line), c.source_line) AS rn
    FROM derived dv JOIN narrative_facts c
      ON c.doc_id = dv.doc_id AND c.measure = 'amount' AND NOT c.derived AND c.subject = dv.subject
      AND c.value = dv.current_value AND c.source_line <= dv.source_line AND c.year <> dv.year
  ) WHERE rn = 1
),
pairs AS (
  SELECT dv.doc_id, dv.subject, dv.fact_id,
    dv.year AS earlier_year, round(dv.amount_wan, 6) AS earlier_wan, [dv.source_line] AS earlier_lines, dv.formula,
    coalesce(c.year, d.year) AS current_year,
    round(coalesce(c.amount_wan, dv.current_value), 6) AS current_wan,
    [coalesce(c.source_line, dv.source_line)] AS current_lines
  FROM derived dv JOIN docs d USING (doc_id) LEFT JOIN current_fact c USING (fact_id)
)
SELECT p.*, d.doc_label, d.entity, d.kind, d.scope_zh,
  round(p.current_wan - p.earlier_wan, 6) AS change_wan,
  (p.current_wan - p.earlier_wan) / nullif(p.earlier_wan, 0) AS change_ratio
FROM pairs p JOIN docs d USING (doc_id)
ORDER BY d.year, p.doc_id, p.earlier_lines[1]`;

/** The documents that can be compared, for the picker. */
export const COMPARE_DOCUMENTS_SQL = `WITH ${DOCS}
SELECT d.doc_id, d.doc_label, d.entity, d.year, d.kind, d.scope, d.scope_zh, d.level, d.region, d.province, d.city
FROM docs d ORDER BY d.year, d.entity, d.doc_id`;
