/**
 * One document's standard tables, from their settled readings (the two
 * passes of tables/cross-table.ts): account for every line of every
 * section — a non-blank line that gave no number and that the parser did
 * not explain goes to residue with a generic reason, so nothing is dropped
 * silently — and give each table its row and status.
 */
import type { LineItem, ResidueRow, SourceDocument, TableRow, TableSection, TableStatus } from "../schema/types.ts";
import { plausibleWan, TOO_LARGE } from "../base/money.ts";
import { numberProblem } from "../ingest/numbers.ts";
import { makeResidue } from "./item.ts";
import type { Outcome } from "./cross-table.ts";

/** A money-looking figure (linear: a single digit before the point, so no backtracking over long digit runs). */
const MONEY = /\d\.\d{1,2}(?!\d)|\d,\d{3}/;

export interface TablesExtraction {
  tables: TableRow[];
  items: LineItem[];
  residue: ResidueRow[];
  messages: string[];
}

export function extractTables(doc: SourceDocument, sections: TableSection[], readings: Map<TableSection, Outcome>): TablesExtraction {
  const out: TablesExtraction = { tables: [], items: [], residue: [], messages: [] };
  for (const section of sections) {
    const ctx = { doc, section, sections };
    const reading = readings.get(section);
    let status: TableStatus = "unparsed";
    let message = `no parser for table family ${section.family}`;
    let items: LineItem[] = [];
    let residue: ResidueRow[] = [];
    if (reading instanceof Error) {
      status = "error";
      message = `parser failed: ${reading.message}`;
    } else if (reading) ({ items, residue, status, message } = reading);
    // a line holding a number no amount can be (-1e308, 20 digits) gives no figures: its cells may have been misread around it
    const implausible = new Map<number, string>();
    for (let n = section.start_line; n <= section.end_line; n++) {
      const problem = numberProblem(doc.lines[n - 1] ?? "");
      if (problem) implausible.set(n, problem);
    }
    for (const i of items) if (i.amount_wan !== null && plausibleWan(i.amount_wan) === null && !implausible.has(i.source_line)) implausible.set(i.source_line, TOO_LARGE);
    if (implausible.size > 0) {
      items = items.filter((i) => !implausible.has(i.source_line));
      residue = residue.filter((r) => !implausible.has(r.source_line));
      for (const [n, problem] of implausible) residue.push(makeResidue(ctx, n, problem));
      if (status === "ok") status = "partial";
      message = [message, `${implausible.size} line(s) with a number that cannot be an amount`].filter(Boolean).join("; ");
    }

    if (status === "error" || status === "unparsed" || status === "partial" || status === "untrusted")
      out.messages.push(`${doc.source_file}:${section.title_line}: ${section.table_id} ${status}: ${message}`);

    const explained = new Set<number>([...items.map((i) => i.source_line), ...residue.map((r) => r.source_line)]);
    const extra: ResidueRow[] = [];
    for (let n = section.start_line; n <= section.end_line; n++) {
      const text = doc.lines[n - 1] ?? "";
      if (text.trim() === "" || explained.has(n)) continue;
      extra.push(makeResidue(ctx, n, MONEY.test(text) ? "numbers on this line were not placed by the table parser" : "no number on this line (header, label or note)"));
    }
    residue = [...residue, ...extra].sort((a, b) => a.source_line - b.source_line);
    out.items.push(...items);
    out.residue.push(...residue);
    out.tables.push({
      doc_id: doc.doc_id,
      table_id: section.table_id,
      table_name: section.table_name,
      family: section.family,
      title_line: section.title_line,
      start_line: section.start_line,
      end_line: section.end_line,
      unit: section.unit,
      status,
      rows: new Set(items.map((i) => i.row_index)).size,
      numbers: items.length,
      residue_lines: residue.length,
      message: message ?? "",
    });
  }
  return out;
}
