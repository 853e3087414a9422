/**
 * totals: the identities of a two-sided 总表 —
 *   收入总计 = 支出总计;
 *   本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 收入总计;
 *   本年支出合计 + 结余分配 + 年末结转和结余 = 支出总计;
 *   本年收入 / 本年支出 (and 上年结转 where it has sub-rows) = Σ its rows.
 * Column by column where the expenditure side has several (合计, 一般公共预算 …).
 */
import type { LineItem } from "../../schema/types.ts";
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { headline, measuresOf, wan, type AuditRow } from "../rows.ts";
import { blockOf, outlineParts, roleOf, sidesOf, type Role } from "../summary.ts";

const lines = (items: Array<LineItem | null | undefined>) => items.filter((i): i is LineItem => !!i).map((i) => i.source_line);

function first(side: AuditRow[], role: Role): AuditRow | undefined {
  return side.find((r) => roleOf(r.key) === role);
}

/** The item of `row` in the same column as `like` (same measure), else its headline when the row has one column. */
function sameColumn(row: AuditRow | undefined, measure: string, single: boolean): LineItem | null {
  if (!row) return null;
  const m = measuresOf(row);
  if (m.has(measure)) return m.get(measure)!;
  return single && row.items.length === 1 ? row.items[0] : null;
}

export function totals(ctx: AuditContext, run: RuleRun): void {
  for (const table of ctx.tables) {
    const sides = sidesOf(table.rows);
    if (!sides) continue;
    const t = [table.table_id];
    const gi = first(sides.income, "grand");
    const ge = first(sides.expenditure, "grand");
    const gih = gi ? headline(gi) : null;
    const geh = ge ? headline(ge) : null;
    if (gih && geh)
      run.amounts(
        () => ({
          zh: `${table.table_id} 收入总计 = 支出总计`,
          en: `${table.table_id} total income = total expenditure`,
          subject: "总计",
          source_lines: lines([gih, geh]),
          table_ids: t,
        }),
        wan(gih),
        wan(geh),
        1,
        "table",
      );
    balance(run, table.table_id, sides.income, ["year", "non_fiscal_balance", "carry_prior"], "收入", "income");
    balance(run, table.table_id, sides.expenditure, ["year", "distribution", "carry_next"], "支出", "expenditure");
    for (const side of [sides.income, sides.expenditure]) blocks(run, table.table_id, side);
  }
}

const ROLE_ZH: Record<string, string> = {
  year: "本年合计",
  non_fiscal_balance: "使用非财政拨款结余",
  carry_prior: "年初结转和结余",
  distribution: "结余分配",
  carry_next: "年末结转和结余",
};

/** 本年合计 + balance rows = 总计, per column of the 总计 row. */
function balance(run: RuleRun, tableId: string, side: AuditRow[], roles: Role[], zhSide: string, enSide: string): void {
  const grand = first(side, "grand");
  const year = first(side, "year");
  if (!grand || !year) return;
  const single = grand.items.length === 1;
  for (const g of grand.items) {
    const parts = roles.map((r) => sameColumn(first(side, r), g.measure, single));
    if (!parts[0]) continue;
    const sum = parts.reduce((s, p) => s + (p ? wan(p) : 0), 0);
    const names = roles.map((r) => ROLE_ZH[r]).join(" + ");
    run.amounts(
      () => ({
        zh: `${tableId} ${names} = ${zhSide}总计（${g.column_label || g.measure}）`,
        en: `${tableId} year total + balances = total ${enSide} (${g.measure})`,
        subject: grand.label,
        source_lines: lines([g, ...parts]),
        table_ids: [tableId],
      }),
      sum,
      wan(g),
      parts.filter(Boolean).length,
      "table",
    );
  }
}

/**
 * A total row (本年收入合计, 一、本年支出, 二、上年结转) = Σ the rows it sums,
 * per column; and in an outline of rows above a 本年合计, each numbered row =
 * Σ the rows numbered under it (一、财政拨款 = 1. + 2. + 3.).
 */
function blocks(run: RuleRun, tableId: string, side: AuditRow[]): void {
  side.forEach((row, at) => {
    const role = roleOf(row.key);
    if (role !== "year" && role !== "carry_prior") return;
    sumOfRows(run, tableId, row, blockOf(side, at));
    for (const { parent, parts } of outlineParts(side, at)) sumOfRows(run, tableId, parent, parts);
  });
}

/** `row` = Σ `block`, column by column. */
function sumOfRows(run: RuleRun, tableId: string, row: AuditRow, block: AuditRow[]): void {
  if (block.length === 0) return;
  const single = row.items.length === 1;
  for (const total of row.items) {
    const parts = block.map((r) => sameColumn(r, total.measure, single && r.items.length === 1)).filter((p): p is LineItem => !!p);
    if (parts.length === 0) continue;
    const sum = parts.reduce((s, p) => s + wan(p), 0);
    run.amounts(
      () => ({
        zh: `${tableId} ${row.label.trim()} = Σ 各项（${parts.length} 行，${total.column_label || total.measure}）`,
        en: `${tableId} ${row.key} = sum of its ${parts.length} rows (${total.measure})`,
        subject: row.label.trim(),
        source_lines: lines([total, ...parts]),
        table_ids: [tableId],
      }),
      sum,
      wan(total),
      parts.length,
      "table",
    );
  }
}
