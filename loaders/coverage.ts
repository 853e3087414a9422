/**
 * The coverage report: how far the table reader is from a document's
 * tables. Per document, the amounts printed inside its table-like blocks
 * (segment/table-like.ts), how many a standard table or 绩效 row placed, how
 * many sit on residue lines (by reason) and how many on no row at all; the
 * tables found by family; the 收支总表 total; and the entity, year and kind.
 *   npm run coverage -- <files|folders>
 */
import type { DocumentExtraction } from "./extract.ts";
import type { LineItem } from "./schema/types.ts";
import { amountCells } from "./segment/table-like.ts";
import { joinedFragments } from "./tables/budget/split-amounts.ts";

export interface Coverage {
  source_file: string;
  status: string;
  entity: string | null;
  year: number | null;
  kind: string | null;
  /** Amounts printed inside table-like blocks. */
  printed: number;
  /** Of those, the amounts a line item or a 绩效 row of the same line holds. */
  placed: number;
  /** Amounts on residue lines, by the residue's reason (its general part). */
  residue: Map<string, number>;
  /** Amounts on lines no row and no residue accounts for. */
  unaccounted: number;
  /** First line with an amount not placed, for a reader to start from. */
  first_unplaced: number | null;
  /** Tables found, family → count. */
  families: Map<string, number>;
  /** The 收支总表's grand total as placed: `row label = value (line)`, or null. */
  total: string | null;
  /** Each line with amounts not placed: line, the amounts, the residue reason (or null: on no row). */
  unplaced: Array<{ line: number; amounts: string[]; reason: string | null }>;
}

const PERFORMANCE_VALUES = [
  "budget_initial",
  "budget_adjusted",
  "budget",
  "budget_fiscal",
  "budget_other",
  "executed",
  "execution_rate",
  "weight",
  "score",
  "total_score",
  "total_weight",
  "target_value",
  "actual_value",
  ...["fiscal", "carryover", "other"].flatMap((s) => [`${s}_budget_initial`, `${s}_budget_adjusted`, `${s}_executed`]),
];

/** What the amounts of table-like blocks are measured against: the rows read and the residue. */
type Read = Pick<DocumentExtraction, "line_items" | "performance_projects" | "performance_indicators" | "residue" | "source" | "segments">;

/**
 * Values placed on each line: line items (an amount joined from fragments wrapped in a narrow
 * cell: each fragment on its own line), then the numbers of 绩效 rows citing the line.
 */
function placedByLine(d: Read): Map<number, number[]> {
  const at = new Map<number, number[]>();
  const add = (line: number, v: unknown) => {
    if (typeof v !== "number") return;
    let list = at.get(line);
    if (!list) at.set(line, (list = []));
    list.push(v);
  };
  // a row's code printed where amounts stand (its name wrapped around it: `2110105    1,760.74 …`) was read as its code
  const coded = new Set<number>();
  for (const i of d.line_items)
    if (i.code && /^\d+$/.test(i.code) && !coded.has(i.source_line)) {
      coded.add(i.source_line);
      add(i.source_line, Number(i.code));
    }
  for (const i of d.line_items) {
    const fragments = joinedFragments(i.rule);
    if (fragments.length === 0) add(i.source_line, i.value);
    for (const f of fragments) add(f.line, f.value);
  }
  for (const r of [...d.performance_projects, ...d.performance_indicators] as unknown as Array<
    Record<string, unknown> & { source_line: number; source_lines?: number[] }
  >) {
    // the row's values read once, then given to each line it cites
    const values: number[] = [];
    for (const k of PERFORMANCE_VALUES) {
      const v = r[k];
      if (typeof v === "number") values.push(v);
    }
    if (values.length === 0) continue;
    const lines = r.source_lines?.length ? new Set([r.source_line, ...r.source_lines]) : [r.source_line];
    for (const line of lines) for (const v of values) add(line, v);
  }
  return at;
}

const SUMMARY_FAMILIES = new Set(["budget_summary", "final_summary"]);

/** The placed grand totals (总计 rows) of the document's first 收支总表: income side, expenditure side (the first of each). */
export function summaryTotals(d: Pick<DocumentExtraction, "tables" | "line_items">): {
  income: LineItem | null;
  expenditure: LineItem | null;
  any: LineItem | null;
} {
  const first = d.tables.find((t) => SUMMARY_FAMILIES.has(t.family));
  const items = first ? d.line_items.filter((i) => i.table_id === first.table_id && /总\s*计/.test(i.row_label)) : [];
  return { income: items.find((i) => i.side === "income") ?? null, expenditure: items.find((i) => i.side === "expenditure") ?? null, any: items[0] ?? null };
}

/** The grand total (总计) of the document's first 收支总表, income side first. */
function summaryTotal(d: DocumentExtraction): string | null {
  const totals = summaryTotals(d);
  const pick = totals.income ?? totals.any;
  return pick ? `${pick.row_label.replace(/[\s\u3000]+/g, "")} = ${pick.value} (line ${pick.source_line})` : null;
}

