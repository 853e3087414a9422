/**
 * 政府采购预算表: one row per procurement item (采购项目 × 采购品目 / 采购目录),
 * with the unit rows and the 合计 above them. The header says which columns
 * the rows print: a 数量 (quantity) column, economic classification codes
 * (部门 / 政府预算支出经济分类, split 类 款 like `302 27`) and the money
 * column (预算金额 / 采购预算 / 金额). A row's numbers are read from its end:
 * the amount last, the code parts before it, the quantity first; a row whose
 * numbers do not fall into that shape goes to residue with the reason.
 * Every parent (合计, a unit row) must equal the sum of the rows under it,
 * amount and quantity alike, or the table is reported partial.
 */
import type { LineItem, ResidueRow, TableContext, TableReading } from "../../schema/types.ts";
import { withinRounding } from "../../base/money.ts";
import { codeSystemOf } from "../codes.ts";
import { isNoDataNote } from "../../document/line-kinds.ts";
import { makeItem, makeResidue } from "../item.ts";
import { foldHeader } from "./columns.ts";
import { reasonFor } from "./header-lines.ts";
import { readTextRow } from "./raw-rows.ts";
import { isTotalRow, splitSection } from "./section-parts.ts";
import { unitCodeFirst } from "./unit-directory.ts";

/** What the header says the rows print. */
interface ProcurementColumns {
  quantity: boolean;
  /** How many economic codes (类 + 款, two tokens each) stand between the quantity and the amount. */
  codes: number;
}

function columnsOf(lines: string[]): ProcurementColumns | null {
  const h = foldHeader(lines.join(" "));
  if (!/采购/.test(h) || !/预算金额|采购预算|金额|预算数/.test(h)) return null;
  // the code columns' sub-header `类 款 项 类 款 类 款`: the first code is the row's functional code, each other one an economic code
  const parts = lines.map((l) => l.trim().split(/[\s\u3000]+/)).find((ts) => ts.length >= 2 && ts.every((t) => /^[类款项]$/.test(t)));
  const codes = parts ? parts.filter((t) => t === "类").length - 1 : 0;
  return { quantity: /数量/.test(h), codes };
}

const CLASS = /^[1-9]\d{2}$/;
const PART = /^\d{2}$/;

interface Row {
  line: number;
  label: string;
  code: string | null;
  unit: string | null;
  kind: "total" | "unit" | "item";
  amount: { value: number; text: string };
  quantity: number | null;
}

/** The numbers at the end of a row as quantity, codes, amount; null when they do not have that shape. */
function tail(nums: Array<{ value: number; text: string }>, cols: ProcurementColumns, withCodes: boolean): Pick<Row, "amount" | "quantity"> | null {
  if (nums.length === 0) return null;
  const amount = nums[nums.length - 1];
  const before = nums.slice(0, -1);
  const codeTokens = withCodes ? 2 * cols.codes : 0;
  if (before.length < codeTokens) return null;
  const codes = before.slice(before.length - codeTokens);
  for (let k = 0; k < codes.length; k += 2) if (!CLASS.test(codes[k].text) || !PART.test(codes[k + 1].text)) return null;
  const rest = before.slice(0, before.length - codeTokens);
  if (rest.length > (cols.quantity ? 1 : 0)) return null;
  if (rest.length === 1 && !/^\d+$/.test(rest[0].text)) return null;
  return { amount, quantity: rest.length ? rest[0].value : null };
}

