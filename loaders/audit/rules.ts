/**
 * The audit rules, in the order they run and are reported. Severity policy
 * (all rules): a difference within the tolerance is rounding (尾差) → info;
 * beyond it → error for table figures, warning for prose wording and
 * percentages. Amount tolerance: 0.01 万元 per term summed; percent
 * tolerance: 0.01 points for 2 printed decimals, 0.1 for 1, 1 for none.
 * A check that passes emits nothing (auditStats counts it).
 */
import type { RuleRun } from "./compare.ts";
import type { AuditContext } from "./context.ts";
import { balances } from "./rules/balances.ts";
import { basic } from "./rules/basic.ts";
import { codeNames } from "./rules/code-names.ts";
import { completeness } from "./rules/completeness.ts";
import { crossTable } from "./rules/cross-table.ts";
import { explanations } from "./rules/explanations.ts";
import { hierarchy } from "./rules/hierarchy.ts";
import { naming } from "./rules/naming.ts";
import { performanceCost } from "./rules/performance-cost.ts";
import { performanceRate } from "./rules/performance-rate.ts";
import { performanceScore } from "./rules/performance-score.ts";
import { performanceWeights } from "./rules/performance-weights.ts";
import { proseChange } from "./rules/prose-change.ts";
import { proseCompletion } from "./rules/prose-completion.ts";
import { proseParts } from "./rules/prose-parts.ts";
import { proseShare } from "./rules/prose-share.ts";
import { proseTables } from "./rules/prose-tables.ts";
import { repeated } from "./rules/repeated.ts";
import { row } from "./rules/row.ts";
import { threePublic } from "./rules/three-public.ts";
import { totals } from "./rules/totals.ts";
import { units } from "./rules/units.ts";

/** Families of checks, in report order: what a reviewing auditor looks at. */
export const FAMILIES: Array<{ id: string; zh: string; en: string }> = [
  { id: "completeness", zh: "完整性：应公开的表格与说明", en: "Completeness: required tables and explanations" },
  { id: "arithmetic", zh: "表内勾稽：合计与各项", en: "Table arithmetic: totals against their parts" },
  { id: "cross_table", zh: "表间一致", en: "Across tables" },
  { id: "prose_tables", zh: "正文与表格一致", en: "Prose against the tables" },
  { id: "prose_arithmetic", zh: "正文自身的计算", en: "Prose arithmetic" },
  { id: "repeated", zh: "同一数字多处刊印应一致", en: "The same figure printed several times" },
  { id: "performance", zh: "绩效表", en: "Performance tables" },
  { id: "classification", zh: "科目编码与名称", en: "Classification codes and names" },
  { id: "units", zh: "计量单位", en: "Units" },
  { id: "naming", zh: "单位名称一致", en: "Entity naming" },
  { id: "explanations", zh: "变动原因说明", en: "Explanations of changes" },
];

export interface RuleSpec {
  id: string;
  /** One of FAMILIES. */
  family: string;
  zh: string;
  en: string;
  /** Severity beyond tolerance. */
  severity: "error" | "warning";
  run: (ctx: AuditContext, run: RuleRun) => void;
}

