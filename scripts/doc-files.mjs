#!/usr/bin/env node
// Post-build step: each document's own files (docs/<doc_id>.json, .txt, .pdf; see
// loaders/site/doc-files.ts) from the corpus archive the data loader wrote
// (src/.observablehq/cache/data/corpus.zip) into dist/_file/data/corpus/docs/, where
// the document and source pages fetch them by URL. Framework copies only the archive
// members a page names literally, and these are named by the id in the page's URL.
// `observable preview` needs no such step: it serves any member of the archive at the
// same URL. Deterministic: the same archive gives the same files.
// Usage: node scripts/doc-files.mjs [dist] [archive]
import {mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {unzipSync} from "fflate";

export const DOCS_PREFIX = "docs/";

export function copyDocFiles(dist, archive) {
  const out = join(dist, "_file/data/corpus");
  rmSync(join(out, DOCS_PREFIX), {recursive: true, force: true});
  const members = unzipSync(readFileSync(archive), {filter: (file) => file.name.startsWith(DOCS_PREFIX) && !file.name.endsWith("/")});
  let bytes = 0;
  const names = Object.keys(members).sort();
  for (const name of names) {
    if (name.split("/").some((part) => part === ".." || part === "")) throw new Error(`doc-files: unsafe member name ${JSON.stringify(name)} in ${archive}`);
    const path = join(out, name);
    mkdirSync(dirname(path), {recursive: true});
    writeFileSync(path, members[name]);
    bytes += members[name].length;
  }
  return {files: names.length, bytes};
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const dist = process.argv[2] ?? "dist";
  const archive = process.argv[3] ?? "src/.observablehq/cache/data/corpus.zip";
  const t = performance.now();
  const {files, bytes} = copyDocFiles(dist, archive);
  console.log(`doc files: ${files} files, ${(bytes / 2 ** 20).toFixed(1)} MiB → ${join(dist, "_file/data/corpus", DOCS_PREFIX)} (${Math.round(performance.now() - t)} ms)`);
}
