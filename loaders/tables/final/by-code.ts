/**
 * By-code tables: one row per classification code (类 / 款 / 项, or
 * economic codes), plus a 合计 row, with the value columns of
 * final/columns.ts.
 *
 * Rules:
 *  - A row is `[类 款 项] code name [行次] values…`; codes printed in
 *    three cells (`201 06 01`) are joined. A row without code whose name
 *    is 合计/总计 is the total row.
 *  - Plain text (empty cells vanished): columns are decided by
 *    final/placement.ts (see the rules there); the total row may use
 *    evidence from the summary tables (final/evidence.ts).
 *  - Layout text (column positions kept): each number goes to the column
 *    whose header word is nearest; a line of numbers without a code or
 *    name belongs to the row printed on the next line (the cell is
 *    vertically centred; "layout:row-below", inferred).
 *  - A name wrapped over text lines around a code row printed without a
 *    name is joined (the last text line before, the first after).
 *  - A row whose numbers could not all be placed keeps its total when the
 *    first column is the total ("shift:first=total") and the line goes to
 *    residue with "ambiguous columns: …".
 */
import type { LineItem, ResidueRow, TableContext, TableParse, TableReading } from "../../schema/types.ts";
import { codeSystemOf, leafSet } from "../codes.ts";
import { makeItem, makeResidue } from "../item.ts";
import { isInteger, joinLabel, keepsColumns, leadingCode, tokenize, tokenValue, type Token } from "../rows.ts";
import { codeTableSchema, type CodeTableSchema } from "./columns.ts";
import { ROOT_EVIDENCE, rootEvidence } from "./evidence.ts";
import { fitsIdentities, headerAnchors, nearestAnchor, type Placement, type PlaceOptions, placeRows } from "../placement/index.ts";
import { sortLines } from "./section-lines.ts";
import { wideRowReason } from "./wide-rows.ts";
import { removeSpaces } from "../../base/fold.ts";

interface CodeRow {
  code: string | null;
  labelParts: string[];
  lineNo: number | null;
  values: Token[];
  /** Line of each value (layout: values may stand on the line above). */
  valueLines: number[];
  line: number;
  extraLines: number[];
  trailingText: boolean;
  /** Whether the code line printed no name (the name wraps around it). */
  nameless: boolean;
  /** Index of the row's line in the section body. */
  bodyIndex: number;
  /** Rule of a line of numbers joined to this row (plain text), else null. */
  attached: string | null;
}

interface LooseNumbers {
  values: Token[];
  line: number;
  bodyIndex: number;
}

const TOTAL_LABEL = /^(合计|总计)$/;

function parseRowLine(text: string, schema: CodeTableSchema): { code: string | null; label: string[]; lineNo: number | null; values: Token[]; trailingText: boolean } {
  let toks = tokenize(text);
  while (toks.length && /^(类|款|项)$/.test(toks[0].text)) toks = toks.slice(1);
  const lc = leadingCode(toks);
  let i = lc ? lc.used : 0;
  const label: string[] = [];
  while (i < toks.length && tokenValue(toks[i].text) === null) label.push(toks[i++].text);
  let lineNo: number | null = null;
  if (schema.lineNumbers && i < toks.length && isInteger(toks[i].text) && (lc || label.length)) lineNo = Number(toks[i++].text);
  const values: Token[] = [];
  let trailingText = false;
  for (; i < toks.length; i++) {
    if (tokenValue(toks[i].text) !== null) values.push(toks[i]);
    else trailingText = true;
  }
  return { code: lc ? lc.code : null, label, lineNo, values, trailingText };
}

/**
 * Plain text: lines of numbers alone (no code, no name) hold cells of the
 * row on the line next to them (vertically centred cells). Whether that is
 * the row below or the row above is decided for the whole table: each
 * direction is tried, and used only when every such line meets a row on
 * that side, no row takes two, and every joined row can meet its
 * within-row identities ("attach:line-above" / "attach:line-below",
 * inferred). Returns the lines left unattached.
 */
