// Rebuilds a printed standard table from its line_items: one row per row_index, one
// column per column_label (in the order the labels first appear), the code hierarchy
// (类 > 款 > 项) as a depth. No DOM here, so it is unit-tested in Node.

import type {LineItem as LineItemRow} from "../../loaders/schema/types.ts";

/** The line_items columns a pivot reads (the row type is the loaders' contract, loaders/schema). */
export type LineItem = Pick<
  LineItemRow,
  | "doc_id"
  | "table_id"
  | "row_label"
  | "code"
  | "code_system"
  | "code_level"
  | "parent_code"
  | "unit_code"
  | "measure"
  | "column_label"
  | "value"
  | "unit"
  | "amount_wan"
  | "inferred"
  | "rule"
  | "source_line"
  | "row_index"
  | "side"
>;

export interface PivotRow {
  row_index: number;
  label: string;
  code: string | null;
  code_system: string | null;
  unit_code: string | null;
  /** The row's side (收入/支出, 人员经费/公用经费) when each row has exactly one. */
  side: string | null;
  /** 0 for 类 (and rows without a code), 1 for 款, 2 for 项 … */
  depth: number;
  /** True when a later row of the same unit has a code below this one. */
  hasChildren: boolean;
  /** Cells by column key. */
  cells: Map<string, LineItem>;
  /** Every line the row's numbers are printed on, ascending. */
  lines: number[];
}

export interface Pivot {
  columns: string[];
  rows: PivotRow[];
  /** Whether rows carry a side (two-sided or side-by-side tables printed as one list). */
  sided: boolean;
  /** Whether any row has a unit code (tables split by budget unit). */
  byUnit: boolean;
  /**
   * Two-sided tables printed side by side (收入 | 支出 on one line, each with its own
   * label): the sides in order, each to be shown as its own label + value columns.
   */
  sides: string[] | null;
}

const CODED = new Set(["functional", "economic"]);

/** The column a cell belongs to: its printed label, prefixed with its side when a row spans sides. */
function columnKey(item: LineItem, sided: boolean): string {
  const label = item.column_label ?? item.measure ?? "value";
  if (sided || !item.side || label.startsWith(item.side)) return label;
  return `${item.side} · ${label}`;
}

export function pivotTable(items: readonly LineItem[]): Pivot {
  const byRow = new Map<number, LineItem[]>();
  for (const item of items) {
    let list = byRow.get(item.row_index);
    if (!list) byRow.set(item.row_index, (list = []));
    list.push(item);
  }
  // A table is "sided" when sides exist and no row has cells on two sides.
  let anySide = false;
  let mixed = false;
  for (const list of byRow.values()) {
    const sides = new Set(list.map((i) => i.side ?? ""));
    if (list.some((i) => i.side)) anySide = true;
    if (sides.size > 1) mixed = true;
  }
  const sided = anySide && !mixed;
  // Two-sided: some line holds both sides and the sides carry different row labels.
  let twoSided = false;
  if (mixed) {
    for (const list of byRow.values()) {
      const labels = new Map<string, string>();
      for (const i of list) if (i.side && !labels.has(i.side)) labels.set(i.side, i.row_label ?? "");
      if (new Set(labels.values()).size > 1) twoSided = true;
    }
  }
  const sides = twoSided ? [...new Set(items.map((i) => i.side ?? ""))] : null;
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const key = columnKey(item, sided);
    if (!seen.has(key)) {
      seen.add(key);
      columns.push(key);
    }
  }
  const rows: PivotRow[] = [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((row_index) => {
      const list = byRow.get(row_index)!;
      const first = list[0];
      const cells = new Map<string, LineItem>();
      for (const item of list) if (!cells.has(columnKey(item, sided))) cells.set(columnKey(item, sided), item);
      const coded = first.code != null && CODED.has(first.code_system ?? "");
      return {
        row_index,
        label: first.row_label ?? "",
        code: first.code,
        code_system: first.code_system,
        unit_code: first.unit_code,
        side: sided ? first.side : null,
        depth: coded ? Math.max(0, (first.code_level ?? 1) - 1) : 0,
        hasChildren: false,
        cells,
        lines: [...new Set(list.map((i) => i.source_line))].sort((a, b) => a - b)
      };
    });
  for (const row of rows) row.hasChildren = rows.some((other) => isBelow(other, row));
  return {columns, rows, sided, byUnit: rows.some((r) => r.unit_code != null), sides};
}

/** Whether `row` lies below `parent` in the code hierarchy (same code system, unit and side). */
export function isBelow(row: PivotRow, parent: PivotRow): boolean {
  const code = parent.code;
  if (code == null || !CODED.has(parent.code_system ?? "") || row === parent) return false;
  return (
    row.code != null &&
    row.code_system === parent.code_system &&
    row.unit_code === parent.unit_code &&
    row.side === parent.side &&
    row.code.length > code.length &&
    row.code.startsWith(code)
  );
}

/** Indexes of the rows below `index` in the code hierarchy. */
export function descendants(rows: readonly PivotRow[], index: number): number[] {
  const out: number[] = [];
  rows.forEach((other, i) => {
    if (rows[index] && isBelow(other, rows[index])) out.push(i);
  });
  return out;
}