/** A residue reason without its line's particulars (`income side: no column reading …(): 1.00 2.00` → `income side`). */
export const reasonKind = (reason: string): string => reason.split(/[:：(（]/)[0].trim();

/**
 * Each line of the document's table-like blocks: how many amounts it prints,
 * those no line item or 绩效 row of the line holds, and its residue reason
 * (null: on no row). The one measure of what was read: the coverage report
 * and the document's status (extract.ts) both use it.
 */
export function unplacedAmounts(d: Read): Array<{ line: number; printed: number; amounts: string[]; reason: string | null }> {
  if (!d.source || !d.segments) return [];
  const placed = placedByLine(d);
  const residue = new Map(d.residue.map((r) => [r.source_line, r.reason]));
  const out: Array<{ line: number; printed: number; amounts: string[]; reason: string | null }> = [];
  for (const b of d.segments.tableLike) {
    for (let line = b.start_line; line <= b.end_line; line++) {
      const pool = [...(placed.get(line) ?? [])];
      // read while segmenting where the line has two digit-bearing tokens
      const cells = d.segments.tableLikeCells.get(line) ?? amountCells(d.source.lines[line - 1]);
      const missed: string[] = [];
      for (const cell of cells) {
        const k = pool.findIndex((v) => Math.abs(v - cell.value) < 1e-9);
        if (k >= 0) pool.splice(k, 1);
        else missed.push(cell.text);
      }
      if (cells.length) out.push({ line, printed: cells.length, amounts: missed, reason: missed.length ? (residue.get(line) ?? null) : null });
    }
  }
  return out;
}

export function coverageOf(d: DocumentExtraction): Coverage {
  const doc = d.document;
  const out: Coverage = {
    source_file: doc.source_file,
    status: doc.status,
    entity: doc.entity,
    year: doc.year,
    kind: doc.kind,
    printed: 0,
    placed: 0,
    residue: new Map(),
    unaccounted: 0,
    first_unplaced: null,
    families: new Map(),
    total: summaryTotal(d),
    unplaced: [],
  };
  for (const t of d.tables) out.families.set(t.family, (out.families.get(t.family) ?? 0) + 1);
  for (const u of unplacedAmounts(d)) {
    out.printed += u.printed;
    out.placed += u.printed - u.amounts.length;
    if (!u.amounts.length) continue;
    out.first_unplaced ??= u.line;
    if (u.reason) {
      const kind = reasonKind(u.reason);
      out.residue.set(kind, (out.residue.get(kind) ?? 0) + u.amounts.length);
    } else out.unaccounted += u.amounts.length;
    out.unplaced.push({ line: u.line, amounts: u.amounts, reason: u.reason });
  }
  return out;
}

const pct = (c: Coverage) => (c.printed === 0 ? "—" : `${((100 * c.placed) / c.printed).toFixed(1)} %`);

/** The report as a Markdown table, one document a row, then each document's residue reasons. */
export function formatCoverage(rows: Coverage[]): string {
  const out = [
    "| document | status | entity | year | kind | printed | placed | placed % | in residue | on no row | 收支总表 total | tables by family |",
    "|---|---|---|---|---|---:|---:|---:|---:|---:|---|---|",
  ];
  for (const c of rows) {
    const inResidue = [...c.residue.values()].reduce((a, n) => a + n, 0);
    const families = [...c.families]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([f, n]) => (n > 1 ? `${f}×${n}` : f))
      .join(", ");
    const name = c.source_file.split("/").pop();
    out.push(
      `| ${name} | ${c.status} | ${c.entity ?? "?"} | ${c.year ?? "?"} | ${c.kind ?? "?"} | ${c.printed} | ${c.placed} | ${pct(c)} | ${inResidue} | ${c.unaccounted} | ${c.total ?? "—"} | ${families || "—"} |`,
    );
  }
  const reasons: string[] = [];
  for (const c of rows) {
    if (c.residue.size === 0 && c.first_unplaced === null) continue;
    const list = [...c.residue].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r, n]) => `${n} ${r}`);
    if (c.unaccounted) list.push(`${c.unaccounted} on no row`);
    reasons.push(`- ${c.source_file.split("/").pop()} (first unplaced: line ${c.first_unplaced}): ${list.join("; ")}`);
  }
  return [...out, "", "Amounts not placed, by reason:", ...reasons].join("\n");
}

/** Every line with amounts not placed, per document: `line: amounts — reason` (for `coverage --lines`). */
export function formatUnplaced(rows: Coverage[]): string {
  const out: string[] = [];
  for (const c of rows) {
    if (!c.unplaced.length) continue;
    out.push("", `## ${c.source_file.split("/").pop()}`);
    for (const u of c.unplaced) out.push(`${u.line}: ${u.amounts.join(" ")} — ${u.reason ? reasonKind(u.reason) : "on no row"}`);
  }
  return out.join("\n");
}
