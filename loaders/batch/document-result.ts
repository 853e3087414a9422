/**
 * The whole per-file job of a worker: read the file, reuse the cached result
 * or extract it and cache it, its rows written from this thread as blocks
 * in one file (write/spool.ts: in the cache folder, or in the spool folder without
 * a cache). What goes back to the main thread is small: the documents row,
 * where its blocks are, stated renamings and (only when asked, for the
 * site's source pages) the decoded text.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { extractBytes, extractFile, type DocumentExtraction } from "../extract.ts";
import { documentPanelInput, type PanelInput } from "../write/panel-input.ts";
import type { StatedRename } from "../panel/names.ts";
import type { DocumentRow } from "../schema/types.ts";
import { linePrefix } from "../write/row-csv.ts";
import { blocksFile, readBlock, rowBlocks, SPOOLED_TABLES, writeBlocks, type BlockRefs, type RowBlocks, type SpooledTable } from "../write/spool.ts";
import { cacheKey, ExtractionCache } from "./cache.ts";

export interface DocumentResult {
  document: DocumentRow;
  /** Where its blocks are, one per spooled table (null where it has no rows). */
  files: BlockRefs;
  /** The decoded lines joined by \n (with keepText); null when not asked for or the file could not be read as text. */
  text: string | null;
  /** True when the file could not be read as text at all. */
  unreadable: boolean;
  /** Renamings the text states (for linking entities at the end of the batch). */
  renames: StatedRename[];
  /** Its panel figures and stated departments (for the panel at the end of the batch). */
  panel: PanelInput;
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
type CachedHeader = { document: DocumentRow; unreadable: boolean; renames: StatedRename[]; panel: PanelInput; hasText: boolean };

const EMPTY = new Uint8Array(0);
const blocksOf = (d: DocumentExtraction) => rowBlocks(d as unknown as Record<SpooledTable, object[]>, linePrefix(d.document.province, d.document.year));

export function documentResult({ path, source_file, cacheDir, spoolDir, keepText = false, keepRows = false }: DocumentJob): {
  result: DocumentResult;
  cached: boolean;
} {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    // says why, naming the file
    return { result: finish(extractFile(path, source_file), cacheKey("", source_file), spoolDir, keepText, keepRows), cached: false };
  }
  const cache = cacheDir ? new ExtractionCache(cacheDir) : null;
  const key = cacheKey(createHash("sha256").update(bytes).digest("hex"), source_file);
  const hit = cache?.get<CachedHeader>(key);
  if (hit && hit.files.length === SPOOLED_TABLES.length + 1) {
    const files = hit.files.slice(0, SPOOLED_TABLES.length);
    const { document, unreadable, renames, panel, hasText } = hit.header;
    const textFile = hit.files[SPOOLED_TABLES.length];
    const text = keepText && hasText && textFile ? gunzipSync(readBlock(textFile)).toString("utf8") : null;
    const blocks = keepRows ? files.map((f) => (f ? new Uint8Array(readBlock(f)) : EMPTY)) : undefined;
    return { result: { document, files, text, unreadable, renames, panel, ...(blocks ? { blocks } : {}) }, cached: true };
  }
  const d = extractBytes(bytes, source_file);
  const text = d.source ? d.source.lines.join("\n") : null;
  const unreadable = Boolean(d.unreadable);
  if (!cache || unreadable) return { result: finish(d, key, spoolDir, keepText, keepRows), cached: false };
  const blocks = blocksOf(d);
  const header: CachedHeader = { document: d.document, unreadable, renames: d.renames ?? [], panel: documentPanelInput(d), hasText: text !== null };
  const files = cache.put(key, header, [...blocks, text === null ? EMPTY : gzipSync(text, { level: 1 })]).slice(0, SPOOLED_TABLES.length);
  return {
    result: {
      document: d.document,
      files,
      text: keepText ? text : null,
      unreadable,
      renames: header.renames,
      panel: header.panel,
      ...(keepRows ? { blocks } : {}),
    },
    cached: false,
  };
}

/** Spool an extraction that does not go to the cache. */
function finish(d: DocumentExtraction, key: string, spoolDir: string, keepText: boolean, keepRows: boolean): DocumentResult {
  const blocks = blocksOf(d);
  const files = writeBlocks(blocksFile(spoolDir, key), blocks);
  const text = keepText && d.source ? d.source.lines.join("\n") : null;
  return {
    document: d.document,
    files,
    text,
    unreadable: Boolean(d.unreadable),
    renames: d.renames ?? [],
    panel: documentPanelInput(d),
    ...(keepRows ? { blocks } : {}),
  };
}
