/**
 * 绩效 tables of a document → performance_projects, performance_indicators
 * and residue. Blocks are found by their titles (blocks.ts); a block laid
 * out with tabs is read cell-wise (tsv-rows.ts), otherwise line-wise
 * (project.ts + text-rows.ts). Standard financial tables are skipped.
 */
import { unitInLine } from "../document/unit.ts";
import { pageLineNote } from "../document/line-kinds.ts";
import { plausibleWan, toWan } from "../base/money.ts";
import type { ResidueRow, SourceDocument } from "../schema/types.ts";
import type { Block } from "../segment/performance.ts";
import { numberProblem, parseNumber } from "../ingest/numbers.ts";
import { FUNDING_NOT_EXTRACTED, type FundingRow } from "./funding.ts";
import { emptyFields, readTextProject, type ProjectFields } from "./project.ts";
import { valueFields } from "./row.ts";
import { findHeader, readTextRows } from "./text-rows.ts";
import type { RawIndicator } from "./row.ts";
import { readTsvProjectRows, readTsvRows } from "./tsv-rows.ts";
import type { PerformanceIndicator, PerformanceProject } from "./types.ts";
import { blockText, type BlockText } from "./block-text.ts";
import { uniqueAscending } from "../base/line-order.ts";

export type { PerformanceIndicator, PerformanceProject } from "./types.ts";

export interface PerformanceResult {
  projects: PerformanceProject[];
  indicators: PerformanceIndicator[];
  residue: ResidueRow[];
}

/** An amount in 万元; null where there is none or it is larger than any amount. */
const wan = (v: number | null, unit: string): number | null => (v === null ? null : plausibleWan(toWan(v, unit)));

/** Laid out with tabs: at least half the block's filled lines (filledLines) hold one. */
function isTsvBlock(lines: string[], filled: readonly number[]): boolean {
  let tabs = 0;
  let others = 0;
  for (const i of filled) {
    if (lines[i - 1].includes("\t")) tabs++;
    else others++;
    // decided once either count reaches half of the lines
    if (tabs * 2 >= filled.length) return true;
    if (others * 2 > filled.length) return false;
  }
  return tabs * 2 >= filled.length;
}

