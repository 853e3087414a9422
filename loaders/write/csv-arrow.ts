/**
 * Spool blocks → Arrow record batches, straight from the bytes of the CSV
 * lines (write/row-csv.ts's dialect: strings always quoted, `"` doubled; an
 * empty field null; numbers as JS prints them): each string's UTF-8 bytes are
 * copied into its column's data buffer and each number is read from its
 * digits, with no JS value made per cell. The buffers are laid out exactly as
 * write/arrow.ts recordBatch lays them out from the values (validity and
 * boolean bitmaps padded to 64 bytes, a null's slot zero and its string
 * empty), so the same rows give the same bytes; reading the rows back through
 * DuckDB's value conversion cost ~20× more.
 */
import { gunzipSync } from "node:zlib";
import { type Bool, type Float64, type Int32, makeData, RecordBatch, Struct, type Utf8, type Schema } from "apache-arrow";
import type { ColumnType, TableSpecOut } from "../schema/columns.ts";
import { arrowSchema, BATCH_ROWS, bitmapBytes } from "./arrow.ts";
import { PREFIX_FIELDS } from "./row-csv.ts";
import { type BlockRef, readBlock } from "./spool.ts";

const QUOTE = 0x22;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
/** 10^k, exact for k ≤ 22. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** One column of the batch being built. */
interface ColumnBuilder {
  type: ColumnType;
  /** Bit i set: row i is not null. */
  validity: Uint8Array;
  nulls: number;
  /** string: end offsets of each row's bytes in data. */
  offsets: Int32Array;
  data: Uint8Array;
  bytes: number;
  /** double / int: the values (0 for null). */
  numbers: Float64Array | Int32Array;
  /** bool: bit i set for true. */
  bits: Uint8Array;
}

/** `bytes`: room for the strings to start with (the last batch's, so a column's buffer is seldom grown). */
function newBuilder(type: ColumnType, bytes = 1 << 16): ColumnBuilder {
  return {
    type,
    validity: new Uint8Array(bitmapBytes(BATCH_ROWS)),
    nulls: 0,
    offsets: type === "string" ? new Int32Array(BATCH_ROWS + 1) : new Int32Array(0),
    data: new Uint8Array(type === "string" ? bytes : 0),
    bytes: 0,
    numbers: type === "double" ? new Float64Array(BATCH_ROWS) : type === "int" ? new Int32Array(BATCH_ROWS) : new Float64Array(0),
    bits: type === "bool" ? new Uint8Array(bitmapBytes(BATCH_ROWS)) : new Uint8Array(0),
  };
}

/** `data` with room for `need` bytes (its first `used` kept). */
function grow(data: Uint8Array, used: number, need: number): Uint8Array {
  if (need <= data.length) return data;
  const bigger = new Uint8Array(Math.max(need, data.length * 2));
  bigger.set(data.subarray(0, used));
  return bigger;
}

/** The number in b[at, end) (ASCII, as JS prints a finite number): exact digits by hand, anything else by Number(). */
function readNumber(b: Buffer, at: number, end: number): number {
  let i = at;
  const negative = b[i] === 0x2d;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let point = -1;
  for (; i < end; i++) {
    const c = b[i];
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
    } else if (c === 0x2e && point < 0) point = i;
    else return Number(b.toString("latin1", at, end));
  }
  // up to 15 digits: the mantissa and 10^scale are exact doubles, so one division rounds as Number() does
  if (digits === 0 || digits > 15) return Number(b.toString("latin1", at, end));
  const value = point < 0 ? mantissa : mantissa / POW10[end - point - 1];
  return negative ? -value : value;
}

/** Rows of one table, appended block by block, taken as record batches of BATCH_ROWS rows (the last one shorter). */
export class CsvArrowBatches {
  readonly schema: Schema;
  private readonly types: ColumnType[];
  private columns: ColumnBuilder[];
  private rows = 0;
  private readonly done: RecordBatch[] = [];

  constructor(spec: TableSpecOut) {
    this.schema = arrowSchema(spec);
    this.types = spec.columns.map((c) => c.type);
    this.columns = this.types.map((type) => newBuilder(type));
  }

  /** Batches completed so far (each taken once). */
  take(): RecordBatch[] {
    return this.done.splice(0);
  }

  /** The batches left, the last one shorter (none when no row is left). */
  finish(): RecordBatch[] {
    if (this.rows > 0) this.flush();
    return this.take();
  }

