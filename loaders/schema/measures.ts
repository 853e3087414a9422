/**
 * The measure vocabulary of line_items: what a column of a standard table
 * holds, in English snake_case. Parsers map printed column headers to these;
 * the data dictionary page lists them. Add entries, never rename.
 */
export const MEASURES = {
  // generic
  amount: { zh: "金额 / 决算数 / 预算数", en: "Amount (the single money column of a table)" },
  total: { zh: "合计 / 本年支出合计 / 本年收入合计", en: "Total of the row" },
  basic: { zh: "基本支出", en: "Basic expenditure (staff and running costs)" },
  project: { zh: "项目支出", en: "Project expenditure" },
  budget: { zh: "预算数", en: "Budgeted amount" },
  final: { zh: "决算数", en: "Final (actual) amount" },
  budget_initial: { zh: "年初预算数", en: "Initial budget" },
  budget_adjusted: { zh: "调整后预算数 / 全年预算数", en: "Adjusted budget" },
  completion_pct: { zh: "完成预算%", en: "Budget completion (%)" },
  line_no: { zh: "行次", en: "Row number as printed" },
  grand_total: { zh: "总计 / 收入总计 / 支出总计", en: "Grand total (including balances)" },
  income: { zh: "本年收入", en: "Income of the year" },
  expenditure: { zh: "本年支出", en: "Expenditure of the year" },
  // income sources
  fiscal_appropriation: { zh: "财政拨款（收入）", en: "Fiscal appropriation" },
  general_public_budget: { zh: "一般公共预算财政拨款", en: "General public budget appropriation" },
  government_fund: { zh: "政府性基金预算财政拨款", en: "Government fund budget appropriation" },
  state_capital: { zh: "国有资本经营预算财政拨款", en: "State capital operation budget appropriation" },
  fiscal_special_account: { zh: "财政专户管理资金", en: "Funds managed in fiscal special accounts" },
  special_account_education: { zh: "教育收费（财政专户拨款收入）", en: "Education fees paid through a fiscal special account" },
  special_account_other: { zh: "其他专户收入拨款（财政专户拨款收入）", en: "Other special-account income paid through a fiscal special account" },
  unit_funds: { zh: "单位资金", en: "The unit's own funds (income other than appropriations and special accounts)" },
  superior_subsidy: { zh: "上级补助收入", en: "Subsidy from the superior unit" },
  business_income: { zh: "事业收入", en: "Public service (business) income" },
  operating_income: { zh: "经营收入 / 事业单位经营收入", en: "Operating income" },
  subordinate_remittance: { zh: "附属单位上缴收入", en: "Remittances from affiliated units" },
  other_income: { zh: "其他收入", en: "Other income" },
  carryover_prior: { zh: "上年结转 / 年初结转和结余", en: "Carry-over from the previous year" },
  current_year_appropriation: { zh: "当年财政拨款安排", en: "Appropriation of the current year (as opposed to carry-over)" },
  prior_account_balance: { zh: "上年实户资金余额", en: "Balance of the unit's own bank accounts brought from the previous year" },
  special_funds_in_budget: { zh: "其中：专项资金列入部门预算的项目", en: "of which: special funds included in the department budget's projects" },
  carryover_next: { zh: "年末结转和结余", en: "Carry-over to the next year" },
  non_fiscal_balance_used: { zh: "使用非财政拨款结余", en: "Use of non-appropriation balances" },
  balance_distribution: { zh: "结余分配", en: "Distribution of balances" },
  // expenditure kinds
  remit_to_superior: { zh: "上缴上级支出", en: "Remittance to the superior unit" },
  operating_expenditure: { zh: "经营支出", en: "Operating expenditure" },
  subsidy_to_subordinate: { zh: "对附属单位补助支出", en: "Subsidies to affiliated units" },
  personnel: { zh: "人员经费", en: "Personnel expenses" },
  public_expenses: { zh: "公用经费", en: "Public (office) expenses" },
  // “三公” and running costs
  three_public_total: { zh: "“三公”经费合计", en: "“Three public” expenses, total" },
  overseas_travel: { zh: "因公出国（境）费", en: "Official overseas travel" },
  overseas_travel_research: { zh: "科研因公出国（境）费", en: "Official overseas travel for research, printed as a part of 因公出国（境）费" },
  overseas_travel_other: { zh: "因公出国（境）费（科研以外）", en: "Official overseas travel other than its parts printed beside it (科研因公出国（境）费)" },
  vehicles_total: { zh: "公务用车购置及运行维护费", en: "Official vehicles: purchase and operation" },
  vehicle_purchase: { zh: "公务用车购置费", en: "Official vehicle purchase" },
  vehicle_operation: { zh: "公务用车运行维护费", en: "Official vehicle operation and maintenance" },
  official_reception: { zh: "公务接待费", en: "Official reception" },
  agency_running_costs: { zh: "机关运行经费", en: "Agency running costs" },
  meeting_fees: { zh: "会议费", en: "Meeting expenses (printed beside the “three public” expenses)" },
  training_fees: { zh: "培训费", en: "Training expenses (printed beside the “three public” expenses)" },
  // government procurement printed beside the expenditure (Shenzhen 支出总表)
  procurement: { zh: "政府采购项目（小计）", en: "Government procurement projects" },
  procurement_sme: { zh: "其中：预留给中小企业的项目资金", en: "of which reserved for small and medium enterprises" },
  procurement_micro: { zh: "其中：预留给小型、微型企业的项目资金", en: "of which reserved for small and micro enterprises" },
  // 政府采购预算表 (one row per procurement item)
  procurement_budget: { zh: "采购预算金额", en: "Procurement budget of an item (政府采购预算表)" },
  quantity: { zh: "数量", en: "Quantity of a procurement item (a count, not money; unit 数量)" },
} satisfies Record<string, { zh: string; en: string }>;

