// The precomputed aggregates (data/corpus/aggregates.json; see aggregate-queries.ts and
// loaders/site/aggregates.ts) as row objects: the first paint of Overview and Compare,
// and the tables' row counts and sizes for the SQL workbench — no DuckDB-WASM needed.
// Pure decoding is separate from fetching so that it can be tested in Node.
import type {AggregateName} from "./aggregate-queries.js";

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

/** Decodes the file: row objects, each per-document row with its document's label columns. */
export function decodeAggregates(file: AggregatesFile): Aggregates {
  const out = {tables: file.tables} as Aggregates;
  for (const [name, set] of Object.entries(file.sets) as [AggregateName, ColumnarSet][]) out[name] = fromColumnar(set);
  const byId = new Map(out.documents.map((d) => [d.doc_id, d]));
  for (const name of Object.keys(file.sets) as AggregateName[]) {
    if (name === "documents" || !file.sets[name].fields.includes("doc_id")) continue;
    out[name] = out[name].map((row) => {
      const doc = byId.get(row.doc_id);
      const labels: Row = {};
      for (const key of DOC_COLUMNS) if (!(key in row)) labels[key] = doc?.[key] ?? null;
      return {...row, ...labels};
    });
  }
  return out;
}
