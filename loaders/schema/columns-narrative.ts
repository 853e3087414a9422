/** Column spec of narrative_facts (rows built by loaders/prose/; vocabulary in loaders/prose/types.ts). */
import { s, d, i, b, type TableSpecOut } from "./columns.ts";

export const NARRATIVE_FACTS: TableSpecOut = {
  name: "narrative_facts",
  description: "One row per figure stated in the prose (说明), plus the earlier-year figures implied by stated changes (derived).",
  columns: [
    s("doc_id", "Document id"),
    s("fact_id", "Stable id: doc_id:source_line:index"),
    s("section", "Top-level heading the sentence is under"),
    s("subsection", "Second-level heading the sentence is under"),
    s("subject", "What the number is about, as printed"),
    s("code", "Functional classification code named by the subject"),
    s("measure", "amount, budget_amount, adjusted_budget_amount, threshold, change_amount, change_pct, change_count, share_pct, budget_completion_pct, rate_pct, count, score, per_capita"),
    s("base", "For share_pct: the whole as printed"),
    d("value", "The number as printed, in `unit`"),
    s("unit", "万元, 元, 亿元, %, 个, 辆, 人次, 批次, 分 …"),
    d("amount_wan", "Money in 万元; null for non-money", "万元"),
    i("year", "Year the figure refers to"),
    i("compared_year", "For changes: the year compared against"),
    s("direction", "increase or decrease, for changes"),
    b("derived", "True for earlier-year figures implied by a stated change"),
    s("formula", "How a derived figure was computed"),
    s("rule", "Set where an assumption was made (e.g. the unit was not printed)"),
    i("source_line", "Line on which the number is printed"),
    s("source_text", "That line, as printed"),
    s("sentence", "The whole sentence, wrapped lines joined"),
  ],
};
