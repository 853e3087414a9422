/**
 * Which measure a number is, from its unit and the words right before it
 * (see types.ts for the vocabulary), and the direction of a change.
 */
import type { NumberToken } from "./tokens.ts";
import { labelKind } from "./subject.ts";
import { removeSpacesAndStars } from "../base/fold.ts";

const CHANGE_VERB = /(增加|减少|增长|下降|上升|上涨|降低|提高|压减|节约|减)(了)?$/;

export function directionOf(pre: string): "increase" | "decrease" | null {
  const m = removeSpacesAndStars(pre).match(CHANGE_VERB);
  if (!m) return null;
  return /增加|增长|上升|上涨|提高/.test(m[1]) ? "increase" : "decrease";
}

export interface Classified {
  measure: string;
  /** For shares: the whole as printed (总收入, 政府采购支出总额). */
  base: string | null;
  /** Set where the unit is not printed and assumed. */
  rule: string | null;
  unit: string;
  kind: "money" | "pct" | "count" | "score";
}

/** null: the number is not a figure we can name (bare number without a telling label). */
export function classify(tok: NumberToken, pre: string, isFinal: boolean, docUnit: string): Classified | null {
  const p = removeSpacesAndStars(pre);
  const change = directionOf(p) !== null;
  const after = tok.after;
  if (tok.kind === "money") {
    const money = (measure: string): Classified => ({ base: null, rule: null, unit: tok.unit, kind: "money", measure });
    if (/^[\s]*(（含）)?以[上下]/.test(after)) return money("threshold");
    if (/^[\s]*[/／]/.test(after)) return null; // a price per unit (30元/人): not a total
    if (/人均/.test(p)) return money("per_capita");
    if (change) return money("change_amount");
    const lk = labelKind(p);
    if (lk && isFinal) return money(lk === "adjusted" ? "adjusted_budget_amount" : "budget_amount");
    return money("amount");
  }
  if (tok.kind === "pct") {
    const pct = (measure: string, base: string | null = null): Classified => ({ rule: null, unit: tok.unit, kind: "pct", base, measure });
    if (tok.unit === "个百分点") return pct("change_pct");
    if (/完成(年初|全年|调整后)?预算|预算执行率|执行率(为|达)?$/.test(p)) return pct("budget_completion_pct");
    const share = p.match(/占(.*?)(的)?$/);
    if (share) return pct("share_pct", share[1] || null);
    if (change) return pct("change_pct");
    return pct("rate_pct");
  }
  if (tok.kind === "count") return { base: null, rule: null, unit: tok.unit, kind: "count", measure: change ? "change_count" : "count" };
  if (tok.kind === "score") return { base: null, rule: null, unit: tok.unit, kind: "score", measure: "score" };
  // no unit printed
  if (/(决算数|预算数|支出数|执行数)(为|是)?$/.test(p) && /\.\d{2}$/.test(tok.printed))
    return { base: null, rule: "unit not printed: document unit", unit: docUnit, kind: "money", measure: "amount" };
  if (/(得分|总分|评分)(为|是)?$/.test(p)) return { base: null, rule: "unit not printed: 分", unit: "分", kind: "score", measure: "score" };
  return null;
}
