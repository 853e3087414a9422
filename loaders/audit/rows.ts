/**
 * Table rows rebuilt from line_items, for the audit: the items printed on
 * one row of one table (one side of a two-sided table), keyed by measure,
 * with the row's label, code, unit and the side it stands on.
 */
import type { LineItem } from "../schema/types.ts";
import { removeNumbering, removeQuotes, removeSpaces } from "../base/fold.ts";
import { remembered } from "../base/memo.ts";

export interface AuditRow {
  table_id: string;
  table_name: string;
  label: string;
  /** Label without spaces, numbering (一、 （一） 1.) or 其中：. */
  key: string;
  /** Functional or economic classification code (a budget-unit code goes to unit_code). */
  code: string | null;
  code_level: number | null;
  parent_code: string | null;
  unit_code: string | null;
  /** "income" | "expenditure" for the two sides of a 总表, else null. */
  side: "income" | "expenditure" | null;
  source_line: number;
  row_index: number;
  items: LineItem[];
  /** Views several rules read, filled when first asked (measuresOf, groupsOf); none may change them. */
  views: { measures: Map<string, LineItem> | null; groups: ColumnGroup[] | null };
}

const MONEY_UNITS = new Set(["万元", "元", "亿元", "千元"]);

export function isMoney(item: LineItem): boolean {
  return item.amount_wan !== null || MONEY_UNITS.has(item.unit);
}

/** Amount in 万元 (value where the unit is not convertible). */
export function wan(item: LineItem): number {
  return item.amount_wan ?? item.value;
}

/** Squashed label without numbering: "一、一般公共预算财政拨款收入" → "一般公共预算财政拨款收入" (each label read once: tables print the same labels). */
export const labelKey = remembered((label: string): string => removeQuotes(removeNumbering(removeSpaces(label).replace(/^(其中[:：])/, ""))));

/** The side of a two-sided table an item stands on, from `side` or its label. */
export function sideOf(item: LineItem): "income" | "expenditure" | null {
  if (item.side === null || item.side === undefined || item.side === "") return null;
  return sideOfValue(item.side);
}

/** Each side value read once: a document prints a handful, on every item. */
const sideOfValue = remembered(readSide);

function readSide(value: string): "income" | "expenditure" | null {
  const s = value.toLowerCase();
  if (/income|收入/.test(s)) return "income";
  if (/expend|支出/.test(s)) return "expenditure";
  return null;
}

/** How far apart the lines of one row's amounts may be (a narrow cell's number printed a line or two above or below its label). */
const ROW_SPREAD = 3;

/**
 * Whether two items have the same row key in rowsOf (table, row, side, label,
 * code, unit) on nearby lines: a row whose amounts were printed over two lines
 * (Shanghai's 支出决算表) is one row; two tables of one name (a table number
 * not printed) keep their rows apart.
 */
function sameRow(a: LineItem, aSide: AuditRow["side"], b: LineItem, bSide: AuditRow["side"]): boolean {
  return (
    a.table_id === b.table_id &&
    a.row_index === b.row_index &&
    Math.abs(a.source_line - b.source_line) <= ROW_SPREAD &&
    aSide === bSide &&
    a.row_label === b.row_label &&
    (a.code ?? "") === (b.code ?? "") &&
    (a.unit_code ?? "") === (b.unit_code ?? "")
  );
}

