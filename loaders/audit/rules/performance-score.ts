/**
 * performance_score: a 绩效 table's 总分 = Σ indicator scores (+ the budget
 * execution score where printed: either reading is accepted); every score ≤
 * its weight (分值 / 权重); the total ≤ the total weight where printed.
 */
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import type { IndicatorLike } from "../types.ts";
import { round2 } from "../../base/money.ts";

const EPS = 1e-9;
export const linesOfIndicator = (i: IndicatorLike) => (i.source_lines?.length ? i.source_lines : [i.source_line]);

/** The 绩效 indicators of each project (project_id → indicators in printed order). */
export function indicatorsByProject(ctx: AuditContext): Map<string, IndicatorLike[]> {
  const byProject = new Map<string, IndicatorLike[]>();
  for (const i of ctx.input.indicators ?? []) {
    if (!byProject.has(i.project_id)) byProject.set(i.project_id, []);
    byProject.get(i.project_id)!.push(i);
  }
  return byProject;
}

/** A line ending in two plain numbers after a word, or printing them alone, as an indicator row ends in its 分值 and 得分 (`工作法制化、专   10 9`). */
const SCORE_PAIR_END = /^(?:\s*|.*?(?:^|\s)[^\s\d.%-][^\s]*\s+)(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s*$/;
/** Rows of the table that are no indicator: its totals, its budget row and the budget's funding sub-rows. */
const NOT_INDICATOR = /^\s*(总\s*分|合\s*计|总\s*额|(年度|实施期)?资金总额|其中|财政|上年结转|其他资金|单位资金|其他[:：])/;

/** Whether a line ends as a scored indicator row: a positive weight (at most 100) and a score within it. */
function endsInScores(line: string): boolean {
  const m = SCORE_PAIR_END.exec(line);
  if (!m || NOT_INDICATOR.test(line)) return false;
  const [weight, score] = [Number(m[1]), Number(m[2])];
  return weight > 0 && weight <= 100 && score <= weight;
}

/**
 * Lines of a project's table that end as a scored indicator row does but are no indicator's values line (a
 * line taken into a name or a reason keeps its numbers unread).
 */
function unreadScoreLines(ctx: AuditContext, p: { source_line: number; source_lines?: number[] }, inds: IndicatorLike[]): number[] {
  const lines = ctx.input.lines;
  if (!lines || !p.source_lines) return [];
  const used = new Set(inds.map((i) => i.source_line));
  return p.source_lines.filter((l) => !used.has(l) && l !== p.source_line && endsInScores(lines[l - 1] ?? ""));
}

export function performanceScore(ctx: AuditContext, run: RuleRun): void {
  const byProject = indicatorsByProject(ctx);
  for (const p of ctx.input.projects ?? []) {
    const inds = byProject.get(p.project_id) ?? [];
    const scored = inds.filter((i) => i.score !== null);
    const projectLines = [p.source_line];
    if (p.total_score !== null && scored.length > 0) {
      const sum = scored.reduce((s, i) => s + i.score!, 0);
      const withExec = p.score !== null ? sum + p.score : null;
      const n = scored.length + (withExec !== null ? 1 : 0);
      const tol = 0.01 * n;
      const expected = withExec !== null && Math.abs(withExec - p.total_score) <= Math.abs(sum - p.total_score) ? withExec : sum;
      const parts = expected === withExec ? "Σ 指标得分 + 预算执行率得分" : "Σ 指标得分";
      const unread = Math.abs(expected - p.total_score) > tol ? unreadScoreLines(ctx, p, inds) : [];
      if (unread.length > 0) {
        // the sum is short of rows the parser did not read: no finding about the document, a note that it was not checked
        run.fail(
          {
            zh: `绩效项目“${p.project_name}”总分`,
            en: `project "${p.project_name}" total score`,
            subject: p.project_name,
            source_lines: [...projectLines, ...unread],
            table_ids: [],
          },
          "info",
          `未核对：第 ${unread.join("、")} 行打印的得分未读为指标（已读 ${scored.length} 项指标之和为 ${round2(expected)}，总分 ${p.total_score}）。`,
          `not checked: line(s) ${unread.join(", ")} print scores no indicator was read from (the ${scored.length} indicators read sum to ${round2(expected)}, the total is ${p.total_score}).`,
          expected,
          p.total_score,
        );
        continue;
      }
      run.amounts(
        () => ({
          zh: `绩效项目“${p.project_name}”总分 = ${parts}（${scored.length} 项指标）`,
          en: `project "${p.project_name}": total score = sum of ${scored.length} indicator scores${expected === withExec ? " + execution score" : ""}`,
          subject: p.project_name,
          source_lines: [...projectLines, ...scored.flatMap(linesOfIndicator)],
          table_ids: [],
        }),
        expected,
        p.total_score,
        n,
        "table",
        tol,
      );
    }
    if (p.total_score !== null && p.total_weight != null) {
      if (p.total_score > p.total_weight + EPS)
        run.fail(
          {
            zh: `绩效项目“${p.project_name}”总分`,
            en: `project "${p.project_name}" total score`,
            subject: p.project_name,
            source_lines: projectLines,
            table_ids: [],
          },
          "error",
          `得分 ${p.total_score} 超过满分 ${p.total_weight}。`,
          `score ${p.total_score} exceeds the full mark ${p.total_weight}.`,
          p.total_weight,
          p.total_score,
        );
      else run.pass();
    }
    const scoredItems: Array<{ name: string; weight: number | null; score: number | null; lines: number[] }> = [
      { name: "预算执行率", weight: p.weight, score: p.score, lines: projectLines },
      ...inds.map((i) => ({ name: i.indicator, weight: i.weight, score: i.score, lines: linesOfIndicator(i) })),
    ];
    for (const s of scoredItems) {
      if (s.weight === null || s.score === null) continue;
      if (s.score > s.weight + EPS)
        run.fail(
          {
            zh: `绩效项目“${p.project_name}”指标“${s.name}”`,
            en: `project "${p.project_name}" indicator "${s.name}"`,
            subject: s.name,
            source_lines: s.lines,
            table_ids: [],
          },
          "error",
          `得分 ${s.score} 超过分值 ${s.weight}。`,
          `score ${s.score} exceeds its weight ${s.weight}.`,
          s.weight,
          s.score,
        );
      else run.pass();
    }
  }
}
