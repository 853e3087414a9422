/**
 * The extraction cache: one gzipped JSON file per document, keyed by the
 * file's SHA-256 and its name as given (it appears in the rows), in a folder
 * per parser version (batch/version.ts). Re-running on unchanged files reads
 * these instead of parsing; changing a file or the parser misses by itself.
 * Workers read and write entries (batch/document-result.ts); opening the
 * cache for a batch removes the folders of other parser versions.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { gunzipSync, gzipSync } from "node:zlib";
import type { DocumentResult } from "./document-result.ts";

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

export class ExtractionCache {
  constructor(private readonly dir: string) {}

  key(sha256: string, source_file: string): string {
    return createHash("sha256").update(sha256).update("\0").update(source_file).digest("hex").slice(0, 32);
  }

  get(key: string): DocumentResult | undefined {
    try {
      return JSON.parse(gunzipSync(readFileSync(join(this.dir, `${key}.json.gz`))).toString("utf8")) as DocumentResult;
    } catch {
      return undefined;
    }
  }

  put(key: string, result: DocumentResult): void {
    const path = join(this.dir, `${key}.json.gz`);
    const tmp = `${path}.${process.pid}-${threadId}.tmp`;
    writeFileSync(tmp, gzipSync(JSON.stringify(result), { level: 1 }));
    renameSync(tmp, path);
  }
}
