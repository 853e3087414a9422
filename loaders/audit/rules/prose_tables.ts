/**
 * prose_tables: an amount stated in the prose that names a table row (by
 * code) or a total (收支总计, 本年收入合计, 本年支出合计, 基本支出, 项目支出,
 * 人员经费, 公用经费, “三公”经费 and its parts) must equal the table figure.
 * The money meant (一般公共预算 / 财政拨款 / all) is read from the subject,
 * else from the headings above the sentence; the figure is looked up in
 * tables of that scope, else of a scope holding the same money (figures.ts).
 * Earlier-year and derived figures are not compared.
 */
import { toWanFactor } from "../../ingest/numbers.ts";
import { decimalsOf, type RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { figuresOf, scopeAliases, type Figure } from "../figures.ts";
import { isStatedAmount } from "../sentences.ts";
import type { NarrativeFactLike } from "../types.ts";

/** [subject pattern, flow, code]; the first match wins. */
const TOTALS: Array<[RegExp, string, string]> = [
  [/“?三公”?经费/, "three_public_total", "TOTAL"],
  [/因公出国/, "overseas_travel", "TOTAL"],
  [/公务用车购置及运行/, "vehicles_total", "TOTAL"],
  [/公务用车购置费?$|车辆购置/, "vehicle_purchase", "TOTAL"],
  [/公务用车运行/, "vehicle_operation", "TOTAL"],
  [/公务接待/, "official_reception", "TOTAL"],
  [/收支总计|收入总计/, "income:amount", "GRAND"],
  [/支出总计/, "amount", "GRAND"],
  [/本年收入合计|^收入合计|总收入|收入总额/, "income:amount", "TOTAL"],
  [/本年支出合计|^支出合计|总支出|支出总额/, "amount", "TOTAL"],
  [/人员经费/, "personnel", "TOTAL"],
  [/公用经费/, "public_expenses", "TOTAL"],
  [/基本支出/, "basic", "TOTAL"],
  [/项目支出/, "project", "TOTAL"],
  [/^(\d{4}年度?)?(一般公共预算)?(财政拨款)?支出(决算|预算)?数?$/, "amount", "TOTAL"],
];

function scopeWords(text: string | null | undefined): string | null {
  if (!text) return null;
  if (/一般公共预算/.test(text)) return "gpb";
  if (/政府性基金/.test(text)) return "fund";
  if (/国有资本经营/.test(text)) return "capital";
  if (/财政拨款|“?三公”?/.test(text)) return "fiscal";
  return null;
}

function targetOf(f: NarrativeFactLike, budgetDoc: boolean): { flow: string; code: string; scope: string } | null {
  const subject = f.subject.replace(/[\s\u3000]+/g, "");
  const scope = scopeWords(subject) ?? scopeWords(f.subsection) ?? scopeWords(f.section) ?? "all";
  if (f.code) {
    const flow = /基本支出/.test(subject) ? "basic" : /项目支出/.test(subject) ? "project" : "amount";
    return { flow, code: f.code, scope };
  }
  for (const [re, flow, code] of TOTALS) if (re.test(subject)) return { flow: !budgetDoc && /预算/.test(subject) && !flow.startsWith("income") ? `${flow}:budget` : flow, code, scope };
  return null;
}

/** Half a unit of the last digit printed, in 万元 (at least 0.01). */
function proseTolerance(f: NarrativeFactLike): number {
  const factor = toWanFactor(f.unit) ?? 1;
  return Math.max(0.01, 0.5 * 10 ** -decimalsOf(f.value) * factor);
}

export function proseTables(ctx: AuditContext, run: RuleRun): void {
  const facts = (ctx.input.facts ?? []).filter(isStatedAmount);
  if (facts.length === 0 || ctx.rows.length === 0) return;
  const figs = figuresOf(ctx);
  const alias = scopeAliases(figs);
  const docYear = ctx.input.doc.year ?? null;
  const budgetDoc = ctx.input.doc.kind === "budget";
  for (const f of facts) {
    if (f.year !== null && docYear !== null && f.year !== docYear) continue;
    const t = targetOf(f, budgetDoc);
    if (!t) continue;
    const same = figs.filter((g) => g.flow === t.flow && g.code === t.code);
    let candidates = same.filter((g) => g.scope === t.scope);
    if (candidates.length === 0) candidates = same.filter((g) => alias.get(g.scope) === alias.get(t.scope));
    if (candidates.length === 0 && t.scope === "all") candidates = same;
    if (candidates.length === 0) continue;
    const nearest = candidates.reduce((a: Figure, b) => (Math.abs(b.value - f.amount_wan!) < Math.abs(a.value - f.amount_wan!) ? b : a));
    run.amounts(
      {
        zh: `正文“${f.subject}”${f.value}${f.unit} 与 ${nearest.table_id} ${t.code === "TOTAL" || t.code === "GRAND" ? "合计" : t.code} ${nearest.aggregated ? `（Σ ${nearest.terms} 行）` : ""}应一致`,
        en: `prose "${f.subject}" ${f.value} ${f.unit} must equal ${nearest.table_id} ${t.code}${nearest.aggregated ? ` (sum of ${nearest.terms} rows)` : ""}`,
        subject: f.code ?? f.subject,
        source_lines: [f.source_line, ...nearest.lines],
        table_ids: [nearest.table_id],
      },
      nearest.value, f.amount_wan!, 1, "prose", proseTolerance(f),
    );
  }
}
