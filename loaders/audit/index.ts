/**
 * The accounting audit of one document: every rule of rules.ts over its
 * table line_items, prose facts and 绩效 rows → `checks` rows (findings
 * only) and, per rule, how many checks were performed (auditStats).
 */
import { RuleRun } from "./compare.ts";
import { contextOf } from "./context.ts";
import { RULES } from "./rules.ts";
import type { AuditInput, AuditStat, Check } from "./types.ts";

export type { AuditInput, AuditStat, Check } from "./types.ts";
export { FAMILIES, RULES } from "./rules.ts";

interface Outcome {
  checks: Check[];
  stats: AuditStat[];
}

function runAll(input: AuditInput): Outcome {
  const ctx = contextOf(input);
  const doc_id = input.doc.doc_id;
  const checks: Check[] = [];
  const stats: AuditStat[] = [];
  for (const rule of RULES) {
    const run = new RuleRun();
    rule.run(ctx, run);
    const findings = run.findings
      .map((f, i) => ({ f, i }))
      .sort((a, b) => (a.f.source_lines[0] ?? 0) - (b.f.source_lines[0] ?? 0) || a.i - b.i)
      .map((x) => x.f);
    findings.forEach((f, n) => checks.push({ doc_id, check_id: `${doc_id}:${rule.id}:${n + 1}`, rule: rule.id, ...f, family: rule.family }));
    stats.push({
      doc_id,
      rule: rule.id,
      performed: run.performed,
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
      infos: findings.filter((f) => f.severity === "info").length,
    });
  }
  return { checks, stats };
}

/** The findings of every rule (passing checks emit nothing), in rule order then line order. */
export function audit(input: AuditInput): Check[] {
  return runAll(input).checks;
}

/** Per rule: checks performed and findings by severity. */
export function auditStats(input: AuditInput): AuditStat[] {
  return runAll(input).stats;
}

/** Both at once (one pass). */
export function auditWithStats(input: AuditInput): Outcome {
  return runAll(input);
}
