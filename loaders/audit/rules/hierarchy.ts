/**
 * hierarchy: within one table, column and (where the table splits by unit)
 * budget unit — 类 = Σ 款, 款 = Σ 项 (functional and economic codes);
 * the 合计 row = Σ the top-level code rows printed (类, or the highest level
 * present); a unit's subtotal row = Σ its code rows; a table by unit only
 * (“三公” by unit) — 合计 = Σ unit rows. Two-sided 总表 are left to `totals`.
 */
import type { LineItem } from "../../schema/types.ts";
import { parentCode } from "../../tables/codes.ts";
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";
import { Keyed3 } from "../keyed.ts";
import { isTotalRow, wan, type AuditRow } from "../rows.ts";
import { sidesOf } from "../summary.ts";

interface Cell {
  row: AuditRow;
  item: LineItem;
}

const parentOf = (r: AuditRow): string | null => r.parent_code ?? (r.code ? parentCode(r.code) : null);

/** A code row's parent and the parent's parent (a 项 under its 款 and 类). */
function ancestorsOf(r: AuditRow): string[] {
  const out: string[] = [];
  for (let p = parentOf(r); p !== null; p = parentCode(p)) out.push(p);
  return out;
}

/** `what` says what is summed, in Chinese and English: worded only for a finding (most sums hold). */
function sumCheck(run: RuleRun, tableId: string, total: Cell, parts: Cell[], what: () => [zh: string, en: string]): void {
  if (parts.length === 0) return;
  const sum = parts.reduce((s, c) => s + wan(c.item), 0);
  run.amounts(
    () => {
      const [zh, en] = what();
      return {
        zh: `${tableId} ${zh}（${total.item.column_label || total.item.measure}）`,
        en: `${tableId} ${en} (${total.item.measure})`,
        subject: total.row.code ?? total.row.label.trim(),
        source_lines: [total.item.source_line, ...parts.map((c) => c.item.source_line)],
        table_ids: [tableId],
      };
    },
    sum,
    wan(total.item),
    parts.length,
    "table",
  );
}

export function hierarchy(ctx: AuditContext, run: RuleRun): void {
  for (const table of ctx.tables) {
    if (sidesOf(table.rows)) continue;
    // one column = one (side, measure, header); cells in row order, columns in first-seen order
    const byColumn = new Keyed3<Cell[]>();
    const columns: Cell[][] = [];
    for (const row of table.rows)
      for (const item of row.items) {
        const cells = byColumn.get(item.side ?? "", item.measure, item.column_label);
        if (cells) cells.push({ row, item });
        else {
          const created = [{ row, item }];
          byColumn.set(item.side ?? "", item.measure, item.column_label, created);
          columns.push(created);
        }
      }
    for (const cells of columns) checkColumn(run, table.table_id, cells);
  }
}

/** A code's cell within one unit, with the rows whose figures it sums. */
interface CodeCell extends Cell {
  parts: Cell[];
}

/**
 * A code's figure within one unit: rows printing the same code under different labels (projects) are summed;
 * a repeated label is printed twice and counted once, unless both are leaf rows of different amounts (one
 * purchase under two economic codes: 业务档案专项费 C0908 for 600000 and for 1222000 元).
 */
function codeCells(coded: Cell[]): Map<string, Map<string, CodeCell>> {
  const byUnit = new Map<string, Map<string, CodeCell>>();
  for (const c of coded) {
    const u = c.row.unit_code ?? "";
    if (!byUnit.has(u)) byUnit.set(u, new Map());
    const m = byUnit.get(u)!;
    const had = m.get(c.row.code!);
    if (!had) m.set(c.row.code!, { row: c.row, item: c.item, parts: [c] });
    else if (!had.parts.some((p) => p.row.key === c.row.key && !(p.item.is_leaf && c.item.is_leaf && wan(p.item) !== wan(c.item)))) had.parts.push(c);
  }
  return byUnit;
}

function partsOf(c: CodeCell): Cell[] {
  return c.parts;
}

function checkColumn(run: RuleRun, tableId: string, cells: Cell[]): void {
  if (cells.length < 2) return; // a sum and a part: two cells at least
  const coded = cells.filter((c) => c.row.code);
  const byUnit = codeCells(coded);
  const roots: CodeCell[] = [];
  for (const [unit, codes] of byUnit) {
    const children = new Map<string, CodeCell[]>();
    for (const c of codes.values()) {
      const p = parentOf(c.row);
      if (p && codes.has(p)) {
        if (!children.has(p)) children.set(p, []);
        children.get(p)!.push(c);
      } else roots.push(c);
    }
    for (const [code, kids] of children) {
      const parent = codes.get(code)!;
      if (parent.parts.length > 1) continue;
      sumCheck(run, tableId, parent, kids.flatMap(partsOf), () => [
        `${code} ${parent.row.label.trim()} = Σ ${kids[0].row.code!.length === 5 ? "款" : "项"}${unit ? `（单位 ${unit}）` : ""}`,
        `${code} = sum of its sub-rows${unit ? ` (unit ${unit})` : ""}`,
      ]);
    }
  }
  // the total rows and the uncoded rows under a label (with where each stands in the column), read in one pass
  const totals: Cell[] = [];
  const headers: Array<{ h: Cell; at: number }> = [];
  cells.forEach((c, at) => {
    if (isTotalRow(c.row)) totals.push(c);
    else if (!c.row.code && c.row.key) headers.push({ h: c, at });
  });
  if (coded.length > 0) {
    for (const t of totals)
      sumCheck(run, tableId, t, roots.flatMap(partsOf), () => [`${t.row.label.trim()} = Σ 最高级科目行`, `${t.row.key} = sum of the top-level code rows`]);
    const seenUnit = new Set<string>();
    for (const { h, at } of headers) {
      const unit = h.row.unit_code;
      if (unit && !seenUnit.has(unit)) {
        // the first uncoded row of a unit is the unit's subtotal
        seenUnit.add(unit);
        const own = roots.filter((r) => r.row.unit_code === unit).flatMap(partsOf);
        sumCheck(run, tableId, h, own, () => [`单位 ${unit} ${h.row.label.trim()} = Σ 科目行`, `unit ${unit} subtotal = sum of its code rows`]);
      } else {
        // a later uncoded row heads the code rows printed right after it (项 name over its projects, a unit named
        // without a code over its 类, 款 and 项): it sums the highest of them, those whose parent is not in the run
        const run_: Cell[] = [];
        for (let i = at + 1; i < cells.length && cells[i].row.code; i++) run_.push(cells[i]);
        const inRun = new Set(run_.map((c) => c.row.code));
        const top = run_.filter((c) => !ancestorsOf(c.row).some((a) => inRun.has(a)));
        sumCheck(run, tableId, h, top, () => [`${h.row.label.trim()} = Σ 其下最高级科目行`, `${h.row.key} = sum of the highest code rows below it`]);
      }
    }
  } else {
    const unitRows = headers.filter(({ h }) => h.row.unit_code).map(({ h }) => h);
    if (unitRows.length > 0)
      for (const t of totals) sumCheck(run, tableId, t, unitRows, () => [`${t.row.label.trim()} = Σ 各单位`, `${t.row.key} = sum of the units`]);
  }
}
