/**
 * The accounting audit of one document: every rule of rules.ts over its
 * table line_items, prose facts and 绩效 rows → `checks` rows (findings
 * only) and, per rule, how many checks were performed (auditStats).
 */
import { type Finding, RuleRun } from "./compare.ts";
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
    const findings = inLineOrder(run.findings);
    const count = { error: 0, warning: 0, info: 0 };
    findings.forEach((f, n) => {
      count[f.severity]++;
      checks.push({ doc_id, check_id: `${doc_id}:${rule.id}:${n + 1}`, rule: rule.id, ...f, family: rule.family });
    });
    stats.push({ doc_id, rule: rule.id, performed: run.performed, errors: count.error, warnings: count.warning, infos: count.info });
  }
  return { checks, stats };
}

/** Findings by their first line, in the order found within a line (most rules find none or one: nothing to sort). */
function inLineOrder(findings: readonly Finding[]): readonly Finding[] {
  if (findings.length < 2) return findings;
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.source_lines[0] ?? 0) - (b.f.source_lines[0] ?? 0) || a.i - b.i)
    .map((x) => x.f);
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
