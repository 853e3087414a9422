/**
 * performance_weights: a 绩效 table's weights (分值 / 权重) add up to its
 * full mark — Σ indicator weights (+ the budget-execution weight where the
 * table prints one; either reading is accepted) = the total weight printed
 * on its 总分 row — and the self-rating grade printed (优 / 良 / 中 / 差)
 * agrees with the total score under the national grading (优 ≥ 90, 良 80–90,
 * 中 60–80, 差 < 60). Weights that cannot add up are an error; a grade that
 * does not match its score is a wording matter (warning).
 * The weights are judged only on a table read whole — its indicator scores
 * (+ execution score) add up to its printed total: where they do not,
 * performance_score reports the table, and a page number or a wrapped cell
 * read as a weight would make a false sum here.
 */
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { indicatorsByProject, linesOfIndicator } from "./performance-score.ts";

/** The grade a total score earns (财政部 绩效评价: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60). */
export function gradeOf(score: number): string {
  return score >= 90 ? "优" : score >= 80 ? "良" : score >= 60 ? "中" : "差";
}

export function performanceWeights(ctx: AuditContext, run: RuleRun): void {
  const byProject = indicatorsByProject(ctx);
  for (const p of ctx.input.projects ?? []) {
    const weighted = (byProject.get(p.project_id) ?? []).filter((i) => i.weight !== null);
    const scores = weighted.filter((i) => i.score !== null).reduce((s, i) => s + i.score!, 0);
    const readWhole = p.total_score !== null && [scores, scores + (p.score ?? 0)].some((x) => Math.abs(x - p.total_score!) <= 0.01 * (weighted.length + 1));
    if (p.total_weight != null && weighted.length > 0 && readWhole) {
      const sum = weighted.reduce((s, i) => s + i.weight!, 0);
      const withExec = p.weight !== null ? sum + p.weight : null;
      const expected = withExec !== null && Math.abs(withExec - p.total_weight) < Math.abs(sum - p.total_weight) ? withExec : sum;
      const parts = expected === withExec ? "Σ 指标分值 + 预算执行率分值" : "Σ 指标分值";
      const n = weighted.length + (expected === withExec ? 1 : 0);
      run.amounts(
        () => ({
          zh: `绩效项目“${p.project_name}”满分 = ${parts}（${weighted.length} 项指标）`,
          en: `project "${p.project_name}": full mark = sum of ${weighted.length} indicator weights${expected === withExec ? " + execution weight" : ""}`,
          subject: p.project_name,
          source_lines: [p.source_line, ...weighted.flatMap(linesOfIndicator)],
          table_ids: [],
        }),
        expected,
        p.total_weight,
        n,
        "table",
        0.01 * n,
      );
    }
    if (p.self_rating && p.total_score !== null && /^[优良中差]$/.test(p.self_rating)) {
      const grade = gradeOf(p.total_score);
      const where = {
        zh: `绩效项目“${p.project_name}”自评等级`,
        en: `project "${p.project_name}" self-rating`,
        subject: p.project_name,
        source_lines: [p.source_line],
        table_ids: [],
      };
      if (grade === p.self_rating) run.pass();
      else
        run.fail(
          where,
          "warning",
          `总分 ${p.total_score} 分应评为“${grade}”，表中为“${p.self_rating}”。`,
          `a total of ${p.total_score} earns "${grade}", the table says "${p.self_rating}".`,
          null,
          p.total_score,
        );
    }
  }
}
