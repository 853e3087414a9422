/**
 * 一般公共预算财政拨款基本支出决算(明细)表: economic codes with one amount,
 * printed in two or three column groups side by side on one line
 * (`301 工资福利支出 770.76 302 商品和服务支出 87.21 307 债务利息及费用支出`).
 *
 * Rules:
 *  - A line is cut into entries at each economic code (3/5/7 digits
 *    starting with 3 or 5, followed by a name) and at each name after an
 *    amount (人员经费合计 … 公用经费合计 …). An entry takes at most one
 *    amount, printed after its name; an entry without amount is an empty
 *    cell.
 *  - `side` and the measure follow the template's split of 基本支出:
 *    人员经费 = 301 + 303 (personnel), 公用经费 = the other classes
 *    (public_expenses) — by code, not by the position on the line, since
 *    a group that runs out of rows shifts the next group left.
 *  - A line that does not fit (an amount with no entry before it, two
 *    amounts for one entry, an amount after a name without code other
 *    than a 合计) goes to residue, nothing on it is emitted.
 *  - Rows whose 类/款 cells, name and amount stand on different lines
 *    (Shanghai) are read by final/split-rows.ts (inferred, rule
 *    "split-rows:…").
 */
import type { LineItem, ResidueRow, TableContext, TableParse } from "../../schema/types.ts";
import { codeSystemOf, leafSet } from "../codes.ts";
import { makeItem, makeResidue } from "../item.ts";
import { joinLabel, keepsColumns, keepsIndentation, tokenize, tokenValue, type Token } from "../rows.ts";
import { sortLines } from "./section-lines.ts";
import { hasSplitRows, readSplitRows } from "./split-rows.ts";

interface Entry {
  code: string | null;
  label: string[];
  values: Token[];
  /** Set when the row was read over several lines. */
  rule?: string;
}

const PERSONNEL = /^30[13]/;

const CODE = /^[35]\d{2}(?:\d{2}){0,2}$/;

/** A code followed by its name (a code closing the line is an amount, unless `codeCell` says it stands where codes stand). */
function entriesOf(text: string, codeCell: (t: Token) => boolean = () => false): Entry[] | null {
  const toks = tokenize(text);
  const out: Entry[] = [];
  let cur: Entry | null = null;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i].text;
    const next = toks[i + 1]?.text;
    const isCode = CODE.test(t) && ((next !== undefined && tokenValue(next) === null) || (next === undefined && codeCell(toks[i])));
    if (isCode) {
      cur = { code: t, label: [], values: [] };
      out.push(cur);
    } else if (tokenValue(t) !== null) {
      // an amount belongs to a coded entry, or to a 合计 entry when printed as money
      if (!cur || cur.values.length > 0) return null;
      if (cur.code === null && !(/合计$/.test(cur.label.join("")) && /[.,]/.test(t))) return null;
      cur.values.push(toks[i]);
    } else if (!cur || cur.values.length > 0) {
      cur = { code: null, label: [t], values: [] };
      out.push(cur);
    } else cur.label.push(t);
  }
  return out;
}

/**
 * A PDF: whether a token of a body line stands in a code column — its
 * x-span starts where the codes followed by their names start on the
 * table's lines (codes are printed left-aligned in their cells). A code
 * closing a line whose name wrapped above and below it (`… 133.00 39908`)
 * is then a code, not an amount. Text input has no positions: never.
 */
function codeColumns(ctx: TableContext, body: Array<[number, string]>): (line: number, t: Token) => boolean {
  const geometry = ctx.doc.geometry;
  if (!geometry) return () => false;
  const spanOf = (line: number, t: Token) => geometry[line - 1]?.spans.find((s) => s.start === t.index);
  const starts: number[] = [];
  for (const [n, text] of body) {
    const toks = tokenize(text);
    toks.forEach((t, i) => {
      const next = toks[i + 1]?.text;
      const span = CODE.test(t.text) && next !== undefined && tokenValue(next) === null ? spanOf(n, t) : undefined;
      if (span) starts.push(span.x0);
    });
  }
  return (line, t) => {
    const span = spanOf(line, t);
    return span !== undefined && starts.filter((x) => Math.abs(x - span.x0) < 1.5).length >= 2;
  };
}

export function parseBasicEconomic(ctx: TableContext): TableParse {
  const sorted = sortLines(ctx, (t) => /^\s*[35]\d{2}(?:\d{2}){0,2}\s+\S/.test(t) || /\d\.\d/.test(t));
  const residue: ResidueRow[] = [...sorted.residue];
  const header = sorted.header.join("");
  const column_label = header.includes("决算数") ? "决算数" : header.includes("金额") ? "金额" : "决算数";
  const rows: Array<{ entry: Entry; line: number }> = [];
  let bad = 0;
  if (hasSplitRows(sorted.body)) {
    const lines = sorted.body.map(([, t]) => t);
    const split = readSplitRows(sorted.body, keepsColumns(lines) && keepsIndentation(lines));
    for (const r of split.rows) rows.push({ entry: { code: r.code, label: r.label, values: r.value ? [r.value] : [], rule: r.rule }, line: r.valueLine });
    for (const [n, reason] of split.residue) residue.push(makeResidue(ctx, n, reason));
    bad = split.ambiguous;
  } else {
    const codeCell = codeColumns(ctx, sorted.body);
    for (const [n, text] of sorted.body) {
      const entries = entriesOf(text, (t) => codeCell(n, t));
      if (!entries || entries.some((e) => e.code === null && e.values.length === 0) || entries.length === 0) {
        const hasNumber = tokenize(text).some((t) => /\d\.\d|,\d{3}/.test(t.text));
        if (hasNumber) bad++;
        residue.push(makeResidue(ctx, n, hasNumber ? "ambiguous columns: economic rows split over lines" : "text between rows"));
        continue;
      }
      for (const entry of entries) rows.push({ entry, line: n });
      if (entries.every((e) => e.values.length === 0)) residue.push(makeResidue(ctx, n, "row without values"));
    }
  }
  const isLeaf = leafSet(rows.flatMap((r) => (r.entry.code ? [r.entry.code] : [])));
  const items: LineItem[] = [];
  rows.forEach(({ entry, line }, k) => {
    if (entry.values.length === 0) return;
    const label = joinLabel(entry.label);
    const personnel = entry.code ? PERSONNEL.test(entry.code) : /人员经费/.test(label);
    items.push(
      makeItem(ctx, {
        row_label: label,
        code: entry.code,
        code_system: entry.code ? codeSystemOf(entry.code, "economic") : "none",
        is_leaf: entry.code ? isLeaf(entry.code) : null,
        measure: personnel ? "personnel" : "public_expenses",
        column_label,
        side: personnel ? "人员经费" : "公用经费",
        value: tokenValue(entry.values[0].text)!,
        source_line: line,
        row_index: k + 1,
        inferred: entry.rule !== undefined,
        rule: entry.rule ?? null,
      }),
    );
  });
  const status = sorted.noDataNote ? "no_data" : bad > 0 ? "partial" : "ok";
  residue.sort((a, b) => a.source_line - b.source_line);
  return { items, residue, status, message: sorted.noDataNote ?? (bad > 0 ? `${bad} line(s) not read` : "") };
}
