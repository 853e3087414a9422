/**
 * Rows of a tab-separated 绩效 table (002 绩效目标表 and 部门整体支出绩效目标表,
 * 003 项目绩效自评). Cells drift between columns in the extraction, so a row
 * is read from its non-empty cells: project cells (unit code-name, project
 * name, 预算数, 年度目标) first, then heading cells, the indicator name, and
 * the value cells in the header's column order. A row of fewer cells than
 * a full row, without headings, continues the previous row's cells.
 */
import { cells } from "../ingest/layout.ts";
import { applyHeadings, headerSchema, isHeading, TABLE_LABELS, type ColumnKey, type Levels } from "./headings.ts";
import { amountCell, splitDeptCode } from "./project.ts";
import { emptyValues, walk } from "./row.ts";
import type { RawIndicator } from "./row.ts";
import { joinSpacedHan, removeSpaces } from "../base/fold.ts";

export interface TsvProject {
  line: number;
  unit_code: string | null;
  unit_name: string | null;
  name: string;
  budget: number | null;
  indicators: RawIndicator[];
}

export interface TsvResult {
  projects: TsvProject[];
  /** Indicators of a block without project rows. */
  indicators: RawIndicator[];
  notes: Map<number, string>;
  used: Set<number>;
  schema: ColumnKey[];
  header_line: number | null;
}

function nonEmpty(line: string): string[] {
  return cells(line).cells.map((c) => c.trim()).filter((c) => c !== "");
}

const UNIT_CELL = /^(\d{3,})-(.+)$/;

export function readTsvRows(lines: string[], start: number, end: number): TsvResult {
  const notes = new Map<number, string>();
  const used = new Set<number>();
  const projects: TsvProject[] = [];
  const loose: RawIndicator[] = [];
  let header: number | null = null;
  for (let i = start; i <= end; i++) if (header === null && /一级指标/.test(removeSpaces(lines[i - 1]))) header = i;
  if (header === null) return { projects, indicators: loose, notes, used, schema: [], header_line: null };
  const headerCells = cells(lines[header - 1]).cells.map(removeSpaces);
  const third = headerCells.findIndex((c) => /三级指标/.test(c));
  const schema = headerSchema(headerCells.slice(third + 1).join(" "));
  notes.set(header, "indicator table header");
  const projectCols = /项目名称|预算数/.test(removeSpaces(lines[header - 1]));

  let levels: Levels = { level1: null, level2: null };
  let last: RawIndicator | null = null;
  const target = () => (projects.length > 0 ? projects[projects.length - 1].indicators : loose);

  for (let i = header + 1; i <= end; i++) {
    const raw = lines[i - 1];
    let cs = nonEmpty(raw);
    if (cs.length === 0) continue;
    cs = cs.filter((c) => !TABLE_LABELS.includes(removeSpaces(c)));
    // project cells: …, name, 预算数, 年度目标 before the first heading cell
    const h = cs.findIndex(isHeading);
    const pre = h < 0 ? cs : cs.slice(0, h);
    const num = pre.findIndex((c, k) => k >= 1 && amountCell(c) !== null);
    if (projectCols && num >= 1 && (UNIT_CELL.test(pre[0]) || num === 1)) {
      const unitCell = UNIT_CELL.test(pre[0]) ? pre[0] : null;
      const nameCell = unitCell ? (num >= 2 ? pre[num - 1] : null) : pre[0];
      if (nameCell === null) {
        notes.set(i, "unit total of project budgets (not a project)");
        continue;
      }
      const u = unitCell ? unitCell.match(UNIT_CELL)! : null;
      projects.push({ line: i, unit_code: u ? u[1] : null, unit_name: u ? u[2] : null, name: nameCell, budget: amountCell(pre[num]), indicators: [] });
      used.add(i);
      last = null;
      if (h < 0) continue;
      cs = cs.slice(h);
    } else if (h < 0 && pre.length > 0 && last === null) {
      notes.set(i, "text in indicator table not placed");
      continue;
    }
    // headings
    let k = 0;
    const names: string[] = [];
    while (k < cs.length && isHeading(cs[k])) names.push(removeSpaces(cs[k++]));
    const rest = cs.slice(k);
    const full = 1 + schema.filter((s) => s === "target" || s === "actual" || s === "nature").length;
    if (names.length === 0 && last !== null && rest.length < full) {
      // continuation of the previous row, cell by cell
      last.name += joinSpacedHan(rest[0] ?? "");
      if (rest[1] !== undefined) last.values.target = (last.values.target ?? "") + rest[1];
      if (rest[2] !== undefined) last.values.actual = (last.values.actual ?? "") + rest[2];
      last.source_lines.push(i);
      last.rule = "row continues on next line";
      used.add(i);
      continue;
    }
    if (names.length > 0) levels = applyHeadings(levels, names);
    if (rest.length === 0) {
      notes.set(i, "indicator heading");
      continue;
    }
    const ind: RawIndicator = {
      level1: levels.level1,
      level2: levels.level2,
      name: joinSpacedHan(rest[0]),
      values: emptyValues(),
      source_line: i,
      source_lines: [i],
      rule: null,
    };
    const left = walk(rest.slice(1), schema, ind.values);
    if (left.length > 0) ind.rule = "unplaced cells: " + left.join(" | ");
    target().push(ind);
    last = ind;
    used.add(i);
  }
  return { projects, indicators: loose, notes, used, schema, header_line: header };
}

