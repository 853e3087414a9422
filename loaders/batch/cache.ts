/**
 * The extraction cache: per document, keyed by the file's SHA-256 and its
 * name as given (it appears in the rows), in a folder per parser version
 * (batch/version.ts). Re-running on unchanged files reads these instead of
 * parsing; changing a file or the parser misses by itself. An entry is the
 * document's blocks, each a file of its own exactly as the writers read it
 * (`<key>.<i>.csv.gz`: gzipped CSV lines, write/spool.ts), and a small JSON
 * header (`<key>.json`, written last, with every block's size), so a hit
 * hands the writers the files where they are, without reading a row.
 * Workers read and write entries (batch/document-result.ts); opening the
 * cache for a batch removes the folders of other parser versions untouched for a day (batch/prune.ts).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { writeBlocks, writeWhole, type BlockFiles } from "../write/spool.ts";
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

/** What an entry holds: a JSON header and its blocks' files (null for an empty block). */
export interface CacheEntry<H> {
  header: H;
  files: BlockFiles;
}

export class ExtractionCache {
  constructor(private readonly dir: string) {}

  /** The entry, if it is whole (every block file there, of the size the header says). */
  get<H>(key: string): CacheEntry<H> | undefined {
    let text: string;
    try {
      text = readFileSync(join(this.dir, `${key}.json`), "utf8");
    } catch {
      return undefined;
    }
    const { sizes, ...header } = JSON.parse(text) as H & { sizes: number[] };
    const files: BlockFiles = sizes.map((size, i) => (size === 0 ? null : join(this.dir, `${key}.${i}.csv.gz`)));
    for (const [i, file] of files.entries()) if (file && statSync(file, { throwIfNoEntry: false })?.size !== sizes[i]) return undefined;
    return { header: header as H, files };
  }

  /** Write an entry: its blocks, then its header. Returns the blocks' files. */
  put<H>(key: string, header: H, blocks: readonly Uint8Array[]): BlockFiles {
    const files = writeBlocks(this.dir, key, blocks);
    writeWhole(join(this.dir, `${key}.json`), Buffer.from(JSON.stringify({ ...header, sizes: blocks.map((b) => b.length) }), "utf8"));
    return files;
  }
}
