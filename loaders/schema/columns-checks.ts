/** Column spec of checks (rows built by loaders/audit/; rule list in loaders/audit/rules.ts). */
import { s, d, type TableSpecOut } from "./columns.ts";

export const CHECKS: TableSpecOut = {
  name: "checks",
  description: "One row per audit finding: a total that does not equal its parts, a figure that differs between tables, prose that contradicts a table or its own arithmetic. Passing checks emit no row.",
  columns: [
    s("doc_id", "Document id"),
    s("check_id", "Stable id: doc_id:rule:n"),
    s("rule", "Rule id (see the rule list on the /audit page and loaders/audit/rules.ts)"),
    s("severity", "error, warning or info (info: a difference within rounding, 0.01 万元 per term)"),
    s("message", "What disagrees, in Chinese and English, naming both numbers"),
    d("expected", "The value the rule expects (e.g. the sum of the parts)"),
    d("actual", "The value printed"),
    d("difference", "actual − expected"),
    d("tolerance", "Difference accepted as rounding"),
    s("source_lines", "Every line involved (JSON array of 1-based line numbers)"),
    s("table_ids", "Tables involved (JSON array)"),
    s("subject", "Row label, code or prose subject the check is about"),
    s("family", "Family of the rule: completeness, arithmetic, cross_table, prose_tables, prose_arithmetic, repeated, performance, classification, units, naming, explanations (see the /audit page)"),
  ],
};