/** 003: the project is named by the heading (`## …项目预算绩效自评`) or the heading above it. */
function nameFromHeadings(lines: string[], b: Block): { name: string; line: number } {
  const clean = (s: string) =>
    s
      .trim()
      .replace(/^#{1,6}\s*/, "")
      .replace(/(部门预算)?(项目)?(预算)?绩效(目标)?自评(表)?$/, "")
      .trim();
  const own = clean(lines[b.title_line - 1]);
  const strip = (s: string) => (s.match(/\d{4}\s*年\s*(.+)$/)?.[1] ?? s).trim();
  if (own !== "" && !/^(部门预算)?(项目)?(预算)?$/.test(own)) return { name: strip(own), line: b.title_line };
  for (let i = b.title_line - 1; i >= Math.max(1, b.title_line - 6); i--) {
    const t = lines[i - 1].trim();
    if (/^#{1,6}\s/.test(t)) {
      const c = clean(t);
      if (c !== "") return { name: strip(c), line: i };
    }
  }
  return { name: b.title, line: b.title_line };
}

/** The block's lines that print something (a project's source_lines). */
function filledLines(text: BlockText): number[] {
  const out: number[] = [];
  for (let i = text.start; i <= text.end; i++) if (text.trimmed(i) !== "") out.push(i);
  return out;
}

/** `filled`: filledLines of the block (read once per block, however many projects it holds). */
function makeProject(
  doc: SourceDocument,
  b: Block,
  filled: readonly number[],
  f: ProjectFields,
  name: string,
  line: number,
  extra: Partial<PerformanceProject> = {},
): PerformanceProject {
  const unit = f.unit ?? "万元";
  const budget_initial_wan = wan(f.budget_initial, unit);
  const budget_adjusted_wan = wan(f.budget_adjusted, unit);
  const budget_wan = wan(f.budget, unit);
  const source_lines = filled.slice();
  return {
    doc_id: doc.doc_id,
    project_id: `${doc.doc_id}:${line}`,
    project_code: f.code,
    project_name: name,
    department: f.department,
    department_code: f.department_code,
    implementing_unit: f.implementing_unit,
    implementing_unit_code: null,
    budget_initial: f.budget_initial,
    budget_adjusted: f.budget_adjusted,
    budget: f.budget,
    budget_fiscal: f.budget_fiscal,
    budget_other: f.budget_other,
    executed: f.executed,
    ...fundingColumns(f.funding),
    execution_rate: f.execution_rate,
    weight: f.weight,
    score: f.score,
    total_score: f.total_score,
    total_weight: f.total_weight,
    self_rating: f.self_rating,
    unit,
    amount_wan: budget_adjusted_wan ?? budget_wan ?? budget_initial_wan,
    budget_initial_wan,
    budget_adjusted_wan,
    budget_wan,
    executed_wan: wan(f.executed, unit),
    source_line: line,
    table_kind: b.kind,
    title_line: b.title_line,
    source_lines,
    ...extra,
  };
}

/** The funding sub-rows as columns of the project: source × 年初预算数 / 全年预算数 / 全年执行数, and the line of each. */
function fundingColumns(rows: FundingRow[]) {
  const at = (source: FundingRow["source"]) => rows.find((r) => r.source === source)?.values ?? {};
  const [fiscal, carryover, other] = [at("fiscal"), at("carryover"), at("other")];
  return {
    fiscal_budget_initial: fiscal.budget_initial ?? null,
    fiscal_budget_adjusted: fiscal.budget_adjusted ?? null,
    fiscal_executed: fiscal.executed ?? null,
    carryover_budget_initial: carryover.budget_initial ?? null,
    carryover_budget_adjusted: carryover.budget_adjusted ?? null,
    carryover_executed: carryover.executed ?? null,
    other_budget_initial: other.budget_initial ?? null,
    other_budget_adjusted: other.budget_adjusted ?? null,
    other_executed: other.executed ?? null,
    funding_lines: rows.length ? JSON.stringify(Object.fromEntries(rows.map((r) => [r.source, r.line]))) : null,
  };
}

function toIndicators(doc: SourceDocument, p: PerformanceProject, raws: RawIndicator[]): PerformanceIndicator[] {
  return raws.map((r, k) => {
    const v = valueFields(r.values);
    return {
      doc_id: doc.doc_id,
      project_id: p.project_id,
      project_name: p.project_name,
      indicator_index: k + 1,
      level1: r.level1,
      level2: r.level2,
      indicator: r.name,
      operator: v.operator,
      target_value: v.target_value,
      target_text: v.target_text,
      unit: v.unit,
      actual_value: v.actual_value,
      actual_text: v.actual_text,
      met: v.met,
      met_rule: v.met_rule,
      weight: r.values.weight,
      score: r.values.score,
      polarity: r.values.polarity,
      reason_unmet: r.values.reason,
      source_line: r.source_line,
      source_text: doc.lines[r.source_line - 1],
      source_lines: uniqueAscending(r.source_lines),
      rule: r.rule,
    };
  });
}

export function extractPerformance(doc: SourceDocument, blocks: Block[], ctx: { amount_unit: string; year: number | null }): PerformanceResult {
  const { lines } = doc;
  const projects: PerformanceProject[] = [];
  const indicators: PerformanceIndicator[] = [];
  const residue: ResidueRow[] = [];

  for (const b of blocks) {
    const used = new Set<number>([b.title_line]);
    let notes = new Map<number, string>();
    let emptyForm = false;
    const blockProjects: PerformanceProject[] = [];
    const text = blockText(lines, b);
    const filled = filledLines(text);
    let unitHere: string | null = null;
    for (let i = b.start; i <= Math.min(b.end, b.title_line + 4) && !unitHere; i++) unitHere = unitInLine(lines[i - 1]);

    if (isTsvBlock(lines, filled)) {
      const head = readTsvProjectRows(lines, b.start, b.end);
      const rows = readTsvRows(lines, b.start, b.end);
      notes = rows.notes;
      for (const l of rows.used) used.add(l);
      for (const l of head.used.keys()) used.add(l);
      const unit = head.unit ?? unitHere ?? ctx.amount_unit;
      if (rows.projects.length > 0) {
        for (const tp of rows.projects) {
          const f = { ...emptyFields(), unit, budget: tp.budget, department: head.department, implementing_unit: tp.unit_name };
          const p = makeProject(doc, b, filled, f, tp.name, tp.line, { implementing_unit_code: tp.unit_code });
          blockProjects.push(p);
          indicators.push(...toIndicators(doc, p, tp.indicators));
        }
      } else {
        const f = {
          ...emptyFields(),
          unit,
          department: head.department,
          department_code: head.department_code,
          implementing_unit: head.implementing_unit,
          budget: head.budget,
          executed: head.executed,
          budget_fiscal: head.budget_fiscal,
          budget_other: head.budget_other,
        };
        const named = b.kind === "department_overall" ? { name: "部门整体", line: b.title_line } : nameFromHeadings(lines, b);
        const p = makeProject(doc, b, filled, f, named.name, named.line);
        blockProjects.push(p);
        indicators.push(...toIndicators(doc, p, rows.indicators));
      }
    } else {
      const f = readTextProject(text, unitHere ?? ctx.amount_unit);
      const rows = readTextRows(text);
      notes = new Map([...f.notes, ...rows.notes]);
      for (const l of rows.used) used.add(l);
      for (const l of f.used.keys()) used.add(l);
      if (b.kind === "department_overall") readDepartmentOverall(text, f, used);
      if (isEmptyForm(b, f, rows.indicators)) {
        emptyForm = true;
      } else {
        const name = b.kind === "department_overall" ? "部门整体" : (f.name ?? b.title);
        const p = makeProject(doc, b, filled, f, name, f.name_line ?? b.title_line);
        blockProjects.push(p);
        indicators.push(...toIndicators(doc, p, rows.indicators));
      }
    }
    projects.push(...blockProjects);
    const tableId = `绩效:${blockProjects.length === 1 ? blockProjects[0].project_name : b.title}`;
    for (const i of filled) {
      const t = lines[i - 1];
      // a number that cannot be an amount was read as no number: the line is reported even where the rest of it was used
      const problem = numberProblem(t);
      if (used.has(i) && !problem) continue;
      residue.push({
        doc_id: doc.doc_id,
        table_id: tableId,
        source_line: i,
        source_text: t,
        reason: problem ?? notes.get(i) ?? pageLineNote(lines, i) ?? (emptyForm ? "empty form: no project printed in it" : defaultReason(text.compact(i))),
      });
    }
  }
  return { projects, indicators, residue };
}

/** A blank form (a template printed without its contents): no project name, no amount, no indicator. */
function isEmptyForm(b: Block, f: ProjectFields, rows: RawIndicator[]): boolean {
  const amounts = [f.budget, f.budget_initial, f.budget_adjusted, f.executed, f.budget_fiscal, f.total_score];
  return b.kind !== "department_overall" && f.name === null && rows.length === 0 && amounts.every((v) => v === null);
}

/** 部门名称 and 资金总额 / 财政拨款 / 其他资金 of a plain-text 部门整体 table. */
function readDepartmentOverall(text: BlockText, f: ProjectFields, used: Set<number>): void {
  /** A line of amounts (总额 | 财政拨款 | 其他资金) read into the funds; false where a cell is no number. */
  const funds = (cells: string[], i: number): boolean => {
    const nums = cells.map(parseNumber);
    if (nums.length === 0 || nums.some((x) => x === null)) return false;
    [f.budget, f.budget_fiscal, f.budget_other] = [nums[0] ?? null, nums[1] ?? null, nums[2] ?? null];
    used.add(i);
    return true;
  };
  // up to the indicator table: its 合计 is of scores, not of funds
  const last = (findHeader(text) ?? text.end + 1) - 1;
  let header = false;
  for (let i = text.start; i <= last; i++) {
    const t = text.trimmed(i);
    const m = t.match(/^部门(?:[（(]单位[)）])?名称\s*(.+)$/);
    if (m && f.department === null) {
      f.department = m[1].trim();
      used.add(i);
    } else if (f.budget === null && /^(金额合计|合计)\d/.test(text.compact(i))) {
      // the tasks' total (任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金)
      funds(t.split(/\s+/).slice(1), i);
    } else if (/资金总额/.test(text.compact(i))) {
      header = true;
      used.add(i);
    } else if (header && t !== "") {
      funds(t.split(/\s+/), i);
      header = false;
    }
  }
}

const ATTACHMENT_LABEL = /^(附件|附表)\s*\d*[:：]?$/;
const EVALUATION_NARRATIVE = /^(评价结论|存在问题|改进措施|自评结论|评价|结论|存在|问题|改进|措施)/;
const FUNDING_SUB_ROW = /^(其中[:：]|财政|单位资金|其他资金|------|其他[:：])/;

/** `c`: the line without white space. */
function defaultReason(c: string): string {
  if (ATTACHMENT_LABEL.test(c)) return "attachment label";
  if (EVALUATION_NARRATIVE.test(c)) return "evaluation narrative";
  if (FUNDING_SUB_ROW.test(c)) return FUNDING_NOT_EXTRACTED;
  if (/\d/.test(c) && /[。，；]/.test(c)) return "narrative";
  return "text in performance table not placed";
}
