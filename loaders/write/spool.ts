/**
 * The spool: per-document rows on their way to the writers. Whichever thread
 * extracted a document writes its rows at once, one gzipped CSV block per
 * table (write/row-csv.ts), into files of the document's own
 * (`<name>.<table>.csv.gz`, in the spool folder, or in the cache folder
 * where they stay for the next run: batch/cache.ts), so memory does not grow
 * with the number of documents and the main thread touches no row. The main
 * thread keeps each position's documents row and block files; at the end each
 * table's blocks are joined in position order into a few files (gzip members
 * concatenate into one valid gzip file; a block is copied as it is, never
 * decoded), so the writers read the rows in document and row order without
 * sorting them.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import { OUTPUT_TABLES } from "../schema/outputs.ts";
import type { DocumentRow } from "../schema/types.ts";
import type { PanelInput } from "./panel-input.ts";
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

/** Where one document's blocks are: a file per spooled table (SPOOLED_TABLES order), null where the table has no rows. */
export type BlockFiles = Array<string | null>;

const SPECS = new Map(OUTPUT_TABLES.map((t) => [t.name, t]));
/** Level 1: the spool and the cache are read once or a few times; compressing harder costs more than it saves. */
const GZIP = { level: 1 };

/** A document's rows (an object with one array per table) as row blocks, every line led by `prefix` (row-csv.ts linePrefix). */
export function rowBlocks(rows: Partial<Record<SpooledTable, readonly object[]>>, prefix: string): RowBlocks {
  return SPOOLED_TABLES.map((table) => {
    const lines = rowsToCsvLines(SPECS.get(table)!, rows[table] ?? [], prefix);
    return lines ? gzipSync(lines, GZIP) : new Uint8Array(0);
  });
}

/** Write a file whole under a temporary name, then give it its name (a reader never sees half a file). */
export function writeWhole(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.${process.pid}-${threadId}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

/** Write blocks as `<dir>/<name>.<i>.csv.gz` (i: the block's index); their files, null for an empty block. */
export function writeBlocks(dir: string, name: string, blocks: readonly Uint8Array[]): BlockFiles {
  return blocks.map((block, i) => {
    if (block.length === 0) return null;
    const path = join(dir, `${name}.${i}.csv.gz`);
    writeWhole(path, block);
    return path;
  });
}

export class Spool {
  readonly dir: string;
  /** documents rows by position in the batch. */
  readonly documents = new Map<number, DocumentRow>();
  /** The block files of the document (or run of rows) at each position. */
  readonly files = new Map<number, BlockFiles>();
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

  /** The documents row of the document at position `doc`, its panel input and its block files (if it has rows). */
  document(doc: number, row: DocumentRow, panel: PanelInput, files?: BlockFiles): void {
    this.documents.set(doc, row);
    this.panel.set(doc, panel);
    if (files) this.files.set(doc, files);
  }

  /**
   * One table's blocks joined in position order into at most `parts` files of about equal size (read in parallel,
   * in the order given, they give every row in document and row order); none when the table has no rows.
   */
  tableChunks(table: SpooledTable, parts: number): string[] {
    const files = this.tableFiles(table);
    const sizes = files.map((f) => statSync(f).size);
    const total = sizes.reduce((a, b) => a + b, 0);
    const chunks: string[] = [];
    let done = 0;
    for (const [i, file] of files.entries()) {
      const part = Math.min(parts - 1, Math.floor((done * parts) / total));
      const chunk = join(this.dir, `${table}.${part}.csv.gz`);
      if (chunks[chunks.length - 1] !== chunk) chunks.push(chunk);
      appendFileSync(chunk, readFileSync(file));
      done += sizes[i];
    }
    return chunks;
  }

  /** The block files of one spooled table, in position order, dropped positions left out. */
  tableFiles(table: SpooledTable): string[] {
    const index = SPOOLED_TABLES.indexOf(table);
    return [...this.files]
      .filter(([pos, files]) => !this.dropped.has(pos) && files[index])
      .sort((a, b) => a[0] - b[0])
      .map(([, files]) => files[index]!);
  }
}
