/** Column specs of the 绩效 tables (rows built by loaders/performance/). */
import type { Column, TableSpecOut } from "./columns.ts";

const s = (name: string, description: string): Column => ({ name, type: "string", description });
const d = (name: string, description: string, unit?: string): Column => ({ name, type: "double", description, unit });
const i = (name: string, description: string): Column => ({ name, type: "int", description });
const b = (name: string, description: string): Column => ({ name, type: "bool", description });

export const PERFORMANCE_PROJECTS: TableSpecOut = {
  name: "performance_projects",
  description: "One row per 绩效 table (project self-evaluation, performance target, department-wide table).",
  columns: [
    s("doc_id", "Document id"),
    s("project_id", "Stable id: doc_id:source_line"),
    s("project_code", "Project code where printed (e.g. 51000021T000000011590)"),
    s("project_name", "Project name as printed; 部门整体 for the department-wide table"),
    s("department", "主管部门"),
    s("department_code", "Code printed with 主管部门"),
    s("implementing_unit", "实施单位 / 单位名称"),
    s("implementing_unit_code", "Unit code printed with the unit name"),
    d("budget_initial", "年初预算数, in `unit`"),
    d("budget_adjusted", "调整后预算数 / 全年预算数, in `unit`"),
    d("budget", "A single 预算数 / 资金总额 where no 年初/调整后 split is printed, in `unit`"),
    d("budget_fiscal", "财政拨款 part of the budget, in `unit`"),
    d("budget_other", "其他资金 part of the budget, in `unit`"),
    d("executed", "全年执行数 / 预算执行数, in `unit`"),
    d("execution_rate", "预算执行率 (%) as printed"),
    d("weight", "权重 / 分值 of the budget-execution row"),
    d("score", "得分 of the budget-execution row"),
    d("total_score", "Total score (合计 / 总分 row)"),
    d("total_weight", "Total weight (合计 / 总分 row)"),
    s("self_rating", "自评等级 where printed"),
    s("unit", "Money unit of the amounts as printed: 元 or 万元"),
    d("amount_wan", "budget_adjusted, else budget, else budget_initial, in 万元", "万元"),
    d("budget_initial_wan", "budget_initial in 万元", "万元"),
    d("budget_adjusted_wan", "budget_adjusted in 万元", "万元"),
    d("budget_wan", "budget in 万元", "万元"),
    d("executed_wan", "executed in 万元", "万元"),
    i("source_line", "Line of the project's name"),
    s("table_kind", "self_evaluation (自评表), target (绩效目标表) or department_overall (部门整体)"),
    i("title_line", "Line of the table's title"),
    s("source_lines", "All lines of the table block (JSON array)"),
  ],
};

export const PERFORMANCE_INDICATORS: TableSpecOut = {
  name: "performance_indicators",
  description: "One row per performance indicator (三级指标): target, actual, weight, score and whether it was met.",
  columns: [
    s("doc_id", "Document id"),
    s("project_id", "The project (performance_projects.project_id)"),
    s("project_name", "Project name; 部门整体 for the department-wide table"),
    i("indicator_index", "Order within the project"),
    s("level1", "一级指标 (产出 / 效益 / 满意度 / 成本)"),
    s("level2", "二级指标 (数量 / 质量 / 时效 / 社会效益 …)"),
    s("indicator", "三级指标 name"),
    s("operator", "≥ ≤ = > < or 定性"),
    d("target_value", "Target number"),
    s("target_text", "Target as printed"),
    s("unit", "Unit of the target and actual"),
    d("actual_value", "Actual number"),
    s("actual_text", "Actual as printed"),
    d("weight", "权重 / 分值"),
    d("score", "得分"),
    s("polarity", "正向 / 反向"),
    b("met", "Whether the target was met, where decidable"),
    s("met_rule", "How `met` was decided: numeric, text-equal, grade, wording"),
    s("reason_unmet", "偏差原因 / 未完成原因 as printed"),
    i("source_line", "Line holding the indicator's values"),
    s("source_text", "That line, as printed"),
    s("source_lines", "All lines that contributed (JSON array)"),
    s("rule", "Set when a value or name was pieced together"),
  ],
};
