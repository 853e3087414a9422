/**
 * Money: the one conversion of printed amounts to 万元 and the one rounding
 * rule every comparison of amounts uses (column placement, cross-table
 * evidence, the audit).
 *
 * Conversion: a printed amount in 元, 千元 or 亿元 is converted to 万元 and
 * rounded to the cent of a yuan (0.000001 万元), so sums carry no float
 * noise; an amount printed in 万元 is kept exactly as printed.
 *
 * Rounding: the documents print amounts to two decimals of their unit, and
 * each printed figure may be off by half a cent. A figure compared with a
 * sum of `addends` printed figures is therefore equal within
 * 0.01 × addends (a single figure against another: 0.01). `FLOAT_SLACK`
 * absorbs binary float error in the comparison itself.
 */

/** One cent of the printed unit: the rounding allowed per addend. */
export const CENT = 0.01;

/** Float error allowed on top of the rounding tolerance. */
export const FLOAT_SLACK = 1e-6;

/** Factor from a printed money unit to 万元 (null for non-money units). */
export function toWanFactor(unit: string): number | null {
  if (unit === "万元") return 1;
  if (unit === "元") return 1e-4;
  if (unit === "亿元") return 1e4;
  if (unit === "千元") return 0.1;
  return null;
}

/** Round to cents of the unit (two decimals), avoiding float noise in sums. */
export function round2(x: number): number {
  return Math.round((x + Number.EPSILON * Math.sign(x)) * 100) / 100;
}

/** An amount in any printed money unit → 万元 (null for non-money units). */
export function toWan(value: number, unit: string): number | null {
  const factor = toWanFactor(unit);
  if (factor === null) return null;
  return factor === 1 ? value : Math.round(value * factor * 1e6) / 1e6;
}

/** The largest plausible amount in 万元: 10^15 元, several times the national budget. */
export const MAX_WAN = 1e11;

/** Residue reason of an amount beyond MAX_WAN. */
export const TOO_LARGE = "larger than any amount";

/** An amount in 万元 if it is one any disclosure can state (finite, at most MAX_WAN), else null. */
export function plausibleWan(wan: number | null): number | null {
  return wan !== null && Number.isFinite(wan) && Math.abs(wan) <= MAX_WAN ? wan : null;
}

/** Rounding tolerance of a sum of `addends` printed figures (at least one cent). */
export function roundingTolerance(addends: number): number {
  return CENT * Math.max(1, addends);
}

/** Whether `a` equals `b`, a sum of `addends` printed figures, within rounding. */
export function withinRounding(a: number, b: number, addends = 1): boolean {
  return Math.abs(a - b) <= roundingTolerance(addends) + FLOAT_SLACK;
}
