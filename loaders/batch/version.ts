/**
 * Versions. The parser's: the package version plus a hash of every source
 * file of the parsing library (a cached extraction is reused only under the
 * same version, so any change to the parser invalidates the cache by itself).
 * loaders/site/ (how the site packages the rows: archive, per-document files,
 * aggregates) is not the parser and is left out, so changing it keeps the cache.
 * The data's: a hash of the parser version and the documents' bytes, written
 * into datapackage.json and every Parquet file, shown on the pages and carried
 * by shared links; content only, so renaming or moving a file keeps it.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const LOADERS = join(import.meta.dirname, "..");
const PACKAGE = join(LOADERS, "..", "package.json");
/** Not the parser: the site's packaging of the extracted rows. */
const NOT_PARSER = new Set([join(LOADERS, "site")]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!NOT_PARSER.has(path)) out.push(...sourceFiles(path));
    } else if (/\.(ts|mjs|js|json)$/.test(entry.name)) out.push(path);
  }
  return out;
}

let memo: string | undefined;

/** `<package version>+<12 hex digits of the sources' hash>`, e.g. `0.1.0+3f2a9c01b7de`. */
export function parserVersion(): string {
  if (memo) return memo;
  const hash = createHash("sha256");
  for (const file of sourceFiles(LOADERS)) hash.update(relative(LOADERS, file)).update("\0").update(readFileSync(file)).update("\0");
  const version = (JSON.parse(readFileSync(PACKAGE, "utf8")) as { version: string }).version;
  memo = `${version}+${hash.digest("hex").slice(0, 12)}`;
  return memo;
}

/** 16 hex digits of SHA-256 over the parser version and the sorted SHA-256 of every document. */
export function dataVersion(parser: string, sha256s: Iterable<string>): string {
  const hash = createHash("sha256").update(`budget-notebooks parser ${parser}\n`);
  for (const sha of [...sha256s].sort()) hash.update(`${sha}\n`);
  return hash.digest("hex").slice(0, 16);
}
