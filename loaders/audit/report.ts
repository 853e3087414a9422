/**
 * The audit report of one document (printed by `budget-notebooks audit`, see
 * cli.ts): a readable report — findings grouped by family and rule, each with the
 * lines involved as printed — then the checks performed per rule.
 */
import { FAMILIES, RULES } from "./rules.ts";
import type { AuditStat, Check, Severity } from "./types.ts";

const SEVERITIES: Array<[Severity, string]> = [
  ["error", "错误 / errors"],
  ["warning", "警告 / warnings"],
  ["info", "尾差与提示 / rounding and notes"],
];

/** The report as text (lines without trailing newline): families in FAMILIES order, rules within, findings by severity then line. */
export function formatReport(title: string, lines: string[], checks: Check[], stats: AuditStat[]): string[] {
  const out: string[] = [];
  const count = (list: Check[], s: Severity) => list.filter((c) => c.severity === s).length;
  const tally = (list: Check[]) => `${count(list, "error")} errors, ${count(list, "warning")} warnings, ${count(list, "info")} info`;
  const rank = new Map(SEVERITIES.map(([s], i) => [s, i]));
  out.push(`审计报告 / audit report: ${title}`);
  out.push(`${checks.length} findings: ${tally(checks)}`);
  for (const family of FAMILIES) {
    const rules = RULES.filter((r) => r.family === family.id);
    const ofFamily = checks.filter((c) => rules.some((r) => r.id === c.rule));
    if (ofFamily.length === 0) continue;
    out.push("", `== ${family.id}: ${family.zh} / ${family.en} (${ofFamily.length}: ${tally(ofFamily)}) ==`);
    for (const rule of rules) {
      const list = ofFamily.filter((c) => c.rule === rule.id).sort((a, b) => rank.get(a.severity)! - rank.get(b.severity)!);
      if (list.length === 0) continue;
      out.push("", `-- ${rule.id}: ${rule.zh} (${list.length})`);
      for (const c of list) {
        out.push(`[${c.severity}] [${c.check_id}] ${c.message}`);
        for (const n of c.source_lines) out.push(`    ${String(n).padStart(6)} | ${(lines[n - 1] ?? "").replace(/\t/g, " ⇥ ").trim()}`);
      }
    }
  }
  out.push("", "== 每条规则的检查次数 / checks performed per rule ==");
  const familyOf = new Map(RULES.map((r) => [r.id, r.family]));
  for (const s of stats)
    out.push(`${(familyOf.get(s.rule) ?? "").padEnd(17)}${s.rule.padEnd(22)} performed ${String(s.performed).padStart(5)}  errors ${String(s.errors).padStart(4)}  warnings ${String(s.warnings).padStart(4)}  info ${String(s.infos).padStart(4)}`);
  return out;
}
