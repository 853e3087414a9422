/**
 * What one document contributes to a batch, in a form that crosses threads
 * and goes into the cache as it is: its documents row, its other rows as JSON
 * lines per table, and (for the site's source pages) its decoded text.
 */
import { extractBytes, type DocumentExtraction } from "../extract.ts";
import { OUTPUT_TABLES } from "../schema/outputs.ts";
import type { StatedRename } from "../panel/names.ts";
import type { DocumentRow } from "../schema/types.ts";
import { rowsToJsonLines } from "../write/row-json.ts";
import { SPOOLED_TABLES, type RowBlocks } from "../write/spool.ts";

export interface DocumentResult {
  document: DocumentRow;
  blocks: RowBlocks;
  /** The decoded lines joined by \n; null when the file could not be read as text. */
  text: string | null;
  /** True when the file could not be read as text at all. */
  unreadable: boolean;
  /** Renamings the text states (for linking entities at the end of the batch). */
  renames: StatedRename[];
}

const SPECS = new Map(OUTPUT_TABLES.map((t) => [t.name, t]));

export function extractDocument(bytes: Uint8Array, source_file: string): DocumentResult {
  return toResult(extractBytes(bytes, source_file));
}

export function toResult(d: DocumentExtraction): DocumentResult {
  const blocks = {} as RowBlocks;
  for (const table of SPOOLED_TABLES) blocks[table] = rowsToJsonLines(SPECS.get(table)!, (d as unknown as Record<string, object[]>)[table] ?? []);
  return { document: d.document, blocks, text: d.source ? d.source.lines.join("\n") : null, unreadable: Boolean(d.unreadable), renames: d.renames ?? [] };
}
