/**
 * A sentence → clauses (spans between ，；：、 …) and the years it names.
 * `收、支总计` is one phrase, not two clauses; `（其中…）` opens a clause.
 */

export interface Span {
  start: number;
  end: number;
}

/** ，,；;。：:！？ by char code (a scan by code allocates no one-character string). */
const CLAUSE_ENDS = new Set([..."，,；;。：:！？"].map((c) => c.charCodeAt(0)));
const ENUMERATION_COMMA = 0x3001; // 、
const OPEN_PAREN = 0xff08; // （
const OPEN_PAREN_ASCII = 0x28; // (

/** Where a clause may end: a CLAUSE_ENDS mark, 、 or an opening bracket (the text between is passed over natively). */
const CUT_CANDIDATE = /[，,；;。：:！？、（(]/g;

export function clausesOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  CUT_CANDIDATE.lastIndex = 0;
  for (let m = CUT_CANDIDATE.exec(text); m !== null; m = CUT_CANDIDATE.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    let cut = CLAUSE_ENDS.has(c);
    if (c === ENUMERATION_COMMA) cut = !/收(入)?$/.test(text.slice(Math.max(0, i - 2), i)) || !/^支/.test(text.slice(i + 1));
    if ((c === OPEN_PAREN || c === OPEN_PAREN_ASCII) && text.startsWith("其中", i + 1)) cut = true;
    if (cut) {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** The year a sentence is about: the first year named that is not a comparison (与/比/较 Y年). */
export function sentenceYear(text: string): number | null {
  for (const m of text.matchAll(/(\d{4})\s*年/g)) {
    const lead = text.slice(Math.max(0, m.index! - 3), m.index!).replace(/\s+/g, "");
    if (/(与|同|比|较)$/.test(lead)) continue;
    if (/[《〔\[]/.test(text.slice(Math.max(0, m.index! - 1), m.index!))) continue;
    const y = Number(m[1]);
    if (y >= 1990 && y <= 2100) return y;
  }
  return null;
}

/** The year a change is measured against: 与2021年相比 / 比2020年 / 较上年. */
export function comparedYear(text: string, year: number | null): number | null {
  const m = text.match(/(与|同|比|较)\s*(\d{4})\s*年/);
  if (m) return Number(m[2]);
  if (/(与|比|较)(上年|上一年|去年|上年度)/.test(text) && year !== null) return year - 1;
  return null;
}
