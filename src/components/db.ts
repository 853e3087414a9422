// One lazily started DuckDB-WASM per page, fed from Arrow IPC files.
//
// Everything is imported from node_modules by bare name: Framework bundles it into
// dist/_node/ (no CDN). The "eh" bundle only; the worker that Framework copies is an
// ES module, so it must be started with {type: "module"}. DuckDB's JS is imported
// dynamically so that a page does not download and parse it before its first paint.
// Pages import this module as "./components/db.js" (Framework serves .ts as .js).
import type {AsyncDuckDB, AsyncDuckDBConnection} from "@duckdb/duckdb-wasm";
import {Type, type DataType} from "apache-arrow";

const WASM_URL = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm");
const WORKER_URL = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js");

export type Row = Record<string, unknown>;

/** Where a table's Arrow IPC stream comes from. */
export type ArrowSource = string | URL | Uint8Array | ArrayBuffer | {name: string; arrayBuffer(): Promise<ArrayBuffer>};

let started: Promise<{db: AsyncDuckDB; conn: AsyncDuckDBConnection}> | undefined;

const tables = new Map<string, {source: string; promise: Promise<string>}>();

/** Starts DuckDB on first use; later calls return the same instance and connection. */
export function database(): Promise<{db: AsyncDuckDB; conn: AsyncDuckDBConnection}> {
  if (!started) {
    const starting = (async () => {
      const duckdb = await import("@duckdb/duckdb-wasm");
      const worker = new Worker(new URL(WORKER_URL, import.meta.url), {type: "module"});
      const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
      await db.instantiate(new URL(WASM_URL, import.meta.url).href);
      const conn = await db.connect();
      return {db, conn};
    })();
    starting.catch(() => {
      if (started === starting) started = undefined; // allow a retry after a failed start
    });
    started = starting;
  }
  return started;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A stable key for where a table's bytes come from (FileAttachment, URL); undefined for bytes. */
function sourceKey(source: ArrowSource): string | undefined {
  if (typeof source === "string") return new URL(source, document.baseURI).href;
  if (source instanceof URL) return source.href;
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) return undefined;
  return `file:${source.name}`;
}

