/**
 * balances: the 年初 / 年末结转和结余 of the two summary tables — the
 * 财政拨款 balances (财政拨款收入支出决算总表, 财政拨款收支总表) are part of
 * all balances (收入支出决算总表, 收支总表): the 财政拨款 figure cannot exceed
 * the whole's (error). A smaller figure is the non-财政拨款 balance and is
 * not a finding. Compared by the rows' meaning (年初结转和结余 / 上年结转,
 * 年末结转和结余), headline column of each table.
 */
import { removeSpaces } from "../../base/fold.ts";
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { headline, wan } from "../rows.ts";
import { roleOf, sidesOf } from "../summary.ts";

const ROLES: Array<["carry_prior" | "carry_next", string, string]> = [
  ["carry_prior", "年初结转和结余", "opening balance"],
  ["carry_next", "年末结转和结余", "closing balance"],
];

export function balances(ctx: AuditContext, run: RuleRun): void {
  const summaries = ctx.tables.map((t) => ({ t, sides: sidesOf(t.rows), fiscal: /^(?:.*)?财政拨款/.test(removeSpaces(t.table_name)) }));
  const whole = summaries.find((s) => s.sides && !s.fiscal);
  const fiscal = summaries.find((s) => s.sides && s.fiscal);
  if (!whole?.sides || !fiscal?.sides) return;
  for (const [role, zh, en] of ROLES) {
    const side = role === "carry_prior" ? "income" : "expenditure";
    const a = whole.sides[side].find((r) => roleOf(r.key) === role);
    const b = fiscal.sides[side].find((r) => roleOf(r.key) === role);
    const ha = a && headline(a);
    const hb = b && headline(b);
    if (!ha || !hb) continue;
    const where = {
      zh: `${fiscal.t.table_id} 财政拨款${zh} 与 ${whole.t.table_id} ${zh}`,
      en: `${en} of ${fiscal.t.table_id} (fiscal appropriation) against ${whole.t.table_id} (all money)`,
      subject: zh,
      source_lines: [ha.source_line, hb.source_line],
      table_ids: [whole.t.table_id, fiscal.t.table_id],
    };
    if (wan(hb) > wan(ha) + 0.01 + 1e-9)
      run.fail(
        where,
        "error",
        `财政拨款部分 ${wan(hb)} 大于全部资金 ${wan(ha)}，二者不能同时成立。`,
        `the fiscal appropriation part ${wan(hb)} exceeds the whole ${wan(ha)}: both cannot hold.`,
        wan(ha),
        wan(hb),
      );
    else run.pass();
  }
}
