/**
 * three_public: “三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费,
 * and 公务用车购置及运行维护费 = 购置费 + 运行维护费 — per row and column group
 * (预算数 / 决算数, fund groups), in any table that prints these columns.
 */
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { groupsOf, wan } from "../rows.ts";

const IDENTITIES: Array<[string, string[], string, string]> = [
  [
    "three_public_total",
    ["overseas_travel", "vehicles_total", "official_reception"],
    "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费",
    "three public total = overseas travel + vehicles + reception",
  ],
  ["vehicles_total", ["vehicle_purchase", "vehicle_operation"], "公务用车购置及运行维护费 = 购置费 + 运行维护费", "vehicles = purchase + operation"],
];

export function threePublic(ctx: AuditContext, run: RuleRun): void {
  for (const r of ctx.rows) {
    if (r.items.length < 2) continue; // a total and a part: two columns at least
    for (const { measures: m } of groupsOf(r)) {
      for (const [sumKey, partKeys, zh, en] of IDENTITIES) {
        const total = m.get(sumKey);
        if (!total) continue; // most groups print no “三公” total
        const parts = partKeys.map((k) => m.get(k)).filter((i) => !!i);
        if (parts.length === 0) continue;
        const group = total.side ? `［${total.side}］` : "";
        run.amounts(
          () => ({
            zh: `${r.table_id} ${r.label.trim()}${group}：${zh}`,
            en: `${r.table_id} ${r.key}${total.side ? ` [${total.side}]` : ""}: ${en}`,
            subject: r.label.trim() || sumKey,
            source_lines: [total, ...parts].map((i) => i!.source_line),
            table_ids: [r.table_id],
          }),
          parts.reduce((s, p) => s + wan(p!), 0),
          wan(total),
          parts.length,
          "table",
        );
      }
    }
  }
}
