/**
 * Comparing a printed figure with the figure it should equal, under the
 * audit's tolerance policy (see rules.ts):
 *   amounts: 0.01 万元 per term summed → within it a rounding difference (尾差, info);
 *            beyond it an error (tables) or a warning (prose);
 *   percents: 0.01 percentage points when printed with 2 decimals, 0.1 with 1, 1 with none.
 */
import { uniqueAscending } from "../base/line-order.ts";
import type { Check, Severity } from "./types.ts";

/** A check row before its document, id and rule are filled in. */
export type Finding = Omit<Check, "doc_id" | "check_id" | "rule" | "family">;

export interface Where {
  /** What is compared, in Chinese and English: "收入总计 = 支出总计" … */
  zh: string;
  en: string;
  subject: string | null;
  source_lines: number[];
  table_ids: string[];
}

/** A Where, or how to build it: built only for a finding (most checks pass, and their Where would be thrown away). */
export type WhereOf = Where | (() => Where);

const whereOf = (w: WhereOf): Where => (typeof w === "function" ? w() : w);

const EPS = 1e-9;

export const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** A number as a reader would write it (no float noise, up to 4 decimals). */
export function fmt(x: number | null): string {
  if (x === null) return "—";
  return String(round4(x));
}

/** Decimal places of a number as written by fmt (trailing zeros are not visible once parsed). */
export function decimalsOf(x: number): number {
  const s = fmt(x);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Both figures are finite numbers. A ratio over a zero or an overflowing
 * figure is no comparison: it is not made (and not counted), so no check
 * ever holds Infinity or NaN.
 */
const comparable = (a: number, b: number): boolean => Number.isFinite(a) && Number.isFinite(b);

/** One rule's run over one document: counts the checks performed, collects the findings. */
export class RuleRun {
  performed = 0;
  readonly findings: Finding[] = [];

  /**
   * `actual` (printed) against `expected` (computed from `terms` printed
   * numbers, or another printed figure: terms = 1). `context` decides the
   * severity beyond tolerance; `tolerance` overrides 0.01 × terms.
   */
  amounts(whereOrBuild: WhereOf, expected: number, actual: number, terms: number, context: "table" | "prose", tolerance?: number): Finding | null {
    if (!comparable(expected, actual)) return null;
    this.performed++;
    const difference = round4(actual - expected);
    const tol = round4(tolerance ?? 0.01 * Math.max(1, terms));
    if (Math.abs(difference) < EPS) return null;
    const rounding = Math.abs(difference) <= tol + EPS;
    const where = whereOf(whereOrBuild);
    const severity: Severity = rounding ? "info" : context === "table" ? "error" : "warning";
    const zhWhy = rounding ? `在容差 ${fmt(tol)} 以内，属尾差` : `超出容差 ${fmt(tol)}`;
    const enWhy = rounding ? `within the tolerance ${fmt(tol)}: rounding` : `beyond the tolerance ${fmt(tol)}`;
    const message =
      `${where.zh}：应为 ${fmt(expected)}，实为 ${fmt(actual)}，相差 ${fmt(difference)}（${zhWhy}）。` +
      ` / ${where.en}: expected ${fmt(expected)}, printed ${fmt(actual)}, difference ${fmt(difference)} (${enWhy}).`;
    return this.push({ severity, message, expected: round4(expected), actual, difference, tolerance: tol, ...pick(where) });
  }

  /**
   * A stated percentage against the one recomputed from stated amounts. The
   * tolerance follows the decimals printed (2 → 0.01, 1 → 0.1, 0 → 1);
   * a difference within it is rounding (info), beyond it a warning.
   */
  percent(whereOrBuild: WhereOf, computed: number, stated: number): Finding | null {
    if (!comparable(computed, stated)) return null;
    this.performed++;
    const d = decimalsOf(stated);
    const tol = d >= 2 ? 0.01 : d === 1 ? 0.1 : 1;
    const shown = Math.round(computed * 10 ** d) / 10 ** d;
    if (Math.abs(shown - stated) < EPS) return null;
    const difference = round4(stated - computed);
    const rounding = Math.abs(difference) <= tol + EPS;
    const where = whereOf(whereOrBuild);
    const severity: Severity = rounding ? "info" : "warning";
    const c = fmt(Math.round(computed * 100) / 100);
    const zhWhy = rounding ? `在 ${tol} 个百分点以内，属尾差` : `超出 ${tol} 个百分点`;
    const enWhy = rounding ? `within ${tol} percentage points: rounding` : `beyond ${tol} percentage points`;
    const message =
      `${where.zh}：按所列金额应为 ${c}%，文中为 ${fmt(stated)}%，相差 ${fmt(difference)} 个百分点（${zhWhy}）。` +
      ` / ${where.en}: recomputed ${c}%, stated ${fmt(stated)}%, difference ${fmt(difference)} points (${enWhy}).`;
    return this.push({ severity, message, expected: round4(computed), actual: stated, difference, tolerance: tol, ...pick(where) });
  }

  /** A finding that is not a numeric comparison (e.g. score above its weight). */
  fail(where: Where, severity: Severity, zh: string, en: string, expected: number | null, actual: number | null): Finding {
    this.performed++;
    if (expected !== null && !Number.isFinite(expected)) expected = null;
    if (actual !== null && !Number.isFinite(actual)) actual = null;
    const difference = expected !== null && actual !== null ? round4(actual - expected) : null;
    return this.push({ severity, message: `${where.zh}：${zh} / ${where.en}: ${en}`, expected, actual, difference, tolerance: null, ...pick(where) });
  }

  /** Count a check that passed without comparing numbers here. */
  pass(): void {
    this.performed++;
  }

  private push(f: Finding): Finding {
    this.findings.push(f);
    return f;
  }
}

function pick(where: Where): Pick<Finding, "source_lines" | "table_ids" | "subject"> {
  return {
    source_lines: uniqueAscending(where.source_lines),
    table_ids: [...new Set(where.table_ids)],
    subject: where.subject,
  };
}
