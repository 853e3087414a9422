/**
 * `npm run audit -- <file>`: extract one document, run the audit and print
 * a readable report — findings grouped by severity and rule, each with the
 * lines involved as printed — then the checks performed per rule.
 */
import { auditWithStats } from "./index.ts";
import { auditInputOf, type ExtractedDocument } from "./input.ts";
import { RULES } from "./rules.ts";
import type { AuditStat, Check, Severity } from "./types.ts";

const SEVERITIES: Array<[Severity, string]> = [
  ["error", "错误 / errors"],
  ["warning", "警告 / warnings"],
  ["info", "尾差与提示 / rounding and notes"],
];

/** The report as text (lines without trailing newline). */
export function formatReport(title: string, lines: string[], checks: Check[], stats: AuditStat[]): string[] {
  const out: string[] = [];
  const count = (s: Severity) => checks.filter((c) => c.severity === s).length;
  out.push(`审计报告 / audit report: ${title}`);
  out.push(`${checks.length} findings: ${count("error")} errors, ${count("warning")} warnings, ${count("info")} info`);
  for (const [severity, heading] of SEVERITIES) {
    const ofSeverity = checks.filter((c) => c.severity === severity);
    if (ofSeverity.length === 0) continue;
    out.push("", `== ${heading} (${ofSeverity.length}) ==`);
    for (const rule of RULES) {
      const list = ofSeverity.filter((c) => c.rule === rule.id);
      if (list.length === 0) continue;
      out.push("", `-- ${rule.id}: ${rule.zh} (${list.length})`);
      for (const c of list) {
        out.push(`[${c.check_id}] ${c.message}`);
        for (const n of c.source_lines) out.push(`    ${String(n).padStart(6)} | ${(lines[n - 1] ?? "").replace(/\t/g, " ⇥ ").trim()}`);
      }
    }
  }
  out.push("", "== 每条规则的检查次数 / checks performed per rule ==");
  for (const s of stats)
    out.push(`${s.rule.padEnd(18)} performed ${String(s.performed).padStart(5)}  errors ${String(s.errors).padStart(4)}  warnings ${String(s.warnings).padStart(4)}  info ${String(s.infos).padStart(4)}`);
  return out;
}

/** The audit command; `extractFile` is the pipeline's (passed in: the audit does not import the pipeline). */
export async function auditCommand(args: string[], extractFile: (path: string) => ExtractedDocument): Promise<number> {
  const files = args.filter((a) => !a.startsWith("--"));
  if (files.length === 0) {
    console.error("usage: audit <file>...");
    return 2;
  }
  for (const file of files) {
    const d = extractFile(file);
    if (d.unreadable) {
      console.error(d.document.message);
      continue;
    }
    const { checks, stats } = auditWithStats(auditInputOf(d));
    const doc = d.document;
    const title = `${doc.source_file} (${[doc.entity, doc.year, doc.kind, doc.scope_zh].filter(Boolean).join(" ")}) doc_id=${doc.doc_id}`;
    console.log(formatReport(title, d.source?.lines ?? [], checks, stats).join("\n"));
  }
  return 0;
}
