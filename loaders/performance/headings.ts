/**
 * 一级 / 二级指标 headings and the column schema of an indicator table.
 * Headings come whole (`产出指标`), split over lines (`产出` / `指标`,
 * `社会效益指` / `标`), or ahead of a row on the same line (`数量指标 开展培训会议 …`).
 */
import { removeSpaces } from "../base/fold.ts";

export const LEVEL1_ONLY = ["产出指标", "效益指标", "完成指标"];
export const AMBIGUOUS = ["满意度指标", "成本指标"];
export const LEVEL2_ONLY = [
  "数量指标", "质量指标", "时效指标",
  "经济成本指标", "社会成本指标", "生态环境成本指标",
  "社会效益指标", "经济效益指标", "生态效益指标",
  "可持续影响指标", "可持续发展指标",
  "服务对象满意度指标", "服务对象满意度",
];
/** Labels that repeat on page breaks or stand before the indicator area. */
export const TABLE_LABELS = ["年度绩效指标完成情况", "年度绩效指标", "绩效指标"];

const ALL = [...LEVEL1_ONLY, ...AMBIGUOUS, ...LEVEL2_ONLY].sort((a, b) => b.length - a.length);
/** Heading names that scanHeadings finds in running text (those ending in 指标), longest first. */
const SCANNED = ALL.filter((h) => h.endsWith("指标"));
/** A score note right at the scan position (sticky: no slicing of the text). */
const SCORE_NOTE_AT = /[（(]\d+分[)）]/y;
/**
 * What scanHeadings finds, in the order it tries them at a position: a table
 * label (group 1, in TABLE_LABELS order), else a heading (group 2, longest
 * first). Global: the regex engine finds the next position where one starts.
 */
const SCAN = new RegExp(`(${TABLE_LABELS.join("|")})|(${SCANNED.join("|")})`, "g");

/** Whether a compacted cell is a whole heading name. */
export function isHeading(cell: string): boolean {
  return ALL.includes(removeSpaces(cell).replace(/[（(]\d+分[)）]$/, ""));
}

/** A cell that is the start of a heading cut by the layout (`满意度指`, `服务对象`): the missing rest, else null. */
export function headingPrefixRest(cell: string): string | null {
  const c = removeSpaces(cell);
  if (c.length < 3) return null;
  for (const h of ALL) if (h.startsWith(c) && h !== c) return h.slice(c.length);
  return null;
}

export interface HeadingHit {
  name: string;
  start: number; // offset in the compacted text
  end: number;
}

/** Headings (and table labels, score notes) found in a run of compacted text, left to right. */
export function scanHeadings(text: string): { hits: HeadingHit[]; labels: HeadingHit[] } {
  const hits: HeadingHit[] = [];
  const labels: HeadingHit[] = [];
  SCAN.lastIndex = 0;
  for (let m = SCAN.exec(text); m !== null; m = SCAN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      labels.push({ name: m[1], start, end });
      continue;
    }
    hits.push({ name: m[2], start, end });
    // a score note right after a heading (`产出指标（50分）`) is a label (no label starts with a bracket)
    SCORE_NOTE_AT.lastIndex = end;
    const note = SCORE_NOTE_AT.exec(text);
    if (note) {
      labels.push({ name: note[0], start: end, end: end + note[0].length });
      SCAN.lastIndex = end + note[0].length;
    }
  }
  return { hits, labels };
}

/** The 一级 classes a 二级 heading always brings with it, whatever 一级 was read before. */
const IMPLIED_ALWAYS = new Set(["效益指标", "满意度指标"]);

/** The 一级指标 a 二级指标 belongs to (成本指标 alone is the 产出 class of the templates before 2021); null for a 一级 name. */
const LEVEL1_OF: [RegExp, string][] = [
  [/^(数量|质量|时效|成本)指标$/, "产出指标"],
  [/(经济|社会|生态环境)成本指标$/, "成本指标"],
  [/(效益|可持续影响|可持续发展)指标$/, "效益指标"],
  [/^服务对象满意度(指标)?$/, "满意度指标"],
];
export function levelOneOf(level2: string): string | null {
  for (const [re, l1] of LEVEL1_OF) if (re.test(level2)) return l1;
  return null;
}

