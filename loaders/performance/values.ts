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
/** The rest of a value after its first number when it is a range: its unit if printed twice (`95%-100%`), the range's end, then the unit. */
const RANGE_END = /^\s*(%)?\s*[-~～—至]\s*\d+(?:\.\d+)?\s*(.*)$/;
/** `余` or `多` after a number, then a unit (one character, or one values.ts knows): more than the number. */
const MORE_THAN = /^[余多]([\u4e00-\u9fa5]?|万元|万人次|人次|万人|个工作日|平方米)$/;
/** A date: a year, then a month. */
const DATE = /^\d{4}\s*[-/.年]\s*\d{1,2}/;
/** Operators written as words, and the symbol each stands for (`不低于90%` is `≥90%`); `约` (about) is none. */
const WORDED: Array<[RegExp, string]> = [
  [/^(不低于|不少于|大于等于|达到)\s*(?=\d)/, "≥"],
  [/^(不高于|不超过|小于等于)\s*(?=\d)/, "≤"],
  [/^(大于|高于|超过)\s*(?=\d)/, ">"],
  [/^(小于|低于)\s*(?=\d)/, "<"],
  [/^约\s*(?=\d)/, ""],
];
/** A value text with an operator worded at its start written as its symbol. */
function wordedOperator(s: string): string {
  for (const [re, op] of WORDED) if (re.test(s)) return s.replace(re, op);
  return s;
}
/** A unit printed as words (two Han characters or more): the value is text unless the unit is a known one. */
const WORDS = /^[\u4e00-\u9fa5]{2,}/;
const KNOWN_UNIT = /^(万元|元|亿元|万人次|人次|万人|万条|万册|万|个工作日|平方米|分钟|小时|个地区|个|次|家|人数|人|套|台|块|件|起|种|项|本|辆|年|月|天|条|份|册|期|支|场|处|篇|幅|批|户|所|名|位|座|张|部|类|周|日|期次)([/／].*)?$/;
/** A cell that is a unit alone (`元`, `万册`, `%`), printed apart from its number: a known unit only (a 偏差原因 of `无` is none). */
export function isUnitCell(cell: string): boolean {
  return cell === "%" || cell === "％" || KNOWN_UNIT.test(cell);
}
/** An operator opening a (normalised) value text. */
export const LEADING_OPERATOR = /^(≥|≤|=|>|<)/;

/** What may follow a value's number in its cell: a range's end, `余` / `多`, a short unit (`-15项`, `余次`, `万元`). */
const UNIT_REST = /^([-~～—至]\s*\d[\d,.]*)?\s*[余多]?[^\d，。；;,、]{0,6}$/;

/**
 * A cell that is a value printed with a number: an operator in any spelling
 * (`＞98%`, `不低于90%`) or `约`, the number, then at most a range's end and a
 * short unit (`10-15项`, `20余次`); a sentence starting with a number is none.
 */
export function leadsWithNumber(printed: string): boolean {
  const m = wordedOperator(normaliseValueText(printed.trim())).match(VALUE);
  return m !== null && !m[2].startsWith("-") && UNIT_REST.test(m[3]);
}

/** Parse one printed value. A value with a number parses to operator/value/unit; text to text only. */
export function parseValue(printed: string): ParsedValue {
  const text = printed.trim();
  // a date (`2024-12-31`, `2024年12月`) is text
  if (DATE.test(text)) return { operator: null, value: null, unit: null, text };
  const s = wordedOperator(normaliseValueText(text));
  const m = s.match(VALUE);
  if (m) {
    // a range (`10-15项`, `3～5个`, `≥95%-100%`): no one target number; its unit is the one after the range
    const range = m[3].match(RANGE_END);
    if (range) return { operator: m[1] ?? null, value: null, unit: (range[2].trim() || range[1]) ?? null, text };
    const unit = m[3].trim();
    // `20余次`, `10多个`: more than the number
    const more = unit.match(MORE_THAN);
    if (more && m[1] === undefined) return { operator: ">", value: digitsValue(m[2]), unit: more[1] || null, text };
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
