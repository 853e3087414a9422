/**
 * Text folding: the one place where printed text is reduced to a key for
 * comparison. Each function says what it removes or rewrites; callers
 * compose them. Extraction spaces out glyphs (`合  计`, `一般公共 预算`),
 * mixes half- and full-width brackets and quotes, and prefixes labels with
 * numbering (`一、`, `（二）`, `3.`), so labels are compared folded.
 *
 * `\s` includes the ideographic space U+3000.
 */

/** Every white space removed (`合  计` → `合计`). */
export function removeSpaces(s: string): string {
  // most keys are folded already: no new string for them
  for (let i = 0; i < s.length; i++) if (isSpace(s.charCodeAt(i))) return s.replace(/\s+/g, "");
  return s;
}

/** Whether a UTF-16 code unit is white space as `\s` matches it (U+3000 included). */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Whether s holds white space or a mark given by its char code (a scan: most keys hold neither, and stay as they are). */
function holds(s: string, mark: number, other = mark): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === mark || c === other || isSpace(c)) return true;
  }
  return false;
}

const STAR = 0x2a;
const HASH = 0x23;

/** White space and Markdown emphasis stars removed (`**合计**` → `合计`). */
export function removeSpacesAndStars(s: string): string {
  return holds(s, STAR) ? s.replace(/[\s*]+/g, "") : s;
}

/** White space and Markdown marks (`*`, `#`) removed. */
export function removeSpacesAndMarkup(s: string): string {
  return holds(s, STAR, HASH) ? s.replace(/[*#\s]/g, "") : s;
}

/** ASCII brackets rewritten full width: `(类)` → `（类）`. */
export function fullWidthBrackets(s: string): string {
  return s.includes("(") || s.includes(")") ? s.replace(/\(/g, "（").replace(/\)/g, "）") : s;
}

/** White space removed and brackets full width: the usual key of a printed label. */
export function spacelessFullWidth(s: string): string {
  return fullWidthBrackets(removeSpaces(s));
}

/** Every quote mark removed (`"`, `“`, `”`). */
export function removeQuotes(s: string): string {
  return s.replace(/["“”]/g, "");
}

/** A straight double quote rewritten as an opening curly quote (`"三公"` → `“三公“`). */
export function straightToCurlyQuote(s: string): string {
  return s.replace(/"/g, "“");
}

/** The outline level an ordinal's form marks, as documents number theirs: 一、 over （一） over 1. over （1）. */
export type OrdinalStyle = "一、" | "（一）" | "1." | "（1）";

/** Each ordinal form: a Chinese numeral with 、 or a point, bracketed, an arabic one (not a decimal: `1.5万元`), bracketed. */
const ORDINALS: ReadonlyArray<[RegExp, OrdinalStyle]> = [
  [/^[一二三四五六七八九十]+[、.．]/, "一、"],
  [/^[（(][一二三四五六七八九十]+[)）]、?/, "（一）"],
  [/^\d{1,2}[、.．](?!\d)/, "1."],
  [/^[（(]\d{1,2}[)）]/, "（1）"],
];

/** The ordinal a label starts with (`二十六、`, `(三)`, `4．`, `（5）`) and its style; null where it starts with none. The one reading of numbering. */
export function ordinalOf(label: string): { text: string; style: OrdinalStyle } | null {
  const c = label.charCodeAt(0);
  // only a digit, a bracket or a Chinese numeral can start one
  if (!(c >= 48 && c <= 57) && c !== 0x28 && c !== 0xff08 && !"一二三四五六七八九十".includes(label[0] ?? " ")) return null;
  for (const [re, style] of ORDINALS) {
    const m = re.exec(label);
    if (m) return { text: m[0], style };
  }
  return null;
}

/**
 * Leading numbering removed from a label already without spaces: `一、`
 * `（二）` `(三)` `四.` `1、` `（2）` `3．`, and an arabic ordinal right after a
 * Chinese one (`一、1.`). ordinalOf reads them.
 */
export function removeNumbering(s: string): string {
  const first = ordinalOf(s);
  if (!first) return s;
  const rest = s.slice(first.text.length);
  const second = first.style === "一、" || first.style === "（一）" ? ordinalOf(rest) : null;
  return second && (second.style === "1." || second.style === "（1）") ? rest.slice(second.text.length) : rest;
}

/** Leading numbering removed from a printed label (spaces kept elsewhere), with the white space around it (ordinalOf reads it). */
export function removeLeadingNumbering(label: string): string {
  const t = label.replace(/^\s+/, "");
  const o = ordinalOf(t);
  return o ? t.slice(o.text.length).replace(/^\s+/, "") : label;
}

/** Classification level marks removed wherever they stand: `（类）` `（款）` `（项）`. */
export function removeLevelMarks(s: string): string {
  return s.replace(/（(类|款|项)）/g, "");
}

/** A classification level mark removed at the end only: `住房保障支出（类）` → `住房保障支出`. */
export function removeTrailingLevelMark(s: string): string {
  return s.replace(/（[类款项]）$/, "");
}

/** Han characters spaced out by the extraction joined again (`系 统 正 常` → `系统正常`); ends trimmed. */
export function joinSpacedHan(s: string): string {
  return s.replace(/([\u4e00-\u9fa5（）])\s+(?=[\u4e00-\u9fa5（）])/g, "$1").trim();
}