/** Rows of every table, in document order (table by first line, then row_index, then line). */
export function rowsOf(items: LineItem[]): AuditRow[] {
  // the rows of each table and row_index (one, or a few: the sides of a 收支总表 line), each with the item that started it:
  // an item joins the row whose first item it shares the row key with (sameRow), without a key string built per row
  const byIndex = new Map<string, Map<number, Array<{ row: AuditRow; first: LineItem; side: AuditRow["side"] }>>>();
  const order: AuditRow[] = [];
  // the items of a row come one after the other: an item on the previous item's row skips the lookup
  let last: LineItem | null = null;
  let lastSide: AuditRow["side"] = null;
  let lastRow: AuditRow | null = null;
  for (const item of items) {
    if (!isMoney(item)) continue;
    const side = sideOf(item);
    if (lastRow && last && sameRow(item, side, last, lastSide)) {
      lastRow.items.push(item);
      continue;
    }
    let ofTable = byIndex.get(item.table_id);
    if (!ofTable) byIndex.set(item.table_id, (ofTable = new Map()));
    let onLine = ofTable.get(item.row_index);
    if (!onLine) ofTable.set(item.row_index, (onLine = []));
    let row = onLine.find((r) => sameRow(item, side, r.first, r.side))?.row;
    if (!row) {
      const classified = item.code_system === "functional" || item.code_system === "economic";
      row = {
        table_id: item.table_id,
        table_name: item.table_name,
        label: item.row_label,
        key: labelKey(item.row_label),
        code: classified ? item.code : null,
        code_level: item.code_level,
        parent_code: item.parent_code,
        unit_code: item.unit_code ?? (item.code_system === "budget_unit" ? item.code : null),
        side,
        source_line: item.source_line,
        row_index: item.row_index,
        items: [],
        views: { measures: null, groups: null },
      };
      onLine.push({ row, first: item, side });
      order.push(row);
    }
    row.items.push(item);
    last = item;
    lastSide = side;
    lastRow = row;
  }
  const firstLine = new Map<string, number>();
  for (const r of order) firstLine.set(r.table_id, Math.min(firstLine.get(r.table_id) ?? Infinity, r.source_line));
  // each row's table's first line read once, not at every comparison
  return order
    .map((r, i) => ({ r, i, first: firstLine.get(r.table_id)! }))
    .sort((a, b) => a.first - b.first || a.r.row_index - b.r.row_index || a.r.source_line - b.r.source_line || a.i - b.i)
    .map((x) => x.r);
}

/** Rows grouped by table, tables in document order. */
export function tablesOf(rows: AuditRow[]): Array<{ table_id: string; table_name: string; rows: AuditRow[] }> {
  const out: Array<{ table_id: string; table_name: string; rows: AuditRow[] }> = [];
  const at = new Map<string, number>();
  for (const r of rows) {
    let i = at.get(r.table_id);
    if (i === undefined) {
      i = out.length;
      at.set(r.table_id, i);
      out.push({ table_id: r.table_id, table_name: r.table_name, rows: [] });
    }
    out[i].rows.push(r);
  }
  return out;
}

/** A column group of a row: its items (printed order) and the first item of each measure. */
export interface ColumnGroup {
  items: LineItem[];
  measures: Map<string, LineItem>;
}

/** The items of a row split into column groups: items sharing a (non two-sided) side value. */
export function columnGroups(row: AuditRow): LineItem[][] {
  return groupsOf(row).map((g) => g.items);
}

/** The row's column groups (columnGroups) with each one's measures, read once per row (row, basic and three_public ask of every row). */
export function groupsOf(row: AuditRow): ColumnGroup[] {
  row.views.groups ??= computeGroups(row);
  return row.views.groups;
}

/** The column group an item stands in: its side value, "" for none or a two-sided one. */
function groupKey(item: LineItem): string {
  return sideOf(item) ? "" : (item.side ?? "");
}

function computeGroups(row: AuditRow): ColumnGroup[] {
  // one group (most rows): no grouping map
  const first = row.items[0];
  const k0 = first ? groupKey(first) : "";
  if (row.items.every((i) => groupKey(i) === k0)) return row.items.length ? [{ items: row.items, measures: measuresOf(row) }] : [];
  const groups = new Map<string, LineItem[]>();
  for (const item of row.items) {
    const g = groupKey(item);
    const list = groups.get(g);
    if (list) list.push(item);
    else groups.set(g, [item]);
  }
  return [...groups.values()].map((items) => ({ items, measures: byMeasure(items) }));
}

/** The first item of each measure of a row (printed order), read once per row (row, totals, headline …). */
export function measuresOf(row: AuditRow): Map<string, LineItem> {
  row.views.measures ??= byMeasure(row.items);
  return row.views.measures;
}

/** First item of each measure in a list (printed order). */
export function byMeasure(items: LineItem[]): Map<string, LineItem> {
  const m = new Map<string, LineItem>();
  for (const i of items) if (!m.has(i.measure)) m.set(i.measure, i);
  return m;
}

/** The row's headline amount: its total column, else its single money column. */
export function headline(row: AuditRow): LineItem | null {
  const m = measuresOf(row);
  for (const k of ["total", "grand_total", "amount", "final", "budget", "expenditure", "income"]) if (m.has(k)) return m.get(k)!;
  return row.items[0] ?? null;
}

const TOTAL_LABEL = /^(合计|总计|小计|本年收入合计|本年支出合计|收入合计|支出合计)$/;

/** A table's grand total row (合计 / 总计), not a code row. */
export function isTotalRow(row: AuditRow): boolean {
  return !row.code && TOTAL_LABEL.test(row.key);
}
