/**
 * The data version: one short hash of the documents' bytes and the parser's version.
 * Two builds from the same files with the same parser share it; any changed byte or
 * a new parser version gives another. Written into datapackage.json and the Parquet
 * files' metadata (archive.ts), shown on every page and carried by shared links.
 * Content only: renaming or moving a file keeps the version.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { listInputs } from "../extract.ts";

/** The parser's version: the package version. */
export const PARSER_VERSION: string = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf-8")).version;

/** 12 hex digits of SHA-256 over the parser version and the sorted SHA-256 of every input file. */
export function dataVersion(paths: string[], parser: string = PARSER_VERSION): string {
  const files = listInputs(paths).map((path) => createHash("sha256").update(readFileSync(path)).digest("hex"));
  const hash = createHash("sha256").update(`budget-notebooks parser ${parser}\n`);
  for (const file of files.sort()) hash.update(`${file}\n`);
  return hash.digest("hex").slice(0, 12);
}
