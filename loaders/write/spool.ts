/**
 * The spool: per-document rows on their way to the writers. Whichever thread
 * extracted a document writes its rows at once, one gzipped CSV block per
 * table (write/row-csv.ts), one after the other into one file of the
 * document's own (`<name>.blocks`, in the spool folder, or in the cache folder
 * where it stays for the next run: batch/cache.ts; one file rather than one
 * per table: each file written costs ~0.6 ms of CPU), so memory does not grow
 * with the number of documents and the main thread touches no row. The main
 * thread keeps each position's documents row and where its blocks are; at the end each
 * table's blocks are joined in position order into one file (gzip members
 * concatenate into one valid gzip file; a block is copied as it is, never
 * decoded), so the writers read the rows in document and row order without
 * sorting them.
 */
import { closeSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import { OUTPUT_TABLES } from "../schema/outputs.ts";
import type { DocumentRow } from "../schema/types.ts";
import type { PanelInput } from "./panel-input.ts";
import type { StatedRename } from "../panel/names.ts";
import type { OutputName } from "../schema/columns.ts";
import { rowsToCsvBytes } from "./row-csv.ts";

/** Tables built at the end, over the whole batch: classifications, entities and panel. */
export const BATCH_TABLES = ["classifications", "entities", "panel"] as const satisfies readonly OutputName[];

/** Tables with rows per document: every output table but documents (kept in memory) and the batch tables. */
export type SpooledTable = Exclude<OutputName, "documents" | (typeof BATCH_TABLES)[number]>;
export const SPOOLED_TABLES: readonly SpooledTable[] = OUTPUT_TABLES.map((t) => t.name).filter(
  (name): name is SpooledTable => name !== "documents" && !(BATCH_TABLES as readonly string[]).includes(name),
);

/** One document's rows: a gzip member of CSV lines per spooled table (empty when it has none), in SPOOLED_TABLES order. */
export type RowBlocks = Uint8Array[];

/** Where a block is: `length` bytes from `start` in the file at `path`. */
export interface BlockRef {
  path: string;
  start: number;
  length: number;
}

/** Where one document's blocks are (SPOOLED_TABLES order), null where the table has no rows. */
export type BlockRefs = Array<BlockRef | null>;

const SPECS = new Map(OUTPUT_TABLES.map((t) => [t.name, t]));
/** Level 1: the spool and the cache are read once or a few times; compressing harder costs more than it saves. */
const GZIP = { level: 1 };

/** A document's rows (an object with one array per table) as row blocks, every line led by `prefix` (row-csv.ts linePrefix). */
export function rowBlocks(rows: Partial<Record<SpooledTable, readonly object[]>>, prefix: string): RowBlocks {
  return SPOOLED_TABLES.map((table) => {
    const csv = rowsToCsvBytes(SPECS.get(table)!, rows[table] ?? [], prefix);
    return csv.length > 0 ? gzipSync(csv, GZIP) : new Uint8Array(0);
  });
}

/** Write a file whole under a temporary name, then give it its name (a reader never sees half a file). */
function writeWhole(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.${process.pid}-${threadId}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

/** Write blocks one after the other into one file at `path`, after `head` (a header of the caller's); where each is, null for an empty block. */
export function writeBlocks(path: string, blocks: readonly Uint8Array[], head: Uint8Array = new Uint8Array(0)): BlockRefs {
  writeWhole(path, Buffer.concat([head, ...blocks]));
  return blockRefs(
    path,
    head.length,
    blocks.map((b) => b.length),
  );
}

/** Where blocks of the given sizes are, one after the other from `start` in the file at `path`. */
export function blockRefs(path: string, start: number, sizes: readonly number[]): BlockRefs {
  return sizes.map((length) => {
    const ref = length === 0 ? null : { path, start, length };
    start += length;
    return ref;
  });
}

/** The file of a document's blocks (and, in the cache, its header): `<dir>/<name>.blocks`. */
export const blocksFile = (dir: string, name: string): string => join(dir, `${name}.blocks`);

/** A block's bytes. */
export function readBlock({ path, start, length }: BlockRef): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  const fd = openSync(path, "r");
  try {
    for (let got = 0; got < length; ) {
      const n = readSync(fd, bytes, got, length - got, start + got);
      if (n === 0) throw new Error(`${path}: shorter than its blocks`);
      got += n;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

export class Spool {
  readonly dir: string;
  /** documents rows by position in the batch. */
  readonly documents = new Map<number, DocumentRow>();
  /** Where the blocks of the document (or run of rows) at each position are. */
  readonly files = new Map<number, BlockRefs>();
  /** Positions whose rows were spooled but must not be written (a duplicate replaced by a cleaner copy). */
  readonly dropped = new Set<number>();
  /** Renamings the documents state (small: kept in memory for linking entities at the end). */
  readonly renames: StatedRename[] = [];
  /** Each position's panel figures and stated departments (small: kept in memory for the panel at the end). */
  readonly panel = new Map<number, PanelInput>();

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  /** The documents row of the document at position `doc`, its panel input and where its blocks are (if it has rows). */
  document(doc: number, row: DocumentRow, panel: PanelInput, files?: BlockRefs): void {
    this.documents.set(doc, row);
    this.panel.set(doc, panel);
    if (files) this.files.set(doc, files);
  }

  /** One table's blocks (tableBlocks) joined into one file (every row in document and row order); null when the table has no rows. */
  tableFile(table: SpooledTable, blocks: readonly BlockRef[]): string | null {
    if (blocks.length === 0) return null;
    const path = join(this.dir, `${table}.csv.gz`);
    const fd = openSync(path, "w");
    try {
      for (const block of blocks) writeFileSync(fd, readBlock(block)); // every byte (writeSync may write fewer)
    } finally {
      closeSync(fd);
    }
    return path;
  }

  /** The blocks of one spooled table, in position order, dropped positions left out. */
  tableBlocks(table: SpooledTable): BlockRef[] {
    const index = SPOOLED_TABLES.indexOf(table);
    return [...this.files]
      .filter(([pos, files]) => !this.dropped.has(pos) && files[index])
      .sort((a, b) => a[0] - b[0])
      .map(([, files]) => files[index]!);
  }
}
