/**
 * cross_table: the same figure printed in several tables must agree —
 * matched by code (or the table total) and what the column holds (scope ×
 * flow, see figures.ts): 总表 expenditure by 类 vs 支出决算表 vs 财政拨款 and
 * 一般公共预算 tables, 收入决算表 vs 总表 income, budget 表1 / 表1-2 / 表2 / 表3 …
 * Each key is compared with the value most tables print (ties: the first
 * table in the document); two sums of sub-rows are not compared with each other.
 */
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { figuresOf, groupByKey, type Figure } from "../figures.ts";
import { tenThousandfold } from "./units.ts";

const SCOPE_ZH: Record<string, string> = { all: "全部资金", fiscal: "财政拨款", gpb: "一般公共预算", fund: "政府性基金", capital: "国有资本经营" };

function reference(list: Figure[]): Figure {
  const votes = new Map<number, number>();
  for (const f of list) votes.set(Math.round(f.value * 100), (votes.get(Math.round(f.value * 100)) ?? 0) + (f.aggregated ? 1 : 2));
  let best = list[0];
  for (const f of list) {
    const a = votes.get(Math.round(f.value * 100))!;
    const b = votes.get(Math.round(best.value * 100))!;
    if (a > b || (a === b && !f.aggregated && best.aggregated)) best = f;
  }
  return best;
}

const how = (x: Figure) => `${x.table_id}${x.aggregated ? `（Σ ${x.terms} 行）` : ""}`;
const howEn = (x: Figure) => `${x.table_id}${x.aggregated ? ` (sum of ${x.terms} rows)` : ""}`;

export function crossTable(ctx: AuditContext, run: RuleRun): void {
  const figs = figuresOf(ctx);
  // keys printed more than once (one figure has nothing to compare with), by the first line of their
  // first figure (read once per key, not at every comparison), then by key
  const keyed: Array<{ k: string; all: Figure[]; line: number }> = [];
  for (const [k, all] of groupByKey(figs)) if (all.length > 1) keyed.push({ k, all, line: Math.min(...all[0].lines) });
  keyed.sort((a, b) => a.line - b.line || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  for (const { all } of keyed) {
    // one figure per table: its printed one where it has both
    const perTable = new Map<string, Figure>();
    for (const f of all) {
      const had = perTable.get(f.table_id);
      if (!had || (had.aggregated && !f.aggregated)) perTable.set(f.table_id, f);
    }
    if (perTable.size < 2) continue;
    const list = [...perTable.values()].sort((a, b) => a.table_order - b.table_order);
    const ref = reference(list);
    for (const f of list) {
      if (f === ref || (f.aggregated && ref.aggregated)) continue;
      // the same digits 10,000 times apart: a unit slip, the units rule's
      if (!f.aggregated && !ref.aggregated && tenThousandfold(f.value, ref.value, 0.005)) continue;
      run.amounts(
        () => {
          const what = f.code === "TOTAL" ? "合计" : f.code;
          return {
            zh: `${what} ${ref.label.replace(/^Σ.*/, "") || f.label}［${SCOPE_ZH[f.scope] ?? f.scope}·${f.flow}］${how(f)} 与 ${how(ref)} 应一致`,
            en: `${what} [${f.scope}·${f.flow}] in ${howEn(f)} must equal ${howEn(ref)}`,
            subject: f.code === "TOTAL" ? "合计" : f.code,
            source_lines: [...ref.lines, ...f.lines],
            table_ids: [ref.table_id, f.table_id],
          };
        },
        ref.value,
        f.value,
        Math.max(1, f.aggregated ? f.terms : 1, ref.aggregated ? ref.terms : 1),
        "table",
      );
    }
  }
}