export function parseProcurement(ctx: TableContext): TableReading {
  const parts = splitSection(ctx);
  const residue: ResidueRow[] = [];
  for (const [n, t] of parts.above) residue.push(makeResidue(ctx, n, reasonFor(t, true)));
  for (const [n] of parts.header) residue.push(makeResidue(ctx, n, "header"));
  const cols = columnsOf(parts.header.map(([, t]) => t));
  const rows: Row[] = [];
  let unread = 0;
  let noDataNote: string | null = null;
  for (const [n, t] of parts.body) {
    if (t.trim() === "") continue;
    const raw = readTextRow(n, t, null);
    if (raw.nums.length === 0) {
      if (isNoDataNote(t)) noDataNote = t.trim();
      residue.push(makeResidue(ctx, n, reasonFor(t, false)));
      continue;
    }
    if (!cols) {
      residue.push(makeResidue(ctx, n, "numbers, but the column header was not recognised"));
      unread++;
      continue;
    }
    // a unit row: its unit code opens the label (`245001 西安市医疗保障局 21 7499000`)
    const unit = unitCodeFirst(raw.label);
    const kind: Row["kind"] = isTotalRow(t) ? "total" : unit ? "unit" : raw.code && codeSystemOf(raw.code, "functional") === "budget_unit" ? "unit" : "item";
    const read = tail(raw.nums, cols, kind === "item");
    if (!read) {
      unread++;
      residue.push(makeResidue(ctx, n, `numbers do not fall into the header's columns (数量, ${cols.codes} economic codes, 金额): ${raw.nums.map((x) => x.text).join(" ")}`));
      continue;
    }
    const unitCode = unit ? unit.code : kind === "unit" ? raw.code : null;
    // a unit row is its items' subtotal: the classification it prints (210 15 05 245001 …) is its items', not a code row of its own
    rows.push({ line: n, label: unit ? unit.name : raw.label, code: kind === "unit" ? null : raw.code, unit: unitCode, kind, ...read });
  }
  // the unit of each item row: the unit row above it
  let current: string | null = null;
  for (const r of rows) {
    if (r.kind === "unit") current = r.unit;
    else if (r.kind === "item") r.unit = current;
  }
  const problems = sums(rows);
  const items: LineItem[] = [];
  rows.forEach((r, i) => {
    const base = { row_label: r.label, source_line: r.line, row_index: i + 1, code: r.code, code_system: r.code ? codeSystemOf(r.code, "functional") : ("none" as const), unit_code: r.unit, is_leaf: r.kind === "item" };
    items.push(makeItem(ctx, { ...base, measure: "procurement_budget", column_label: "预算金额", value: r.amount.value }));
    if (r.quantity !== null) items.push(makeItem(ctx, { ...base, measure: "quantity", column_label: "数量", value: r.quantity, unit: "数量" }));
  });
  residue.sort((a, b) => a.source_line - b.source_line);
  // no amount printed anywhere: a table without data, whether or not its header's columns were recognised
  if (rows.length === 0)
    return unread > 0
      ? { items, residue, status: "partial", message: `${unread} rows with numbers not read${cols ? "" : ": the column header was not recognised"}` }
      : { items, residue, status: "no_data", message: `no data${noDataNote ? `: ${noDataNote}` : ""}` };
  const unplaced = residue.some((r) => r.reason.startsWith("numbers"));
  const status = problems.length || unplaced ? "partial" : "ok";
  return { items, residue, status, message: [`${rows.length} rows, ${items.length} numbers`, ...problems].join("; ") };
}

/** 合计 = Σ unit rows (or Σ items without unit rows); a unit row = Σ its items: amounts and quantities. */
function sums(rows: Row[]): string[] {
  const out: string[] = [];
  const check = (parent: Row, children: Row[]) => {
    if (children.length === 0) return;
    const amount = children.reduce((a, r) => a + r.amount.value, 0);
    if (!withinRounding(parent.amount.value, amount, children.length)) out.push(`line ${parent.line}: ${parent.amount.text} ≠ Σ ${children.length} rows (${amount})`);
    if (parent.quantity !== null && children.every((r) => r.quantity !== null)) {
      const q = children.reduce((a, r) => a + r.quantity!, 0);
      if (q !== parent.quantity) out.push(`line ${parent.line}: 数量 ${parent.quantity} ≠ Σ ${children.length} rows (${q})`);
    }
  };
  const total = rows.find((r) => r.kind === "total");
  const units = rows.filter((r) => r.kind === "unit");
  // a department row (its code a prefix of the units' codes) prints the 合计 again
  const leaves = units.filter((u) => !units.some((v) => v !== u && v.unit!.startsWith(u.unit!)));
  if (total) check(total, units.length ? leaves : rows.filter((r) => r.kind === "item"));
  for (const u of leaves) check(u, rows.filter((r) => r.kind === "item" && r.unit === u.unit));
  return out;
}
