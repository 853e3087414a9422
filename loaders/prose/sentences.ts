/**
 * Prose lines → sentences. Wrapped lines are joined without a separator
 * (Chinese text), blank lines between wrapped lines are ignored (004), and
 * every character keeps the source line it came from so a number can be
 * traced to the line it is printed on.
 */
import type { ProseLine } from "../segment/prose.ts";

export interface Sentence {
  text: string;
  /** The source lines the text comes from, one run per line (lineAt reads it): runStarts[k] is the offset in text where line runLines[k] begins. */
  runStarts: number[];
  runLines: number[];
  section: string | null;
  subsection: string | null;
}

/** 1-based source line of text[offset]: the last run starting at or before it (runs only grow, an empty one is passed over). */
export function lineAt(s: Sentence, offset: number): number {
  let lo = 0;
  let hi = s.runStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s.runStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return s.runLines[lo];
}

/** A line that starts a list item (`1.`, `2．`, `（3）`, `- `) starts a sentence. */
function startsItem(text: string): boolean {
  return /^\d{1,2}\s*[.．、](?!\d)/.test(text) || /^[（(]\d{1,2}[)）]/.test(text) || /^[-*]\s/.test(text);
}

/**
 * A run-on "sentence" (lines repeated without a full stop, a line of
 * thousands of figures) is cut: past this length at the next clause end or
 * line end, past twice this length anywhere outside a number. Real sentences
 * stay well below it (the longest seen: about 1,250 characters); the cut
 * keeps the work per figure, and the sentence each fact carries, bounded.
 */
export const LONG_SENTENCE = 2000;

/** ，,；;、 or white space. */
function isClauseEnd(c: number): boolean {
  return c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || c === 0x3001 || c === 0x20 || c === 0x3000 || c === 0x09;
}

/** Whether a cut after body[i] would split a number (digits, `.` and `,` on both sides). */
function inNumber(body: string, i: number): boolean {
  const digitish = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c;
  return digitish(body.charCodeAt(i)) && digitish(body.charCodeAt(i + 1));
}

/** 。！？: a sentence ends after it (single UTF-16 units: never half of a pair). */
const SENTENCE_END = /[。！？]/g;

export function toSentences(lines: ProseLine[]): Sentence[] {
  const out: Sentence[] = [];
  let section: string | null = null;
  let subsection: string | null = null;
  let text = "";
  let runStarts: number[] = [];
  let runLines: number[] = [];
  const flush = () => {
    const t = text.trim();
    if (t) {
      // offsets moved to the trimmed text; runs in the trimmed lead start at 0 and the last of them wins
      const lead = text.length - text.trimStart().length;
      out.push({ text: t, runStarts: lead === 0 ? runStarts : runStarts.map((a) => Math.max(0, a - lead)), runLines, section, subsection });
    }
    text = "";
    runStarts = [];
    runLines = [];
  };
  /** Appends a run of one line's text. */
  const append = (run: string, line: number) => {
    runStarts.push(text.length);
    runLines.push(line);
    text += run;
  };
  for (const pl of lines) {
    if (pl.kind === "break") {
      flush();
      continue;
    }
    if (pl.kind === "heading") {
      flush();
      if (pl.level === 0) {
        section = null;
        subsection = null;
      } else if (pl.level === 1) {
        section = pl.text;
        subsection = null;
      } else subsection = pl.text;
      continue;
    }
    if (startsItem(pl.text) || text.length >= LONG_SENTENCE) flush();
    const body = pl.text.replace(/^[-*]\s+/, "");
    // appended a run at a time, cut after each 。！？
    let from = 0;
    if (text.length + body.length <= LONG_SENTENCE) {
      // no cut for length can fall in this line: only the sentence ends, found natively
      SENTENCE_END.lastIndex = 0;
      for (let m = SENTENCE_END.exec(body); m !== null; m = SENTENCE_END.exec(body)) {
        append(body.slice(from, m.index + 1), pl.line);
        flush();
        from = m.index + 1;
      }
    } else {
      for (let i = 0; i < body.length; i++) {
        const c = body.charCodeAt(i);
        const long = text.length + i - from >= LONG_SENTENCE;
        if (
          c === 0x3002 ||
          c === 0xff01 ||
          c === 0xff1f ||
          (long && isClauseEnd(c) && !inNumber(body, i)) ||
          (text.length + i - from >= 2 * LONG_SENTENCE && !inNumber(body, i))
        ) {
          append(body.slice(from, i + 1), pl.line);
          flush();
          from = i + 1;
        }
      }
    }
    append(body.slice(from), pl.line);
  }
  flush();
  return out;
}
