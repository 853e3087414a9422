/**
 * Indicator rows of a plain-text 绩效目标表, whose only value column is the
 * target: 一级指标 | 二级指标 | 三级指标 (指标内容) | 指标值 [| 备注]. A row is
 * a line ending in a value cell (`10-15项`, `≥90%`, `185.4万元`, `顺利开展`);
 * a name too long for its cell wraps over lines around it, and its value may
 * stand alone on the middle line.
 *
 * The 一级 and 二级 headings are merged cells, printed where the layout put
 * them: one character per line (`产` / `出` / `指` / `标`) beside the rows,
 * cut over lines (`社会效益` / `指标`), on a row's line, repeated at the top
 * of a page the group goes on to. Where each 二级 heading sits at the middle
 * of its rows (the templates centre merged cells), the groups are read from
 * those positions (rule `二级指标 by its heading centred on its rows`).
 * Where the first heading is printed at the first row or above it, or the
 * positions do not fit centred groups, every heading opens the rows after it
 * (a one-row first group centred on its row reads the same way, so the
 * later groups of such a table are read as opened by their headings). 一级
 * is the class the 二级 belongs to (数量 → 产出指标, 社会效益 → 效益指标, …).
 */
import { pageLineNote } from "../document/line-kinds.ts";
import type { BlockText } from "./block-text.ts";
import { AMBIGUOUS, headingPrefixRest, isHeading, LEVEL1_ONLY, levelOneOf } from "./headings.ts";
import { uniqueAscending } from "../base/line-order.ts";
import { emptyValues, joinUnits, splitTokens } from "./row.ts";
import type { RawIndicator, RowsResult } from "./row.ts";
import { leadsWithNumber, parseValue } from "./values.ts";

/** A schema whose one value column is the target (no 完成值, 分值, 得分 or 指标性质): a 绩效目标表. */
export const isTargetOnly = (schema: readonly string[]): boolean => schema.length > 0 && schema.every((k) => k === "target" || k === "unit");

/** A text value cell: no digits, short, no sentence inside (`顺利开展`, `社会反响较好`). */
const TEXT_VALUE = /^[^\d，。；;,、:：]{1,16}$/;
/** Lines that start with the rest of the line before: a wrapped name goes on. */
const CONTINUES = /^[、，。；：）)]/;
/** Placeholders of an empty form (`指标1：`, `……`). */
const PLACEHOLDER = /^(指标\d+[:：]?|…+|\.{3,}|目标\d+[:：]?)$/;

/** A heading, or a piece of one cut over lines (`社会效益`, `指标`). */
const isHeadingPiece = (cell: string): boolean => cell === "指标" || isHeading(cell) || headingPrefixRest(cell) !== null;

/** Whether a cell is a target value; `alone`: the cell is the only one on its line (a text value must then be short). */
function isValueCell(cell: string, alone: boolean): boolean {
  if (PLACEHOLDER.test(cell)) return false;
  if (leadsWithNumber(cell) || parseValue(cell).value !== null) return true;
  return TEXT_VALUE.test(cell) && !isHeadingPiece(cell) && (!alone || cell.length <= 8);
}

interface Row {
  indicator: RawIndicator;
  /** Wrapped name lines it may still take from the lines after it (a value alone on its line, centred on its name). */
  owed: number;
  /** Length of its name's first line (a line as long as the longest was cut at the cell's width). */
  width: number;
}

/** A 二级 heading and the lines it is printed on (more than one where it is cut). */
interface Heading {
  name: string;
  lines: number[];
}

/** A heading's characters printed one per line, beside the rows. */
const isVerticalCharacter = (cell: string): boolean => cell.length === 1 && /[\u4e00-\u9fa5]/.test(cell);

