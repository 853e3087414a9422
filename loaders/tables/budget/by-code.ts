/**
 * The budget tables made of rows: by functional code (收入总表, 支出总表,
 * 一般公共预算支出表, 政府性基金 / 国有资本经营预算支出表), by economic code
 * (基本支出表), by project (项目支出表), by unit (“三公”经费表). Rows are
 * 合计, a department row, unit rows (a unit code, or a unit name resolved
 * through 表1-1), code rows and label rows (subtotals printed without code).
 */
import type { CodeSystem, CrossTableEvidence, LineItem, ResidueRow, TableContext, TableFamily, TableParse, TableReading } from "../../schema/types.ts";
import { codeSystemOf, leafSet, parentCode } from "../codes.ts";
import { makeResidue } from "../item.ts";
import { columnIdentities, type identitiesOf, measureOfHeader } from "./columns.ts";
import { reasonFor } from "./header-lines.ts";
import {
  brokenIdentities,
  columnVector,
  GEOMETRY_RULE,
  type Grid,
  groupedGrid,
  orderedPlacements,
  SEARCH_BUDGET,
  placeByGeometry,
  resolveByColumnSums,
  resolveGroups,
  rowCandidates,
  sectionGrid,
  valueAt,
  type Group,
} from "../placement/index.ts";
import { groupedColumns } from "./grouped-columns.ts";
import { withinRounding } from "../../base/money.ts";
import { placedItems, placeReading, type RowFields } from "./reading-placement.ts";
import { readTextRow, readTsvRow, type RawRow } from "./raw-rows.ts";
import { columnNumbers, gridLines, isTotalRow, repeatedReason, splitSection } from "./section-parts.ts";
import { columnOrders, numberedColumns, textColumns } from "./text-columns.ts";
import { rankedOrder, wrappedHeader } from "./wrapped-header.ts";
import { readTsvHeader } from "./tsv-header.ts";
import { departmentCode, namedUnitsOf, unitCodeFirst, unitDirectory, unitName } from "./unit-directory.ts";
import { checkIdentities } from "./trust.ts";
import { fragmentLines, joinNote, wrappedAmounts, type WrappedAround } from "./split-amounts.ts";
import { isNoDataNote } from "../../document/line-kinds.ts";
import type { Measure } from "../../schema/measures.ts";
import { boundByUnits, type UnitBounds, type UnitBoundsEvidence } from "./unit-bounds.ts";

export interface ByCodeOptions {
  /** Code system of 3xx codes in this table. */
  codeHint: CodeSystem;
  /** Measure renames for this family (e.g. total → three_public_total, budget → project). */
  remap?: Partial<Record<Measure, Measure>>;
  /** Column totals known from another table (see evidence.ts), to choose the 合计 row's reading in the cross-table pass. */
  evidence?: TotalsEvidence;
  /** Rows of another table of the same money by code, to choose among the readings of rows printing the same 合计 there (cross-table pass). */
  rowEvidence?: RowsEvidence;
  /** The income sources in the order the document lists them elsewhere (its 收支总表), for a wrapped header of sources (wrapped-header.ts). */
  sourceOrder?: (ctx: TableContext) => Measure[];
  /** Each unit's income by fund (another table), bounding what the unit's rows put in each fund's column (cross-table pass). */
  unitEvidence?: UnitBoundsEvidence;
}

/** Rows read from other tables (`needs`) in the cross-table pass: code (合计 under "合计") → measure → value. */
export interface RowsEvidence {
  needs: TableFamily[];
  rows(ctx: TableContext, evidence: CrossTableEvidence): CrossRows | null;
}

type CrossRows = { rows: Map<string, Map<string, number>>; source: string };

/** Column totals read from other tables (`needs`) in the cross-table pass (tables/cross-table.ts). */
export interface TotalsEvidence {
  needs: TableFamily[];
  totals(ctx: TableContext, evidence: CrossTableEvidence): CrossTotals | null;
}

type CrossTotals = { totals: Map<string, number>; source: string };

type Kind = "total" | "department" | "unit" | "code" | "label";

interface Row extends RawRow {
  kind: Kind;
  unit: string | null;
  row_index: number;
  values: number[];
  cands: number[][];
  resolvedBy?: string;
  /** Amounts wrapped around the row's line (split-amounts.ts): its values after the line's own. */
  wrapped?: WrappedAround;
}