  /** Append the rows of one block (gunzipped CSV lines, every line `_province,_year,` then the table's columns). */
  append(b: Buffer): void {
    const length = b.length;
    const width = this.types.length;
    let at = 0;
    while (at < length) {
      // the document's province and year lead every line: skipped
      for (let field = 0; field < PREFIX_FIELDS; field++) at = skipField(b, at, length) + 1;
      const row = this.rows;
      const bit = 1 << (row & 7);
      const slot = row >> 3;
      for (let c = 0; c < width; c++) {
        const col = this.columns[c];
        if (b[at] === QUOTE) {
          if (col.type !== "string") throw new Error(`spool: a quoted field in ${this.schema.fields[c].name} (${col.type})`);
          at = this.readString(col, b, at + 1, length);
          col.validity[slot] |= bit;
          col.offsets[row + 1] = col.bytes;
        } else {
          let end = at;
          while (end < length && b[end] !== COMMA && b[end] !== NEWLINE) end++;
          if (end === at) {
            col.nulls++;
            if (col.type === "string") col.offsets[row + 1] = col.bytes;
          } else {
            col.validity[slot] |= bit;
            if (col.type === "bool") {
              if (b[at] === 0x74) col.bits[slot] |= bit; // "true"
            } else if (col.type === "string") throw new Error(`spool: an unquoted string in ${this.schema.fields[c].name}`);
            else col.numbers[row] = readNumber(b, at, end);
          }
          at = end;
        }
        at++; // the comma, or the newline ending the line
      }
      if (++this.rows === BATCH_ROWS) this.flush();
    }
  }

  /** Copy a quoted string's bytes (from just after its opening quote) into the column; returns where its closing quote is. */
  private readString(col: ColumnBuilder, b: Buffer, from: number, length: number): number {
    let at = from;
    for (;;) {
      let quote = at;
      while (quote < length && b[quote] !== QUOTE) quote++;
      if (quote >= length) throw new Error("spool: an unterminated string");
      const n = quote - at;
      if (col.bytes + n + 1 > col.data.length) col.data = grow(col.data, col.bytes, col.bytes + n + 1);
      const data = col.data;
      let d = col.bytes;
      if (n > 64) data.set(new Uint8Array(b.buffer, b.byteOffset + at, n), d);
      else for (let i = at; i < quote; i++) data[d++] = b[i];
      col.bytes += n;
      if (b[quote + 1] !== QUOTE) return quote + 1;
      // a doubled quote: one quote in the string
      data[col.bytes++] = QUOTE;
      at = quote + 2;
    }
  }

  private flush(): void {
    const length = this.rows;
    const fields = this.schema.fields;
    const children = this.columns.map((col, i) => {
      const type = fields[i].type;
      const nullCount = col.nulls;
      const nullBitmap = nullCount ? col.validity.subarray(0, bitmapBytes(length)) : new Uint8Array(0);
      if (col.type === "string")
        return makeData({
          type: type as Utf8,
          length,
          nullCount,
          nullBitmap,
          valueOffsets: col.offsets.subarray(0, length + 1),
          data: col.data.subarray(0, col.bytes),
        });
      if (col.type === "bool") return makeData({ type: type as Bool, length, nullCount, nullBitmap, data: col.bits.subarray(0, bitmapBytes(length)) });
      if (col.type === "int") return makeData({ type: type as Int32, length, nullCount, nullBitmap, data: (col.numbers as Int32Array).subarray(0, length) });
      return makeData({ type: type as Float64, length, nullCount, nullBitmap, data: (col.numbers as Float64Array).subarray(0, length) });
    });
    this.done.push(new RecordBatch(this.schema, makeData({ type: new Struct(fields), length, nullCount: 0, children })));
    this.columns = this.columns.map((col) => newBuilder(col.type, col.bytes));
    this.rows = 0;
  }
}

/** Where the field starting at `at` ends (its comma or newline). */
function skipField(b: Buffer, at: number, length: number): number {
  if (b[at] !== QUOTE) {
    let end = at;
    while (end < length && b[end] !== COMMA && b[end] !== NEWLINE) end++;
    return end;
  }
  let quote = at + 1;
  for (;;) {
    while (quote < length && b[quote] !== QUOTE) quote++;
    if (quote >= length) throw new Error("spool: an unterminated string");
    if (b[quote + 1] !== QUOTE) return quote + 1;
    quote += 2;
  }
}

/** The record batches of a table's blocks (gzipped CSV lines, write/spool.ts), read in the order given. */
export async function* spoolBatches(spec: TableSpecOut, blocks: readonly BlockRef[]): AsyncGenerator<RecordBatch> {
  const batches = new CsvArrowBatches(spec);
  for (const block of blocks) {
    batches.append(gunzipSync(readBlock(block)));
    yield* batches.take();
  }
  yield* batches.finish();
}
