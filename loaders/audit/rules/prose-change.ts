/**
 * prose_change: a stated change in percent (增长 / 下降 X%) recomputed as
 * change ÷ earlier-year figure, from the same sentence: the change amount
 * stated just before the percent, and the earlier-year amount (as printed,
 * else the prose extractor's derived one, else current − change).
 * “个百分点” changes are not ratios and are skipped.
 * Where the sentence states all three amounts (this year, the earlier year
 * and the change), the change must equal this year − earlier year, with the
 * direction stated (增加 / 减少) — checked once per change amount.
 */
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { inReadingOrder, isStatedAmount, linesOf, sentencesOf } from "../sentences.ts";
import type { NarrativeFactLike } from "../types.ts";

function before(sentence: readonly NarrativeFactLike[], at: number, pick: (f: NarrativeFactLike) => boolean): NarrativeFactLike | null {
  for (let i = at - 1; i >= 0; i--) if (pick(sentence[i])) return sentence[i];
  return null;
}

/**
 * A stated change amount against this year − the earlier year: the earlier
 * year's amount stated in its sentence, this year's in it or in the sentence
 * just before (“2021 年度收、支总计 1826.79 万元。与 2020 年 1254.66 万元相比 …”).
 */
function changeAmounts(facts: NarrativeFactLike[], run: RuleRun): void {
  const ordered = inReadingOrder(facts);
  ordered.forEach((change, at) => {
    if (change.measure !== "change_amount" || change.derived || change.amount_wan === null || change.compared_year == null) return;
    const year = change.compared_year;
    const sentence = ordered.filter((f) => f.sentence === change.sentence);
    const earlier = sentence.find((f) => isStatedAmount(f) && f.year === year && f.year !== change.year && f.subject === change.subject);
    if (!earlier) return;
    // this year's figure: named as the change is, else the first one whose name contains it (预算收入总额 … 预算收入),
    // in the same section and at most a few lines above
    const near = (f: NarrativeFactLike) => f.section === change.section && f.subsection === change.subsection && change.source_line - f.source_line <= 4;
    const thisYear = ordered.slice(0, at).filter((f) => isStatedAmount(f) && f.year === change.year && near(f));
    const current = thisYear.filter((f) => f.subject === change.subject).pop() ?? thisYear.find((f) => f.subject.includes(change.subject));
    if (!earlier || !current) return;
    const sign = change.direction === "decrease" ? -1 : 1;
    run.amounts(
      () => ({
        zh: `${change.subject} 较 ${year} 年${sign < 0 ? "减少" : "增加"}额 = ${change.year ?? "本年"} 年 ${current.value}${current.unit} − ${year} 年 ${earlier.value}${earlier.unit}`,
        en: `change of ${change.subject} on ${year} = ${current.value} ${current.unit} − ${earlier.value} ${earlier.unit}`,
        subject: change.subject,
        source_lines: linesOf(current, earlier, change),
        table_ids: [],
      }),
      current.amount_wan! - earlier.amount_wan!,
      sign * change.amount_wan,
      2,
      "prose",
    );
  });
}

export function proseChange(ctx: AuditContext, run: RuleRun): void {
  changeAmounts(ctx.input.facts ?? [], run);
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
        () => ({
          zh: `${pct.subject} 较 ${year ?? "上年"} 年变动比例（${delta.toFixed(2)} ÷ ${earlier.toFixed(2)}）`,
          en: `change of ${pct.subject} against ${year ?? "the previous year"} (${delta.toFixed(2)} / ${earlier.toFixed(2)})`,
          subject: pct.subject,
          source_lines: linesOf(pct, change, earlierStated, current),
          table_ids: [],
        }),
        (delta / earlier) * 100,
        Math.abs(pct.value),
      );
    });
  }
}