/** The rows of a by-code table as read on their own (first pass), before their columns are chosen. */
interface RowsRead {
  ctx: TableContext;
  opts: ByCodeOptions;
  parts: ReturnType<typeof splitSection>;
  residue: ResidueRow[];
  columns: Array<{ label: string; measure: Measure; index?: number; group?: string }>;
  ids: ReturnType<typeof identitiesOf>;
  measures: Measure[];
  rows: Row[];
  noDataNote: string | null;
  unplacedRows: number;
}

export function parseByCode(ctx: TableContext, opts: ByCodeOptions): TableReading {
  const parts = splitSection(ctx);
  const residue: ResidueRow[] = [];
  for (const [n, t] of parts.above) residue.push(makeResidue(ctx, n, reasonFor(t, true)));
  for (const [n, t] of parts.header) residue.push(makeResidue(ctx, n, columnNumbers(t) !== null ? "column numbers (栏次)" : "header"));

  // money columns
  let columns: Array<{ label: string; measure: Measure; index?: number; group?: string }> = [];
  let roles = new Map<number, import("./tsv-header.ts").CellRole>();
  if (parts.exact) {
    const h = readTsvHeader(parts.header.map(([, t]) => t).filter((t) => t.includes("\t")));
    columns = h.columns;
    roles = h.roles;
  } else {
    const headerLines = parts.header.filter(([, t]) => columnNumbers(t) === null).map(([, t]) => t);
    const headerText = headerLines.join(" ");
    columns = numberedColumns(textColumns(ctx.section.family, headerText) ?? [], headerText, parts.numbered);
  }
  // rows wider than the columns the header's words name: the cells may have wrapped over several lines (wrapped-header.ts)
  let orders: number[][] | null = null;
  // a header read by positions (a PDF) gives its columns in printed order: no other grid is sought
  let byHeaderPositions = false;
  // (the 栏次 line, `1 2 3 4 5 6`, numbers the columns: it is no row)
  const counts = parts.exact ? [] : parts.body.map(([n, t]) => readTextRow(n, t, null).nums.map((x) => x.value));
  const widest = Math.max(0, ...counts.filter((v) => !v.every((x, k) => x === k + 1)).map((v) => v.length));
  if (widest > columns.length) {
    const header = parts.header.filter(([, t]) => columnNumbers(t) === null);
    const geometry = ctx.doc.geometry;
    const wh = wrappedHeader(
      header.map(([, t]) => t),
      geometry && header.map(([n]) => geometry[n - 1]?.spans ?? null),
    );
    if (wh && wh.columns.length === widest) {
      // one order: the columns as printed (the only one, or the sources as the 收支总表 lists them); several: each row is read in all of them
      const one = wh.orders.length === 1 ? wh.orders[0] : opts.sourceOrder ? rankedOrder(wh, opts.sourceOrder(ctx)) : null;
      columns = one ? one.map((j) => wh.columns[j]) : wh.columns;
      orders = one ? null : wh.orders;
      byHeaderPositions = wh.extents !== null && one !== null;
    }
  }
  // a rename never makes a measure printed in its own column appear twice (合计 beside the “三公” 小计)
  const remapped = (m: Measure): Measure => {
    const to = opts.remap?.[m];
    return to && !columns.some((c) => c.measure === to) ? to : m;
  };
  columns = columns.map((c) => ({ ...c, measure: remapped(c.measure) }));
  const moneyCells = new Set(columns.map((c) => c.index ?? -1));
  // a PDF: columns by position where its geometry is clear; numbers under a known header
  // the text did not name (单位资金 beside the funds) get their column
  // what a header cell names: its measure, else the columns the text reader finds in its words
  const named = (label: string): Measure[] => {
    const m = measureOfHeader(label);
    return (m ? [m] : (textColumns(ctx.section.family, label) ?? []).map((c) => c.measure)).map((x) => opts.remap?.[x] ?? x);
  };
  const known = (label: string): Measure | null => (named(label).length === 1 ? named(label)[0] : null);
  const meaning = (label: string): number[] => columns.map((c, j) => (named(label).includes(c.measure) ? j : -1)).filter((j) => j >= 0);
  let grid: Grid | null =
    parts.exact || byHeaderPositions
      ? null
      : sectionGrid(
          ctx.doc,
          gridLines(parts).header,
          gridLines(parts).body,
          columns.map((c) => c.label),
          {
            rightmost: true,
            meaning,
            unprinted: true,
            extra: (label) => known(label) !== null && !columns.some((c) => c.measure === known(label)),
          },
        );
  // a grouped header the parser's columns do not describe (当年预算 | 上年结转结余 over the same funds): the header's own leaves
  const grouped = parts.exact || byHeaderPositions || (grid && grid.money.length >= widest) ? null : groupedHeader(ctx, parts, named, opts.remap);
  if (grouped) {
    grid = grouped.grid;
    columns = grouped.columns;
    orders = null;
  } else if (grid) {
    columns = [...grid.kept.map((j) => columns[j]), ...grid.extra.map((label) => ({ label, measure: known(label)! }))];
    orders = null;
  } else if (!parts.exact && !orders) {
    const printed = parts.body
      .filter(([n, t]) => !parts.repeated.has(n) && columnNumbers(t) === null)
      .map(([n, t]) => readTextRow(n, t, null).nums.map((x) => x.value));
    columns = likeliestOrder(columnOrders(columns), printed);
  }
  const measures = columns.map((c) => c.measure);
  const ids = grouped ? grouped.ids : columnIdentities(columns);

  // rows
  const dept = departmentCode(parts.above.map(([, t]) => t));
  const directory = parts.exact ? unitDirectory(ctx.doc, ctx.sections) : new Map<string, string>();
  const rows: Row[] = [];
  let noDataNote: string | null = null;
  let previousCode: string | null = null;
  let currentUnit: string | null = null;
  let total: Row | null = null;
  let unplacedRows = 0;
  // a text without positions: amounts wrapped in narrow cells around their row's line (split-amounts.ts)
  const wrapped = parts.exact || grid || orders ? new Map<number, WrappedAround>() : wrappedAround(parts, columns.length);
  const fragments = fragmentLines(wrapped);
  for (const [n, t] of parts.body) {
    if (t.trim() === "" || fragments.has(n)) continue;
    if (grid?.numberLine === n || columnNumbers(t) !== null) {
      residue.push(makeResidue(ctx, n, "column numbers (栏次)"));
      continue;
    }
    if (parts.repeated.has(n)) {
      residue.push(makeResidue(ctx, n, repeatedReason(t)));
      continue;
    }
    const raw: RawRow = parts.exact ? readTsvRow(n, t, roles, moneyCells) : readTextRow(n, t, previousCode);
    const isTotal = !raw.code && isTotalRow(t);
    // the row numbering the columns (`栏次 1 2 3`) prints no amount
    if (!raw.code && /^(栏次|行次)$/.test(raw.label.replace(/[\s\u3000]+/g, ""))) {
      residue.push(makeResidue(ctx, n, "column numbers (栏次)"));
      continue;
    }
    if (raw.nums.length === 0) {
      if (isNoDataNote(t)) noDataNote = t.trim();
      const reason = isTotal ? "total row without amounts" : raw.code ? "code row without amounts" : reasonFor(t, false);
      residue.push(makeResidue(ctx, n, raw.stray.length ? `numbers in columns without a known header: ${raw.stray.join(" ")}` : reason));
      if (raw.code) previousCode = raw.code;
      continue;
    }
    if (columns.length === 0) {
      residue.push(makeResidue(ctx, n, "numbers, but the column header was not recognised"));
      unplacedRows++;
      continue;
    }
    let kind: Kind = "label";
    let unit: string | null = currentUnit;
    const system = raw.code ? codeSystemOf(raw.code, opts.codeHint) : "none";
    if (isTotal) {
      kind = "total";
      unit = null;
    } else if (raw.code && system === "budget_unit") {
      kind = "unit";
      unit = currentUnit = raw.code;
    } else if (raw.code) {
      kind = "code";
      unit = raw.unitCode ?? currentUnit;
    } else if (directory.has(raw.label) && !(total && rows.every((r) => r.kind === "total") && sameValues(raw, total))) {
      kind = "unit";
      unit = currentUnit = directory.get(raw.label)!;
    } else if (total && rows.every((r) => r.kind === "total" || r.kind === "department") && sameValues(raw, total)) {
      kind = "department";
      unit = dept?.code ?? null;
    }
    if (raw.code) previousCode = raw.code;
    const around = wrapped.get(n);
    if (around) raw.nums.push(...around.amounts.map((a) => ({ value: a.value, text: a.text, cell: null })));
    const values = raw.nums.map((x) => x.value);
    const byPosition =
      grid &&
      placeByGeometry(
        ctx.doc,
        grid,
        raw.line,
        raw.nums.map((x) => x.text),
      );
    const cands = parts.exact
      ? [raw.nums.map((x) => columns.findIndex((c) => c.index === x.cell))]
      : byPosition
        ? [byPosition]
        : orders
          ? orderCandidates(values, orders, ids)
          : around
            ? interleavings(values, around, columns.length, ids)
            : rowCandidates(values, { n: columns.length, identities: ids }, { misprints: "drop" });
    const row: Row = {
      line: raw.line,
      code: raw.code,
      codeNote: raw.codeNote,
      unitCode: raw.unitCode,
      label: raw.label,
      nums: raw.nums,
      stray: raw.stray,
      kind,
      unit,
      row_index: rows.length + 1,
      values,
      cands,
      resolvedBy: byPosition ? GEOMETRY_RULE : undefined,
      wrapped: around,
    };
    if (kind === "total" && !total) total = row;
    rows.push(row);
  }

  if (orders) commonOrder(rows);
  const read: RowsRead = { ctx, opts, parts, residue, columns, ids, measures, rows, noDataNote, unplacedRows };
  const totalRow = parts.exact ? undefined : rows.find((r) => r.kind === "total");
  const evidence = opts.evidence;
  const units = opts.unitEvidence;
  // a 合计 row with several readings waits for another table's totals (the cross-table pass), with the units' income when asked
  if (totalRow && totalRow.cands.length > 1 && evidence)
    return {
      pending: {
        needs: [...evidence.needs, ...(units?.needs ?? [])],
        rows: `合计 row (line ${totalRow.line}) with ${totalRow.cands.length} readings`,
        settle: (e) => placeColumns(read, evidence.totals(ctx, e), null, units?.bounds(e) ?? null),
      },
    };
  // code rows with several readings wait for another table's rows of the same code
  const rowEvidence = opts.rowEvidence;
  const waiting = parts.exact ? [] : rows.filter((r) => r.cands.length > 1 && (r.kind === "total" || r.kind === "code"));
  if (waiting.length && rowEvidence)
    return {
      pending: {
        needs: rowEvidence.needs,
        rows: `${waiting.length} rows with several readings`,
        settle: (e) => placeColumns(read, null, rowEvidence.rows(ctx, e)),
      },
    };
  // rows with several readings wait for their units' income by fund
  const open = parts.exact ? [] : rows.filter((r) => r.cands.length > 1);
  if (open.length && units)
    return {
      pending: { needs: units.needs, rows: `${open.length} rows with several readings`, settle: (e) => placeColumns(read, null, null, units.bounds(e)) },
    };
  return placeColumns(read, null);
}

