/**
 * prose_change: a stated change in percent (增长 / 下降 X%) recomputed as
 * change ÷ earlier-year figure, from the same sentence: the change amount
 * stated just before the percent, and the earlier-year amount (as printed,
 * else the prose extractor's derived one, else current − change).
 * “个百分点” changes are not ratios and are skipped.
 */
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { isStatedAmount, linesOf, sentencesOf } from "../sentences.ts";
import type { NarrativeFactLike } from "../types.ts";

function before(sentence: NarrativeFactLike[], at: number, pick: (f: NarrativeFactLike) => boolean): NarrativeFactLike | null {
  for (let i = at - 1; i >= 0; i--) if (pick(sentence[i])) return sentence[i];
  return null;
}

export function proseChange(ctx: AuditContext, run: RuleRun): void {
  for (const sentence of sentencesOf(ctx.input.facts ?? [])) {
    sentence.forEach((pct, at) => {
      if (pct.measure !== "change_pct" || pct.derived || pct.unit !== "%") return;
      const change = before(sentence, at, (f) => f.measure === "change_amount" && f.amount_wan !== null);
      const year = pct.compared_year ?? change?.compared_year ?? null;
      const earlierStated = sentence.find((f) => isStatedAmount(f) && year !== null && f.year === year && f.year !== (pct.year ?? null));
      const earlierDerived = sentence.find((f) => f.derived && f.measure === "amount" && f.amount_wan !== null && (year === null || f.year === year));
      const current = before(sentence, at, (f) => isStatedAmount(f) && f !== earlierStated && (year === null || f.year !== year));
      let earlier: number | null = earlierStated?.amount_wan ?? earlierDerived?.amount_wan ?? null;
      let delta: number | null = change ? Math.abs(change.amount_wan!) : null;
      if (earlier === null && current && change) earlier = current.amount_wan! - (change.direction === "decrease" ? -1 : 1) * delta!;
      if (delta === null && current && earlier !== null) delta = Math.abs(current.amount_wan! - earlier);
      if (earlier === null || delta === null || earlier === 0) return;
      run.percent(
        {
          zh: `${pct.subject} 较 ${year ?? "上年"} 年变动比例（${delta.toFixed(2)} ÷ ${earlier.toFixed(2)}）`,
          en: `change of ${pct.subject} against ${year ?? "the previous year"} (${delta.toFixed(2)} / ${earlier.toFixed(2)})`,
          subject: pct.subject,
          source_lines: linesOf(pct, change, earlierStated, current),
          table_ids: [],
        },
        (delta / earlier) * 100, Math.abs(pct.value),
      );
    });
  }
}
