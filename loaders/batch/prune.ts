/**
 * Removal of other parser versions' files under a cache folder (the worker
 * bundles, the extraction cache). Only entries left untouched for a day go:
 * several checkouts of the project may share one node_modules (and so one
 * cache) while running different parser versions at the same time, and one
 * must not delete what another is using.
 */
import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Removes the entries of `dir` other than `keep` (and temporary `.tmp` files) not modified for `maxAgeMs`. */
export function pruneOtherVersions(dir: string, keep: string, maxAgeMs = DAY_MS): void {
  const now = Date.now();
  for (const other of readdirSync(dir)) {
    if (other === keep || other.endsWith(".tmp")) continue;
    const path = join(dir, other);
    try {
      if (now - statSync(path).mtimeMs > maxAgeMs) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed meanwhile by another process
    }
  }
}