export const RULES: RuleSpec[] = [
  {
    id: "completeness",
    family: "completeness",
    zh: "完整性：按文档类别应公开的标准表格均已刊印或有空表说明；应有的说明部分（收入、支出、财政拨款、“三公”、机关运行经费、政府采购、国有资产、绩效）均在",
    en: "Completeness: every standard table of the document's kind is printed or covered by a no-data statement; the required explanations are present",
    severity: "warning",
    run: completeness,
  },
  {
    id: "totals",
    family: "arithmetic",
    zh: "总表：收入总计 = 支出总计；本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 收入总计；本年支出合计 + 结余分配 + 年末结转和结余 = 支出总计；本年合计 = Σ 各项（按编号层级只取最高一级，如 一、 而非其下的 1. 2. 3.）；有编号分项的行 = Σ 其分项（一、财政拨款 = 1. + 2. + 3.）",
    en: "Two-sided summary tables: total income = total expenditure; year totals + balances = totals; year totals = sum of their top-level rows (by the numbering outline); a numbered row = sum of the rows numbered under it",
    severity: "error",
    run: totals,
  },
  {
    id: "row",
    family: "arithmetic",
    zh: "同一行：合计 = 基本支出 + 项目支出；合计 = Σ 收入来源；财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营；年末结转 = 年初结转 + 收入 − 支出",
    en: "Within a row: total = basic + project; total = sum of sources; appropriation = sum of funds; closing = opening + income − expenditure",
    severity: "error",
    run: row,
  },
  {
    id: "hierarchy",
    family: "arithmetic",
    zh: "科目层级：类 = Σ 款，款 = Σ 项（同表同列、同单位）；合计 = Σ 最高级科目；单位小计 = Σ 其科目；合计 = Σ 各单位",
    en: "Code hierarchy within a table column (and unit): class = sum of its items; total = sum of top-level rows / of units",
    severity: "error",
    run: hierarchy,
  },
  {
    id: "basic",
    family: "arithmetic",
    zh: "基本支出 = 人员经费 + 公用经费（同一行；经济分类表中人员经费 = 301 + 303，公用经费 = 其余各类）",
    en: "Basic expenditure = personnel + public expenses (per row; personnel = economic classes 301 + 303, public = the others)",
    severity: "error",
    run: basic,
  },
  {
    id: "three_public",
    family: "arithmetic",
    zh: "“三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车购置及运行维护费 = 购置费 + 运行维护费",
    en: "“Three public” = overseas travel + vehicles + reception; vehicles = purchase + operation",
    severity: "error",
    run: threePublic,
  },
  {
    id: "cross_table",
    family: "cross_table",
    zh: "跨表一致：同一科目（或合计）在不同表中的同口径数字应一致",
    en: "The same figure (code or total, same money and column kind) must agree across tables",
    severity: "error",
    run: crossTable,
  },
  {
    id: "balances",
    family: "cross_table",
    zh: "结转结余：财政拨款收入支出总表的年初、年末结转和结余不得大于收入支出总表的同一数字",
    en: "Balances: the fiscal-appropriation opening and closing balances cannot exceed those of all money",
    severity: "error",
    run: balances,
  },
  {
    id: "prose_tables",
    family: "prose_tables",
    zh: "正文与表格一致：正文所列金额（科目、合计、基本支出、项目支出、“三公”经费等）应等于表中数字",
    en: "Amounts stated in the prose that name a table row or total must equal the table",
    severity: "warning",
    run: proseTables,
  },
  {
    id: "prose_parts",
    family: "prose_arithmetic",
    zh: "正文总数与其后所列各项（其中、分别为、主要包括）相符：金额、个数（辆、人次、批次）与得分；各项之和不得超过总数，总数为 0 时各项不得为正",
    en: "A whole stated in the prose against the parts listed after it (其中 / 分别为 / 主要包括): money, counts and scores",
    severity: "warning",
    run: proseParts,
  },
  {
    id: "prose_share",
    family: "prose_arithmetic",
    zh: "正文占比 = 部分 ÷ 总体（按正文所列金额重算）",
    en: "Stated shares recomputed as part ÷ whole from the stated amounts",
    severity: "warning",
    run: proseShare,
  },
  {
    id: "prose_change",
    family: "prose_arithmetic",
    zh: "正文增减幅度 = 增减额 ÷ 上年数（按正文所列金额重算）",
    en: "Stated changes in percent recomputed as change ÷ earlier-year figure",
    severity: "warning",
    run: proseChange,
  },
  {
    id: "prose_completion",
    family: "prose_arithmetic",
    zh: "正文预算完成率 = 决算数 ÷ 预算数",
    en: "Stated budget completion recomputed as final ÷ budget",
    severity: "warning",
    run: proseCompletion,
  },
  {
    id: "repeated",
    family: "repeated",
    zh: "同一数字多处刊印应一致：正文中同一金额或得分、正文所述项目得分与绩效表总分；预算数与决算数相同而完成率不为 100% 不能同时成立",
    en: "The same figure printed several times agrees: an amount or score the prose states twice, a project's score in the prose and its 绩效 table; a budget equal to the final with a completion other than 100 % cannot hold",
    severity: "error",
    run: repeated,
  },
  {
    id: "performance_rate",
    family: "performance",
    zh: "绩效表：预算执行率 = 执行数 ÷ 预算数（调整后预算优先）",
    en: "Performance tables: execution rate = executed ÷ budget (adjusted where printed)",
    severity: "warning",
    run: performanceRate,
  },
  {
    id: "performance_score",
    family: "performance",
    zh: "绩效表：总分 = Σ 指标得分（+ 预算执行率得分）；得分 ≤ 分值",
    en: "Performance tables: total score = sum of indicator scores (+ execution score); score ≤ weight",
    severity: "error",
    run: performanceScore,
  },
  {
    id: "performance_weights",
    family: "performance",
    zh: "绩效表：满分 = Σ 指标分值（+ 预算执行率分值）；自评等级与总分相符（优 ≥ 90，良 80–90，中 60–80，差 < 60）",
    en: "Performance tables: full mark = sum of the indicator weights (+ execution weight); the self-rating grade matches the total score",
    severity: "error",
    run: performanceWeights,
  },
  {
    id: "performance_cost",
    family: "performance",
    zh: "绩效表：以金额计的成本指标（元、万元）不得大于项目预算数，其实际完成值不得大于执行数",
    en: "Performance tables: a cost indicator stated as an amount (元, 万元) cannot exceed the project's budget, nor its actual value the amount executed",
    severity: "error",
    run: performanceCost,
  },
  {
    id: "code_names",
    family: "classification",
    zh: "科目名称：编码与全国科目名称一致（款、项未印成其他科目的名称）；同一编码在各表与正文中名称一致",
    en: "Code names: each code carries its national name (not another code's); the same code is named alike in the tables and the prose",
    severity: "warning",
    run: codeNames,
  },
  {
    id: "units",
    family: "units",
    zh: "计量单位：数字正确而单位有误（元与万元混用、相差一万倍）——正文金额与前文、表格或其所列各项相比，表格之间同一数字相比",
    en: "Units: the right figure in the wrong unit (元 for 万元, ×10,000) — a prose amount against the figure before it, its table or its listed parts; the same figure in two tables",
    severity: "error",
    run: units,
  },
  {
    id: "naming",
    family: "naming",
    zh: "单位名称：封面、表头（编制单位、单位名称、部门名称、预算单位）与各部分标题中的单位名称及范围标注（本级、汇总）一致",
    en: "Naming: the entity is named alike on the cover, in the table headers and the part titles, with the same scope marker (本级 / 汇总)",
    severity: "warning",
    run: naming,
  },
  {
    id: "explanations",
    family: "explanations",
    zh: "变动说明：较上年增减 10% 及以上的数字应说明主要原因",
    en: "Explanations: a change of 10% or more on the previous year states its main reason",
    severity: "warning",
    run: explanations,
  },
];
