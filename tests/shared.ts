/**
 * Material in ../shared/ beside the repository (real disclosures that are never
 * committed). Tests that read it skip, saying why, when it is absent (a plain
 * clone); CI sets REQUIRE_SHARED=1 so that a missing ../shared/ fails there
 * instead of skipping. SHARED_DIR points elsewhere if needed.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const SHARED_DIR = resolve(process.env.SHARED_DIR ?? join(import.meta.dirname, "..", "..", "shared"));

/** The absolute path of `relative` inside ../shared/. */
export function sharedPath(relative: string): string {
  return join(SHARED_DIR, relative);
}

const reported = new Set<string>();

/** Whether ../shared/<relative> exists; if not, prints once that the tests reading it are skipped (or throws under REQUIRE_SHARED). */
export function hasShared(relative = ""): boolean {
  const path = sharedPath(relative);
  if (existsSync(path)) return true;
  const reason = `${path} is absent: tests that read it are skipped`;
  if (process.env.REQUIRE_SHARED) throw new Error(`REQUIRE_SHARED is set but ${reason.replace(": tests that read it are skipped", "")}`);
  if (!reported.has(path)) {
    reported.add(path);
    console.warn(`[skipped] ${reason}`);
  }
  return false;
}

/** `load(path)` when ../shared/<relative> exists; otherwise a stand-in that throws if a (skipped) test touches it. */
export function loadShared<T extends object>(relative: string, load: (path: string) => T): T {
  if (hasShared(relative)) return load(sharedPath(relative));
  return new Proxy({} as T, {
    get() {
      throw new Error(`${sharedPath(relative)} is absent`);
    },
  });
}
