/**
 * performance_rate: a 绩效 table's 预算执行率 recomputed as 执行数 ÷ 预算数
 * (调整后 / 全年预算 where printed, else the single 预算数, else 年初预算).
 * A budget equal to the amount executed with a rate other than 100 % is the
 * repeated rule's (an error: the figures cannot both hold).
 */
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { equalButNotFull } from "./repeated.ts";

export function performanceRate(ctx: AuditContext, run: RuleRun): void {
  for (const p of ctx.input.projects ?? []) {
    const budget = p.budget_adjusted ?? p.budget ?? p.budget_initial;
    if (p.execution_rate === null || p.executed === null || !budget) continue;
    if (equalButNotFull(budget, p.executed, p.execution_rate)) continue; // cannot both hold: the repeated rule reports it
    run.percent(
      () => ({
        zh: `绩效项目“${p.project_name}”预算执行率（${p.executed} ÷ ${budget}${p.unit}）`,
        en: `execution rate of project "${p.project_name}" (executed ÷ budget)`,
        subject: p.project_name,
        source_lines: [p.source_line],
        table_ids: [],
      }),
      (p.executed / budget) * 100,
      p.execution_rate,
    );
  }
}
