/**
 * The spool: per-document rows on their way to the writers. Each table's rows
 * are appended to `<dir>/<table>.ndjson` as soon as a document is extracted
 * (write/row-json.ts), so memory does not grow with the number of documents;
 * only the `documents` rows (one per file) are kept. Documents may arrive in
 * any order: every row carries its document's position (`_doc`) and its own
 * (`_row`), and the writers order by both.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT_TABLES } from "../schema/outputs.ts";
import type { DocumentRow } from "../schema/types.ts";
import type { StatedRename } from "../panel/names.ts";
import { stampDocument } from "./row-json.ts";
import type { OutputName } from "../schema/columns.ts";

/** Tables built at the end, over the whole batch: classifications, entities and panel. */
export const BATCH_TABLES = ["classifications", "entities", "panel"] as const satisfies readonly OutputName[];

/** Tables with rows per document: every output table but documents (kept in memory) and the batch tables. */
export type SpooledTable = Exclude<OutputName, "documents" | (typeof BATCH_TABLES)[number]>;
export const SPOOLED_TABLES: readonly SpooledTable[] = OUTPUT_TABLES.map((t) => t.name).filter(
  (name): name is SpooledTable => name !== "documents" && !(BATCH_TABLES as readonly string[]).includes(name),
);

/** One document's rows, as JSON lines per table (see rowsToJsonLines). */
export type RowBlocks = Record<SpooledTable, string>;

export class Spool {
  readonly dir: string;
  /** documents rows by position in the batch. */
  readonly documents = new Map<number, DocumentRow>();
  /** Positions whose rows were spooled but must not be written (a duplicate replaced by a cleaner copy). */
  readonly dropped = new Set<number>();
  /** Renamings the documents state (small: kept in memory for linking entities at the end). */
  readonly renames: StatedRename[] = [];
  private readonly fds = new Map<SpooledTable, number>();

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
    for (const table of SPOOLED_TABLES) this.fds.set(table, openSync(this.path(table), "w"));
  }

  path(table: SpooledTable): string {
    return join(this.dir, `${table}.ndjson`);
  }

  /** The documents row of the document at position `doc`. */
  document(doc: number, row: DocumentRow): void {
    this.documents.set(doc, row);
  }

  /** Rows stamped with position `doc`. */
  rows(doc: number, blocks: RowBlocks): void {
    for (const table of SPOOLED_TABLES) if (blocks[table]) writeSync(this.fds.get(table)!, stampDocument(blocks[table], doc));
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
