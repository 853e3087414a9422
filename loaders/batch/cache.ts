/**
 * The extraction cache: one file per document, keyed by the file's SHA-256
 * and its name as given (it appears in the rows), in a folder per parser
 * version (batch/version.ts). Re-running on unchanged files reads these
 * instead of parsing; changing a file or the parser misses by itself.
 * An entry holds the document's row blocks exactly as the spool takes them
 * (gzipped JSON lines, write/spool.ts) behind a small JSON header, so a hit
 * appends bytes to the spool without decoding a row.
 *   "BNC1" | header length (uint32 LE) | header JSON | block 0 | block 1 | …
 * Workers read and write entries (batch/document-result.ts); opening the
 * cache for a batch removes the folders of other parser versions.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";

/** Where the CLI and the site's data loader keep the cache by default: under the project's node_modules/.cache. */
export const DEFAULT_CACHE_DIR = join(import.meta.dirname, "..", "..", "node_modules", ".cache", "budget-notebooks", "extract");

/** The folder of this parser version under `root`, created; other versions' folders are removed. */
export function openCache(root: string, version: string): string {
  const folder = version.replace(/[^\w.+-]/g, "_");
  mkdirSync(root, { recursive: true });
  for (const other of readdirSync(root)) if (other !== folder) rmSync(join(root, other), { recursive: true, force: true });
  mkdirSync(join(root, folder), { recursive: true });
  return join(root, folder);
}

/** The cache key of a file: its content's SHA-256 and its name in the rows. */
export function cacheKey(sha256: string, source_file: string): string {
  return createHash("sha256").update(sha256).update("\0").update(source_file).digest("hex").slice(0, 32);
}

/** What an entry holds: a JSON header and binary blocks. */
export interface CacheEntry<H> {
  header: H;
  blocks: Uint8Array[];
}

const MAGIC = Buffer.from("BNC1");

export class ExtractionCache {
  constructor(private readonly dir: string) {}

  get<H>(key: string): CacheEntry<H> | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.dir, `${key}.bin`));
    } catch {
      return undefined;
    }
    if (bytes.length < 8 || !bytes.subarray(0, 4).equals(MAGIC)) return undefined;
    const length = bytes.readUInt32LE(4);
    const { sizes, ...header } = JSON.parse(bytes.toString("utf8", 8, 8 + length)) as H & { sizes: number[] };
    const blocks: Uint8Array[] = [];
    let at = 8 + length;
    for (const size of sizes) {
      blocks.push(bytes.subarray(at, at + size));
      at += size;
    }
    if (at !== bytes.length) return undefined; // truncated or trailing bytes: treat as a miss
    return { header: header as H, blocks };
  }

  put<H>(key: string, entry: CacheEntry<H>): void {
    const path = join(this.dir, `${key}.bin`);
    const tmp = `${path}.${process.pid}-${threadId}.tmp`;
    const header = Buffer.from(JSON.stringify({ ...entry.header, sizes: entry.blocks.map((b) => b.length) }), "utf8");
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    writeFileSync(tmp, Buffer.concat([MAGIC, length, header, ...entry.blocks]));
    renameSync(tmp, path);
  }
}
