/**
 * Numbers as printed in the documents: `5,634.18`, `1358.87`, `-0.5`,
 * `（12.3）`, `2,022`. Only finite values of a plausible size are numbers:
 * no disclosure prints an amount of more than 15 integer digits (10^15 元 is
 * several times the national budget), and beyond that a double loses cents.
 */

const NUMBER = /^[-−–]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Integer digits of the largest amount any disclosure prints (10^15 元). */
export const MAX_INTEGER_DIGITS = 15;

/** Reasons a number-shaped text is not an amount (residue reasons). */
export const NOT_FINITE = "not a finite amount";
export const TOO_MANY_DIGITS = "more digits than any amount";

/** Integer digits of a printed number (commas and sign ignored, up to the decimal point). */
function integerDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) break;
    if (c >= 0x30 && c <= 0x39) n++;
  }
  return n;
}

/**
 * The value of digits as matched by a number pattern (`1,234.56`, `-12`),
 * or null when no amount can have that many digits. Every parser of printed
 * numbers goes through here, so none can produce Infinity or 1e20.
 */
export function digitsValue(printed: string): number | null {
  if (integerDigits(printed) > MAX_INTEGER_DIGITS) return null;
  const value = Number(printed.includes(",") ? printed.replace(/,/g, "") : printed);
  return Number.isFinite(value) ? value : null;
}

/** Number-shaped runs of a line: digits with commas, a fraction, an exponent; and NaN / Infinity. */
const NUMBER_RUN = /(?<![A-Za-z\d.,])(?:\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+(?![A-Za-z]))?|NaN|Infinity)(?![A-Za-z])/g;

/** What a number that cannot be an amount needs (16 digits, an exponent, NaN / Infinity, six comma groups): one scan rules most lines out. */
const SUSPECT_NUMBER = /\d{16}|[eE]\d|NaN|Infinity|\d{1,3}(?:,\d{3}){5}/;

/**
 * Why a line holds a number that cannot be an amount, or null: an exponent
 * or NaN / Infinity (`-1e308`: ${NOT_FINITE}), more integer digits than any
 * amount in a figure written as an amount (with a decimal point or thousands
 * commas; a bare run of 20 or more digits, beyond any code or account
 * number). Linear in the line.
 */
export function numberProblem(line: string): string | null {
  if (!SUSPECT_NUMBER.test(line)) return null;
  for (const m of line.matchAll(NUMBER_RUN)) {
    const run = m[0];
    if (run === "NaN" || run === "Infinity" || /[eE]/.test(run)) return NOT_FINITE;
    const digits = integerDigits(run);
    if (digits > MAX_INTEGER_DIGITS && (digits >= 20 || /[.,]/.test(run))) return TOO_MANY_DIGITS;
  }
  return null;
}