/** The columns of a grouped header read from positions (grouped-columns.ts), renamed as the family renames them; null unless clear. */
function groupedHeader(ctx: TableContext, parts: ReturnType<typeof splitSection>, named: (label: string) => Measure[], remap: ByCodeOptions["remap"]) {
  const lines = gridLines(parts);
  const grid = groupedGrid(ctx.doc, lines.header, lines.body, (label) => measureOfHeader(label) !== null);
  const read = grid && groupedColumns(grid, named);
  if (!grid || !read) return null;
  // a rename never makes a measure printed in its own column appear twice
  const renamed = (m: Measure): Measure => {
    const to = remap?.[m];
    return to && !read.columns.some((c) => c.measure === to) ? to : m;
  };
  return { grid, columns: read.columns.map((c) => ({ ...c, measure: renamed(c.measure) })), ids: read.ids };
}

/** Rows with several readings, narrowed to the reading giving each column another table's value for the row of the same code and 合计. */
function settleByRows(rows: Row[], columns: RowsRead["columns"], other: CrossRows): void {
  for (const r of rows) {
    if (r.cands.length <= 1 || (r.kind !== "total" && r.kind !== "code")) continue;
    const known = other.rows.get(r.kind === "total" ? "合计" : r.code!);
    if (!known?.has("total")) continue;
    const ok = r.cands.filter((p) => columns.every((c, j) => !known.has(c.measure) || withinRounding(valueAt(r.values, p, j), known.get(c.measure)!)));
    if (ok.length === 1) {
      r.cands = ok;
      r.resolvedBy = `cross-table (${other.source})`;
    }
  }
}

