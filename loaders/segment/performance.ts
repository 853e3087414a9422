/**
 * Where the 绩效 tables are — the one module that says so. performanceArea:
 * the 绩效 part of the document (prose skips it); findBlocks: each 绩效 table
 * inside it (the performance stage reads them).
 *
 * Lines → performance table blocks. A block starts at a title naming a
 * 绩效 table (项目支出绩效自评表, 绩效目标表, 部门整体支出绩效目标完成情况自评表,
 * a Markdown heading ending in 绩效自评 …) and ends at the next title, a
 * Markdown heading, a 第N部分 heading, a standard financial table, or just
 * after a sign-off line (项目负责人 / 联系人). A block counts only if it holds
 * an indicator header (一级指标) — which leaves out reports and lists of 附表.
 */
import { removeSpaces } from "../base/fold.ts";
import type { TableSection } from "../schema/types.ts";

/** "self_evaluation" 自评表 / "target" 绩效目标表 / "department_overall" 部门整体. */
export type PerformanceTableKind = "self_evaluation" | "target" | "department_overall";

export interface Block {
  title_line: number; // 1-based
  start: number; // 1-based, inclusive
  end: number; // 1-based, inclusive
  kind: PerformanceTableKind;
  title: string;
}

const TITLE = /(绩效目标表|自评表|绩效目标自评|绩效自评)([（(].{0,12}[)）])?$/;

export function isTitle(line: string): boolean {
  // every TITLE word holds 效 or 评 (white space removal cannot create them): most lines stop here
  if (!line.includes("效") && !line.includes("评")) return false;
  const raw = line.trim().replace(/^#{1,6}\s*/, "");
  const t = removeSpaces(raw);
  if (t.length === 0 || t.length > 70) return false;
  if (/^\d+[．.、]/.test(t) || /^-/.test(raw) || /[，。；]/.test(t)) return false; // list items and prose
  return TITLE.test(t);
}

export function kindOf(title: string): PerformanceTableKind {
  const t = removeSpaces(title);
  if (/部门整体/.test(t)) return "department_overall";
  if (/自评/.test(t)) return "self_evaluation";
  return "target";
}

function isHardEnd(line: string): boolean {
  return (line.includes("#") && /^#{1,6}/.test(line.trim())) || (line.includes("第") && /^第[一二三四五六七八九十\d]+部分/.test(removeSpaces(line)));
}

const SIGN_OFF = /^(项目负责人|联系人|填报人)[:：]/;

/** `inTable`: prose.ts tableLineMask of the tables. */
export function findBlocks(lines: string[], tables: TableSection[], inTable: Uint8Array): Block[] {
  const tableStart = new Uint8Array(lines.length + 2); // 1 on the first line of a table section
  for (const s of tables) if (s.start_line >= 1 && s.start_line <= lines.length) tableStart[s.start_line] = 1;
  const titles: number[] = [];
  for (let i = 1; i <= lines.length; i++) if (!inTable[i] && isTitle(lines[i - 1])) titles.push(i);
  const blocks: Block[] = [];
  for (let k = 0; k < titles.length; k++) {
    const t = titles[k];
    // a section heading right before the real title (十三、…绩效目标表 / 省级…绩效目标表) joins it
    const prev = blocks[blocks.length - 1];
    if (prev && t - prev.title_line <= 4 && !hasHeader(lines, prev.start, t - 1)) {
      blocks.pop();
    }
    const nextTitle = k + 1 < titles.length ? titles[k + 1] : lines.length + 1;
    let end = nextTitle - 1;
    for (let i = t + 1; i < nextTitle; i++) {
      const line = lines[i - 1];
      if (tableStart[i] === 1 || isHardEnd(line)) {
        end = i - 1;
        break;
      }
      if ((line.includes(":") || line.includes("：")) && SIGN_OFF.test(removeSpaces(line))) {
        end = i;
        break;
      }
    }
    while (end > t && lines[end - 1].trim() === "") end--;
    const start = prev && blocks[blocks.length - 1] !== prev ? prev.start : t;
    blocks.push({ title_line: t, start, end, kind: kindOf(lines[t - 1]), title: lines[t - 1].trim().replace(/^#{1,6}\s*/, "") });
  }
  return blocks.filter((b) => hasHeader(lines, b.start, b.end));
}

function hasHeader(lines: string[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (lines[i - 1].includes("一") && /一级指|一级$|^一$/.test(removeSpaces(lines[i - 1]))) return true; // 一级指标, wrapped as 一级指 / 标
  return false;
}

/**
 * The 绩效 part of a document, which the prose skips: from a line naming a
 * 绩效 table (…自评表, …绩效目标表, …目标完成情况表, 绩效评价指标体系) or an
 * `附表 N` label, to the next `附件` label or 第N部分 heading. It holds the
 * blocks of findBlocks and what surrounds them (captions, sign-offs, lists
 * of 附表); standard table sections (prose.ts tableLineMask) are outside it.
 * `cleaned`: prose.ts cleanLines of the document. 1 marks a line (1-based).
 */
export function performanceArea(inTable: Uint8Array, cleaned: readonly string[]): Uint8Array {
  const area = new Uint8Array(cleaned.length + 2);
  let inside = false;
  for (let i = 0; i < cleaned.length; i++) {
    const line = i + 1;
    if (inTable[line]) continue;
    const text = cleaned[i];
    if (text === "") continue;
    if (inside && isAreaEnd(text)) inside = false;
    if (!inside && isAreaStart(text)) inside = true;
    if (inside) area[line] = 1;
  }
  return area;
}

/** Last characters of a 绩效 table's name (系, 表, or the closing bracket after one): other lines are not tested further. */
const AREA_NAME_ENDS = new Set([..."系表）"].map((c) => c.charCodeAt(0)));

function isAreaStart(text: string): boolean {
  if (text.length > 45) return false;
  if (text.startsWith("附表") && /^附表\s*\d+\s*[:：]?$/.test(text)) return true;
  return AREA_NAME_ENDS.has(text.charCodeAt(text.length - 1)) && /(绩效评价指标体系|自评表|绩效目标表|目标完成情况表)(（\S*）)?$/.test(text);
}

function isAreaEnd(text: string): boolean {
  return /^附件\s*\d*\s*$/.test(text) || /^第[一二三四五六七八九十]+部分/.test(text);
}
