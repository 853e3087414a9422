/**
 * Each document's own small files for the site's document and source pages
 * (src/document.md, src/source.md), which take the document id from the URL
 * and fetch these by name instead of decoding the corpus-wide tables:
 *   docs/<doc_id>.json  its documents row, the English names of the codes it
 *                       uses, and its rows of every per-document table
 *                       (tables, line_items, narrative_facts, performance_*,
 *                       checks, residue, pages), each as {columns, rows};
 *   docs/<doc_id>.txt   its decoded text (line n = source_line n);
 *   docs/<doc_id>.pdf   the original, for a PDF document ("page N" links).
 * Rows come from the batch's per-document results (the same CSV lines the
 * writers read, so the same values as the corpus tables), in printed order.
 * Every row and every column is kept (the file holds exactly the document's rows
 * of the corpus tables), laid out by column (format 2, see encodeColumns): a column
 * whose values are all equal (doc_id) is written once, a column of few distinct
 * values (table_id, reason, rule, measure…) as a dictionary and indexes, any other
 * as its array of values. One JSON.parse on the page, no key repeated per row.
 * Deterministic: same documents, same bytes.
 */
import type { EncodedColumn, EncodedTable } from "../../src/components/doc-files.ts";
import { OUTPUT_TABLES } from "../schema/outputs.ts";
import type { DocumentRow } from "../schema/types.ts";
import { gunzipSync } from "node:zlib";
import { cellValue, csvLinesToRows } from "../write/row-csv.ts";
import { SPOOLED_TABLES, type RowBlocks } from "../write/spool.ts";

/** The folder of the per-document files inside the site's corpus archive (and under dist/_file/data/corpus/). */
export const DOC_FILES_DIR = "docs";
/** Bumped when the layout of docs/<doc_id>.json changes (src/components/doc-files.ts reads it). */
export const DOC_FILE_FORMAT = 2;

const SPECS = new Map(OUTPUT_TABLES.map((t) => [t.name, t]));

export interface ColumnTable {
  columns: string[];
  rows: unknown[][];
}

/** One document's rows: each spooled table as column arrays, and the codes its line items use ("functional\u0000210"). */
export interface DocRows {
  tables: Record<string, ColumnTable>;
  codes: string[];
}

/** The length of a value's JSON inside an array (undefined is written null there). */
const jsonLength = (value: unknown) => (value === undefined ? 4 : JSON.stringify(value).length);

/**
 * The shortest encoding of one column's values (see EncodedColumn): constant, dictionary or plain, whichever is the
 * shortest JSON (ties: the plain array, then the dictionary); deterministic: the dictionary in first-seen order.
 * The three JSON lengths are counted, not written: each distinct value is stringified once
 * (an array's JSON is its items' lengths, plus one comma between items, plus the brackets).
 */
export function encodeColumn(values: readonly unknown[]): EncodedColumn {
  if (values.length < 2) return values as unknown[];
  const index = new Map<unknown, number>();
  const idx = new Array<number>(values.length);
  const counts: number[] = [];
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    let i = index.get(value);
    if (i === undefined) {
      i = index.size;
      index.set(value, i);
      counts.push(0);
    }
    idx[row] = i;
    counts[i]++;
  }
  if (index.size === 1) return { const: values[0] };
  let plain = values.length + 1;
  let dict = index.size + 1;
  let indexes = values.length + 1;
  let i = 0;
  for (const value of index.keys()) {
    const length = jsonLength(value);
    plain += counts[i] * length;
    dict += length;
    indexes += counts[i] * String(i).length;
    i++;
  }
  return dict + indexes + 16 < plain ? { dict: [...index.keys()], idx } : (values as unknown[]);
}

/** A table's rows (arrays in column order) → its encoded columns. */
export function encodeColumns({ columns, rows }: ColumnTable): EncodedTable {
  return { n: rows.length, columns, data: columns.map((_, c) => encodeColumn(rows.map((row) => row[c]))) };
}

/** A document's row blocks (gzipped CSV lines, one block per table) → column tables, in the spec's column order. */
export function docRows(blocks: RowBlocks): DocRows {
  const tables: Record<string, ColumnTable> = {};
  const codes = new Set<string>();
  SPOOLED_TABLES.forEach((name, i) => {
    const spec = SPECS.get(name)!;
    const columns = spec.columns.map((c) => c.name);
    const rows = blocks[i]?.length ? csvLinesToRows(spec, gunzipSync(blocks[i]).toString("utf8")) : [];
    if (name === "line_items") {
      const [system, code] = [columns.indexOf("code_system"), columns.indexOf("code")];
      for (const row of rows) if (row[code] && row[system] && row[system] !== "none") codes.add(`${row[system]}\u0000${row[code]}`);
    }
    tables[name] = { columns, rows };
  });
  return { tables, codes: [...codes].sort() };
}

/** The documents row as the corpus table has it (columns in order, values coerced to their types). */
export function documentsRow(doc: DocumentRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const col of SPECS.get("documents")!.columns) out[col.name] = cellValue((doc as unknown as Record<string, unknown>)[col.name], col.type);
  return out;
}

/**
 * Its rows of every per-document table as the members of docs/<doc_id>.json that follow
 * the document and its codes (`"tables":{…},"line_items":{…},…`, no braces): written as soon
 * as the document is extracted, then joined to the rest by docFileJsonOf without being parsed again.
 */
export function docTablesJson(rows: DocRows | null): string {
  const empty = (name: string): ColumnTable => ({ columns: SPECS.get(name as never)!.columns.map((c) => c.name), rows: [] });
  return JSON.stringify(Object.fromEntries(SPOOLED_TABLES.map((name) => [name, encodeColumns(rows?.tables[name] ?? empty(name))]))).slice(1, -1);
}

/**
 * The text of docs/<doc_id>.json from its parts: the documents row, the codes its line items
 * use and docTablesJson. `names` maps "code_system\u0000code" to the English name (the corpus'
 * classifications table); only the codes this document uses are kept.
 */
export function docFileJsonOf(doc: DocumentRow, codes: readonly string[], tablesJson: string, names: ReadonlyMap<string, string>, dataVersion: string): string {
  const classifications: ColumnTable = { columns: ["code_system", "code", "name_en"], rows: [] };
  for (const key of codes) {
    const name = names.get(key);
    if (name) classifications.rows.push([...key.split("\u0000"), name]);
  }
  const head = JSON.stringify({
    format: DOC_FILE_FORMAT,
    data_version: dataVersion,
    doc_id: doc.doc_id,
    document: documentsRow(doc),
    classifications: encodeColumns(classifications),
  });
  return tablesJson ? `${head.slice(0, -1)},${tablesJson}}` : head;
}

/** The text of docs/<doc_id>.json (docFileJsonOf of the document's rows; null: a duplicate copy, no rows). */
export function docFileJson(doc: DocumentRow, rows: DocRows | null, names: ReadonlyMap<string, string>, dataVersion: string): string {
  return docFileJsonOf(doc, rows?.codes ?? [], docTablesJson(rows), names, dataVersion);
}
