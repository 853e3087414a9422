/**
 * `narrative_facts`: figures stated in the PROSE (说明 sections) of a
 * disclosure, one row per number printed, plus derived earlier-year figures.
 *
 * measure vocabulary (what `value` is):
 *   amount                 money figure the sentence is about (决算数, 支出, 收入, 总计 …; in a budget document the 预算数)
 *   budget_amount          money labelled 预算 / 年初预算 / 预算数 in a final-account document (年初预算为X万元)
 *   adjusted_budget_amount money labelled 调整预算 / 调整后预算
 *   threshold              money bound of a category (单价50万元以上通用设备 → 50)
 *   change_amount          money difference against an earlier year (与2021年相比，减少X万元); see direction, compared_year
 *   change_pct             % difference against an earlier year (下降35.89%); also 个百分点
 *   change_count           difference of a count (人员较上年增加7人)
 *   share_pct              % share of a whole (占29.47%, 占总收入的100%)
 *   budget_completion_pct  % of the budget executed (完成预算84.87%, 完成年初预算的66.72%, 预算执行率为86.16%)
 *   rate_pct               any other printed % (自评覆盖率达到100%, 执行进度分别达到37%)
 *   count                  a count with its unit (辆, 个, 批次, 人次, 人, 名, 家, 台（套） …)
 *   score                  a score in 分 (自评得分92.62分)
 *   per_capita             money per person (人均资产为5.89万元)
 *
 * Derived rows (derived = true) are the earlier-year figures implied by a
 * stated change: measure amount, year = compared year, formula shows the sum.
 */

export interface NarrativeFact {
  doc_id: string;
  /** `${doc_id}:${source_line}:${index}`, index 0-based within the line (derived rows continue the count). */
  fact_id: string;
  /** The top-level heading the sentence is under (一、收入支出决算总体情况说明), null before any heading. */
  section: string | null;
  /** The second-level heading ((一)…) the sentence is under, null if none. */
  subsection: string | null;
  /** What the number is about, as printed (spaces removed). */
  subject: string;
  /** Functional classification code named by the subject (words or digits), null if unresolved. */
  code: string | null;
  measure: string;
  /** For share_pct: the whole as printed (总收入, 政府采购支出总额), else null. */
  base: string | null;
  /** The number as printed (commas removed). */
  value: number;
  /** 万元 / 元 / 亿元 / % / 个 / 辆 / 人次 / 批次 / 分 … */
  unit: string;
  /** Money normalised to 万元; null for non-money. */
  amount_wan: number | null;
  /** The year the figure refers to. */
  year: number | null;
  /** For changes: the year compared against. */
  compared_year: number | null;
  direction: "increase" | "decrease" | null;
  derived: boolean;
  formula: string | null;
  /** Set where the unit was not printed and the document's unit was assumed. */
  rule: string | null;
  /** 1-based line on which the number is printed. */
  source_line: number;
  /** That line as printed. */
  source_text: string;
  /** The whole sentence, wrapped lines joined. */
  sentence: string;
}

export interface NarrativeContext {
  amount_unit: string;
  year: number | null;
}
