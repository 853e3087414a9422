// One document's own files, fetched by URL (loaders/site/doc-files.ts writes them;
// `observable preview` serves them from the corpus archive, `npm run build` copies
// them into dist/ with scripts/doc-files.mjs): the document and source pages take the
// id from their URL (/document?doc=<id>, /source?doc=<id>#L12) and load only these
// few kilobytes, never the corpus-wide tables.
import type {Row} from "./db.js";

/** Where the per-document files are served, relative to the site root. */
export const DOC_FILES_BASE = "/_file/data/corpus/docs/";

/** The URL of one of a document's files: "json" (rows), "txt" (text), "pdf" (a PDF document's original). */
export function docFileHref(docId: string, ext: "json" | "txt" | "pdf", root = ""): string {
  return `${root}${DOC_FILES_BASE}${encodeURIComponent(docId)}.${ext}`;
}

/** The document id of a document or source page's URL (?doc=<id>), or null. */
export function docIdOf(search: string): string | null {
  const id = new URLSearchParams(search).get("doc");
  return id ? id : null;
}

/**
 * One column of a table in a document file (format 2; loaders/site/doc-files.ts encodeColumn writes it):
 * `{"const": v}` (every row holds v), `{"dict": [v…], "idx": [i…]}` (row r holds dict[idx[r]]) or the
 * plain array of the rows' values.
 */
export type EncodedColumn = unknown[] | {const: unknown} | {dict: unknown[]; idx: number[]};

/** A table of a document file: its row count, its column names (the spec's order) and each column encoded. */
export interface EncodedTable {
  n: number;
  columns: string[];
  data: EncodedColumn[];
}

/** Everything the document and source pages show of one document. */
export interface DocDetail {
  doc_id: string;
  data_version: string;
  document: Row;
  classifications: Row[];
  tables: Row[];
  line_items: Row[];
  narrative_facts: Row[];
  performance_projects: Row[];
  performance_indicators: Row[];
  checks: Row[];
  residue: Row[];
  pages: Row[];
}

const TABLES = [
  "classifications",
  "tables",
  "line_items",
  "narrative_facts",
  "performance_projects",
  "performance_indicators",
  "checks",
  "residue",
  "pages"
] as const;

/** A table's rows as objects (column order kept), from its encoded columns. */
function objects({n, columns, data}: EncodedTable): Row[] {
  const rows: Row[] = Array.from({length: n}, () => ({}));
  columns.forEach((name, c) => {
    const column = data[c];
    if (Array.isArray(column)) for (let r = 0; r < n; r++) rows[r][name] = column[r];
    else if ("const" in column) for (let r = 0; r < n; r++) rows[r][name] = column.const;
    else for (let r = 0; r < n; r++) rows[r][name] = column.dict[column.idx[r]];
  });
  return rows;
}

/** Decodes docs/<id>.json (format 2: columns, each plain, constant or a dictionary) into row objects, as the corpus tables' rows. */
export function decodeDocFile(json: Record<string, unknown>): DocDetail {
  if (json.format !== 2) throw new Error(`Unknown document file format ${String(json.format)}: rebuild the site`);
  const detail = {doc_id: json.doc_id, data_version: json.data_version, document: json.document} as DocDetail;
  for (const name of TABLES) detail[name] = objects((json[name] as EncodedTable | undefined) ?? {n: 0, columns: [], data: []});
  return detail;
}

async function fetchOk(url: string, docId: string): Promise<Response> {
  const response = await fetch(url);
  if (response.status === 404) throw new Error(`No document ${docId} in this site's data (${url} not found)`);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

const details = new Map<string, Promise<DocDetail>>();

/** A document's rows (memoised per page). */
export function docDetail(docId: string): Promise<DocDetail> {
  let promise = details.get(docId);
  if (!promise) {
    promise = fetchOk(docFileHref(docId, "json"), docId)
      .then((r) => r.json())
      .then(decodeDocFile);
    details.set(docId, promise);
    promise.catch(() => details.delete(docId));
  }
  return promise;
}

/** A document's decoded text (line n is source_line n). */
export async function docText(docId: string): Promise<string> {
  return (await fetchOk(docFileHref(docId, "txt"), docId)).text();
}