/** Read the indicator rows of a target-only table from line `from` (after its header) to the block's end. */
export function readTargetRows(text: BlockText, from: number, notes: Map<number, string>, used: Set<number>, remarks = false): RowsResult {
  const rows: Row[] = [];
  const headings: Heading[] = [];
  let buffer: { line: number; text: string }[] = [];
  let fragment: Heading | null = null;
  const widest = widestName(text, from);

  const addHeading = (h: Heading) => {
    if (LEVEL1_ONLY.includes(h.name)) return;
    // printed again at the top of the page its group goes on to, or as the 一级 of its own group (服务对象满意度指标 / 满意度指标)
    const last = headings[headings.length - 1];
    if (last && (last.name === h.name || levelOneOf(last.name) === h.name)) return;
    headings.push(h);
  };
  /** A heading cell, or a piece of one cut over lines (kept until it is whole); false if the cell is neither. */
  const headingCell = (cell: string, line: number): boolean => {
    const name = cell.replace(/[（(]\d+分[)）]$/, "");
    for (const piece of fragment ? [fragment.name + name, name] : [name]) {
      const lines = fragment && piece !== name ? [...fragment.lines, line] : [line];
      if (isHeading(piece)) {
        addHeading({ name: piece, lines });
        fragment = null;
        return true;
      }
      if (headingPrefixRest(piece) !== null) {
        fragment = { name: piece, lines };
        return true;
      }
    }
    return false;
  };
  const pushRow = (line: number, name: { line: number; text: string }[], value: string, width: number, owed: number) => {
    const ind: RawIndicator = {
      level1: null,
      level2: null,
      name: name.map((n) => n.text).join(""),
      values: { ...emptyValues(), target: value },
      source_line: line,
      source_lines: uniqueAscending([...name.map((n) => n.line), line]),
      rule: null,
    };
    for (const l of ind.source_lines) {
      used.add(l);
      notes.delete(l);
    }
    rows.push({ indicator: ind, owed, width });
  };
  /** Buffered name lines: those that go on the row before (its name was cut), then those that open the next. */
  const takeBuffer = (): { line: number; text: string }[] => {
    const prev = rows[rows.length - 1];
    let k = 0;
    while (prev && k < buffer.length) {
      const b = buffer[k];
      const cut = k === 0 && prev.width >= widest * 0.9 && b.text.length < widest * 0.5;
      if (!(CONTINUES.test(b.text) || prev.owed > 0 || cut)) break;
      prev.indicator.name += b.text;
      prev.indicator.source_lines = uniqueAscending([...prev.indicator.source_lines, b.line]);
      used.add(b.line);
      notes.delete(b.line);
      prev.owed = Math.max(0, prev.owed - 1);
      k++;
    }
    if (prev) prev.owed = 0;
    const rest = buffer.slice(k);
    buffer = [];
    return rest;
  };

  for (let i = from; i <= text.end; i++) {
    const t = text.trimmed(i);
    if (t === "") continue;
    const page = pageLineNote(text.lines, i);
    if (page !== null) {
      notes.set(i, page);
      continue;
    }
    // a unit printed as a cell of its own (`培训人数 300 人`, a 计量单位 column) goes with its number
    const cells = joinUnits(splitTokens(t));
    // leading cells that are no part of the row: a heading's characters one per line, headings, pieces of headings
    // (a row's name is kept even where it is a heading's words: 服务对象满意度 ＞80%)
    const limit = cells.length >= 2 && isValueCell(cells[cells.length - 1], false) ? cells.length - 2 : cells.length;
    let k = 0;
    while (k < cells.length && (isVerticalCharacter(cells[k]) || (k < limit && headingCell(cells[k], i)))) k++;
    const rest = cells.slice(k);
    if (rest.length === 0) {
      notes.set(i, "indicator heading");
      continue;
    }
    if (rest.every((c) => PLACEHOLDER.test(c))) {
      notes.set(i, "empty form: placeholder");
      continue;
    }
    const last = rest[rest.length - 1];
    // a 备注 printed after the value (`培训人数 ≥300人 按年度计划`): the value is the number before it
    const remark = remarks && rest.length >= 3 && !leadsWithNumber(last) && parseValue(last).value === null && leadsWithNumber(rest[rest.length - 2]);
    if (remark) {
      const own = rest.slice(0, -2).join("");
      pushRow(i, [...takeBuffer(), { line: i, text: own }], rest[rest.length - 2], own.length, 0);
      rows[rows.length - 1].indicator.rule = `备注 not extracted: ${last}`;
      continue;
    }
    if (rest.length >= 2 && isValueCell(last, false)) {
      const own = rest.slice(0, -1).join("");
      pushRow(i, [...takeBuffer(), { line: i, text: own }], last, own.length, 0);
      continue;
    }
    if (rest.length === 1 && buffer.length > 0 && isValueCell(last, true)) {
      const before = takeBuffer();
      if (before.length > 0) {
        pushRow(i, before, last, before[0].text.length, before.length);
        continue;
      }
    }
    buffer.push({ line: i, text: rest.join("") });
    notes.set(i, "text in indicator table not placed");
  }
  takeBuffer();

  const indicators = rows.map((r) => r.indicator);
  assignLevels(indicators, headings);
  return { indicators, notes, used, sum_line: null, schema: ["target"] };
}

