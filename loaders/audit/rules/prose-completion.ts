/**
 * prose_completion: a stated budget completion (完成预算 X% / 预算执行率 X%)
 * recomputed as 决算数 ÷ 预算数 from the amounts the same sentence states
 * (调整后预算 where stated, else 年初预算 / 预算). A budget equal to the final
 * with a completion other than 100 % is the repeated rule's (an error).
 */
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { isStatedAmount, linesOf, sentencesOf } from "../sentences.ts";
import { equalButNotFull } from "./repeated.ts";

export function proseCompletion(ctx: AuditContext, run: RuleRun): void {
  for (const sentence of sentencesOf(ctx.input.facts ?? [])) {
    sentence.forEach((pct, at) => {
      if (pct.measure !== "budget_completion_pct" || pct.derived) return;
      const upto = sentence.slice(0, at);
      const adjusted = /调整/.test(pct.source_text + pct.sentence) ? upto.filter((f) => f.measure === "adjusted_budget_amount").pop() : undefined;
      const budget = adjusted ?? upto.filter((f) => f.measure === "budget_amount" || f.measure === "adjusted_budget_amount").pop();
      const final = upto.filter(isStatedAmount).pop();
      if (!budget || !final || budget.amount_wan === null || budget.amount_wan === 0) return;
      if (equalButNotFull(budget.amount_wan, final.amount_wan!, pct.value)) return; // cannot both hold: the repeated rule reports it
      run.percent(
        () => ({
          zh: `${pct.subject} 预算完成率（${final.value}${final.unit} ÷ ${budget.value}${budget.unit}）`,
          en: `budget completion of ${pct.subject} (final ÷ budget)`,
          subject: pct.subject,
          source_lines: linesOf(budget, final, pct),
          table_ids: [],
        }),
        (final.amount_wan! / budget.amount_wan) * 100,
        pct.value,
      );
    });
  }
}
