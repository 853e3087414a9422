/**
 * Rows → Arrow IPC. `.arrows` is the IPC stream format (what DuckDB-WASM's
 * insertArrowFromIPCStream reads: the site loads these); `.arrow` is the IPC
 * file format (what pandas/pyarrow's read_feather, R's arrow::read_feather and
 * polars open). Both are written batch by batch from a column source, so a
 * table larger than memory never has to be held whole.
 */
import { createWriteStream } from "node:fs";
import { Bool, Field, Float64, Int32, makeData, RecordBatch, RecordBatchFileWriter, RecordBatchStreamWriter, Schema, Struct, Utf8, vectorFromArray, type DataType } from "apache-arrow";
import type { ColumnType, TableSpecOut } from "../schema/columns.ts";

const TYPES: Record<ColumnType, () => DataType> = {
  string: () => new Utf8(),
  double: () => new Float64(),
  int: () => new Int32(),
  bool: () => new Bool(),
};

/** Rows per record batch: fixed, so batch boundaries never depend on how the rows arrived. */
export const BATCH_ROWS = 65_536;

export function arrowSchema(spec: TableSpecOut): Schema {
  return new Schema(spec.columns.map((c) => new Field(c.name, TYPES[c.type](), true)));
}

/** One record batch from column arrays (values already coerced, see write/row-csv.ts cellValue). */
export function recordBatch(schema: Schema, columns: unknown[][]): RecordBatch {
  const length = columns[0]?.length ?? 0;
  const children = schema.fields.map((f, i) => vectorFromArray(columns[i], f.type).data[0]);
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }));
}

/** Write `.arrow` (file) and `.arrows` (stream) from batches of column arrays; `streamOnly`: the `.arrows` alone. */
export async function writeArrowFiles(basePath: string, spec: TableSpecOut, batches: AsyncIterable<unknown[][]>, { streamOnly = false } = {}): Promise<string[]> {
  const schema = arrowSchema(spec);
  const writers = [
    ...(streamOnly ? [] : [{ writer: new RecordBatchFileWriter({ autoDestroy: false }), path: `${basePath}.arrow` }]),
    { writer: new RecordBatchStreamWriter({ autoDestroy: false }), path: `${basePath}.arrows` },
  ];
  const drains = writers.map(async ({ writer, path }) => {
    const out = createWriteStream(path);
    for await (const chunk of writer) if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  });
  let wrote = false;
  for await (const columns of batches) {
    const batch = recordBatch(schema, columns);
    for (const { writer } of writers) writer.write(batch);
    wrote = true;
  }
  // An empty table still has its schema (and one empty batch, as tableToIPC wrote before).
  if (!wrote) for (const { writer } of writers) writer.write(recordBatch(schema, spec.columns.map(() => [])));
  for (const { writer } of writers) writer.close();
  await Promise.all(drains);
  return writers.map((w) => w.path);
}
