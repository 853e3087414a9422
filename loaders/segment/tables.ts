/**
 * Lines → standard table sections. A section starts at a title line naming
 * a standard table (segment/catalogue.ts) and runs to the line before the
 * next section's header block, or to a boundary (a 第N部分 heading, a
 * 说明 / 绩效 heading) — whichever comes first.
 *
 * Table-of-contents entries are told apart from titles because a real
 * table has a body: numbers, a 单位 line or a 注 before the next title.
 */
import type { AmountUnit, TableSection } from "../schema/types.ts";
import { matchTableId, matchTitle, type TableSpec } from "./catalogue.ts";
import { unitInLine } from "../document/unit.ts";
import { isPageMarker } from "../document/line-kinds.ts";
import { matchNumberedTitle, matchTitleByMeaning } from "./family.ts";

type DocumentKind = "budget" | "final" | null;

interface Candidate {
  line: number; // 1-based
  spec: TableSpec;
  name: string;
  table_id: string | null;
}

/** A character every boundary prints (部分, 绩效, 说明, 名词解释, …表, 评价, 附件): most lines hold none and are out at once. */
const BOUNDARY_CHAR = /[部效明释表价件]/;

/** Lines that end the table area (prose parts, performance tables). */
export function isBoundary(text: string): boolean {
  if (!BOUNDARY_CHAR.test(text)) return false;
  const t = text.replace(/[\s\u3000]+/g, "");
  if (t.length === 0 || t.length > 50) return false;
  if (/^第[一二三四五六七八九十\d]+部分/.test(t)) return true;
  if (/\d+\.\d{2}/.test(t)) return false;
  // a performance table's title, its printed number after it (`…绩效目标表预算表（预算表 11）`)
  const title = t.replace(/[（(](?:预算表|决算表|公开表|附表|表)\d{1,2}[）)]$/, "");
  if (/绩效[^，。；：]{0,8}表(?:预算表|决算表)?$/.test(title)) return true;
  return /(情况说明|名词解释|绩效目标表|绩效自评表|绩效表|绩效评价|自评表|附件\d*)$/.test(t) || /^[一二三四五六七八九十]+、.*(说明|绩效)/.test(t);
}

/** A page header that repeats before a title (004: ` 金额单位：万元2022年度部门（单位）：…`). */
function isHeaderLine(text: string): boolean {
  const t = text.trim();
  return /^(金额)?单位[:：]/.test(t) || /^(部门|单位名称|编制单位|部门（单位）)[:：]/.test(t) || /单位[:：]\s*(万元|元)/.test(t);
}

function findCandidates(lines: string[], kind: DocumentKind): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    // a standard name first; else what the title means (family.ts)
    const hit = matchTitle(lines[i]) ?? matchTitleByMeaning(lines[i], kind) ?? matchNumberedTitle(lines, i);
    if (!hit) continue;
    let table_id: string | null = null;
    for (let j = Math.max(0, i - 4); j <= Math.min(lines.length - 1, i + 4) && !table_id; j++) {
      if (j === i) continue;
      const id = matchTableId(lines[j]);
      if (id) {
        // the id must not sit across another title
        const between = lines.slice(Math.min(i, j) + 1, Math.max(i, j));
        if (!between.some((l) => matchTitle(l))) table_id = id;
      }
    }
    out.push({ line: i + 1, spec: hit.spec, name: hit.name, table_id });
  }
  return out;
}

/** Whether the lines after a candidate look like a table body rather than a TOC. */
function hasBody(lines: string[], from: number, to: number): boolean {
  for (let i = from; i < to && i < from + 40; i++) {
    const t = lines[i];
    if (isHeaderLine(t) || /栏次|科目|预算数|决算数|^注[:：]|备注[:：]|合\s*计/.test(t) || /\d\.\d{2}/.test(t)) return true;
  }
  return false;
}

/** The 部门 / 单位 lines printed with a title (the lines after it up to its header). */
function infoLines(lines: string[], titleLine: number): string {
  const out: string[] = [];
  for (let i = titleLine; i < Math.min(lines.length, titleLine + 3); i++) if (isHeaderLine(lines[i])) out.push(fold(lines[i]));
  return out.join("|");
}

const fold = (t: string) => t.replace(/[\s\u3000]+/g, "");

/**
 * A title that continues the section before it: the same table number and
 * title, the same 部门 / 单位 line, nothing but page breaks between (a table
 * printed over several pages with its title block repeated on each). Tables
 * of different units under one number differ in their 单位 line.
 */
function continues(lines: string[], prev: TableSection, tableId: string, titleLine: number, start: number): boolean {
  if (prev.table_id !== tableId || fold(lines[prev.title_line - 1]) !== fold(lines[titleLine - 1])) return false;
  for (let i = prev.end_line; i < start - 1; i++) if (lines[i].trim() !== "" && !isPageMarker(lines[i])) return false;
  return infoLines(lines, prev.title_line) === infoLines(lines, titleLine);
}

/**
 * The standard table sections of a document's lines; a section without a
 * unit line of its own takes the document's unit (read before segmentation).
 */
export function findTables(lines: string[], docUnit: AmountUnit, kind: DocumentKind = null): TableSection[] {
  const cands = findCandidates(lines, kind);
  const sections: TableSection[] = [];
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    const nextLine = k + 1 < cands.length ? cands[k + 1].line : lines.length + 1;
    if (!hasBody(lines, c.line, nextLine - 1)) continue;
    // the id may stand just before the title (002: 表1 / 部门收支总表); start at whichever is first
    let start = c.line;
    for (let j = c.line - 2; j >= Math.max(0, c.line - 5); j--) {
      if (matchTableId(lines[j])) start = j + 1;
    }
    let end = nextLine - 1;
    // the next table's header block (unit line, id) belongs to the next table
    if (k + 1 < cands.length) {
      let j = nextLine - 2; // 0-based index of the line before the next title
      while (j >= c.line && (lines[j].trim() === "" || isHeaderLine(lines[j]) || matchTableId(lines[j]) || /^[一二三四五六七八九十]+、/.test(lines[j].trim())))
        j--;
      end = j + 1;
    }
    for (let i = c.line; i < end; i++) {
      if (isBoundary(lines[i])) {
        end = i;
        break;
      }
    }
    while (end > c.line && lines[end - 1].trim() === "") end--;
    let unit: AmountUnit = docUnit;
    let unit_stated = false;
    for (let i = Math.max(0, start - 4); i < Math.min(end, c.line + 8); i++) {
      const u = unitInLine(lines[i]);
      if (u) {
        unit = u;
        unit_stated = true;
        break;
      }
    }
    // `续N` beside a new title (002: 续1 / 财政拨款支出预算表) is sub-table N of the previous 表K: 表K-N
    const prev = sections.length > 0 ? sections[sections.length - 1] : null;
    const prevId = prev?.table_id ?? "";
    const sub = c.table_id?.match(/^续(\d+)$/);
    const table_id = sub ? (/^表\d+$/.test(prevId) ? `${prevId}-${sub[1]}` : null) : c.table_id;
    // the same table continued on the next page, its number, title and 部门 / 单位 line printed again
    if (prev && table_id && continues(lines, prev, table_id, c.line, start)) {
      prev.end_line = Math.max(end, c.line);
      continue;
    }
    sections.push({
      table_id: table_id ?? c.name,
      table_name: c.name,
      family: c.spec.family,
      title_line: c.line,
      start_line: start,
      end_line: Math.max(end, c.line),
      unit,
      unit_stated,
    });
  }
  return sections;
}
