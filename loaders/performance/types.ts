/**
 * Rows of the `performance_projects` and `performance_indicators` tables:
 * the 绩效 tables (项目支出绩效自评表, 绩效目标表, 部门整体支出绩效目标表 …).
 * Column names are a public API: add columns freely, never rename or drop.
 */

import type { PerformanceTableKind } from "../segment/performance.ts";

export type { PerformanceTableKind };

export interface PerformanceProject {
  doc_id: string;
  /** Stable: `${doc_id}:${source_line}`. */
  project_id: string;
  /** Project code where printed (51000021T000000011590). */
  project_code: string | null;
  /** As printed; "部门整体" for the department-wide table. */
  project_name: string;
  /** 主管部门 (without a printed code such as [261] / 315001). */
  department: string | null;
  /** The code printed with 主管部门 ([261]贵州省医疗保障局 → "261"). */
  department_code: string | null;
  /** 实施单位 (002: 单位名称 without its code). */
  implementing_unit: string | null;
  /** The unit code printed with 单位名称 in 绩效目标表 (347001). */
  implementing_unit_code: string | null;
  /** 年初预算数 in `unit`. */
  budget_initial: number | null;
  /** 调整后预算数 / 全年预算数 in `unit`. */
  budget_adjusted: number | null;
  /** A single 预算数 / 资金总额 where no 年初/调整后 split is printed (002, 003, 部门整体). */
  budget: number | null;
  /** 财政拨款 part of `budget` where printed (部门整体 tables). */
  budget_fiscal: number | null;
  /** 其他资金 part of `budget` where printed (部门整体 tables). */
  budget_other: number | null;
  /** The funding sub-rows of the budget row (其中：当年财政拨款 | 上年结转资金 | 其他资金), each 年初预算数 / 全年预算数 / 全年执行数 in `unit`. */
  fiscal_budget_initial: number | null;
  fiscal_budget_adjusted: number | null;
  fiscal_executed: number | null;
  carryover_budget_initial: number | null;
  carryover_budget_adjusted: number | null;
  carryover_executed: number | null;
  other_budget_initial: number | null;
  other_budget_adjusted: number | null;
  other_executed: number | null;
  /** Where each funding sub-row is printed: JSON object source → line (`{"fiscal":656,"carryover":659,"other":662}`), null when none is read. */
  funding_lines: string | null;
  /** 预算执行数 / 全年执行数 / 执行数 in `unit`. */
  executed: number | null;
  /** 预算执行率 in percent as printed (86.16% → 86.16). */
  execution_rate: number | null;
  /** 权重 / 分值 of the budget-execution row. */
  weight: number | null;
  /** 得分 of the budget-execution row. */
  score: number | null;
  /** Total score: last number of the 合计 / 总分 row. */
  total_score: number | null;
  /** Total weight: first number of a 合计 / 总分 row printing two numbers (100 80 → 100). */
  total_weight: number | null;
  /** 优 / 良 / 中 / 差 where printed (自评等级). */
  self_rating: string | null;
  /** Money unit as printed for the amounts: 元 or 万元. */
  unit: string;
  /** budget_adjusted, else budget, else budget_initial, in 万元. */
  amount_wan: number | null;
  budget_initial_wan: number | null;
  budget_adjusted_wan: number | null;
  budget_wan: number | null;
  executed_wan: number | null;
  /** The project's title / name line (1-based). */
  source_line: number;
  table_kind: PerformanceTableKind;
  /** The title line of the table block (1-based). */
  title_line: number;
  /** All lines of the block, 1-based. */
  source_lines: number[];
}

export interface PerformanceIndicator {
  doc_id: string;
  project_id: string;
  project_name: string;
  /** Order within the project (1-based). */
  indicator_index: number;
  /** 一级指标 as printed (产出指标 / 效益指标 / 满意度指标 / 成本指标 / 完成指标). */
  level1: string | null;
  /** 二级指标 as printed (数量指标 / 质量指标 / 时效指标 / 社会效益指标 …). */
  level2: string | null;
  /** 三级指标 name (wrapped lines joined). */
  indicator: string;
  /** ≥ ≤ = > < or 定性; null where none is printed. */
  operator: string | null;
  target_value: number | null;
  /** Target as printed (TeX and ASCII operators kept as in the source). */
  target_text: string | null;
  /** 度量单位, or the unit printed after the target number. */
  unit: string | null;
  actual_value: number | null;
  actual_text: string | null;
  weight: number | null;
  score: number | null;
  /** 正向 / 反向 where printed (指标方向性). */
  polarity: string | null;
  /** true/false where decidable from operator, target and actual; null otherwise. */
  met: boolean | null;
  /** How `met` was decided: "numeric", "text-equal", "grade", "wording"; null if not. */
  met_rule: string | null;
  /** 未完成原因分析 / 偏差原因 where printed (wrapped lines joined). */
  reason_unmet: string | null;
  /** The line holding the indicator's values (1-based). */
  source_line: number;
  source_text: string;
  /** All lines that contributed (name wraps, values, reason), 1-based. */
  source_lines: number[];
  /** Non-null when a column assignment was inferred, naming the rule. */
  rule: string | null;
}
