/**
 * Earlier-year figures implied by a stated change: 10693.19 万元 this year,
 * 减少 5986.43 万元 against 2021 → 2021: 10693.19 + 5986.43 = 16679.62.
 * The base is the latest plain figure of the same subject and year in the
 * same section. Where the document prints the earlier figure itself and it
 * agrees, no derived row is added.
 */
import { round2 } from "../base/money.ts";
import { toWan } from "../base/money.ts";
import type { NarrativeFact } from "./types.ts";

function printed(v: number): string {
  return String(v);
}

export function deriveEarlier(facts: NarrativeFact[], nextIndex: (line: number) => number): NarrativeFact[] {
  const out: NarrativeFact[] = [];
  for (let i = 0; i < facts.length; i++) {
    const chg = facts[i];
    if (chg.measure !== "change_amount" || chg.compared_year === null || chg.direction === null) continue;
    let base: NarrativeFact | null = null;
    for (let j = i - 1; j >= 0; j--) {
      const f = facts[j];
      if (f.section !== chg.section) break;
      if (f.measure === "amount" && f.subject === chg.subject && f.year === chg.year && f.unit === chg.unit) {
        base = f;
        break;
      }
    }
    if (!base) continue;
    const sign = chg.direction === "increase" ? -1 : 1;
    const value = round2(base.value + sign * chg.value);
    const shown = facts.some(
      (f) => f.measure === "amount" && f.subject === chg.subject && f.year === chg.compared_year && round2(f.value) === value,
    );
    if (shown) continue;
    out.push({
      ...chg,
      fact_id: `${chg.doc_id}:${chg.source_line}:${nextIndex(chg.source_line)}`,
      measure: "amount",
      value,
      unit: base.unit,
      amount_wan: toWan(value, base.unit),
      year: chg.compared_year,
      compared_year: null,
      direction: null,
      derived: true,
      formula: `${printed(base.value)} ${sign > 0 ? "+" : "-"} ${printed(chg.value)}`,
      rule: null,
    });
  }
  return out;
}