/** A row printing the 合计 row's very numbers holds all of the money (the other rows, never negative, are empty): the 合计's columns. */
function sameAsTotal(rows: Row[]): void {
  const read = rows.find((r) => r.kind === "total" && r.cands.length === 1);
  if (!read || !read.values.every((v) => v >= 0)) return;
  for (const r of rows)
    if (r !== read && r.cands.length > 1 && r.values.length === read.values.length && r.values.every((v, k) => v === read.values[k])) {
      r.cands = read.cands;
      r.resolvedBy = `same numbers as the 合计 row (line ${read.line})`;
    }
}

/** Columns of every row (the 合计 row by `cross` when given), the trust check, and the items. */
function placeColumns(read: RowsRead, cross: CrossTotals | null, crossRows: CrossRows | null = null, units: UnitBounds | null = null): TableParse {
  const { ctx, opts, parts, residue, columns, ids, measures, rows, noDataNote, unplacedRows } = read;
  if (!parts.exact) {
    const t = rows.find((r) => r.kind === "total");
    if (t && cross) {
      const ok = t.cands.filter((p) =>
        // a column of a group (上年结转结余 by fund) is not the table's own total of that measure
        columns.every((c, j) => c.group !== undefined || !cross.totals.has(c.measure) || withinRounding(valueAt(t.values, p, j), cross.totals.get(c.measure)!)),
      );
      if (ok.length === 1) {
        t.cands = ok;
        t.resolvedBy = `cross-table (${cross.source})`;
      }
    }
    if (crossRows) settleByRows(rows, columns, crossRows);
    sameAsTotal(rows);
    const groups = hierarchyGroups(rows);
    resolveGroups(rows, groups, columns.length);
    // what no one combination decides: each unit's income by fund, then each column's sum on its own
    while ((units !== null && boundByUnits(rows, columns, units)) || resolveByColumnSums(rows, groups, columns.length))
      resolveGroups(rows, groups, columns.length);
  }

  // trust: the printed rows must keep the table's identities
  const trust = checkIdentities(rows, ids, measures, ctx.section.unit);
  if (trust) {
    const untrusted = residueAll(ctx, `untrusted table: ${trust}`);
    return { items: [], residue: untrusted, status: "untrusted", message: trust };
  }

  joinWrappedLabels(rows, residue);
  if (!parts.exact) unitsByName(rows, parts.header, parts.above);

  // leaves, per unit
  const leafOf = new Map<string, (c: string) => boolean>();
  // each unit's codes, gathered in one pass over the rows (not one pass per unit)
  const codesOf = new Map<string, string[]>();
  for (const r of rows) {
    if (r.kind !== "code") continue;
    const u = r.unit ?? "";
    const codes = codesOf.get(u);
    if (codes) codes.push(r.code!);
    else codesOf.set(u, [r.code!]);
  }
  for (const [u, codes] of codesOf) leafOf.set(u, leafSet(codes));
  const hasCodes = rows.some((r) => r.kind === "code");

  const items: LineItem[] = [];
  const labels = columns.map((c) => c.label);
  let ambiguous = 0;
  for (const r of rows) {
    const isLeaf = r.kind === "code" ? leafOf.get(r.unit ?? "")!(r.code!) : r.kind === "unit" ? !hasCodes : false;
    const { placed, unresolved } = placeReading(
      { values: r.values, texts: r.nums.map((x) => x.text), cands: r.cands, resolvedBy: r.resolvedBy },
      labels,
      ids,
      parts.exact,
    );
    const garbled = r.codeNote?.startsWith("code:garbled") ? r.codeNote : null;
    const row: RowFields = {
      row_label: r.label,
      source_line: r.line,
      row_index: r.row_index,
      code: r.code,
      code_system: r.code ? codeSystemOf(r.code, opts.codeHint) : "none",
      unit_code: r.unit,
      is_leaf: isLeaf,
    };
    const rowItems = placedItems(ctx, placed, columns, r.values, row, (rule) => [rule, garbled].filter(Boolean).join("; ") || null);
    items.push(...rowItems);
    if (unresolved) {
      ambiguous++;
      residue.push(makeResidue(ctx, r.line, unresolved));
    }
    if (r.wrapped) residue.push(...wrappedProvenance(ctx, r, placed, rowItems, unresolved));
  }
  residue.sort((a, b) => a.source_line - b.source_line);
  // a table printing numbers under a header we could not read is not "no data": it was not read
  if (unplacedRows > 0) return { items, residue, status: "partial", message: `${unplacedRows} rows with numbers, but the column header was not recognised` };
  const status = items.length === 0 && rows.length === 0 ? "no_data" : ambiguous > 0 ? "partial" : "ok";
  const message =
    status === "no_data"
      ? `no data${noDataNote ? `: ${noDataNote}` : ""}`
      : `${rows.length} rows, ${items.length} numbers${ambiguous ? `, ${ambiguous} rows with ambiguous columns left in residue` : ""}`;
  return { items, residue, status, message };
}

