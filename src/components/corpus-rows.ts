// Plain row objects of a corpus table (one document's rows come from its own file:
// doc-files.ts), decoded from its Arrow file with apache-arrow
// (no DuckDB: the analysis pages only filter by document, which is cheaper in JS than
// starting DuckDB-WASM). Rows keep the extraction's order, so a table's columns come
// out in the order they were printed. Memoised per page.
import {tableFromIPC} from "apache-arrow";
import {corpusBytes, type CorpusTable} from "./corpus.js";
import {toRows, type Row} from "./db.js";

const cache = new Map<CorpusTable, Promise<Row[]>>();

/** Every row of a corpus table. Treat the rows as read-only (they are shared). */
export function corpusRows<T = Row>(name: CorpusTable): Promise<T[]> {
  let promise = cache.get(name);
  if (!promise) {
    promise = corpusBytes(name).then((bytes) => toRows(tableFromIPC(bytes)));
    cache.set(name, promise);
    promise.catch(() => cache.delete(name));
  }
  return promise as Promise<T[]>;
}

/** Parses a JSON array of line numbers (checks.source_lines, performance_*.source_lines). */
export function parseLines(value: unknown): number[] {
  if (Array.isArray(value)) return value.filter((n) => Number.isInteger(n)) as number[];
  if (typeof value !== "string" || value === "") return [];
  try {
    const parsed = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((n) => Number.isInteger(n)) : [];
  } catch {
    return [];
  }
}
