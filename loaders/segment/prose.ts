/**
 * Which lines of a document are prose. Standard tables (tables.ts)
 * and 绩效 table blocks (附表 N … / …自评表 … up to the next 附件 or 第N部分)
 * are left to the table parsers; inside prose, rows of a table (tab or
 * pipe separated, indicator rows with ≥ ≤ ＝, rows of bare numbers) are
 * skipped too. Headings and figure captions end a sentence.
 */
import type { SourceDocument, TableSection } from "../schema/types.ts";

export type ProseLine =
  | { kind: "heading"; level: number; text: string; line: number }
  | { kind: "break"; line: number }
  | { kind: "text"; text: string; line: number };

/** Markdown decoration and surrounding blanks removed. */
export function cleanLine(raw: string): string {
  // each rewrite only where its character is present; trim() removes exactly the white space of [\s\u3000]
  let s = raw.includes("#") ? raw.replace(/^[\s\u3000]*#{1,6}\s*/, "") : raw;
  if (s.includes("**")) s = s.replace(/\*\*/g, "");
  return s.trim();
}

const CN_NUM = "一二三四五六七八九十";

/** Heading level: 0 第N部分, 1 一、, 2 （一）; null for a non-heading. */
const PART_HEADING = new RegExp(`^第[${CN_NUM}\\d]+部分`);
const LEVEL1 = new RegExp(`^[${CN_NUM}]+、`);
const LEVEL2 = new RegExp(`^[（(][${CN_NUM}]+[)）]`);

/** First characters of a heading (第, a Chinese numeral, an opening bracket): any other line is none, at once. */
const HEADING_STARTS = new Set([...("第（(" + CN_NUM)].map((c) => c.charCodeAt(0)));

export function headingLevel(text: string): number | null {
  const first = text.charCodeAt(0);
  const t = first === 0x2d || first === 0x2a ? text.replace(/^[-*]\s+/, "") : text; // a `- ` / `* ` list mark dropped
  if (!HEADING_STARTS.has(t.charCodeAt(0))) return null;
  if (PART_HEADING.test(t)) return 0;
  if (t.length > 40 || /[，,；;]/.test(t) || /万元|%/.test(t)) return null;
  const body = t.replace(/。$/, "");
  if (/。|：|:/.test(body)) return null;
  if (LEVEL1.test(t)) return 1;
  if (LEVEL2.test(t)) return 2;
  return null;
}

/** Nothing but numbers (one at least), white space and `%％.,、/-`: a row of bare figures. */
const BARE_NUMBERS = /^[\s%％.,、\/-]*\d[\d\s%％.,、\/-]*$/;

/** A row of a table that the extraction flattened onto one line. */
export function isTableRow(raw: string, text: string): boolean {
  if (/\t|\|/.test(raw)) return true;
  if (/[≥≤＝]|[<>]=?\s*\d|=\s*\d/.test(text) && !/[，。；]/.test(text)) return true;
  if (BARE_NUMBERS.test(text)) return true;
  if (/[\d%](\s+[-\d.,%]+){2,}/.test(text) && !/[，。；：、]/.test(text)) return true;
  return false;
}

function isNoise(text: string): boolean {
  return /^-\s*\d+\s*-$/.test(text) || /^图\s*[\d一二三四五六七八九十]+\s*[：:]/.test(text) || /^[（(]注[：:]/.test(text);
}

/** 1 for each line (1-based) of a standard table section. */
export function tableLineMask(lineCount: number, sections: TableSection[]): Uint8Array {
  const inTable = new Uint8Array(lineCount + 2);
  for (const s of sections) for (let l = s.start_line; l <= s.end_line; l++) inTable[l] = 1;
  return inTable;
}

/**
 * cleanLine of each line outside the table sections ("" inside one), by
 * 0-based index: computed once per document for the two readers of the
 * prose side (performanceArea, proseLines).
 */
export function cleanLines(lines: readonly string[], inTable: Uint8Array): string[] {
  const out: string[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) out[i] = inTable[i + 1] ? "" : cleanLine(lines[i]);
  return out;
}

/**
 * The prose lines of a document, outside its table sections (tableLineMask) and
 * its 绩效 part (performance.ts: performanceArea); `cleaned`: cleanLines of the
 * document.
 */
export function proseLines(doc: SourceDocument, inTable: Uint8Array, cleaned: readonly string[], inPerformance: Uint8Array): ProseLine[] {
  const out: ProseLine[] = [];
  for (let i = 0; i < doc.lines.length; i++) {
    const line = i + 1;
    const raw = doc.lines[i];
    if (inTable[line]) {
      if (out.length && out[out.length - 1].kind !== "break") out.push({ kind: "break", line });
      continue;
    }
    const text = cleaned[i];
    if (text === "" || inPerformance[line]) continue;
    const level = headingLevel(text);
    if (level !== null) {
      out.push({ kind: "heading", level, text: text.replace(/^[-*]\s+/, "").replace(/。$/, ""), line });
      continue;
    }
    if (isNoise(text) || isTableRow(raw, text)) {
      out.push({ kind: "break", line });
      continue;
    }
    out.push({ kind: "text", text, line });
  }
  return out;
}
