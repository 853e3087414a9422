/**
 * Generic helpers for reading table rows out of extracted text lines:
 * tokens with their positions (string index and display column, CJK = 2),
 * money-looking tokens, classification codes at the start of a row, and
 * the classification of non-data lines (notes, page markers).
 */
import { parseNumber } from "../ingest/numbers.ts";

export interface Token {
  text: string;
  /** String index of the first character. */
  index: number;
  /** Display columns (wide characters count 2) of the first character and one past the last. */
  x0: number;
  x1: number;
}

/** A money figure as printed: a decimal part or thousands separators (`1358.87`, `5,634.18`, `0.00`). */
export const MONEY_TOKEN = /^[-−]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$/;

export function isMoneyToken(t: string): boolean {
  return MONEY_TOKEN.test(t);
}

function widthOfCode(c: number): number {
  return (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x201c && c <= 0x201d)
    ? 2
    : 1;
}

/** Whether a UTF-16 code unit is white space as `/[\s\u3000]/` sees it. */
function isSpaceCode(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Split a line on white space, keeping each token's string index and display columns. */
export function tokenize(line: string): Token[] {
  const out: Token[] = [];
  let x = 0;
  let start = -1;
  let x0 = 0;
  for (let i = 0; i < line.length; ) {
    const c = line.codePointAt(i)!;
    const len = c > 0xffff ? 2 : 1;
    if (isSpaceCode(c)) {
      if (start >= 0) out.push({ text: line.slice(start, i), index: start, x0, x1: x });
      start = -1;
    } else if (start < 0) {
      start = i;
      x0 = x;
    }
    x += widthOfCode(c);
    i += len;
  }
  if (start >= 0) out.push({ text: line.slice(start), index: start, x0, x1: x });
  return out;
}

/** All money-looking tokens of a line (for coverage checks). */
export function moneyTokens(line: string): Token[] {
  return tokenize(line).filter((t) => isMoneyToken(t.text));
}

/** Value of a numeric token (money or plain integer), or null. */
export function tokenValue(t: string): number | null {
  return parseNumber(t);
}

/** Whether a token is a plain integer (a 行次 / 栏次 number, or part of a split code). */
export function isInteger(t: string): boolean {
  return /^\d+$/.test(t);
}

/** Join label fragments as printed: no space between CJK fragments, one space otherwise. */
export function joinLabel(parts: string[]): string {
  let out = "";
  for (const p of parts) {
    if (!p) continue;
    if (out && /[\x21-\x7e]$/.test(out) && /^[\x21-\x7e]/.test(p)) out += " ";
    out += p;
  }
  return out;
}

/**
 * A classification code at the start of a row: one token of 3/5/7 digits
 * (`2080505`) or three-column codes (`201 06 01`, `208 5 5`). Returns the
 * joined code and how many tokens it used, or null.
 */
export function leadingCode(tokens: Token[]): { code: string; used: number } | null {
  if (tokens.length === 0) return null;
  const t0 = tokens[0].text;
  if (/^\d{5}$|^\d{7}$/.test(t0)) return { code: t0, used: 1 };
  if (!/^\d{3}$/.test(t0)) return null;
  let code = t0;
  let used = 1;
  for (let k = 1; k <= 2 && k < tokens.length; k++) {
    const t = tokens[k].text;
    if (!/^\d{1,2}$/.test(t)) break;
    // a two-digit 款/项 cell must be followed by a label or another code cell, not by money
    code += t.padStart(2, "0");
    used++;
  }
  return { code, used };
}

/** A note line (注：…, 备注：…, 说明：…) or its numbered continuation. */
export function isNoteStart(text: string): boolean {
  return /^\s*(注|备注|说明)\s*\d*\s*[:：]/.test(text);
}

/**
 * Whether a block of lines keeps the printed column positions (an extractor
 * run in layout mode): most lines hold wide gaps of white space.
 */
export function keepsColumns(lines: string[]): boolean {
  const nonBlank = lines.filter((l) => l.trim() !== "");
  if (nonBlank.length < 3) return false;
  const wide = nonBlank.filter((l) => /\S {4,}\S/.test(l) || /^ {8,}\S/.test(l)).length;
  return wide / nonBlank.length >= 0.5;
}

/**
 * Whether a block of lines keeps the printed left margin (layout
 * extraction indents cells that stand in later columns): a good share of
 * its lines starts with white space. Plain extraction starts every line at
 * its first character, even where it keeps wide gaps inside a line.
 */
export function keepsIndentation(lines: string[]): boolean {
  const nonBlank = lines.filter((l) => l.trim() !== "");
  return nonBlank.length >= 3 && nonBlank.filter((l) => /^\s/.test(l)).length / nonBlank.length >= 0.3;
}

