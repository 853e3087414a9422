// Markdown cells quote figures of SQL cells' results: {{name.column}} is the first row's
// value, {{name.column[2]}} the third row's, {{name.rows}} the number of rows. A quoted
// figure is formatted as the result grid shows it and, when its row has doc_id and
// source_line, links to that line. Pure functions (tested in Node).
import {formatCell} from "../sql/grid.js";
import type {QueryResult} from "../sql/results.js";

export const QUOTE_PATTERN = /\{\{\s*([A-Za-z_]\w*)\.(\w+)(?:\[(\d+)\])?\s*\}\}/g;

export interface Quoted {
  text: string;
  /** the source line of the figure, when its row has one */
  doc_id?: string;
  line?: number;
  /** the quote could not be resolved: text says why */
  error?: boolean;
}

export type Results = ReadonlyMap<string, QueryResult | Error | undefined>;

export function resolveQuote(name: string, column: string, index: number, results: Results): Quoted {
  const result = results.get(name);
  const raw = `{{${name}.${column}${index ? `[${index}]` : ""}}}`;
  if (!results.has(name)) return {text: `${raw}: no SQL cell is named ${name}`, error: true};
  if (result === undefined) return {text: "…"};
  if (result instanceof Error) return {text: `${raw}: ${name} failed`, error: true};
  if (column === "rows") return {text: String(result.rows.length)};
  const field = result.fields.find((f) => f.name === column);
  if (!field) return {text: `${raw}: ${name} has no column ${column}`, error: true};
  const row = result.rows[index];
  if (!row) return {text: `${raw}: ${name} has ${result.rows.length} rows`, error: true};
  const line = Number(row.source_line);
  const linked = row.doc_id != null && Number.isInteger(line) && line > 0;
  return {text: formatCell(field, row[column]), ...(linked ? {doc_id: String(row.doc_id), line} : {})};
}

/** Text split into literal strings and resolved quotes, in order. */
export function splitQuotes(text: string, results: Results): (string | Quoted)[] {
  const parts: (string | Quoted)[] = [];
  let last = 0;
  for (const m of text.matchAll(QUOTE_PATTERN)) {
    if (m.index! > last) parts.push(text.slice(last, m.index));
    parts.push(resolveQuote(m[1], m[2], m[3] ? Number(m[3]) : 0, results));
    last = m.index! + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The SQL cells a text quotes (so that it waits for them). */
export function quotedNames(text: string): string[] {
  return [...new Set([...text.matchAll(QUOTE_PATTERN)].map((m) => m[1]))];
}
