/**
 * The extraction cache: per document, keyed by the file's SHA-256 and its
 * name as given (it appears in the rows), in a folder per parser version
 * (batch/version.ts). Re-running on unchanged files reads these instead of
 * parsing; changing a file or the parser misses by itself. An entry is one
 * file (`<key>.blocks`, written whole under a temporary name, then renamed):
 * a line of JSON (the header, with every block's size), then the document's
 * blocks one after the other exactly as the writers read them (gzipped CSV
 * lines, write/spool.ts), so a hit reads the header alone and hands the
 * writers where the blocks are, without reading a row.
 * Workers read and write entries (batch/document-result.ts); opening the
 * cache for a batch removes the folders of other parser versions untouched for a day (batch/prune.ts).
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { blockRefs, blocksFile, writeBlocks, type BlockRefs } from "../write/spool.ts";
import { pruneOtherVersions } from "./prune.ts";

/** Where the CLI and the site's data loader keep the cache by default: under the project's node_modules/.cache. */
export const DEFAULT_CACHE_DIR = join(import.meta.dirname, "..", "..", "node_modules", ".cache", "budget-notebooks", "extract");

/** The folder of this parser version under `root`, created; other versions' folders untouched for a day are removed. */
export function openCache(root: string, version: string): string {
  const folder = version.replace(/[^\w.+-]/g, "_");
  mkdirSync(root, { recursive: true });
  pruneOtherVersions(root, folder);
  mkdirSync(join(root, folder), { recursive: true });
  const now = new Date();
  utimesSync(join(root, folder), now, now); // in use: not stale for other versions' runs
  return join(root, folder);
}

/** The cache key of a file: its content's SHA-256 and its name in the rows. */
export function cacheKey(sha256: string, source_file: string): string {
  return createHash("sha256").update(sha256).update("\0").update(source_file).digest("hex").slice(0, 32);
}

/** What an entry holds: a JSON header and where its blocks are (null for an empty block). */
export interface CacheEntry<H> {
  header: H;
  files: BlockRefs;
}

/** Bytes read at first for an entry's header line. */
const HEAD_READ = 1 << 16;
const NEWLINE = 0x0a;

export class ExtractionCache {
  constructor(private readonly dir: string) {}

  /** The entry, if it is there and whole (as long as its header says). */
  get<H>(key: string): CacheEntry<H> | undefined {
    const path = blocksFile(this.dir, key);
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch {
      return undefined;
    }
    try {
      const size = fstatSync(fd).size;
      // the header line: most are a few kB, read at once; a longer one read whole
      let bytes = Buffer.allocUnsafe(Math.min(size, HEAD_READ));
      let end = bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, 0)).indexOf(NEWLINE);
      if (end < 0 && size > bytes.length) {
        bytes = Buffer.allocUnsafe(size);
        end = bytes.subarray(0, readSync(fd, bytes, 0, size, 0)).indexOf(NEWLINE);
      }
      if (end < 0) return undefined;
      const { sizes, ...header } = JSON.parse(bytes.toString("utf8", 0, end)) as H & { sizes: number[] };
      if (end + 1 + sizes.reduce((a, b) => a + b, 0) !== size) return undefined;
      return { header: header as H, files: blockRefs(path, end + 1, sizes) };
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Write an entry: its header line, then its blocks, in one file (written whole, then renamed). Returns where the
   * blocks are, as offsets into it: another worker or process rewriting the same key writes the same bytes (the
   * header holds nothing but the extraction's own values), so offsets handed out before stay true.
   */
  put<H>(key: string, header: H, blocks: readonly Uint8Array[]): BlockRefs {
    const head = Buffer.from(`${JSON.stringify({ ...header, sizes: blocks.map((b) => b.length) })}\n`, "utf8");
    return writeBlocks(blocksFile(this.dir, key), blocks, head);
  }
}
