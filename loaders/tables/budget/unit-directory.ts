/**
 * Budget units of a department: the code printed in the 部门 line of a table
 * header (`部门：347-四川省医疗保障局`) and the unit directory of the
 * 部门收入总表 (表1-1: `347001	四川省医疗保障局	…`), to give unit rows that print
 * only a name their unit code.
 */
import type { SourceDocument, TableSection } from "../../schema/types.ts";
import { cells } from "../../ingest/layout.ts";

/** The department code printed in a header line (`部门：347-…`), if any. */
export function departmentCode(lines: string[]): { code: string; name: string } | null {
  for (const l of lines) {
    const m = l.replace(/[\s\u3000]+/g, "").match(/^部门[:：](\d{2,9})[-－—](.+)$/);
    if (m) return { code: m[1], name: m[2] };
  }
  return null;
}

/** Unit name → unit code, read from the text of the document's 收入总表 rows (code cell followed by a name cell). */
export function unitDirectory(doc: SourceDocument, sections: TableSection[]): Map<string, string> {
  const dir = new Map<string, string>();
  for (const s of sections) {
    if (s.family !== "budget_income") continue;
    for (let n = s.start_line; n <= s.end_line; n++) {
      const cs = cells(doc.lines[n - 1] ?? "").cells;
      if (cs.length >= 2 && /^\d{6}$/.test(cs[0]) && /[\u4e00-\u9fff]/.test(cs[1]) && !dir.has(cs[1])) dir.set(cs[1], cs[0]);
    }
  }
  return dir;
}
