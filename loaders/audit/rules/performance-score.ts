/**
 * performance_score: a 绩效 table's 总分 = Σ indicator scores (+ the budget
 * execution score where printed: either reading is accepted); every score ≤
 * its weight (分值 / 权重); the total ≤ the total weight where printed.
 */
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import type { IndicatorLike } from "../types.ts";

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