/** Parse a cell that is exactly one number; null for anything else. */
export function parseNumber(cell: string): number | null {
  // the usual cell, a plain number (`1,234.56`, `-12`), at once; any other rewritten first
  if (NUMBER.test(cell)) return signedValue(cell);
  // rewrites and pattern tests only where their characters occur (this runs for every cell)
  let s = cell.trim();
  if (s.includes("，")) s = s.replace(/，/g, ",");
  if (s.includes("．")) s = s.replace(/．/g, ".");
  if (s === "" || s === "-" || s === "—") return null;
  let negative = false;
  const first = s.charCodeAt(0);
  if ((first === 0xff08 || first === 0x28) && /^[（(].*[)）]$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (!NUMBER.test(s)) return null;
  const value = signedValue(s);
  if (value === null) return null;
  return negative ? -value : value;
}

/** The value of a text matching NUMBER, its minus sign − or – read as -; null where no amount has its digits. */
function signedValue(s: string): number | null {
  const first = s.charCodeAt(0);
  return digitsValue(first === 0x2212 || first === 0x2013 ? "-" + s.slice(1) : s);
}

/**
 * Whether parseNumber reads a value from the cell, without computing it: a
 * cell printed as a plain number (`1,234.56`, `-12`) needs only its shape and
 * its integer digits; any other (full-width marks, brackets, white space) is
 * parsed.
 */
export function isNumberCell(cell: string): boolean {
  if (NUMBER.test(cell)) return integerDigits(cell) <= MAX_INTEGER_DIGITS;
  return parseNumber(cell) !== null;
}

/** Decimal places printed, to round sums the way the document does. */
export function decimals(cell: string): number {
  const dot = cell.indexOf(".");
  return dot < 0 ? 0 : cell.trim().length - dot - 1;
}

/** One white-space separated token of a table line; `glued` when the extraction printed it with no space after the token before it. */
export interface CellToken {
  text: string;
  glued: boolean;
}

/** An amount with decimals (`0.00`, `6,500.00`), the shape that cannot be part of a word. */
const DECIMAL_AMOUNT = String.raw`[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{1,2}`;
const AMOUNT_THEN_TEXT = new RegExp(String.raw`^(${DECIMAL_AMOUNT})([\u4e00-\u9fff（(“].*)$`);
const TEXT_THEN_AMOUNT = new RegExp(String.raw`^(.*[\u4e00-\u9fff）)”])(${DECIMAL_AMOUNT})$`);
/** The token separators of a table line (`\s` includes the ideographic space U+3000). */
const WHITE_SPACE = /\s+/;
const DIGIT = /\d/;
/** Text that reads as the unit of the amount before it (`552.08万元`, `11.5%`, `2.5倍`): one figure of prose, not two cells. */
const UNIT_START = /^(?:万元|亿元|元|万|亿|%|％|倍|个|人|次|家|项|辆|台|套|件|份|户|平方米|米|公里|千米|吨|天|小时|年|月|日|岁|分)/;

/**
 * The cells of a table line: its white-space separated tokens, with the
 * cell borders the extraction lost put back where an amount with decimals
 * is glued to text. An amount closing a run of amounts glued to the text of
 * the next cell (`0.00 0.00计指标体系，…`: a 绩效目标 column printed after the
 * amounts) is two cells, unless the text is the amount's unit (`552.08万元`);
 * a label glued to the amount opening a run of amounts (`经费100.00 100.00`)
 * is two cells too. Linear in the line.
 */
export function cellTokens(line: string): CellToken[] {
  const glued: boolean[] = [];
  const texts = splitCells(line, glued);
  const out: CellToken[] = new Array(texts.length);
  for (let k = 0; k < texts.length; k++) out[k] = { text: texts[k], glued: glued[k] };
  return out;
}

/** The texts of cellTokens, without an object per cell (for readers that do not ask which cells were glued). */
export function cellTexts(line: string): string[] {
  return splitCells(line, null);
}

/** The cells of cellTokens as texts; `glued`, where given, receives each cell's flag. */
function splitCells(line: string, glued: boolean[] | null): string[] {
  const trimmed = line.trim();
  const raw = trimmed === "" ? [] : trimmed.split(WHITE_SPACE);
  // whether each token is an amount, tested once (a token without a digit is none)
  const amount: boolean[] = new Array(raw.length);
  for (let k = 0; k < raw.length; k++) amount[k] = DIGIT.test(raw[k]) && isNumberCell(raw[k]);
  const out: string[] = [];
  for (let k = 0; k < raw.length; k++) {
    const t = raw[k];
    if (!amount[k] && DIGIT.test(t)) {
      // an amount closing a run glued to the next cell's text (not its unit), else a label glued to an amount opening a run
      let split = k > 0 && amount[k - 1] ? t.match(AMOUNT_THEN_TEXT) : null;
      if (split && UNIT_START.test(split[2])) split = null;
      if (!split && k + 1 < raw.length && amount[k + 1]) split = t.match(TEXT_THEN_AMOUNT);
      if (split) {
        out.push(split[1], split[2]);
        glued?.push(false, true);
        continue;
      }
    }
    out.push(t);
    glued?.push(false);
  }
  return out;
}
