// The precomputed aggregates (data/corpus/aggregates.json and compare.json; see
// aggregate-queries.ts and loaders/site/aggregates.ts) as row objects: Overview, Compare,
// Audit and the catalogue, and the tables' row counts and sizes for the SQL workbench —
// no DuckDB-WASM needed.
// Pure decoding is separate from fetching so that it can be tested in Node.
import type {AggregateName, CompareAggregateName} from "./aggregate-queries.js";

type Row = Record<string, any>;

export interface ColumnarSet {
  fields: string[];
  rows: unknown[][];
}

export interface AggregatesFile {
  tables: {name: string; rows: number; arrows_bytes: number}[];
  sets: Record<AggregateName, ColumnarSet>;
}

export type Aggregates = {tables: AggregatesFile["tables"]} & {[K in AggregateName]: Row[]};

/** compare.json: the Compare page's sets (its queries' results per document). */
export interface CompareAggregatesFile {
  sets: Record<CompareAggregateName, ColumnarSet>;
}

export type CompareAggregates = {[K in CompareAggregateName]: Row[]};

/** Columns of `documents` that every per-document set gets back (they were left out of the file). */
const DOC_COLUMNS = ["doc_label", "entity", "year", "kind", "scope_zh", "province", "city", "level"] as const;

/** Columnar rows → row objects. */
export function fromColumnar(set: ColumnarSet): Row[] {
  return set.rows.map((values) => {
    const row: Row = {};
    set.fields.forEach((field, i) => (row[field] = values[i]));
    return row;
  });
}

/** Columnar sets → row objects; each per-document row gets its document's label columns (from `documents`). */
function decodeSets<K extends string>(sets: Record<K, ColumnarSet>, documents: readonly Row[]): Record<K, Row[]> {
  const byId = new Map(documents.map((d) => [d.doc_id, d]));
  const out = {} as Record<K, Row[]>;
  for (const [name, set] of Object.entries(sets) as [K, ColumnarSet][]) {
    const missing = set.fields.includes("doc_id") ? DOC_COLUMNS.filter((key) => !set.fields.includes(key)) : [];
    out[name] = set.rows.map((values) => {
      const row: Row = {};
      set.fields.forEach((field, i) => (row[field] = values[i]));
      if (missing.length) {
        const doc = byId.get(row.doc_id);
        for (const key of missing) row[key] = doc?.[key] ?? null;
      }
      return row;
    });
  }
  return out;
}

/** Decodes the file: row objects, each per-document row with its document's label columns. */
export function decodeAggregates(file: AggregatesFile): Aggregates {
  const documents = fromColumnar(file.sets.documents);
  const {documents: _, ...rest} = file.sets;
  return {tables: file.tables, documents, ...decodeSets(rest, documents)} as Aggregates;
}

/** Decodes compare.json, per-document rows labelled from the documents of aggregates.json. */
export function decodeCompareAggregates(file: CompareAggregatesFile, documents: readonly Row[]): CompareAggregates {
  return decodeSets(file.sets, documents);
}
