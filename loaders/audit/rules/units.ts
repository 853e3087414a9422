/**
 * units: the right figure printed in the wrong unit (元 for 万元, a figure
 * ×10,000) — the digits agree with the figure it must equal, the magnitude
 * does not, so the two cannot both hold (error):
 *   - a prose amount printed in another unit than the prose's own (“预算支出
 *     1682.76元” among 万元 figures) whose digits, read in the prose's unit,
 *     are a figure stated just before it or printed in a table, or are the
 *     whole its listed parts add up to (“污染防治项目 18,686.86 元，主要包括：
 *     水生态环境管理工作 3,953.30 万元 …”);
 *   - a prose amount that does not equal its table figure (prose_tables'
 *     target) but equals it ×10,000 or ÷10,000;
 *   - the same figure in two tables, one of them 10,000 times the other.
 * prose_tables, prose_parts and cross_table leave these cases to this rule.
 */
import { toWanFactor } from "../../base/money.ts";
import { decimalsOf, fmt, type RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { figuresOf, groupByKey, type Figure } from "../figures.ts";
import { inReadingOrder, isStatedAmount } from "../sentences.ts";
import type { NarrativeFactLike } from "../types.ts";
import { proseComparisons } from "./prose-tables.ts";

/** The unit most of the prose's stated amounts are printed in. */
export function proseUnit(facts: readonly NarrativeFactLike[]): string {
  const n = new Map<string, number>();
  for (const f of facts) if (isStatedAmount(f)) n.set(f.unit, (n.get(f.unit) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "万元";
}

/** The digits of `f` read in `unit`, in 万元. */
function readIn(f: NarrativeFactLike, unit: string): number | null {
  const factor = toWanFactor(unit);
  return factor === null ? null : f.value * factor;
}

/** Half a unit of the last digit printed, in 万元 once read in `unit`. */
function digitsTolerance(f: NarrativeFactLike, unit: string): number {
  return Math.max(0.01, 0.5 * 10 ** -decimalsOf(f.value) * (toWanFactor(unit) ?? 1));
}

/** `amount` (万元) is `figure` (万元) ×10,000 or ÷10,000, to the digits printed. */
export function tenThousandfold(amount: number, figure: number, tolerance: number): boolean {
  if (amount === 0 || figure === 0) return false;
  return timesApart(amount, figure, tolerance, 1e4) || timesApart(amount, figure, tolerance, 1e-4);
}

/** `amount` × k is `figure`, to the digits printed. */
function timesApart(amount: number, figure: number, tolerance: number, k: number): boolean {
  return Math.abs(amount * k - figure) <= Math.max(tolerance * k, 0.01) + 1e-9;
}

function proseSlips(ctx: AuditContext, run: RuleRun): Set<NarrativeFactLike> {
  const facts = inReadingOrder(ctx.input.facts ?? []);
  const unit = proseUnit(facts);
  const figs = figuresOf(ctx);
  const reported = new Set<NarrativeFactLike>();
  facts.forEach((f, i) => {
    if (!isStatedAmount(f) || f.unit === unit || toWanFactor(f.unit) === null || f.value === 0) return;
    const asWan = readIn(f, unit);
    if (asWan === null) return;
    const tol = digitsTolerance(f, unit);
    const sameSection = (g: NarrativeFactLike) => g.section === f.section && g.subsection === f.subsection;
    // a figure stated just before (this or the previous two lines) in the prose's unit with these digits
    const before = facts
      .slice(Math.max(0, i - 8), i)
      .filter((g) => isStatedAmount(g) && g.unit === unit && sameSection(g) && f.source_line - g.source_line <= 2);
    const twin = before.find((g) => Math.abs(g.amount_wan! - asWan) <= tol + 1e-9);
    // the parts listed right after it, in the prose's unit, that exceed it as printed but fit once it is read in that unit
    const parts = facts.slice(i + 1).filter((g) => g.sentence === f.sentence && isStatedAmount(g) && g.unit === unit);
    const fits =
      parts.length > 0 && parts[0].amount_wan! > f.amount_wan! && parts[0].amount_wan! <= asWan + tol && /其中|包括|主要用于|分别为/.test(f.sentence);
    const table = figs.find((g) => g.value !== 0 && Math.abs(g.value - asWan) <= tol + 1e-9);
    const evidence = twin
      ? {
          zh: `与第 ${twin.source_line} 行“${twin.subject}”${fmt(twin.value)}${twin.unit} 数字相同`,
          en: `the digits of "${twin.subject}" ${fmt(twin.value)} ${twin.unit} on line ${twin.source_line}`,
          lines: [twin.source_line],
          tables: [] as string[],
        }
      : table
        ? {
            zh: `与 ${table.table_id} 的 ${fmt(table.value)}万元 数字相同`,
            en: `the digits of ${table.table_id}'s ${fmt(table.value)} 万元`,
            lines: table.lines,
            tables: [table.table_id],
          }
        : fits
          ? {
              zh: `其后所列“${parts[0].subject}”${fmt(parts[0].value)}${parts[0].unit} 已大于它`,
              en: `"${parts[0].subject}" ${fmt(parts[0].value)} ${parts[0].unit} listed after it already exceeds it`,
              lines: [parts[0].source_line],
              tables: [] as string[],
            }
          : null;
    if (!evidence) return;
    reported.add(f);
    run.fail(
      {
        zh: `正文“${f.subject}”${fmt(f.value)}${f.unit}`,
        en: `prose "${f.subject}" ${fmt(f.value)} ${f.unit}`,
        subject: f.subject,
        source_lines: [f.source_line, ...evidence.lines],
        table_ids: evidence.tables,
      },
      "error",
      `计量单位应为${unit}：${evidence.zh}；按${f.unit}为 ${fmt(f.amount_wan!)}万元，按${unit}为 ${fmt(asWan)}万元。`,
      `the unit should be ${unit}: ${evidence.en}; in ${f.unit} it is ${fmt(f.amount_wan!)} 万元, in ${unit} ${fmt(asWan)} 万元.`,
      asWan,
      f.amount_wan,
    );
  });
  return reported;
}

function proseAgainstTables(ctx: AuditContext, run: RuleRun, reported: Set<NarrativeFactLike>): void {
  for (const c of proseComparisons(ctx)) {
    if (reported.has(c.fact) || !c.slip) continue;
    const f = c.fact;
    run.fail(
      {
        zh: `正文“${f.subject}”${fmt(f.value)}${f.unit} 与 ${c.figure.table_id} 的 ${fmt(c.figure.value)}万元`,
        en: `prose "${f.subject}" ${fmt(f.value)} ${f.unit} against ${c.figure.table_id}'s ${fmt(c.figure.value)} 万元`,
        subject: f.code ?? f.subject,
        source_lines: [f.source_line, ...c.figure.lines],
        table_ids: [c.figure.table_id],
      },
      "error",
      `数字相同而数量级相差一万倍（元与万元混用）。`,
      `the same digits 10,000 times apart (元 and 万元 confused).`,
      c.figure.value,
      f.amount_wan,
    );
  }
}

/** Pairs of tables printing one key (scope · flow · code) 10,000 times apart. */
export function tableSlips(ctx: AuditContext): Array<[Figure, Figure]> {
  const figs = figuresOf(ctx).filter((f) => !f.aggregated && f.value !== 0);
  const groups = groupByKey(figs);
  const out: Array<[Figure, Figure]> = [];
  for (const list of groups.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        if (list[i].table_id !== list[j].table_id && tenThousandfold(list[j].value, list[i].value, 0.005)) out.push([list[i], list[j]]);
  return out;
}

export function units(ctx: AuditContext, run: RuleRun): void {
  const reported = proseSlips(ctx, run);
  proseAgainstTables(ctx, run, reported);
  for (const [a, b] of tableSlips(ctx)) {
    run.fail(
      {
        zh: `${a.code === "TOTAL" ? "合计" : a.code} ${a.table_id} 与 ${b.table_id}`,
        en: `${a.code} in ${a.table_id} and ${b.table_id}`,
        subject: a.code === "TOTAL" ? "合计" : a.code,
        source_lines: [...a.lines, ...b.lines],
        table_ids: [a.table_id, b.table_id],
      },
      "error",
      `${fmt(a.value)}万元 与 ${fmt(b.value)}万元 数字相同而相差一万倍：其中一表的金额单位有误。`,
      `${fmt(a.value)} and ${fmt(b.value)} 万元 have the same digits 10,000 times apart: one table's unit is wrong.`,
      a.value,
      b.value,
    );
  }
}
