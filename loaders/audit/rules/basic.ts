/**
 * basic: 基本支出 = 人员经费 + 公用经费 —
 *   per row where both columns are printed (合计 / 基本支出 = 人员经费 + 公用经费);
 *   in a 基本支出 table by economic code: the printed 人员经费(合计) = Σ 类 301 + 303,
 *   the printed 公用经费(合计) = Σ the other 类 (302, 307, 310, 399 …), and the
 *   table's 合计 = 人员经费 + 公用经费 where all three are printed.
 */
import type { LineItem } from "../../schema/types.ts";
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { groupsOf, headline, isTotalRow, wan, type AuditRow } from "../rows.ts";

const PERSONNEL_CLASSES = new Set(["301", "303"]);

function check(run: RuleRun, tableId: string, subject: string, zh: string, en: string, total: LineItem, parts: LineItem[]): void {
  run.amounts(
    () => ({ zh: `${tableId} ${zh}`, en: `${tableId} ${en}`, subject, source_lines: [total, ...parts].map((i) => i.source_line), table_ids: [tableId] }),
    parts.reduce((s, p) => s + wan(p), 0),
    wan(total),
    parts.length,
    "table",
  );
}

export function basic(ctx: AuditContext, run: RuleRun): void {
  for (const r of ctx.rows) {
    if (r.items.length < 3) continue; // basic, personnel and public: three columns at least
    for (const { measures: m } of groupsOf(r)) {
      const personnel = m.get("personnel");
      const pub = m.get("public_expenses");
      const total = m.get("basic") ?? (m.has("project") ? undefined : m.get("total"));
      if (personnel && pub && total) {
        const name = r.code ? `${r.code} ${r.label.trim()}` : r.label.trim();
        check(
          run,
          r.table_id,
          r.code ?? r.label.trim(),
          `${name}：基本支出 = 人员经费 + 公用经费`,
          `${r.code ?? r.key}: basic = personnel + public expenses`,
          total,
          [personnel, pub],
        );
      }
    }
  }
  for (const table of ctx.tables) {
    if (!/基本支出/.test(table.table_name)) continue;
    const printed = (re: RegExp) => table.rows.find((r) => !r.code && re.test(r.key));
    const personnelRow = printed(/^人员经费(合计)?$/);
    const publicRow = printed(/^公用经费(合计)?$/);
    const classes = table.rows.filter((r) => r.code && r.code.length === 3 && /^[35]/.test(r.code) && r.items.length === 1);
    const computed = (rowOf: AuditRow | undefined, pick: (code: string) => boolean, zh: string, en: string) => {
      const target = rowOf ? headline(rowOf) : null;
      const parts = classes.filter((r) => pick(r.code!)).map((r) => r.items[0]);
      if (target && parts.length > 0)
        check(
          run,
          table.table_id,
          zh,
          `${zh} = Σ ${en === "personnel" ? "301 + 303" : "302 + 307 + 310 + 399 …"}`,
          `${en} = sum of its economic classes`,
          target,
          parts,
        );
    };
    computed(personnelRow, (c) => PERSONNEL_CLASSES.has(c), "人员经费", "personnel");
    computed(publicRow, (c) => !PERSONNEL_CLASSES.has(c), "公用经费", "public expenses");
    const totalRow = table.rows.find((r) => isTotalRow(r) && r.items.length === 1);
    if (totalRow && personnelRow && publicRow)
      check(run, table.table_id, "基本支出", "合计 = 人员经费 + 公用经费", "total = personnel + public expenses", headline(totalRow)!, [
        headline(personnelRow)!,
        headline(publicRow)!,
      ]);
  }
}
