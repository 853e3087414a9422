/**
 * repeated: the same figure printed several times must agree.
 *   - An amount the prose states twice under the same fixed name (收支总计,
 *     本年支出合计, 基本支出, “三公”经费, 机关运行经费 … or a code), for the
 *     same year and money, in its own sentence, in different places: equal,
 *     or equal to the printed precision (a difference within the rounding of
 *     the coarser figure is info), else a warning.
 *   - A 绩效 project's total score stated in the prose (the sentence names the
 *     project), or in its table's own 评价结论 (项目自评得分为 88.5分), against
 *     the 绩效 table's 总分.
 *   - Figures that cannot both hold: a 预算数 equal to the 决算数 / 执行数
 *     while the completion (执行率) printed beside them is not 100 % — in the
 *     prose and in 绩效 tables (error; prose_completion / performance_rate
 *     leave this case to this rule).
 */
import { removeSpaces } from "../../base/fold.ts";
import { remembered } from "../../base/memo.ts";
import { decimalsOf, fmt, type RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { isStandardSection, isStatedAmount, sentencesOf } from "../sentences.ts";
import type { NarrativeFactLike, ProjectLike } from "../types.ts";
import { proseTolerance } from "./prose-tables.ts";

const scopeWords = (t: string | null | undefined): string | null =>
  !t ? null : /一般公共预算/.test(t) ? "gpb" : /政府性基金/.test(t) ? "fund" : /国有资本/.test(t) ? "capital" : /财政拨款|三公/.test(t) ? "fiscal" : null;

/** The money a prose figure is about: from its subject, else its sentence up to the figure, else its headings. */
function scopeOf(f: NarrativeFactLike, squashedSubject: string, squashedSentence: string): string {
  const at = squashedSentence.indexOf(squashedSubject);
  return scopeWords(f.subject) ?? scopeWords(squashedSentence.slice(0, Math.max(0, at))) ?? scopeWords(f.subsection) ?? scopeWords(f.section) ?? "all";
}

/**
 * Where a figure's name holds: across the document's standard 说明 sections
 * (收入支出总体情况, 支出情况, 财政拨款, “三公”, 机关运行经费 …), else only within
 * its own section (a sub-unit's or a 绩效 report's section speaks of other money).
 * A code's amount is compared within its section only (the same 类 is printed
 * for all money, for 一般公共预算, for 当年拨款 …).
 */
function contextOf(f: NarrativeFactLike): string {
  return isStandardSection(f.section) && !f.code ? "standard" : `${removeSpaces(f.section ?? "")}\u0001${removeSpaces(f.subsection ?? "")}`;
}

/** Subject without spaces, page-marker residue, a leading year, quotes and a trailing 支出 / 为 (each subject read once: a document states a few names many times). */
export const subjectKey = remembered(foldSubject);

function foldSubject(subject: string): string {
  return removeSpaces(subject)
    .replace(/^[=＝]+/, "")
    .replace(/^\d{4}年度?/, "")
    .replace(/[“”"‘’]/g, "")
    .replace(/[（(][类款项][)）]/g, "")
    .replace(/(为|是)$/, "");
}

/**
 * The figures a disclosure prints under one fixed name (the headline totals
 * of its 说明 sections); any other subject may name different money in
 * different places (a project's 预算执行数, 生态环境管理 …) and is not compared.
 */
const NAMED = new RegExp(
  "^(全年)?(收支总计|收、支总计|收入总计|支出总计|收支决算总计|收支预算总数|收支总预算|本年收入合计|本年支出合计|本年收入|本年支出|" +
    "财政拨款收支总计|财政拨款收支决算总计|财政拨款收支预算总数|财政拨款收入|财政拨款支出|一般公共预算财政拨款支出|一般公共预算财政拨款收入|" +
    "一般公共预算当年拨款|基本支出|项目支出|人员经费|公用经费|三公经费(财政拨款)?(支出|预算)?|因公出国（境）费|公务用车购置及运行维护费|" +
    "公务用车购置费|公务用车运行维护费|公务接待费|机关运行经费|政府采购支出总额|政府采购预算总额)(支出)?(合计)?$",
);

const KIND: Record<string, string> = { amount: "amount", budget_amount: "budget", adjusted_budget_amount: "adjusted" };

/** The figure's identity (kind, name, code, year, money), or null when it is not one a reader could match elsewhere. */
function keyOf(f: NarrativeFactLike, squashedSentence: string): string | null {
  if (f.derived || f.amount_wan === null) return null;
  const kind = KIND[f.measure];
  if (!kind) return null;
  const subject = subjectKey(f.subject);
  if (!f.code && !NAMED.test(subject)) return null;
  // a subject carried over from an earlier sentence may not be what this figure is about
  const squashedSubject = removeSpaces(f.subject);
  if (!squashedSentence.includes(squashedSubject.replace(/^[=＝]+/, ""))) return null;
  return [kind, f.code ?? subject, f.year ?? "", scopeOf(f, squashedSubject, squashedSentence), contextOf(f)].join("\u0001");
}

/** Tolerance for two printings of one figure: the rounding of the coarser one. */
function toleranceOf(a: NarrativeFactLike, b: NarrativeFactLike): number {
  return Math.max(proseTolerance(a), proseTolerance(b));
}

const wanOf = (f: NarrativeFactLike): number => f.amount_wan!;

function proseRepeats(facts: NarrativeFactLike[], run: RuleRun): void {
  const groups = new Map<string, NarrativeFactLike[]>();
  const squashed = new Map<string, string>();
  for (const f of facts) {
    if (!squashed.has(f.sentence)) squashed.set(f.sentence, removeSpaces(f.sentence));
    const k = keyOf(f, squashed.get(f.sentence)!);
    if (!k) continue;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(f);
  }
  for (const list of groups.values()) {
    // printings on different lines (one sentence stating a figure twice is the extractor's business)
    const first = list[0];
    for (const other of list.slice(1)) {
      if (other.source_line === first.source_line || other.sentence === first.sentence) continue;
      const tol = toleranceOf(first, other);
      const what = "万元";
      run.amounts(
        () => ({
          zh: `正文两处刊印的“${first.subject}”（第 ${first.source_line} 行 ${fmt(wanOf(first))}${what}，第 ${other.source_line} 行 ${fmt(wanOf(other))}${what}）应一致`,
          en: `"${first.subject}" printed twice in the prose (line ${first.source_line}: ${fmt(wanOf(first))}, line ${other.source_line}: ${fmt(wanOf(other))}) must agree`,
          subject: first.subject,
          source_lines: [first.source_line, other.source_line],
          table_ids: [],
        }),
        wanOf(first),
        wanOf(other),
        1,
        "prose",
        tol,
      );
    }
  }
}

const fold = (s: string) =>
  removeSpaces(s)
    .replace(/[—\-－–]+/g, "-")
    .replace(/^[^\u4e00-\u9fa5A-Za-z0-9]+/, "");

/** A project's name as a sentence would hold it: folded, without its category prefix (names under 4 characters name nothing). */
interface ProjectName {
  p: ProjectLike;
  name: string;
}

function projectNames(projects: ProjectLike[]): ProjectName[] {
  return projects.map((p) => ({ p, name: fold(p.project_name).replace(/^[^-]*类-+/, "") })).filter((n) => n.name.length >= 4);
}

/** The project a sentence names: the longest 绩效 project name it contains. */
function projectNamed(sentence: string, names: ProjectName[]): ProjectLike | null {
  const s = fold(sentence);
  let best: ProjectLike | null = null;
  let bestLen = 0;
  for (const { p, name } of names) {
    if (name.length > bestLen && s.includes(name)) {
      best = p;
      bestLen = name.length;
    }
  }
  return best;
}

function proseScores(facts: NarrativeFactLike[], projects: ProjectLike[], run: RuleRun): void {
  const scored = projects.filter((p) => p.total_score !== null && p.table_kind !== "department_overall");
  if (scored.length === 0) return;
  const names = projectNames(scored); // folded once, not once per sentence
  for (const sentence of sentencesOf(facts)) {
    const scores = sentence.filter((f) => f.measure === "score" && !f.derived && /总分|自评得分|综合得分|评价得分|^得分/.test(subjectKey(f.subject)));
    if (scores.length !== 1) continue;
    const p = projectNamed(sentence[0].sentence, names);
    if (!p) continue;
    const f = scores[0];
    run.amounts(
      () => ({
        zh: `正文所述绩效项目“${p.project_name}”的得分 ${fmt(f.value)} 分与其绩效自评表总分应一致`,
        en: `the score the prose states for project "${p.project_name}" must equal its 绩效 table's total`,
        subject: p.project_name,
        source_lines: [f.source_line, p.source_line],
        table_ids: [],
      }),
      p.total_score!,
      f.value,
      1,
      "prose",
      0.5 * 10 ** -Math.min(decimalsOf(f.value), decimalsOf(p.total_score!)),
    );
  }
}

/** A score the 绩效 table's own words state (评价结论：项目自评得分为 88.5分 / 综合得分 90 分). */
const STATED_SCORE = /(?:自评|综合|评价|总)?得分(?:为|是|[:：])?\s*(\d{1,3}(?:\.\d+)?)\s*分/;

/** The lines of each project's block: from its first line to the next project's. */
function blocks(projects: ProjectLike[], lineCount: number): Array<{ p: ProjectLike; from: number; to: number }> {
  const sorted = [...projects].sort((a, b) => (a.title_line ?? a.source_line) - (b.title_line ?? b.source_line));
  // the block ends before the next project, and a few lines after the last line read for this one (its 评价结论 row)
  return sorted.map((p, i) => {
    const next = i + 1 < sorted.length ? (sorted[i + 1].title_line ?? sorted[i + 1].source_line) - 1 : lineCount;
    return { p, from: p.title_line ?? p.source_line, to: Math.min(next, Math.max(p.source_line, ...(p.source_lines ?? [])) + 10) };
  });
}

/** The score a project's 评价结论 / 自评结论 states against the table's 总分 (the same figure printed twice). */
function blockScores(projects: ProjectLike[], lines: string[], run: RuleRun): void {
  for (const { p, from, to } of blocks(
    projects.filter((x) => x.total_score !== null),
    lines.length,
  )) {
    for (let n = from; n <= to; n++) {
      const text = lines[n - 1] ?? "";
      // the table's conclusion row (评价结论 / 自评结论 …), not a report's heading or another project's paragraph
      if (!text.includes("结论") || !/^\s*(评价|自评|综合)?结论/.test(text)) continue;
      const m = text.match(STATED_SCORE);
      if (!m) continue;
      const stated = Number(m[1]);
      run.amounts(
        () => ({
          zh: `绩效项目“${p.project_name}”评价结论所述得分 ${m[1]} 分与表中总分应一致`,
          en: `the score project "${p.project_name}"'s conclusion states must equal the table's total`,
          subject: p.project_name,
          source_lines: [n, ...(p.source_lines ?? [p.source_line])],
          table_ids: [],
        }),
        p.total_score!,
        stated,
        1,
        "prose",
        0.5 * 10 ** -Math.min(decimalsOf(stated), decimalsOf(p.total_score!)),
      );
    }
  }
}

/** A budget equal to the final while the completion printed beside them is not 100 %. */
export function equalButNotFull(budget: number, final: number, rate: number): boolean {
  return budget !== 0 && Math.abs(budget - final) < 1e-9 && Math.abs(rate - 100) > 1e-9;
}

function completions(facts: NarrativeFactLike[], projects: ProjectLike[], run: RuleRun): void {
  for (const sentence of sentencesOf(facts)) {
    sentence.forEach((pct, at) => {
      if (pct.measure !== "budget_completion_pct" || pct.derived) return;
      const upto = sentence.slice(0, at);
      const budget = upto.filter((f) => (f.measure === "budget_amount" || f.measure === "adjusted_budget_amount") && f.amount_wan !== null).pop();
      const final = upto.filter(isStatedAmount).pop();
      if (!budget || !final) return;
      if (!equalButNotFull(budget.amount_wan!, final.amount_wan!, pct.value)) return run.pass();
      run.fail(
        {
          zh: `正文“${pct.subject}”`,
          en: `prose "${pct.subject}"`,
          subject: pct.subject,
          source_lines: [budget.source_line, final.source_line, pct.source_line],
          table_ids: [],
        },
        "error",
        `预算数 ${fmt(budget.value)}${budget.unit} 与决算数 ${fmt(final.value)}${final.unit} 相同，完成预算却为 ${fmt(pct.value)}%（二者不能同时成立）。`,
        `the budget ${fmt(budget.value)} equals the final ${fmt(final.value)} while the completion is ${fmt(pct.value)}% (they cannot both hold).`,
        100,
        pct.value,
      );
    });
  }
  for (const p of projects) {
    const budget = p.budget_adjusted ?? p.budget ?? p.budget_initial;
    if (budget === null || budget === undefined || p.executed === null || p.execution_rate === null) continue;
    if (!equalButNotFull(budget, p.executed, p.execution_rate)) {
      run.pass();
      continue;
    }
    run.fail(
      {
        zh: `绩效项目“${p.project_name}”`,
        en: `project "${p.project_name}"`,
        subject: p.project_name,
        source_lines: [p.source_line, ...(p.source_lines ?? [])],
        table_ids: [],
      },
      "error",
      `预算数 ${fmt(budget)}${p.unit} 与执行数 ${fmt(p.executed)}${p.unit} 相同，执行率却为 ${fmt(p.execution_rate)}%（二者不能同时成立）。`,
      `the budget ${fmt(budget)} equals the amount executed ${fmt(p.executed)} while the execution rate is ${fmt(p.execution_rate)}% (they cannot both hold).`,
      100,
      p.execution_rate,
    );
  }
}

export function repeated(ctx: AuditContext, run: RuleRun): void {
  const facts = ctx.input.facts ?? [];
  const projects = ctx.input.projects ?? [];
  proseRepeats(facts, run);
  proseScores(facts, projects, run);
  if (ctx.input.lines) blockScores(projects, ctx.input.lines, run);
  completions(facts, projects, run);
}
