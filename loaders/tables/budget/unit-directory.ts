/**
 * Budget units of a department: the code printed in the 部门 line of a table
 * header (`部门：347-四川省医疗保障局`) and the unit directory of the
 * 部门收入总表 (表1-1: `347001	四川省医疗保障局	…`), to give unit rows that print
 * only a name their unit code.
 */
import type { SourceDocument, TableSection } from "../../schema/types.ts";
import { removeSpaces } from "../../base/fold.ts";
import { cells } from "../../ingest/layout.ts";
import { isClassificationName } from "../../schema/classification-names.ts";

/**
 * A line naming whose table it is (`部门：347-四川省医疗保障局`, `部门名称：深圳市生态环境局
 * 单位：万元`, `单位名称：广州市统计局`), spaces removed: 部门 or 单位, the code printed
 * before the name, the name (the money unit after it left out).
 */
const DEPARTMENT_LINE = /(部门|单位)(?:名称)?[:：](?:(\d{2,9})[-－—])?(.+?)(?:(?:金额)?单位[:：]|$)/;

/** The one reading of such a line: where it starts, what it names it by, the code and the name; null if it is none. */
function departmentLine(line: string): { at: number; by: string; code: string | null; name: string } | null {
  const m = DEPARTMENT_LINE.exec(removeSpaces(line));
  return m ? { at: m.index, by: m[1], code: m[2] ?? null, name: m[3] } : null;
}

/** The department code printed in a header line (`部门：347-…`), if any. */
export function departmentCode(lines: string[]): { code: string; name: string } | null {
  for (const l of lines) {
    const d = departmentLine(l);
    if (d && d.at === 0 && d.by === "部门" && d.code) return { code: d.code, name: d.name };
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

/** A header naming a budget-unit column (`预算单位`, `单位名称`, `单位编码`), not the `单位名称：…` line above a table. */
const UNIT_COLUMN = /预算单位(?![:：])|单位名称(?![:：])|单位编码/;
/** What a budget unit's name ends with: an organ, an institution, or `（本级）`. */
const UNIT_NAME = /(局|委员会|委|会|厅|办公室|室|办|中心|站|所|院|馆|队|处|校|学|园|场|社|台|团|部|机关|政府|[（(]本级[)）])$/;

/** A named-units reading of one table: whether its header has a unit column, and the department it names. */
export interface NamedUnits {
  /** The header names a budget-unit column. */
  column: boolean;
  /** The department named above the table, spaces removed; null if none. */
  department: string | null;
}

/** Whether a table's header (`header` lines) has a unit column, and which department its lines `above` name. */
export function namedUnitsOf(header: string[], above: string[]): NamedUnits {
  const column = header.some((t) => UNIT_COLUMN.test(removeSpaces(t)));
  let department: string | null = null;
  for (const t of above) {
    const d = departmentLine(t);
    if (d) {
      department = d.name;
      break;
    }
  }
  return { column, department };
}

/** A row label that names a budget unit (spaces removed), or null; a place after the name (`…转移中心（深圳）`) is part of it. */
export function unitName(label: string): string | null {
  const name = removeSpaces(label);
  const core = UNIT_NAME.test(name) ? name : name.replace(/[（(][^（）()]{1,12}[)）]$/, "");
  // a 类/款/项 or economic name printed without its code (综合医院, 体育场馆) is no unit
  return core.length >= 4 && UNIT_NAME.test(core) && !/\d/.test(name) && !isClassificationName(name) ? name : null;
}

/** A budget-unit code (3–9 digits) printed before the unit's name, apart from it (`245001 西安市医疗保障局`); null if none. */
export function unitCodeFirst(label: string): { code: string; name: string } | null {
  const m = /^(\d{3,9})[\s\u3000]+(\S.*)$/.exec(label.trim());
  return m ? { code: m[1], name: m[2] } : null;
}
