/**
 * The two sides of a two-sided 总表 (收入 | 支出) and the role of each row:
 * 总计, 本年合计, 使用非财政拨款结余, 年初结转, 结余分配, 年末结转, or a detail row.
 */
import { remembered } from "../base/memo.ts";
import type { AuditRow } from "./rows.ts";

export type Role = "grand" | "year" | "non_fiscal_balance" | "carry_prior" | "distribution" | "carry_next" | "detail";

/** The role of a row by its key (each key read once: the rules ask of the same rows again and again). */
export const roleOf = remembered(readRole);

function readRole(key: string): Role {
  if (/总计$/.test(key)) return "grand";
  if (/^本年(收入|支出)(合计)?$|^(收入|支出)合计$/.test(key)) return "year";
  if (/使用非财政拨款结余/.test(key)) return "non_fiscal_balance";
  if (/年初.{0,6}结转|上年结转/.test(key)) return "carry_prior";
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
 * unplaced rows on one line the first is the income side. Computed once per
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

const NUMBERED = /^[（(]?[一二三四五六七八九十]+[)）、]/;

/**
 * The detail rows a total row sums: a numbered total (一、本年收入) sums
 * the unnumbered rows right after it; an unnumbered one (本年收入合计) the
 * detail rows right before it.
 */
export function blockOf(side: AuditRow[], at: number): AuditRow[] {
  const total = side[at];
  const out: AuditRow[] = [];
  if (NUMBERED.test(total.label.trim())) {
    for (let i = at + 1; i < side.length && roleOf(side[i].key) === "detail" && !NUMBERED.test(side[i].label.trim()); i++) out.push(side[i]);
  } else if (roleOf(total.key) === "year") {
    for (let i = at - 1; i >= 0 && roleOf(side[i].key) === "detail"; i--) out.unshift(side[i]);
  }
  return out;
}