function attachLoose(rows: CodeRow[], loose: LooseNumbers[], schema: CodeTableSchema): LooseNumbers[] {
  if (loose.length === 0) return [];
  const byIndex = new Map(rows.map((r) => [r.bodyIndex, r]));
  const opt = { n: schema.columns.length, identities: schema.identities, firstIsTotal: schema.firstIsTotal };
  const fits = (step: number) => {
    const owners = loose.map((l) => byIndex.get(l.bodyIndex + step));
    if (owners.some((o) => !o) || new Set(owners).size !== owners.length) return null;
    const ok = loose.every((l, k) => {
      const o = owners[k]!;
      const values = [...l.values, ...o.values].map((t) => tokenValue(t.text)!);
      const groups = [...l.values.map(() => l.line), ...o.valueLines];
      return fitsIdentities({ code: o.code, values, groups, totalGroup: o.line }, opt);
    });
    return ok ? (owners as CodeRow[]) : null;
  };
  const below = fits(1);
  const above = fits(-1);
  if ((below === null) === (above === null)) return loose;
  const owners = (below ?? above)!;
  const rule = below ? "attach:line-above" : "attach:line-below";
  loose.forEach((l, k) => {
    const o = owners[k];
    o.values = [...l.values, ...o.values];
    o.valueLines = [...l.values.map(() => l.line), ...o.valueLines];
    o.extraLines.push(l.line);
    o.attached = rule;
  });
  return [];
}

/** The rows of a by-code table as read on their own (first pass), before their columns are chosen. */
interface RowsRead {
  ctx: TableContext;
  schema: CodeTableSchema;
  header: string;
  rows: CodeRow[];
  residue: ResidueRow[];
  byPosition: boolean;
  anchors: Array<number | null>;
  noDataNote: string | null;
}

export function parseByCode(ctx: TableContext): TableReading {
  const isData = (t: string) => {
    const toks = tokenize(t);
    return toks.some((k) => /\d\.\d|\d,\d{3}/.test(k.text)) || (leadingCode(toks) !== null && toks.length > 1 && tokenValue(toks[1].text) === null);
  };
  const sorted = sortLines(ctx, isData);
  const residue: ResidueRow[] = [...sorted.residue];
  const header = sorted.header.join("");
  const schema = codeTableSchema(ctx.section.family, header);
  if (!schema) return { items: [], residue, status: "partial", message: `no schema for ${ctx.section.family}` };
  const n = schema.columns.length;
  const layout = keepsColumns(sorted.headerRaw.concat(sorted.body.map(([, t]) => t)));
  const anchors = layout ? headerAnchors(sorted.headerRaw, schema.columns.map((c) => c.keys)) : [];
  const byPosition = layout && anchors.every((a) => a !== null);

  // assemble rows
  const rows: CodeRow[] = [];
  let textRun: Array<[number, string]> = [];
  let valuesAbove: { values: Token[]; line: number } | null = null;
  const flushText = (next: CodeRow | null) => {
    const prev = rows.length ? rows[rows.length - 1] : null;
    let run = textRun;
    if (prev && prev.nameless && prev.code && run.length > 0 && (!next || !next.nameless || run.length >= 2)) {
      prev.labelParts.push(run[0][1].trim());
      residue.push(makeResidue(ctx, run[0][0], "label continued from previous line"));
      run = run.slice(1);
    }
    if (next && next.nameless && next.code && run.length > 0) {
      next.labelParts.unshift(...run.map(([, t]) => t.trim()));
      for (const [m] of run) residue.push(makeResidue(ctx, m, "label continues on next line"));
      run = [];
    }
    for (const [m] of run) residue.push(makeResidue(ctx, m, "text between rows"));
    textRun = [];
  };
  const loose: LooseNumbers[] = [];
  for (const [bodyIndex, [n, text]] of sorted.body.entries()) {
    const p = parseRowLine(text, schema);
    const isTotal = !p.code && TOTAL_LABEL.test(removeSpaces(p.label.join("")));
    if (!p.code && !isTotal) {
      if (p.values.length === 0) {
        if (p.label.length) textRun.push([n, text]);
        else residue.push(makeResidue(ctx, n, "row without values"));
        continue;
      }
      if (byPosition && p.label.length === 0 && !valuesAbove) {
        valuesAbove = { values: p.values, line: n };
        continue;
      }
      if (!byPosition && p.label.length === 0 && !schema.totalOnly) {
        loose.push({ values: p.values, line: n, bodyIndex });
        continue;
      }
      residue.push(makeResidue(ctx, n, p.label.length ? "numbers without a code" : "numbers without row label"));
      continue;
    }
    const row: CodeRow = {
      code: p.code,
      labelParts: isTotal ? [p.label.join("")] : p.label,
      lineNo: p.lineNo,
      values: p.values,
      valueLines: p.values.map(() => n),
      line: n,
      extraLines: [],
      trailingText: p.trailingText,
      nameless: p.label.length === 0,
      bodyIndex,
      attached: null,
    };
    if (valuesAbove) {
      row.values = [...valuesAbove.values, ...row.values];
      row.valueLines = [...valuesAbove.values.map(() => valuesAbove!.line), ...row.valueLines];
      row.extraLines.push(valuesAbove.line);
      valuesAbove = null;
    }
    flushText(row);
    rows.push(row);
  }
  flushText(null);
  if (valuesAbove) residue.push(makeResidue(ctx, valuesAbove.line, "numbers without row label"));
  for (const l of attachLoose(rows, loose, schema)) residue.push(makeResidue(ctx, l.line, "numbers without row label"));

  const read: RowsRead = { ctx, schema, header, rows, residue, byPosition, anchors, noDataNote: sorted.noDataNote };
  // a 合计 row with vanished cells waits for a summary table's evidence (the cross-table pass)
  const from = ROOT_EVIDENCE[ctx.section.family];
  const total = rows.find((r) => r.code === null);
  if (from && !schema.totalOnly && !byPosition && total && (total.values.length !== n || total.attached))
    return { pending: { needs: [from], rows: `合计 row (line ${total.line}) with vanished cells`, settle: (e) => placeColumns(read, rootEvidence(ctx.section.family, e, schema)) } };
  return placeColumns(read, null);
}

