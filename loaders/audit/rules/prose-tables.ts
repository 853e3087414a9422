/**
 * prose_tables: an amount stated in the prose that names a table row (by
 * code) or a total (收支总计, 本年收入合计, 本年支出合计, 基本支出, 项目支出,
 * 人员经费, 公用经费, “三公”经费 and its parts) must equal the table figure.
 * The money meant (一般公共预算 / 财政拨款 / all) is read from the subject,
 * else from the headings above the sentence; the figure is looked up in
 * tables of that scope, else of a scope holding the same money (figures.ts).
 * A code's amount may match any money column of its row (合计, 当年拨款,
 * 上年结转, 基本, 项目). A prose section none of whose amounts matches a
 * table (e.g. a sub-unit's 绩效 report) is about other money and is skipped,
 * unless it is the standard 说明 section of what it states (机关运行经费 under
 * 机关运行经费支出情况, “三公” figures under a “三公” heading) in a document
 * some other section of which matches.
 * Earlier-year and derived figures, and amounts whose subject is not in
 * their own sentence (carried over from an earlier one), are not compared.
 */
import { toWanFactor } from "../../base/money.ts";
import { decimalsOf, type RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { figuresOf, scopeAliases, type Figure } from "../figures.ts";
import { isStandardSection, isStatedAmount } from "../sentences.ts";
import type { NarrativeFactLike } from "../types.ts";
import { removeSpaces } from "../../base/fold.ts";
import { remembered } from "../../base/memo.ts";
import { tenThousandfold } from "./units.ts";

/** [subject pattern (year prefix removed), flow, code]; the first match wins. */
const TOTALS: Array<[RegExp, string, string]> = [
  [/^“?三公”?经费/, "three_public_total", "TOTAL"],
  [/^因公出国/, "overseas_travel", "TOTAL"],
  [/^公务用车购置及运行/, "vehicles_total", "TOTAL"],
  [/^公务用车购置费?$/, "vehicle_purchase", "TOTAL"],
  [/^公务用车运行/, "vehicle_operation", "TOTAL"],
  [/^公务接待/, "official_reception", "TOTAL"],
  [/^(全年)?(收支总计|收、支总计|收入总计)/, "income:amount", "GRAND"],
  [/^支出总计/, "amount", "GRAND"],
  [/^(本年)?收入合计$|^(总收入|收入总额)$/, "income:amount", "TOTAL"],
  [/^(本年)?支出合计$|^(总支出|支出总额)$/, "amount", "TOTAL"],
  [/^(一般公共预算)?(财政拨款)?人员经费$/, "personnel", "TOTAL"],
  [/^(一般公共预算)?(财政拨款)?(日常)?公用经费$/, "public_expenses", "TOTAL"],
  [/^(一般公共预算)?(财政拨款)?基本支出$/, "basic", "TOTAL"],
  [/^(一般公共预算)?(财政拨款)?项目支出$/, "project", "TOTAL"],
  [/^(一般公共预算财政拨款|财政拨款)支出$/, "amount", "TOTAL"],
  // the income table's 财政拨款 (一般公共预算 / 政府性基金 …) column total
  [/^(本年)?(一般公共预算|政府性基金预算?|国有资本经营预算?)?财政拨款收入$/, "income:amount", "TOTAL"],
  // 机关运行经费 of a 决算: the 一般公共预算财政拨款 basic expenditure's 公用经费 (its definition)
  [/^(机关)?运行经费(财政拨款)?(支出)?$/, "public_expenses", "TOTAL"],
];

const ALTERNATIVE_FLOWS = ["current_year_appropriation", "carryover_prior", "basic", "project"];

function scopeWords(text: string | null | undefined): string | null {
  return text ? scopeNamed(text) : null;
}

/** Each subject or heading read once: a document's facts share a few dozen of them. */
const scopeNamed = remembered((text: string): string | null => {
  if (/一般公共预算/.test(text)) return "gpb";
  if (/政府性基金/.test(text)) return "fund";
  if (/国有资本经营/.test(text)) return "capital";
  if (/财政拨款|三公/.test(text)) return "fiscal";
  return null;
});

/** A subject without spaces, page-marker residue and a leading year (each subject read once). */
const cleanSubject = remembered((subject: string): string =>
  subject
    .replace(/[\s\u3000]+/g, "")
    .replace(/^[=＝]+/, "")
    .replace(/^\d{4}年度?/, ""),
);

/** The total a cleaned subject names (the first of TOTALS it matches), or null (each subject read once). */
const totalNamed = remembered((subject: string): [RegExp, string, string] | null => TOTALS.find(([re]) => re.test(subject)) ?? null);

interface Target {
  flow: string;
  code: string;
  scope: string;
}

function targetOf(f: NarrativeFactLike, budgetDoc: boolean): Target | null {
  const subject = cleanSubject(f.subject);
  let scope = scopeWords(subject) ?? scopeWords(f.subsection) ?? scopeWords(f.section) ?? "all";
  if (/^(机关)?运行经费/.test(subject)) {
    if (!/机关运行经费/.test(`${subject}${f.subsection ?? ""}${f.section ?? ""}`)) return null;
    // a budget's 机关运行经费 may include project money (its definition varies by province): only a 决算's is compared
    if (budgetDoc) return null;
    scope = "gpb";
  }
  if (f.code) {
    const flow = /基本支出/.test(subject) ? "basic" : /项目支出/.test(subject) ? "project" : "amount";
    return { flow, code: f.code, scope };
  }
  const total = totalNamed(subject);
  if (!total) return null;
  const [, flow, code] = total;
  return { flow: !budgetDoc && /预算数/.test(subject) && !flow.startsWith("income") ? `${flow}:budget` : flow, code, scope };
}

/** Half a unit of the last digit printed, in 万元 (at least 0.01). */
export function proseTolerance(f: NarrativeFactLike): number {
  const factor = toWanFactor(f.unit) ?? 1;
  return Math.max(0.01, 0.5 * 10 ** -decimalsOf(f.value) * factor);
}

/** The table figure (万元), written in the prose's unit with the prose's decimals, is the prose figure. */
export function roundsTo(figureWan: number, f: NarrativeFactLike): boolean {
  const factor = toWanFactor(f.unit) ?? 1;
  const d = decimalsOf(f.value);
  const shown = Math.round((figureWan / factor) * 10 ** d) / 10 ** d;
  return Math.abs(shown - f.value) < 1e-9;
}

export interface Comparison {
  fact: NarrativeFactLike;
  target: Target;
  figure: Figure;
  matched: boolean;
}

/** `sameCode`: the figures of the target's code, in figure order. */
function compare(f: NarrativeFactLike, t: Target, sameCode: Figure[], alias: (scope: string, flow: string) => string): Comparison | null {
  const flows = t.flow === "amount" ? [t.flow, ...ALTERNATIVE_FLOWS] : [t.flow];
  const same = sameCode.filter((g) => flows.includes(g.flow));
  let candidates = same.filter((g) => g.scope === t.scope);
  if (candidates.length === 0) candidates = same.filter((g) => alias(g.scope, g.flow) === alias(t.scope, g.flow));
  if (candidates.length === 0 && t.scope === "all") candidates = same;
  if (candidates.length === 0) return null;
  const tol = proseTolerance(f);
  const near = (list: Figure[]) => list.reduce((a, b) => (Math.abs(b.value - f.amount_wan!) < Math.abs(a.value - f.amount_wan!) ? b : a));
  const best = near(candidates);
  const matched = Math.abs(best.value - f.amount_wan!) <= tol + 1e-9;
  const primary = candidates.filter((g) => g.flow === t.flow);
  return { fact: f, target: t, figure: matched || primary.length === 0 ? best : near(primary), matched };
}

/**
 * The prose amounts compared with a table figure, in sections where at
 * least one amount matches (computed once per audit context: prose_tables
 * and units read it). `slip`: the amount is the figure ×10,000 or ÷10,000
 * (units reports it).
 */
export function proseComparisons(ctx: AuditContext): Array<Comparison & { slip: boolean }> {
  let out = comparisonsMemo.get(ctx);
  if (!out) comparisonsMemo.set(ctx, (out = computeComparisons(ctx)));
  return out;
}

const comparisonsMemo = new WeakMap<AuditContext, Array<Comparison & { slip: boolean }>>();

function computeComparisons(ctx: AuditContext): Array<Comparison & { slip: boolean }> {
  const facts = (ctx.input.facts ?? []).filter(isStatedAmount);
  if (facts.length === 0 || ctx.rows.length === 0) return [];
  const figs = figuresOf(ctx);
  const alias = scopeAliases(figs);
  // the figures by code (each list in figure order): a fact is compared with its code's only
  const byCode = new Map<string, Figure[]>();
  for (const g of figs) {
    const list = byCode.get(g.code);
    if (list) list.push(g);
    else byCode.set(g.code, [g]);
  }
  const docYear = ctx.input.doc.year ?? null;
  const budgetDoc = ctx.input.doc.kind === "budget";
  const comparisons: Comparison[] = [];
  // facts of one sentence share it: its spaces are removed once per sentence, not once per fact
  const squashed = new Map<string, string>();
  const squash = (sentence: string) => {
    let s = squashed.get(sentence);
    if (s === undefined) squashed.set(sentence, (s = removeSpaces(sentence)));
    return s;
  };
  for (const f of facts) {
    if (f.year !== null && docYear !== null && f.year !== docYear) continue;
    // a subject carried over from an earlier sentence may not be what this amount is about
    if (!squash(f.sentence).includes(removeSpaces(f.subject))) continue;
    const t = targetOf(f, budgetDoc);
    const c = t && compare(f, t, byCode.get(t.code) ?? [], alias);
    if (c) comparisons.push(c);
  }
  const sectionOf = (f: NarrativeFactLike) => `${f.section ?? ""}\u0001${f.subsection ?? ""}`;
  const anchored = new Set(comparisons.filter((c) => c.matched).map((c) => sectionOf(c.fact)));
  // a standard 说明 section (机关运行经费支出情况 …) speaks of the document's own money once any section matches
  const standard = (f: NarrativeFactLike) => {
    if (anchored.size === 0 || !isStandardSection(f.section)) return false;
    const heading = `${f.section ?? ""}${f.subsection ?? ""}`;
    return (/运行经费/.test(f.subject) && /机关运行经费/.test(heading)) || (/三公|因公出国|公务用车|公务接待/.test(f.subject) && /三公/.test(heading));
  };
  return comparisons
    .filter((c) => anchored.has(sectionOf(c.fact)) || standard(c.fact))
    .map((c) => ({ ...c, slip: !c.matched && tenThousandfold(c.fact.amount_wan!, c.figure.value, proseTolerance(c.fact)) }));
}

export function proseTables(ctx: AuditContext, run: RuleRun): void {
  for (const { fact: f, target: t, figure, slip } of proseComparisons(ctx)) {
    // a table in 元 (290.182 万元) quoted in the prose as 290.18 万元 is the same figure, correctly rounded;
    // the right digits in the wrong unit are the units rule's
    if (roundsTo(figure.value, f) || slip) {
      run.pass();
      continue;
    }
    const what = t.code === "TOTAL" || t.code === "GRAND" ? "合计" : t.code;
    run.amounts(
      () => ({
        zh: `正文“${f.subject}”${f.value}${f.unit} 与 ${figure.table_id} ${what}${figure.aggregated ? `（Σ ${figure.terms} 行）` : ""}应一致`,
        en: `prose "${f.subject}" ${f.value} ${f.unit} must equal ${figure.table_id} ${t.code}${figure.aggregated ? ` (sum of ${figure.terms} rows)` : ""}`,
        subject: f.code ?? f.subject,
        source_lines: [f.source_line, ...figure.lines],
        table_ids: [figure.table_id],
      }),
      figure.value,
      f.amount_wan!,
      1,
      "prose",
      proseTolerance(f),
    );
  }
}