/**
 * A table with a budget-unit column whose unit rows print a name and no code
 * (Shenzhen's 收入总表 and 支出总表: `深圳市生态环境局（本级） 63,051.28 …`
 * over its 类, 款 and 项), or a unit code glued before the name (西安's
 * 专项业务经费支出表: `245001 西安市医疗保障局`): each such row is a unit, known
 * by its code or else its name, and the code rows after it (up to the next
 * unit) are the unit's own (a project row keeps none: its table's 合计 =
 * Σ units reads the unit rows by their unit_code). A first row naming the department
 * printed above the table, or printing a 3-digit code before a unit's name
 * (`245 西安市医疗保障局`: the department's code, not a 类), is the department's.
 * Labels are read whole (after joinWrappedLabels).
 */
function unitsByName(rows: Row[], header: Array<[number, string]>, above: Array<[number, string]>): void {
  const { column, department } = namedUnitsOf(
    header.map(([, t]) => t),
    above.map(([, t]) => t),
  );
  if (!column) return;
  // a unit code before the name (`245001 西安市医疗保障局`), or the department's code read as a 类 (`245` 西安市医疗保障局)
  const codedUnit = (r: Row) => {
    const u = r.kind === "label" ? unitCodeFirst(r.label) : null;
    return u && u.code.length >= 6 ? u : null;
  };
  // where units print their codes, a row naming one without a code is no unit (a project named 某某中心建设)
  const byCode = rows.some((r) => codedUnit(r) !== null);
  const total = rows.find((x) => x.kind === "total");
  let current: string | null = null;
  let seen = false;
  for (const r of rows) {
    const coded = codedUnit(r);
    const name = coded ? unitName(coded.name) : (r.kind === "label" && !byCode) || (r.kind === "code" && r.code?.length === 3) ? unitName(r.label) : null;
    if (name !== null) {
      // the department's row: first, before any unit, and the table's total (no 合计 above it, or the 合计's numbers again)
      if (!seen && (!total || sameValues(r, total)) && (name === department || r.kind === "code")) {
        r.kind = "department";
        r.unit = null;
        r.code = null;
      } else {
        r.kind = "unit";
        r.unit = current = coded ? coded.code : name;
        if (coded) r.label = coded.name;
      }
      seen = true;
    } else if (r.kind === "code" && !r.unitCode && current !== null) r.unit = current;
  }
}

