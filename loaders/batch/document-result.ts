/**
 * What one document contributes to a batch, in a form that crosses threads
 * and goes into the cache as it is: its documents row, its other rows as JSON
 * lines per table, and (for the site's source pages) its decoded text.
 * `documentResult` is the whole per-file job of a worker: read the file,
 * reuse the cached result or extract it and cache it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { extractBytes, extractFile, type DocumentExtraction } from "../extract.ts";
import { OUTPUT_TABLES } from "../schema/outputs.ts";
import type { StatedRename } from "../panel/names.ts";
import type { DocumentRow } from "../schema/types.ts";
import { rowsToJsonLines } from "../write/row-json.ts";
import { SPOOLED_TABLES, type RowBlocks } from "../write/spool.ts";
import { ExtractionCache } from "./cache.ts";

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

/** One file's job: where it is, its name in the rows, the cache folder of this parser version (or null). */
export interface DocumentJob {
  path: string;
  source_file: string;
  cacheDir: string | null;
}

const SPECS = new Map(OUTPUT_TABLES.map((t) => [t.name, t]));

export function toResult(d: DocumentExtraction): DocumentResult {
  const blocks = {} as RowBlocks;
  for (const table of SPOOLED_TABLES) blocks[table] = rowsToJsonLines(SPECS.get(table)!, (d as unknown as Record<string, object[]>)[table] ?? []);
  return { document: d.document, blocks, text: d.source ? d.source.lines.join("\n") : null, unreadable: Boolean(d.unreadable), renames: d.renames ?? [] };
}

export function documentResult({ path, source_file, cacheDir }: DocumentJob): { result: DocumentResult; cached: boolean } {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    return { result: toResult(extractFile(path, source_file)), cached: false }; // says why, naming the file
  }
  const cache = cacheDir ? new ExtractionCache(cacheDir) : null;
  const key = cache?.key(createHash("sha256").update(bytes).digest("hex"), source_file);
  const hit = key ? cache!.get(key) : undefined;
  if (hit) return { result: hit, cached: true };
  const result = toResult(extractBytes(bytes, source_file));
  if (key && !result.unreadable) cache!.put(key, result);
  return { result, cached: false };
}