/** A measure of line_items: what a column of a standard table holds. */
export type Measure = keyof typeof MEASURES;

/** The measure vocabulary of narrative_facts (figures stated in the prose; see loaders/prose/). */
export const NARRATIVE_MEASURES: Record<string, { zh: string; en: string }> = {
  amount: { zh: "金额（决算数、支出、收入、总计；预算文件中为预算数）", en: "Money figure the sentence is about" },
  budget_amount: { zh: "预算数 / 年初预算（决算文件中）", en: "Budgeted amount stated in a final-accounts document" },
  adjusted_budget_amount: { zh: "调整预算 / 调整后预算", en: "Adjusted budget" },
  threshold: { zh: "类别门槛（单价50万元以上）", en: "Money bound of a category" },
  change_amount: { zh: "与上年相比增减额", en: "Change against an earlier year (see direction, compared_year)" },
  change_pct: { zh: "增减百分比（含个百分点）", en: "Percentage change against an earlier year" },
  change_count: { zh: "数量增减（人员较上年增加7人）", en: "Change of a count" },
  share_pct: { zh: "占比（占29.47%）", en: "Share of a whole (see base)" },
  budget_completion_pct: { zh: "完成预算%、预算执行率", en: "Budget completion / execution rate (%)" },
  rate_pct: { zh: "其他百分比（覆盖率、执行进度）", en: "Any other stated percentage" },
  count: { zh: "数量（辆、个、批次、人次、人、家）", en: "A count with its unit" },
  score: { zh: "得分（分）", en: "A score in points" },
  per_capita: { zh: "人均金额", en: "Money per person" },
};

/** Measures a panel row shares with line_items, in the same words. */
const shared = (...names: Measure[]) => Object.fromEntries(names.map((n) => [n, MEASURES[n]]));

/** The measures of the `panel` table (loaders/panel/), in display order; function_class rows carry the 类 code. */
export const PANEL_MEASURES: Record<string, { zh: string; en: string }> = {
  grand_total: { zh: "收支总计", en: "Grand total of income and expenditure (including balances)" },
  income: { zh: "本年收入合计", en: "Income of the year" },
  expenditure: { zh: "本年支出合计", en: "Expenditure of the year" },
  ...shared("basic", "project", "personnel", "public_expenses"),
  ...shared("three_public_total", "overseas_travel", "vehicles_total", "vehicle_purchase", "vehicle_operation", "official_reception", "agency_running_costs"),
  function_class: { zh: "功能分类（类）", en: "Expenditure of one functional class (类); code holds it" },
};
