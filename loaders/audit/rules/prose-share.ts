/**
 * prose_share: a share stated in the prose (占 X%) recomputed as part ÷ whole
 * from the amounts the same sentence states. The part is the amount just
 * before the share; the whole is the sentence's leading amount when that
 * amount carries no share of its own (“支出 1711.44 万元，主要用于：A 566.29 万元，
 * 占 33.09%；…”), else — when every amount carries a share — their sum. A
 * share that reproduces exactly against an intermediate amount (人员经费 占
 * 基本支出) is read as a share of that amount.
 */
import { decimalsOf, type RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { isStatedAmount, linesOf, sentencesOf } from "../sentences.ts";
import type { NarrativeFactLike } from "../types.ts";

export function proseShare(ctx: AuditContext, run: RuleRun): void {
  for (const sentence of sentencesOf(ctx.input.facts ?? [])) {
    const shares = sentence.filter((f) => f.measure === "share_pct" && !f.derived);
    if (shares.length === 0) continue;
    const partOf = new Map<NarrativeFactLike, NarrativeFactLike>();
    for (const s of shares) {
      const at = sentence.indexOf(s);
      for (let i = at - 1; i >= 0; i--) {
        if (sentence[i].measure === "share_pct") break;
        if (isStatedAmount(sentence[i])) {
          partOf.set(s, sentence[i]);
          break;
        }
      }
    }
    const amounts = sentence.filter(isStatedAmount);
    const parts = new Set(partOf.values());
    const lead = amounts[0] && !parts.has(amounts[0]) ? amounts[0] : null;
    const allShared = !lead && amounts.length > 1 && amounts.every((a) => parts.has(a));
    const sharesSum = shares.reduce((s, f) => s + f.value, 0);
    const wholeValue = lead ? lead.amount_wan! : allShared && Math.abs(sharesSum - 100) <= 0.5 ? amounts.reduce((s, a) => s + a.amount_wan!, 0) : null;
    if (wholeValue === null || wholeValue === 0) continue;
    const wholeName = lead ? `${lead.subject} ${lead.value}${lead.unit}` : `Σ ${amounts.length} 项 ${Math.round(wholeValue * 100) / 100}万元`;
    for (const s of shares) {
      const part = partOf.get(s);
      if (!part) continue;
      // a share of a sub-total stated earlier in the sentence (人员经费 占 基本支出) is read against it
      const tol = 10 ** -Math.min(2, decimalsOf(s.value));
      const nested = amounts
        .slice(0, amounts.indexOf(part))
        .reverse()
        .find((w) => w !== lead && w.amount_wan && Math.abs((part.amount_wan! / w.amount_wan) * 100 - s.value) <= tol);
      if (nested && Math.abs((part.amount_wan! / wholeValue) * 100 - s.value) > tol) {
        run.pass();
        continue;
      }
      run.percent(
        () => ({
          zh: `${part.subject} ${part.value}${part.unit} 占 ${wholeName} 的比重`,
          en: `share of ${part.subject} in ${lead ? lead.subject : "the sum of the listed amounts"}`,
          subject: part.subject,
          source_lines: linesOf(part, s, lead),
          table_ids: [],
        }),
        (part.amount_wan! / wholeValue) * 100,
        s.value,
      );
    }
  }
}
