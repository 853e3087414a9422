/**
 * The spool: per-document rows on their way to the writers. Whichever thread
 * extracted a document (or read it from the cache) appends its rows at once,
 * gzipped CSV lines (write/row-csv.ts), to its own
 * `<dir>/<table>.<thread>.csv.gz` (one gzip member per document: members
 * concatenate into one valid gzip file, and a cached block is appended as it
 * is, never decoded), so memory does not grow with the number of documents
 * and the main thread touches no row. Documents may arrive in any order and
 * on any thread: every row carries its document's spool key (`_key`) and its
 * own order (`_row`); the main thread keeps the documents rows and which
 * position each key has, and the writers order by position and row.
 */
import { appendFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { OUTPUT_TABLES } from "../schema/outputs.ts";
import type { DocumentRow } from "../schema/types.ts";
import type { StatedRename } from "../panel/names.ts";
import type { OutputName } from "../schema/columns.ts";
import { rowsToCsvLines } from "./row-csv.ts";

/** Tables built at the end, over the whole batch: classifications, entities and panel. */
export const BATCH_TABLES = ["classifications", "entities", "panel"] as const satisfies readonly OutputName[];

/** Tables with rows per document: every output table but documents (kept in memory) and the batch tables. */
export type SpooledTable = Exclude<OutputName, "documents" | (typeof BATCH_TABLES)[number]>;
export const SPOOLED_TABLES: readonly SpooledTable[] = OUTPUT_TABLES.map((t) => t.name).filter(
  (name): name is SpooledTable => name !== "documents" && !(BATCH_TABLES as readonly string[]).includes(name),
);

/** One document's rows: a gzip member of CSV lines per spooled table (empty when it has none), in SPOOLED_TABLES order. */
export type RowBlocks = Uint8Array[];

const SPECS = new Map(OUTPUT_TABLES.map((t) => [t.name, t]));
/** Level 1: the spool and the cache are read once or a few times; compressing harder costs more than it saves. */
const GZIP = { level: 1 };

/** A document's rows (an object with one array per table) as row blocks stamped with its spool key. */
export function rowBlocks(rows: Partial<Record<SpooledTable, readonly object[]>>, key: number): RowBlocks {
  return SPOOLED_TABLES.map((table) => {
    const lines = rowsToCsvLines(SPECS.get(table)!, rows[table] ?? [], key);
    return lines ? gzipSync(lines, GZIP) : new Uint8Array(0);
  });
}

/** Append a document's blocks to the spool folder `dir`, in files of their own for `writer` (a thread's tag). */
export function appendBlocks(dir: string, writer: string, blocks: RowBlocks): void {
  SPOOLED_TABLES.forEach((table, i) => {
    if (blocks[i].length > 0) appendFileSync(join(dir, `${table}.${writer}.csv.gz`), blocks[i]);
  });
}

/** The spool's files of one table (every writer's). */
export function spoolFiles(dir: string, table: SpooledTable): string[] {
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${table}.`) && name.endsWith(".csv.gz"))
    .sort()
    .map((name) => join(dir, name));
}

export class Spool {
  readonly dir: string;
  /** documents rows by position in the batch. */
  readonly documents = new Map<number, DocumentRow>();
  /** The spool key of the document at each position. */
  readonly keys = new Map<number, number>();
  /** Positions whose rows were spooled but must not be written (a duplicate replaced by a cleaner copy). */
  readonly dropped = new Set<number>();
  /** Renamings the documents state (small: kept in memory for linking entities at the end). */
  readonly renames: StatedRename[] = [];
  private readonly positions = new Map<number, number>();

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  /** The documents row of the document at position `doc`, and the spool key its rows carry (if it has rows). */
  document(doc: number, row: DocumentRow, key?: number): void {
    this.documents.set(doc, row);
    if (key === undefined) return;
    const other = this.positions.get(key);
    if (other !== undefined && other !== doc) throw new Error(`${row.source_file}: spool key ${key} is already taken by document ${other}; rename the file`);
    this.positions.set(key, doc);
    this.keys.set(doc, key);
  }
}