async function readBytes(source: ArrowSource): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (typeof source === "string" || source instanceof URL) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`Unable to load ${source}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  if (source && typeof source.arrayBuffer === "function") return new Uint8Array(await source.arrayBuffer());
  throw new TypeError("expected a FileAttachment, a URL or Arrow IPC bytes");
}

const fetched = new Map<string, Promise<Uint8Array>>();

/**
 * The bytes of a FileAttachment or URL, fetched once per page (memoised), so a page can
 * paint from the Arrow file with apache-arrow and hand the same file to loadArrow
 * without a second download. Treat the result as read-only.
 */
export function fetchBytes(source: ArrowSource): Promise<Uint8Array> {
  const key = sourceKey(source);
  if (key === undefined) return readBytes(source);
  let promise = fetched.get(key);
  if (!promise) {
    promise = readBytes(source);
    fetched.set(key, promise);
    promise.catch(() => fetched.delete(key));
  }
  return promise;
}

/**
 * Registers table `name` from an Arrow IPC stream (a FileAttachment, a URL, or bytes).
 * Idempotent: a second call with the same name and source returns the same promise;
 * the same name from another source is an error.
 * @returns the table name, once the table exists
 */
export function loadArrow(name: string, source: ArrowSource): Promise<string> {
  if (!NAME.test(name)) return Promise.reject(new Error(`loadArrow: invalid table name ${JSON.stringify(name)}`));
  const key = sourceKey(source);
  const known = tables.get(name);
  if (known) {
    if (key !== undefined && known.source === key) return known.promise;
    return Promise.reject(new Error(`loadArrow: table ${name} is already loaded from ${known.source}`));
  }
  const promise = (async () => {
    const [{conn}, bytes] = await Promise.all([database(), fetchBytes(source)]);
    // The worker takes ownership of (detaches) the buffer it is sent: send a copy.
    await conn.insertArrowFromIPCStream(bytes.slice(), {name, create: true});
    return name;
  })();
  tables.set(name, {source: key ?? "bytes", promise});
  promise.catch(() => tables.delete(name)); // let a failed load be retried
  return promise;
}

/**
 * Runs `sql` and returns plain row objects. With `params`, a prepared statement is used
 * (placeholders `?`). BIGINT and DECIMAL come back as JS numbers, DATE as "YYYY-MM-DD",
 * TIMESTAMP as an ISO string, lists as arrays and structs as objects.
 */
export async function query(sql: string, params?: unknown[]): Promise<Row[]> {
  const {conn} = await database();
  if (params && params.length) {
    const statement = await conn.prepare(sql);
    try {
      return toRows(await statement.query(...params));
    } finally {
      await statement.close();
    }
  }
  return toRows(await conn.query(sql));
}

/** The part of an Arrow table (of any apache-arrow version) that toRows reads. */
interface ArrowLike {
  numRows: number;
  schema: {fields: {name: string; type: DataType}[]};
  getChildAt(index: number): {get(index: number): unknown} | null;
}

/** Converts an Arrow table into plain row objects. */
export function toRows(table: ArrowLike): Row[] {
  const columns = table.schema.fields.map((field, i) => ({
    name: field.name,
    vector: table.getChildAt(i)!,
    convert: converter(field.type)
  }));
  const rows: Row[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; ++r) {
    const row: Row = {};
    for (const {name, vector, convert} of columns) row[name] = convert(vector.get(r));
    rows[r] = row;
  }
  return rows;
}

type Convert = (value: unknown) => unknown;

const identity: Convert = (v) => v;
const nullable =
  (f: Convert): Convert =>
  (v) =>
    v == null ? null : f(v);
const toNumber = nullable((v) => (typeof v === "bigint" ? Number(v) : Number(v)));

/** Exact decimal → nearest double: build the decimal string, then parse it once. */
export function decimalToNumber(value: unknown, scale: number): number {
  let digits = String(value); // Arrow's decimal BigNum stringifies to its unscaled integer
  if (!scale) return Number(digits);
  const negative = digits.startsWith("-");
  if (negative) digits = digits.slice(1);
  digits = digits.padStart(scale + 1, "0");
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return Number(negative ? `-${text}` : text);
}

function toDate(v: unknown): Date {
  return v instanceof Date ? v : new Date(typeof v === "bigint" ? Number(v) : (v as number));
}

function converter(type: DataType): Convert {
  switch (type.typeId) {
    case Type.Int:
      return (type as DataType & {bitWidth: number}).bitWidth === 64 ? toNumber : identity;
    case Type.Decimal: {
      const {scale} = type as DataType & {scale: number};
      return nullable((v) => decimalToNumber(v, scale));
    }
    case Type.Date:
      return nullable((v) => toDate(v).toISOString().slice(0, 10));
    case Type.Timestamp:
      return nullable((v) => toDate(v).toISOString());
    case Type.Time:
    case Type.Duration:
      return toNumber;
    case Type.List:
    case Type.FixedSizeList: {
      const child = converter(type.children[0].type);
      return nullable((v) => Array.from(v as Iterable<unknown>, child));
    }
    case Type.Struct: {
      const children = type.children.map((f) => [f.name, converter(f.type)] as const);
      return nullable((v) => Object.fromEntries(children.map(([name, convert]) => [name, convert((v as Record<string, unknown>)[name])])));
    }
    case Type.Dictionary:
      return converter((type as DataType & {dictionary: DataType}).dictionary);
    default:
      return nullable((v) => (typeof v === "bigint" ? Number(v) : v));
  }
}

// errorBox lives in dom.ts (no Arrow import for pages that only show an error); re-exported here
export {errorBox} from "./dom.js";
