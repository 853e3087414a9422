/**
 * Indicator values as printed: `≥95%`, `≥ 95`, `$\geq 400$`, `>=2`, `＝100%`,
 * `≤2635.2万元`, `193万元`, and qualitative text (`优`, `逐步提高`,
 * `达成年度指标`). Also the `met` decision from operator, target and actual.
 */

export interface ParsedValue {
  operator: string | null; // ≥ ≤ = > <
  value: number | null;
  unit: string | null;
  text: string;
}

import { digitsValue } from "../ingest/numbers.ts";
import { removeSpaces } from "../base/fold.ts";

/** Characters an operator is printed with (normaliseValueText makes ≥ ≤ = > < of the others): a text without one has no operator. */
export const OPERATOR_CHARS = /[≥≤=><≧≦＝＞＜\\]/;

/** Characters that any of the rewrites below needs: without them only the white space is normalised. */
const REWRITTEN = /[\\$><≧≦＝＞＜％]/;
/** Characters normaliseValueText changes (REWRITTEN's and white space): a text without any is returned as it is. */
const CHANGED = /[\\$><≧≦＝＞＜％\s]/;

/** TeX and ASCII spellings → plain symbols (`$\geq 98\%$` → `≥98%`). */
export function normaliseValueText(s: string): string {
  if (!CHANGED.test(s)) return s;
  if (!REWRITTEN.test(s)) return s.replace(/\s+/g, " ").trim();
  return s
    .replace(/\\geq?|\\ge(?![a-z])/g, "≥")
    .replace(/\\leq?|\\le(?![a-z])/g, "≤")
    .replace(/\\%/g, "%")
    .replace(/[$]/g, "")
    .replace(/>=|≧/g, "≥")
    .replace(/<=|≦/g, "≤")
    .replace(/＝/g, "=")
    .replace(/＞/g, ">")
    .replace(/＜/g, "<")
    .replace(/％/g, "%")
    .replace(/\s+/g, " ")
    .trim();
}

const VALUE = /^(≥|≤|=|>|<)?\s*(-?\d+(?:,\d{3})*(?:\.\d+)?)\s*(.*)$/;
/** The rest of a value after its first number when it is a range: the range's end, then the unit. */
const RANGE_END = /^\s*[-~～—至]\s*\d+(?:\.\d+)?\s*(.*)$/;
/** A unit printed as words (two Han characters or more): the value is text unless the unit is a known one. */
const WORDS = /^[\u4e00-\u9fa5]{2,}/;
const KNOWN_UNIT = /^(万元|元|亿元|万人次|人次|万人|万条|万册|万|个工作日|平方米|分钟|小时|个地区|个|次|家|人数|人|套|台|块|件|起|种|项|本|辆|年|月|天|条|份|册|期|支|场|处|篇|幅|批|户|所|名|位|座|张|部|类|周|日|期次)([/／].*)?$/;
/** A cell that is a unit alone (`元`, `万册`, `%`), printed apart from its number: a known unit only (a 偏差原因 of `无` is none). */
export function isUnitCell(cell: string): boolean {
  return cell === "%" || cell === "％" || KNOWN_UNIT.test(cell);
}
/** An operator opening a (normalised) value text. */
export const LEADING_OPERATOR = /^(≥|≤|=|>|<)/;

/** Parse one printed value. A value with a number parses to operator/value/unit; text to text only. */
export function parseValue(printed: string): ParsedValue {
  const text = printed.trim();
  const s = normaliseValueText(text);
  const m = s.match(VALUE);
  if (m) {
    // a range (`10-15项`, `3～5个`): no one target number; its unit is the one after the range
    const range = m[3].match(RANGE_END);
    if (range) return { operator: m[1] ?? null, value: null, unit: range[1].trim() || null, text };
    const unit = m[3].trim();
    // `显著增强 10%` and `12月底之前` are text, not numbers: the number must lead
    if (!WORDS.test(unit) || KNOWN_UNIT.test(unit)) {
      return { operator: m[1] ?? null, value: digitsValue(m[2]), unit: unit === "" ? null : unit, text };
    }
  }
  const op = s.match(LEADING_OPERATOR);
  return { operator: op ? op[1] : null, value: null, unit: null, text };
}

const GRADES = ["优", "良", "中", "低", "差"];
/** An actual value worded as not met, or as met. */
const NOT_MET = /未达成|未完成|未达到|部分达成|部分完成/;
const MET = /^(已)?(达成|完成|达到)/;

/** Decide whether the target was met; null where the printed values do not decide it. */
export function decideMet(
  operator: string | null,
  target: number | null,
  targetText: string | null,
  actual: number | null,
  actualText: string | null,
  targetUnit: string | null,
  actualUnit: string | null,
): { met: boolean | null; rule: string | null } {
  const at = removeSpaces(actualText ?? "");
  const tt = removeSpaces(targetText ?? "");
  if (NOT_MET.test(at)) return { met: false, rule: "wording" };
  if (target !== null && actual !== null && operator !== "定性") {
    if (actualUnit && targetUnit && actualUnit !== targetUnit) return { met: null, rule: null };
    const op = operator ?? "=";
    const eps = 1e-9;
    const met =
      op === "≥" ? actual >= target - eps
      : op === "≤" ? actual <= target + eps
      : op === ">" ? actual > target
      : op === "<" ? actual < target
      : Math.abs(actual - target) < eps;
    if (operator === null && !met) return { met: null, rule: null };
    return { met, rule: "numeric" };
  }
  if (MET.test(at)) return { met: true, rule: "wording" };
  if (tt !== "" && at !== "" && tt === at) return { met: true, rule: "text-equal" };
  if (GRADES.includes(at) && GRADES.includes(tt)) return { met: GRADES.indexOf(at) <= GRADES.indexOf(tt), rule: "grade" };
  return { met: null, rule: null };
}
