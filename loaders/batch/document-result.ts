/**
 * The whole per-file job of a worker: read the file, reuse the cached result
 * or extract it and cache it, and append its rows to the spool
 * (write/spool.ts) from this thread. What goes back to the main thread is
 * small: the documents row, the spool key its rows carry, stated renamings
 * and (only when asked, for the site's source pages) the decoded text.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { threadId } from "node:worker_threads";
import { gunzipSync, gzipSync } from "node:zlib";
import { extractBytes, extractFile, type DocumentExtraction } from "../extract.ts";
import type { StatedRename } from "../panel/names.ts";
import type { DocumentRow } from "../schema/types.ts";
import { appendBlocks, rowBlocks, SPOOLED_TABLES, type RowBlocks, type SpooledTable } from "../write/spool.ts";
import { cacheKey, ExtractionCache } from "./cache.ts";

export interface DocumentResult {
  document: DocumentRow;
  /** The spool key its rows carry (see spoolKey). */
  key: number;
  /** The decoded lines joined by \n (with keepText); null when not asked for or the file could not be read as text. */
  text: string | null;
  /** True when the file could not be read as text at all. */
  unreadable: boolean;
  /** Renamings the text states (for linking entities at the end of the batch). */
  renames: StatedRename[];
  /** Its row blocks as spooled (with keepRows, for the site's per-document files). */
  blocks?: RowBlocks;
}

/** One file's job: where it is, its name in the rows, the cache folder of this parser version (or null), the spool folder. */
export interface DocumentJob {
  path: string;
  source_file: string;
  cacheDir: string | null;
  spoolDir: string;
  keepText?: boolean;
  /** Send the row blocks back too (the site writes each document's own files from them). */
  keepRows?: boolean;
}

/** What a cache entry's header holds (its blocks: the row blocks, then the gzipped text). */
type CachedHeader = { document: DocumentRow; unreadable: boolean; renames: StatedRename[]; hasText: boolean };

/** A document's spool key: 52 bits of its cache key (an exact JS number and DuckDB BIGINT). */
export const spoolKey = (key: string): number => Number.parseInt(key.slice(0, 13), 16);

/** This thread's tag in the spool's file names. */
const WRITER = `t${threadId}`;

export function documentResult({ path, source_file, cacheDir, spoolDir, keepText = false, keepRows = false }: DocumentJob): { result: DocumentResult; cached: boolean } {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    // says why, naming the file
    return { result: finish(extractFile(path, source_file), spoolKey(cacheKey("", source_file)), spoolDir, keepText, keepRows), cached: false };
  }
  const cache = cacheDir ? new ExtractionCache(cacheDir) : null;
  const hex = cacheKey(createHash("sha256").update(bytes).digest("hex"), source_file);
  const key = spoolKey(hex);
  const hit = cache?.get<CachedHeader>(hex);
  if (hit && hit.blocks.length === SPOOLED_TABLES.length + 1) {
    const blocks = hit.blocks.slice(0, SPOOLED_TABLES.length);
    appendBlocks(spoolDir, WRITER, blocks);
    const { document, unreadable, renames, hasText } = hit.header;
    const text = keepText && hasText ? gunzipSync(hit.blocks[SPOOLED_TABLES.length]).toString("utf8") : null;
    return { result: { document, key, text, unreadable, renames, ...(keepRows ? { blocks } : {}) }, cached: true };
  }
  const d = extractBytes(bytes, source_file);
  const blocks = rowBlocks(d as unknown as Record<SpooledTable, object[]>, key);
  appendBlocks(spoolDir, WRITER, blocks);
  const text = d.source ? d.source.lines.join("\n") : null;
  const unreadable = Boolean(d.unreadable);
  const renames = d.renames ?? [];
  if (cache && !unreadable) {
    const header: CachedHeader = { document: d.document, unreadable, renames, hasText: text !== null };
    cache.put(hex, { header, blocks: [...blocks, text === null ? new Uint8Array(0) : gzipSync(text, { level: 1 })] });
  }
  return { result: { document: d.document, key, text: keepText ? text : null, unreadable, renames, ...(keepRows ? { blocks } : {}) }, cached: false };
}

/** Spool an extraction that never reached the cache. */
function finish(d: DocumentExtraction, key: number, spoolDir: string, keepText: boolean, keepRows: boolean): DocumentResult {
  const blocks = rowBlocks(d as unknown as Record<SpooledTable, object[]>, key);
  appendBlocks(spoolDir, WRITER, blocks);
  const text = keepText && d.source ? d.source.lines.join("\n") : null;
  return { document: d.document, key, text, unreadable: Boolean(d.unreadable), renames: d.renames ?? [], ...(keepRows ? { blocks } : {}) };
}
