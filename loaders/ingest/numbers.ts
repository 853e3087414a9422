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

/**
 * Why a line holds a number that cannot be an amount, or null: an exponent
 * or NaN / Infinity (`-1e308`: ${NOT_FINITE}), more integer digits than any
 * amount in a figure written as an amount (with a decimal point or thousands
 * commas; a bare run of 20 or more digits, beyond any code or account
 * number). Linear in the line.
 */
export function numberProblem(line: string): string | null {
  if (!/\d{16}|[eE]\d|NaN|Infinity/.test(line) && !/\d{1,3}(?:,\d{3}){5}/.test(line)) return null;
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
  if (/^[−–]/.test(s)) s = "-" + s.slice(1);
  const value = digitsValue(s);
  if (value === null) return null;
  return negative ? -value : value;
}

/** Decimal places printed, to round sums the way the document does. */
export function decimals(cell: string): number {
  const dot = cell.indexOf(".");
  return dot < 0 ? 0 : cell.trim().length - dot - 1;
}
