/**
 * The two sides of a two-sided 总表 (收入 | 支出) and the role of each row:
 * 总计, 本年合计, 使用非财政拨款结余, 年初结转, 结余分配, 年末结转, or a detail row.
 */
import { ordinalOf } from "../base/fold.ts";
import { remembered } from "../base/memo.ts";
import { functionalClassCode } from "../schema/classification-names.ts";
import type { AuditRow } from "./rows.ts";

export type Role = "grand" | "year" | "non_fiscal_balance" | "carry_prior" | "distribution" | "carry_next" | "detail";

/** The role of a row by its key (each key read once: the rules ask of the same rows again and again). */
export const roleOf = remembered(readRole);

function readRole(key: string): Role {
  if (/总计$/.test(key)) return "grand";
  if (/^本年(收入|支出)(合计)?$|^(收入|支出)合计$/.test(key)) return "year";
  if (/使用非财政拨款结余/.test(key)) return "non_fiscal_balance";
  if (/年初.{0,6}结转|上年.{0,4}结转/.test(key)) return "carry_prior";
  if (/结余分配/.test(key)) return "distribution";
  if (/年末.{0,6}结转/.test(key)) return "carry_next";
  return "detail";
}

const INCOME_ROLES = new Set<Role>(["non_fiscal_balance", "carry_prior"]);
const EXPENDITURE_ROLES = new Set<Role>(["distribution", "carry_next"]);

export interface Sides {
  income: AuditRow[];
  expenditure: AuditRow[];
}

const sidesMemo = new WeakMap<AuditRow[], Sides | null>();

/**
 * The sides of a table, or null if it is not two-sided. Rows without a
 * `side` are placed by their label (收入 / 支出, the balance rows); of two
 * unplaced rows on one line the first is the income side. Rows of another
 * column group (a side that is neither) are left out. Computed once per
 * rows list (several rules ask of every table; none may change either).
 */
export function sidesOf(rows: AuditRow[]): Sides | null {
  let sides = sidesMemo.get(rows);
  if (sides === undefined) sidesMemo.set(rows, (sides = computeSides(rows)));
  return sides;
}

function computeSides(rows: AuditRow[]): Sides | null {
  const sided = rows.filter((r) => r.side);
  const hasBoth = sided.some((r) => r.side === "income") && sided.some((r) => r.side === "expenditure");
  const grandCount = rows.filter((r) => roleOf(r.key) === "grand").length;
  if (!hasBoth && grandCount < 2) return null;
  const out: Sides = { income: [], expenditure: [] };
  const seenOnLine = new Map<number, number>();
  for (const r of rows) {
    let side = r.side;
    // a row of another column group (a second expenditure view, 西安's 部门预算经济科目) is on neither side
    if (!side && r.items[0]?.side) continue;
    if (!side) {
      const role = roleOf(r.key);
      if (INCOME_ROLES.has(role) || /收入/.test(r.key)) side = "income";
      else if (EXPENDITURE_ROLES.has(role) || /支出/.test(r.key)) side = "expenditure";
      else if (role === "grand") side = (seenOnLine.get(r.source_line) ?? 0) === 0 ? "income" : "expenditure";
    }
    seenOnLine.set(r.source_line, (seenOnLine.get(r.source_line) ?? 0) + 1);
    if (side) out[side].push(r);
  }
  return out;
}

/** Whether a label starts with a Chinese-numeral ordinal (一、, （一）): a numbered total (一、本年收入) or a top row. */
const numbered = (label: string): boolean => {
  const style = ordinalOf(label.trim())?.style;
  return style === "一、" || style === "（一）";
};

/** The ordinal style a row label starts with, "" for none. */
const ordinalStyle = (label: string): string => ordinalOf(label.trim())?.style ?? "";

/**
 * The depth of each row of an outline: its ordinal style's place in the
 * order the styles first appear (the first row's style is the top; a style
 * first seen below it is deeper), as documents number their outlines — 一、
 * over 1., or a name without a number over 1. 2. 3. (财政拨款 over
 * 1.一般公共预算拨款), or 一、教育支出 over its 款 and 项 printed without one;
 * in an outline without numbers, the 类 the national classification names
 * (科学技术支出) over the 款 and 项 printed after them.
 */
function outlineDepths(rows: AuditRow[]): { styles: string[]; depths: number[] } {
  // a side printing two rows on one line (several views side by side) is no one outline: all at the top
  if (new Set(rows.map((r) => r.source_line)).size < rows.length) return { styles: rows.map(() => ""), depths: rows.map(() => 0) };
  const styles = rows.map((r) => ordinalStyle(r.label));
  // no numbers at all, and 类 first: the 类 named by the national classification are the top, their 款 and 项 below
  if (rows.length > 0 && styles.every((st) => st === "") && functionalClassCode(rows[0].label) !== null)
    return { styles, depths: rows.map((r) => (functionalClassCode(r.label) !== null ? 0 : 1)) };
  const order = new Map<string, number>();
  for (const st of styles) if (!order.has(st)) order.set(st, order.size);
  return { styles, depths: styles.map((st) => order.get(st)!) };
}

/**
 * The detail rows a total row sums: a numbered total (一、本年收入) sums
 * the unnumbered rows right after it; an unnumbered one (本年收入合计) the
 * detail rows right before it, of which the top of their outline only
 * (outlineDepths; outlineParts gives the rows below them).
 */
export function blockOf(side: AuditRow[], at: number): AuditRow[] {
  const total = side[at];
  const out: AuditRow[] = [];
  if (numbered(total.label)) {
    for (let i = at + 1; i < side.length && roleOf(side[i].key) === "detail" && !numbered(side[i].label); i++) out.push(side[i]);
    return out;
  }
  const above = outlineAbove(side, at);
  return above ? above.rows.filter((_, k) => above.depths[k] === 0) : out;
}

/** The detail rows right before an unnumbered 本年合计 (`at`), with their outline; null for any other row. */
function outlineAbove(side: AuditRow[], at: number): ({ rows: AuditRow[] } & ReturnType<typeof outlineDepths>) | null {
  const total = side[at];
  if (numbered(total.label) || roleOf(total.key) !== "year") return null;
  let from = at;
  while (from > 0 && roleOf(side[from - 1].key) === "detail") from--;
  const rows = side.slice(from, at);
  return { rows, ...outlineDepths(rows) };
}

/**
 * The rows of that outline (before an unnumbered 本年合计) that print
 * numbered parts below them (一、财政拨款 over 1. 2. 3.): each with the rows
 * of the next depth down, up to the next row at its own depth or above. Rows
 * printed without a number under a numbered one are below it, but at a depth
 * the outline does not say (款 and 项 alike): they are no one's parts here.
 */
export function outlineParts(side: AuditRow[], at: number): Array<{ parent: AuditRow; parts: AuditRow[] }> {
  const above = outlineAbove(side, at);
  if (!above) return [];
  const { rows, styles, depths } = above;
  const out: Array<{ parent: AuditRow; parts: AuditRow[] }> = [];
  rows.forEach((parent, k) => {
    const below: number[] = [];
    for (let j = k + 1; j < rows.length && depths[j] > depths[k]; j++) below.push(j);
    if (below.length === 0) return;
    const next = Math.min(...below.map((j) => depths[j]));
    const parts = below.filter((j) => depths[j] === next);
    if (styles[parts[0]] !== "") out.push({ parent, parts: parts.map((j) => rows[j]) });
  });
  return out;
}
