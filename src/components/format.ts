// The one number formatter of the site: every page, table, grid and notebook formats
// numbers here. Fixed to en-US grouping so that output does not depend on the browser's
// locale (tests compare exact strings). Pure functions: tested in Node.

export type Format = "money" | "int" | "number" | "percent" | "text" | ((value: unknown) => string);

const FORMATS = {
  /** 1234567.891 → "1,234,567.89" (amounts, e.g. 万元) */
  money: new Intl.NumberFormat("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2}),
  /** 196058 → "196,058" */
  int: new Intl.NumberFormat("en-US", {maximumFractionDigits: 0}),
  /** up to 4 decimals, grouped */
  number: new Intl.NumberFormat("en-US", {maximumFractionDigits: 4}),
  /** 0.1234 → "12.34%" */
  percent: new Intl.NumberFormat("en-US", {style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2})
};
const FIXED = new Map<number, Intl.NumberFormat>();
const UP_TO_6 = new Intl.NumberFormat("en-US", {maximumFractionDigits: 6});

function toNumber(value: unknown): number | null {
  const n = typeof value === "bigint" ? Number(value) : value;
  return typeof n === "number" && !Number.isNaN(n) ? n : null;
}

/** `value` in a format; "" for null and NaN; non-numbers as text. */
export function formatValue(value: unknown, format?: Format): string {
  if (typeof format === "function") return String(format(value));
  if (value == null) return "";
  if (format === "text") return String(value);
  if (typeof value === "number" || typeof value === "bigint") {
    const n = toNumber(value);
    return n == null ? "" : FORMATS[format ?? "number"].format(n);
  }
  return String(value);
}

/** 万元 with thousands separators and 2 decimals: "1,234.56"; "" for null. */
export const money = (value: unknown): string => formatValue(value, "money");
/** An integer with thousands separators: "196,058". */
export const int = (value: unknown): string => formatValue(value, "int");
/** A number as printed (up to 4 decimals, grouped). */
export const num = (value: unknown): string => formatValue(value, "number");
/** A ratio as percent: 0.1234 → "12.34%". */
export const percent = (value: unknown): string => formatValue(value, "percent");
/** A value already in percent: 67.59 → "67.59%". */
export const pct = (value: unknown): string => {
  const n = toNumber(value);
  return n == null ? "" : `${FORMATS.money.format(n)}%`;
};
/** Exactly `digits` decimals, grouped (DECIMAL(p, s) columns). */
export function fixed(value: number, digits: number): string {
  let f = FIXED.get(digits);
  if (!f) FIXED.set(digits, (f = new Intl.NumberFormat("en-US", {minimumFractionDigits: digits, maximumFractionDigits: digits})));
  return f.format(value);
}
/** Up to 6 decimals, grouped (query results of unknown scale). */
export const grouped = (value: number): string => UP_TO_6.format(value);