export interface Levels {
  level1: string | null;
  level2: string | null;
}

/** Apply a run of consecutive headings to the current levels. */
export function applyHeadings(levels: Levels, names: string[]): Levels {
  let { level1, level2 } = levels;
  for (let k = 0; k < names.length; k++) {
    const h = names[k];
    const nextIsHeading = k + 1 < names.length;
    if (LEVEL1_ONLY.includes(h)) {
      level1 = h;
      level2 = null;
    } else if (AMBIGUOUS.includes(h)) {
      if (nextIsHeading) {
        level1 = h;
        level2 = null;
      } else if (h === "成本指标" && (level1 === "产出指标" || level1 === "完成指标")) level2 = h;
      else if (level1 === h && level2 === null) level2 = h;
      else {
        level1 = h;
        level2 = null;
      }
    } else {
      level2 = h;
      // a 效益 or 满意度 二级 sets its 一级 (数量 / 质量 / 时效 keep a 一级 read otherwise: 完成指标)
      const implied = levelOneOf(h);
      if (implied !== null && IMPLIED_ALWAYS.has(implied)) level1 = implied;
    }
  }
  return { level1, level2 };
}

/** Column keys of an indicator table, in printed order after 三级指标. */
export type ColumnKey = "nature" | "target" | "unit" | "actual" | "weight" | "score" | "reason" | "polarity";

const COLUMN_WORDS: [RegExp, ColumnKey][] = [
  [/实际完成(指标)?值|全年完成值|完成值/, "actual"],
  [/指标性质/, "nature"],
  [/(年度|预期)?指标值/, "target"],
  [/度量单位/, "unit"],
  [/权重|分值/, "weight"],
  [/得分/, "score"],
  [/未完成原因|偏差原因/, "reason"],
  [/指标方向/, "polarity"],
];

/** The order the value columns of the national templates are printed in. */
const STANDARD_ORDER: ColumnKey[] = ["nature", "target", "unit", "actual", "weight", "score", "reason", "polarity"];

/**
 * A header's schema with the columns named only on lines printed above its
 * 一级指标 line (a cell centred over several lines: `年度指标` above, `值`
 * below; `偏差原因分析` above, `改进措施` below): each missing key goes where
 * the national templates print it among the keys read in order.
 */
export function withColumnsAbove(schema: ColumnKey[], above: string): ColumnKey[] {
  const words = removeSpaces(above);
  const extra = headerSchema(above);
  if (/(年度|预期)指标/.test(words) && !extra.includes("target")) extra.push("target");
  const out = [...schema];
  for (const key of extra) {
    if (out.includes(key)) continue;
    const rank = STANDARD_ORDER.indexOf(key);
    const at = out.findIndex((k) => STANDARD_ORDER.indexOf(k) > rank);
    out.splice(at < 0 ? out.length : at, 0, key);
  }
  return out;
}

/** The schema printed in a header (possibly one character per line), in order of appearance. */
export function headerSchema(headerText: string): ColumnKey[] {
  let t = removeSpaces(headerText);
  const found: { key: ColumnKey; at: number }[] = [];
  for (const [re, key] of COLUMN_WORDS) {
    const m = t.match(re);
    if (!m || m.index === undefined) continue;
    found.push({ key, at: m.index });
    t = t.slice(0, m.index) + "#".repeat(m[0].length) + t.slice(m.index + m[0].length);
  }
  const keys = found.sort((a, b) => a.at - b.at).map((f) => f.key);
  // a header printed as a grid of two rows (`指标 指标 度量 完成值 …` / `性质 值 单位 …`)
  // does not spell 指标性质: fall back to the standard order of the words present
  const whole = removeSpaces(headerText);
  if (!keys.includes("nature") && /性质/.test(whole)) {
    const std: [ColumnKey, RegExp][] = [
      ["nature", /性质/], ["target", /值/], ["unit", /单位/], ["actual", /完成值/],
      ["weight", /权|分值/], ["score", /得分/], ["reason", /原因|因分析/],
    ];
    return std.filter(([, re]) => re.test(whole)).map(([k]) => k);
  }
  return keys;
}