/** Columns of every row (the 合计 row by `evidence` when given), and the items. */
function placeColumns(read: RowsRead, evidence: PlaceOptions["rootEvidence"] | null): TableParse {
  const { ctx, schema, header, rows, residue, byPosition, anchors, noDataNote } = read;
  const n = schema.columns.length;
  // place the numbers
  let placements: Placement[];
  if (schema.totalOnly) {
    placements = rows.map((r) => ({ columns: r.values.length === 1 ? [0] : null, inferred: false, rule: null }));
  } else if (byPosition) {
    placements = rows.map((r) => {
      const order = r.values.map((v, i) => ({ v, i })).sort((a, b) => a.v.x0 - b.v.x0);
      const cols = new Array<number>(r.values.length);
      for (const { v, i } of order) cols[i] = nearestAnchor(v, anchors as number[]);
      const clash = new Set(cols).size !== cols.length;
      const above = r.extraLines.length > 0;
      return { columns: clash ? null : cols, inferred: above, rule: above ? "layout:row-below" : null };
    });
  } else {
    placements = placeRows(
      rows.map((r) => ({ code: r.code, values: r.values.map((v) => tokenValue(v.text)!), groups: r.attached ? r.valueLines : undefined, totalGroup: r.line })),
      { n, identities: schema.identities, firstIsTotal: schema.firstIsTotal, rootEvidence: evidence ?? undefined },
    );
  }

  const isLeaf = leafSet(rows.flatMap((r) => (r.code ? [r.code] : [])));
  const items: LineItem[] = [];
  let problems = 0;
  rows.forEach((r, k) => {
    const pl = placements[k];
    const row_label = joinLabel(r.labelParts);
    const code_system = r.code ? codeSystemOf(r.code, schema.codeSystem) : "none";
    const is_leaf = r.code ? isLeaf(r.code) : null;
    for (const m of r.extraLines) if (!r.valueLines.includes(m)) residue.push(makeResidue(ctx, m, "row without values"));
    if (r.values.length === 0) {
      residue.push(makeResidue(ctx, r.line, "row without values"));
      return;
    }
    let cols = pl.columns;
    let rule = pl.rule;
    if (!cols || r.trailingText) {
      problems++;
      const lines = [...new Set(r.valueLines)];
      for (const m of lines) residue.push(makeResidue(ctx, m, r.trailingText
            ? "ambiguous columns: text among the numbers"
            : schema.totalOnly
              ? wideRowReason(r.values.map((v) => tokenValue(v.text)!), (header.match(/小计/g) ?? []).length)
              : `ambiguous columns: ${r.values.length} numbers for ${n} columns`));
      if (!schema.firstIsTotal || byPosition || r.attached) return;
      cols = [0];
      rule = schema.totalOnly ? "wide-table:first=total" : "shift:first=total";
    }
    cols.forEach((c, i) => {
      const column = schema.columns[c];
      items.push(
        makeItem(ctx, {
          row_label,
          code: r.code,
          code_system,
          row_index: k + 1,
          line_no: r.lineNo,
          is_leaf,
          measure: column.measure,
          column_label: column.label,
          side: column.group ?? null,
          value: tokenValue(r.values[i].text)!,
          source_line: r.valueLines[i],
          inferred: pl.inferred || rule !== pl.rule || r.attached !== null,
          rule: r.attached ? [r.attached, rule].filter((x) => x).join("+") : rule,
        }),
      );
    });
  });
  residue.sort((a, b) => a.source_line - b.source_line);
  const status = noDataNote ? "no_data" : problems > 0 ? "partial" : "ok";
  return { items, residue, status, message: noDataNote ?? (problems > 0 ? `${problems} row(s) not fully placed` : "") };
}