/** Length of the longest name line of the table: a line as long was cut at the width of its cell. */
function widestName(text: BlockText, from: number): number {
  let widest = 0;
  for (let i = from; i <= text.end; i++) {
    const cells = splitTokens(text.trimmed(i));
    const name = cells.length >= 2 ? cells.slice(0, -1).join("") : cells[0];
    widest = Math.max(widest, name.replace(/^[\u4e00-\u9fa5](?=.)/, "").length);
  }
  return widest;
}

/** Where a line sits among the rows: k between rows k-1 and k, k + 0.5 on row k's line. */
function positionOf(rows: RawIndicator[], line: number): number {
  let before = 0;
  let on = 0;
  for (const r of rows) {
    if (r.source_line < line) before++;
    else if (r.source_line === line) on = 0.5;
  }
  return before + on;
}

/**
 * 二级 (and its 一级) of each row. Centred: group j spans rows [s, e) with
 * its heading at (s + e) / 2, so e = 2·at − s from s = 0; the headings are
 * centred where rows come before the first of them, every group so found
 * holds its heading and the last ends at the last row (±1). Otherwise each
 * heading opens the rows from it.
 */
function assignLevels(rows: RawIndicator[], headings: Heading[]): void {
  if (rows.length === 0 || headings.length === 0) return;
  // an ambiguous heading (成本指标, 满意度指标) is the 一级 of a more specific 二级 printed in the table
  const groups = headings
    .filter((h) => !(AMBIGUOUS.includes(h.name) && headings.some((o) => o !== h && levelOneOf(o.name) === h.name)))
    .map((h) => ({ name: h.name, at: h.lines.reduce((sum, l) => sum + positionOf(rows, l), 0) / h.lines.length }));
  const bounds: number[] = [];
  let s = 0;
  // rows before the first heading: it cannot open its group (a heading at the first row or above may)
  let centred = groups.length > 0 && groups[0].at >= 1;
  for (const g of centred ? groups : []) {
    const e = Math.round(2 * g.at - s);
    if (e <= s || e < Math.floor(g.at) || e > rows.length + 1) {
      centred = false;
      break;
    }
    bounds.push(e);
    s = e;
  }
  if (centred && Math.abs(s - rows.length) > 1) centred = false;
  groups.forEach((g, j) => {
    const from = centred ? (j === 0 ? 0 : bounds[j - 1]) : Math.floor(g.at);
    const to = centred ? (j === groups.length - 1 ? rows.length : bounds[j]) : j + 1 < groups.length ? Math.floor(groups[j + 1].at) : rows.length;
    for (let r = from; r < Math.min(to, rows.length); r++) {
      rows[r].level2 = g.name;
      rows[r].level1 = levelOneOf(g.name);
      if (centred) rows[r].rule = [rows[r].rule, "二级指标 by its heading centred on its rows"].filter(Boolean).join("; ");
    }
  });
}
