/**
 * Numbers in a sentence with the unit printed after them. Years (`2022年`,
 * `2,022年度`), dates (`12月31日`), document numbers (`9 号`), ordinals
 * (`第3`, list markers `1.`) are not figures and are dropped here.
 */

import { digitsValue, NOT_FINITE, TOO_MANY_DIGITS } from "../ingest/numbers.ts";

export type UnitKind = "money" | "pct" | "count" | "score" | "none";

export interface NumberToken {
  /** Offsets in the sentence: the number, then the number with its unit. */
  start: number;
  end: number;
  unitEnd: number;
  printed: string;
  value: number;
  unit: string;
  kind: UnitKind;
  /** Text right after the unit (to see 以上 / 以下 / 元/人). */
  after: string;
  /** Why the number cannot be a figure (not finite, too many digits); value is 0 then. */
  problem: string | null;
}

const NUMBER = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d])/g;

const UNITS: Array<[RegExp, string, UnitKind]> = [
  [/^万元/, "万元", "money"],
  [/^亿元/, "亿元", "money"],
  [/^千元/, "千元", "money"],
  [/^元/, "元", "money"],
  [/^万(?=[，。；、,;）)\s]|$)/, "万元", "money"],
  [/^(个百分点)/, "个百分点", "pct"],
  [/^[%％]/, "%", "pct"],
  [/^万人次/, "万人次", "count"],
  [/^万(人|条|册|份|家)/, "", "count"],
  [/^人次/, "人次", "count"],
  [/^批次/, "批次", "count"],
  [/^台[（(]套[)）]/, "台（套）", "count"],
  [/^个(?![月工])/, "个", "count"],
  [/^[（(]套[)）]/, "", "count"],
  [/^(辆|名|家|台|套|项|户|例|场|期|支|份|件|次|人|处|条|册)/, "", "count"],
  [/^分(?![钟别配类期批])/, "分", "score"],
];

/** After the number: things that make it a date, a year or a duration rather than a figure. */
const NOT_A_FIGURE = /^\s*(年|月|日|号|时|周|季度|个月|个工作日|天|小时|分钟|岁|年度|届|次会议|条规定|表|部分|月份)/;

/** A-Z or a-z. */
const isLatinLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

export function findNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index!;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 2), start);
    const rest = text.slice(end);
    if (NOT_A_FIGURE.test(rest)) continue;
    if (/第\s*$/.test(before) || (/[〔\[【（(]$/.test(before) && /^[〕\]】）)]/.test(rest))) continue;
    if (start > 0 && isLatinLetter(text.charCodeAt(start - 1))) continue; // codes like DRG2, 51000021T…
    // list markers: `1.` / `2．` / `10 ` at the start of the sentence
    if (start === 0 && /^\s*[.．、]/.test(rest) && !/^\.\d/.test(rest)) continue;
    const spaced = rest.match(/^[\s\u3000]*/)![0].length;
    const tail = rest.slice(spaced);
    let unit = "";
    let kind: UnitKind = "none";
    let len = 0;
    for (const [re, name, k] of UNITS) {
      const u = tail.match(re);
      if (u) {
        unit = name || u[0];
        kind = k;
        len = u[0].length;
        break;
      }
    }
    const unitEnd = kind === "none" ? end : end + spaced + len;
    const printed = m[0];
    const value = digitsValue(printed);
    // `1e308`, or more digits than any amount: kept as a token so the line goes to residue with the reason
    const problem = /^[eE][-+]?\d/.test(rest) ? NOT_FINITE : value === null ? TOO_MANY_DIGITS : null;
    out.push({ start, end, unitEnd, printed, value: value ?? 0, unit, kind, after: text.slice(unitEnd, unitEnd + 6), problem });
  }
  return out;
}
