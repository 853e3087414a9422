/**
 * Rows → Arrow IPC. `.arrows` is the IPC stream format (what DuckDB-WASM's
 * insertArrowFromIPCStream reads: the site loads these); `.arrow` is the IPC
 * file format (what pandas/pyarrow's read_feather, R's arrow::read_feather and
 * polars open). Both are written batch by batch from a column source, so a
 * table larger than memory never has to be held whole.
 */
import { createWriteStream } from "node:fs";
import {
  Bool,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  RecordBatchFileWriter,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  Utf8,
  type DataType,
} from "apache-arrow";
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

/** Bytes of a bitmap of n bits, padded to 64 bytes as apache-arrow's builders pad it (the IPC writer keeps a bitmap's padding). */
export const bitmapBytes = (n: number): number => ((n + 511) >> 9) << 6;

/** Which values are set (a validity bitmap) and how many are null; an empty bitmap when none is. */
function validity(values: readonly unknown[]): { nullCount: number; nullBitmap: Uint8Array } {
  const bitmap = new Uint8Array(bitmapBytes(values.length));
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] == null) nullCount++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  }
  return { nullCount, nullBitmap: nullCount ? bitmap : new Uint8Array(0) };
}

/**
 * One column's Arrow data straight from its values: the buffers apache-arrow's builders
 * (vectorFromArray) would make (a null's slot zero, its string empty), so the same bytes,
 * at a fraction of the cost (the builders dominated writing the site's Arrow streams).
 */
function columnData(field: Field, values: readonly unknown[]) {
  const length = values.length;
  const { nullCount, nullBitmap } = validity(values);
  const type = field.type;
  if (type instanceof Utf8) {
    const valueOffsets = new Int32Array(length + 1);
    const strings: string[] = new Array(length);
    let bytes = 0;
    for (let i = 0; i < length; i++) {
      const v = values[i];
      const s = v == null ? "" : (v as string);
      strings[i] = s;
      bytes += Buffer.byteLength(s, "utf8");
      valueOffsets[i + 1] = bytes;
    }
    const data = new Uint8Array(bytes);
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    let at = 0;
    for (const s of strings) at += buffer.write(s, at, "utf8");
    return makeData({ type, length, nullCount, nullBitmap, valueOffsets, data });
  }
  if (type instanceof Bool) {
    const data = new Uint8Array(bitmapBytes(length));
    for (let i = 0; i < length; i++) if (values[i]) data[i >> 3] |= 1 << (i & 7);
    return makeData({ type, length, nullCount, nullBitmap, data });
  }
  const data = type instanceof Int32 ? new Int32Array(length) : new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v != null) data[i] = v as number;
  }
  return makeData({ type: type as Int32 | Float64, length, nullCount, nullBitmap, data } as never);
}

/** One record batch from column arrays (values already coerced, see write/row-csv.ts cellValue). */
export function recordBatch(schema: Schema, columns: unknown[][]): RecordBatch {
  const length = columns[0]?.length ?? 0;
  const children = schema.fields.map((f, i) => columnData(f, columns[i]));
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }));
}

/**
 * Write `.arrow` (file) and `.arrows` (stream) from batches, each of column arrays or a record batch already made
 * (write/csv-arrow.ts); `streamOnly`: the `.arrows` alone.
 */
export async function writeArrowFiles(
  basePath: string,
  spec: TableSpecOut,
  batches: AsyncIterable<unknown[][] | RecordBatch>,
  { streamOnly = false } = {},
): Promise<string[]> {
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
    const batch = columns instanceof RecordBatch ? columns : recordBatch(schema, columns);
    for (const { writer } of writers) writer.write(batch);
    wrote = true;
    // let the file streams take this batch's bytes before the next one is made (memory stays one batch or so)
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  // An empty table still has its schema (and one empty batch, as tableToIPC wrote before).
  if (!wrote)
    for (const { writer } of writers)
      writer.write(
        recordBatch(
          schema,
          spec.columns.map(() => []),
        ),
      );
  for (const { writer } of writers) writer.close();
  await Promise.all(drains);
  return writers.map((w) => w.path);
}
