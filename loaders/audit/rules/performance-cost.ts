/**
 * performance_cost: a 绩效 table's 成本指标 stated as a total amount of money
 * (unit 元 / 万元 / 千元 / 亿元, not a rate such as 万元/个) is part of what the
 * project costs, so it cannot exceed the project's own figures: its actual
 * value (实际完成值) not the amount executed (执行数) — both cannot hold, an
 * error; its target (指标值) not the project's budget — the largest printed
 * (年初预算, 调整后 / 全年预算 or the single 预算数), since a target is set
 * against the budget of its time: a plan that cannot be met within the
 * budget, a warning. Both sides are converted to 万元; the tolerance is the
 * usual 0.01 万元 per figure.
 */
import { uniqueAscending } from "../../base/line-order.ts";
import { toWanFactor } from "../../base/money.ts";
import { fmt, type RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import type { IndicatorLike, ProjectLike, Severity } from "../types.ts";
import { indicatorsByProject, linesOfIndicator } from "./performance-score.ts";

const COST = /成本/;

/** The indicator's factor to 万元 when it states a total amount of money (a cost), else null. */
function moneyFactor(i: IndicatorLike): number | null {
  if (!COST.test(`${i.level1 ?? ""}${i.level2 ?? ""}`)) return null;
  return toWanFactor((i.unit ?? "").replace(/\s/g, ""));
}

export function performanceCost(ctx: AuditContext, run: RuleRun): void {
  const byProject = indicatorsByProject(ctx);
  for (const p of ctx.input.projects ?? []) {
    const pf = toWanFactor(p.unit);
    if (pf === null) continue;
    const budgets = [p.budget_initial, p.budget_adjusted, p.budget].filter((b): b is number => b != null);
    const budget = budgets.length ? Math.max(...budgets) : null;
    for (const i of byProject.get(p.project_id) ?? []) {
      const f = moneyFactor(i);
      if (f === null) continue;
      compare(run, p, i, "指标值", "target", i.target_value, f, budget, "预算数", "budget", pf, "warning");
      compare(run, p, i, "实际完成值", "actual value", i.actual_value, f, p.executed, "执行数", "amount executed", pf, "error");
    }
  }
}

function compare(
  run: RuleRun,
  p: ProjectLike,
  i: IndicatorLike,
  partZh: string,
  partEn: string,
  part: number | null | undefined,
  partFactor: number,
  whole: number | null,
  wholeZh: string,
  wholeEn: string,
  wholeFactor: number,
  severity: Severity,
): void {
  if (part == null || whole == null || whole <= 0 || !Number.isFinite(part)) return;
  const partWan = part * partFactor;
  const wholeWan = whole * wholeFactor;
  if (partWan <= wholeWan + 0.02) {
    run.pass();
    return;
  }
  run.fail(
    {
      zh: `绩效项目“${p.project_name}”成本指标“${i.indicator}”`,
      en: `project "${p.project_name}": cost indicator "${i.indicator}"`,
      subject: p.project_name,
      source_lines: uniqueAscending([...linesOfIndicator(i), p.source_line]),
      table_ids: [],
    },
    severity,
    `成本指标“${i.indicator}”的${partZh} ${fmt(part)}${i.unit}（${fmt(partWan)} 万元）大于项目${wholeZh} ${fmt(whole)}${p.unit}（${fmt(wholeWan)} 万元）${severity === "error" ? "，不能同时成立" : "，计划超出预算"}。`,
    `the ${partEn} of cost indicator "${i.indicator}", ${fmt(part)} ${i.unit} (${fmt(partWan)} 万元), exceeds the project's ${wholeEn} ${fmt(whole)} ${p.unit} (${fmt(wholeWan)} 万元)${severity === "error" ? ": both cannot hold" : ": a plan beyond the budget"}.`,
    wholeWan,
    partWan,
  );
}