/** 003 / 002 header rows of a TSV block: 主管部门及代码, 实施单位, 预算数 / 执行数, 部门名称, 资金总额. */
export function readTsvProjectRows(lines: string[], start: number, end: number) {
  const out = {
    department: null as string | null,
    department_code: null as string | null,
    implementing_unit: null as string | null,
    unit: null as string | null,
    budget: null as number | null,
    executed: null as number | null,
    budget_fiscal: null as number | null,
    budget_other: null as number | null,
    used: new Map<number, string>(),
  };
  let moneyHeader: string[] | null = null;
  for (let i = start; i <= end; i++) {
    const cs = nonEmpty(lines[i - 1]);
    if (cs.length === 0) continue;
    const c0 = removeSpaces(cs[0]);
    if (/^(主管部门|部门名称)/.test(c0) && cs.length >= 2) {
      const d = splitDeptCode(cs[1]);
      out.department = d.name;
      out.department_code = d.code;
      const u = cs.findIndex((c) => removeSpaces(c) === "实施单位");
      if (u >= 0 && cs[u + 1]) out.implementing_unit = cs[u + 1];
      out.used.set(i, "department");
      continue;
    }
    if (/预算执行情况/.test(c0)) {
      const m = c0.match(/[（(](万元|元)[)）]/);
      if (m) out.unit = m[1];
      for (let k = 1; k + 1 < cs.length; k++) {
        if (/^预算数/.test(removeSpaces(cs[k]))) out.budget = amountCell(cs[k + 1]);
        if (/^执行数/.test(removeSpaces(cs[k]))) out.executed = amountCell(cs[k + 1]);
      }
      out.used.set(i, "budget row");
      continue;
    }
    if (cs.some((c) => /^资金总额/.test(removeSpaces(c)))) {
      moneyHeader = cs.filter((c) => /资金总额|财政拨款|其他资金/.test(c)).map(removeSpaces);
      const m = cs.map(removeSpaces).join("").match(/[（(](万元|元)[)）]/);
      if (m) out.unit = m[1];
      out.used.set(i, "budget header");
      continue;
    }
    if (moneyHeader && out.budget === null && cs.every((c) => amountCell(c) !== null)) {
      const keys = ["budget", "budget_fiscal", "budget_other"] as const;
      cs.forEach((c, k) => {
        if (k < keys.length) out[keys[k]] = amountCell(c);
      });
      out.used.set(i, "budget row");
    }
  }
  return out;
}