/**
 * A code row (or a unit's row) printed without its name has it wrapped around it, on label
 * lines above and below (`机关事业单位基本养老保险缴` / `2080505 175.83 …` /
 * `费支出`). The label lines between two rows go to the row without a name;
 * between two such rows, the first half to the row above, the rest to the
 * row below. The row gets its name; the lines stay in residue, naming the row.
 */
function joinWrappedLabels(rows: Row[], residue: ResidueRow[]): void {
  // a fragment is one word without digits (a short one may look like a repeated header: `支出`)
  const fragment = (r: ResidueRow) =>
    (r.reason === "label row without amounts" || r.reason === "page header repeated") && /^[^\s\d]+$/.test(r.source_text.trim());
  const labelLines = new Map(residue.filter(fragment).map((r) => [r.source_line, r.source_text.trim()]));
  if (labelLines.size === 0) return;
  // the label lines in order, found by binary search (a table may hold hundreds of rows and fragments)
  const sorted = [...labelLines.keys()].sort((a, b) => a - b);
  const firstAfter = (line: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const between = (from: number, to: number) => {
    const out: number[] = [];
    for (let k = firstAfter(from); k < sorted.length && sorted[k] < to; k++) out.push(sorted[k]);
    return out;
  };
  // (a label row too: a unit named over two lines, its amounts on the middle line, prints no code)
  const unnamed = (r: Row | undefined) => r !== undefined && (r.kind === "code" || r.kind === "unit" || r.kind === "label") && r.label.trim() === "";
  const above = new Map<Row, number[]>();
  const below = new Map<Row, number[]>();
  for (let k = 0; k <= rows.length; k++) {
    const prev = rows[k - 1];
    const next = rows[k];
    const lines = between(prev?.line ?? 0, next?.line ?? Number.MAX_SAFE_INTEGER);
    if (!next && unnamed(prev)) {
      // the last row: the label lines right below it
      const after: number[] = [];
      for (let l = prev.line + 1; labelLines.has(l); l++) after.push(l);
      if (after.length) below.set(prev, after);
    }
    if (lines.length === 0 || !next) continue;
    if (unnamed(prev) && unnamed(next)) {
      const half = Math.ceil(lines.length / 2);
      below.set(prev, lines.slice(0, half));
      above.set(next, lines.slice(half));
    } else if (unnamed(prev)) below.set(prev, lines);
    else if (unnamed(next)) above.set(next, lines);
  }
  const joined = new Map<number, number>();
  for (const r of rows) {
    if (!unnamed(r) || !(above.has(r) || below.has(r))) continue;
    const lines = [...(above.get(r) ?? []), ...(below.get(r) ?? [])];
    r.label = lines.map((l) => labelLines.get(l)!).join("");
    for (const l of lines) joined.set(l, r.line);
  }
  // the lines stay in residue, saying which row's name they became
  for (const res of residue) {
    const row = joined.get(res.source_line);
    if (row !== undefined) res.reason = `label wrapped around its amounts: joined into the row of line ${row}`;
  }
}

/** The body's rows with amounts wrapped around their line (split-amounts.ts); a row is a line with a code or a label. */
function wrappedAround(parts: ReturnType<typeof splitSection>, n: number): Map<number, WrappedAround> {
  const body = parts.body.filter(([line, t]) => !parts.repeated.has(line) && columnNumbers(t) === null);
  const printed = (line: number, t: string) => {
    const raw = readTextRow(line, t, null);
    return raw.code || raw.label ? raw.nums.length : null;
  };
  return wrappedAmounts(body, printed, n);
}

/**
 * A row whose amounts wrapped around its line: its line's numbers and the
 * joined amounts (split-amounts.ts) each keep their order, interleaved in
 * every way; the readings that keep the identities, one per distinct row of
 * column values (equal amounts swapped are the same reading: which of them
 * stands in which column is not known, their values are).
 */
function interleavings(values: number[], around: WrappedAround, n: number, ids: ReturnType<typeof identitiesOf>): number[][] {
  const own = values.length - around.amounts.length;
  const groups = values.map((_, k) => (k < own ? 0 : 1));
  const out = new Map<string, number[]>();
  for (const p of rowCandidates(values, { n, identities: ids }, { misprints: "drop", groups })) {
    const key = columnVector(values, p, n).join(",");
    if (!out.has(key)) out.set(key, p);
  }
  return [...out.values()];
}

/**
 * A wrapped row's joined amounts: each placed one names its fragments in
 * its rule. The fragment lines are explained in residue: joined into the
 * row, or not placed, with the row's reason, when the row was not.
 */
function wrappedProvenance(ctx: TableContext, r: Row, placed: Array<{ k: number }>, rowItems: LineItem[], unresolved: string | null): ResidueRow[] {
  const around = r.wrapped!;
  const own = r.values.length - around.amounts.length;
  placed.forEach((p, i) => {
    if (p.k < own) return;
    const note = joinNote(around.amounts[p.k - own]);
    rowItems[i].rule = rowItems[i].rule ? `${rowItems[i].rule}; ${note}` : note;
  });
  const left = around.amounts.filter((_, j) => !placed.some((p) => p.k === own + j));
  const reason = left.length
    ? `${unresolved ?? "ambiguous columns"} (amounts wrapped in narrow cells around line ${r.line}, not placed: ${left.map((a) => a.text).join(" ")})`
    : `amounts wrapped in narrow cells: joined into the row of line ${r.line}`;
  return [makeResidue(ctx, around.head, reason), makeResidue(ctx, around.tail, reason)];
}

/**
 * A row read in each printed order the header allows (header-fragments.ts):
 * its numbers in order into the printed columns, in every order, as
 * columns of the header; the readings keeping the identities. A row of
 * fewer numbers than columns takes every order-preserving placement in
 * every order (none beyond the search budget).
 */
function orderCandidates(values: number[], orders: number[][], ids: ReturnType<typeof identitiesOf>): number[][] {
  const n = orders[0].length;
  const printed = orderedPlacements(values.length, n);
  if (!printed || printed.length * orders.length > SEARCH_BUDGET) return [];
  const out = new Map<string, number[]>();
  for (const o of orders)
    for (const p of printed) {
      const cand = p.map((position) => o[position]);
      if (brokenIdentities(columnVector(values, cand, n), ids) === 0) out.set(cand.join(","), cand);
    }
  return [...out.values()];
}

/**
 * The columns are printed in one order for the whole table: only the orders
 * every full row allows (rows that fit none are misprints, left to residue)
 * remain for each row (西安 表2: the 合计 row, 480544221.6 480544221.6
 * 426680000 …, puts 小计 second, which the unit rows alone do not).
 */
function commonOrder(rows: Row[]): void {
  const read = rows.filter((r) => r.cands.length > 0);
  if (read.length === 0) return;
  const key = (o: number[]) => o.join(",");
  let common = new Set(read[0].cands.map(key));
  for (const r of read.slice(1)) common = new Set(r.cands.map(key).filter((k) => common.has(k)));
  if (common.size === 0) return;
  for (const r of read) r.cands = r.cands.filter((o) => common.has(key(o)));
}

/** Of the orders a form is printed in, the one under which the fewest rows break every identity (the first on a tie). */
function likeliestOrder<C extends { measure: string; group?: string }>(orders: C[][], rows: number[][]): C[] {
  let best = orders[0];
  let fewest = Number.POSITIVE_INFINITY;
  if (orders.length < 2) return best;
  for (const cols of orders) {
    const ids = columnIdentities(cols);
    const broken = rows.filter((v) => v.length > 0 && rowCandidates(v, { n: cols.length, identities: ids }, { misprints: "drop" }).length === 0).length;
    if (broken < fewest) [best, fewest] = [cols, broken];
  }
  return best;
}

function sameValues(raw: RawRow, total: Row): boolean {
  return raw.nums.length === total.values.length && raw.nums.every((x, k) => x.value === total.values[k]);
}

/**
 * A table of rows without codes (units, projects): 合计 = Σ the other rows
 * (a department row printing the 合计's numbers is the 合计 again). Rows
 * nested under others break the sum, and then nothing is chosen by it.
 */
function flatGroup(rows: Row[]): Group[] {
  const total = rows.findIndex((r) => r.kind === "total");
  const parts = rows.flatMap((r, i) => (r.kind === "label" || r.kind === "unit" ? [i] : []));
  if (total < 0 || parts.length < 2) return [];
  return [{ parent: total, children: parts, rule: `sum (合计 = Σ of its ${parts.length} rows)` }];
}

/** 合计 = Σ top-level rows; 类 = Σ款, 款 = Σ项 (7-digit codes under a 类 when the 款 is not printed). */
function hierarchyGroups(rows: Row[]): Group[] {
  const codeRows = rows.map((r, i) => [r, i] as const).filter(([r]) => r.kind === "code");
  if (codeRows.length === 0) return flatGroup(rows);
  if (rows.some((r) => r.kind === "unit")) return [];
  const at = new Map<string, number>();
  for (const [r, i] of codeRows) if (!at.has(r.code!)) at.set(r.code!, i);
  const children = new Map<number, number[]>();
  const top: number[] = [];
  for (const [r, i] of codeRows) {
    if (at.get(r.code!) !== i) continue;
    let p = parentCode(r.code!);
    if (p && !at.has(p) && p.length === 5) p = p.slice(0, 3);
    const pi = p ? at.get(p) : undefined;
    if (pi === undefined) top.push(i);
    else children.set(pi, [...(children.get(pi) ?? []), i]);
  }
  const groups: Group[] = [...children.entries()].map(([pi, kids]) => ({
    parent: pi,
    children: kids,
    rule: `hierarchy (${rows[pi].code} = Σ of its ${kids.length} sub-items)`,
  }));
  const totalIdx = rows.findIndex((r) => r.kind === "total");
  if (totalIdx >= 0) groups.unshift({ parent: totalIdx, children: top, rule: `hierarchy (合计 = Σ of ${top.length} top-level rows)` });
  return groups;
}

function residueAll(ctx: TableContext, reason: string): ResidueRow[] {
  const out: ResidueRow[] = [];
  for (let n = ctx.section.start_line; n <= ctx.section.end_line; n++) if ((ctx.doc.lines[n - 1] ?? "").trim() !== "") out.push(makeResidue(ctx, n, reason));
  return out;
}
