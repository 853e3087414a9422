// Post-build step: each document's own files (docs/<doc_id>.json, .txt, .pdf; see
// loaders/site/doc-files.ts) and the entity and region pages' files (entities/, regions/;
// loaders/site/entity-files.ts) from the corpus archive the data loader wrote
// (src/.observablehq/cache/data/corpus.tar) into dist/_file/data/corpus/<folder>/, where
// the document, source, entity and region pages fetch them by URL. Framework copies only the archive
// members a page names literally, and these are named by the id in the page's URL.
// `observable preview` needs no such step: it serves any member of the archive at the
// same URL. Deterministic: the same archive gives the same files. Reads only the
// documents' files (it seeks past the corpus tables).
// Usage: tsx scripts/doc-files.ts [dist] [archive]
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {DOC_FILES_DIR} from "../loaders/site/doc-files.ts";
import {ENTITY_FILES_DIR, REGION_FILES_DIR} from "../loaders/site/entity-files.ts";
import {PERFORMANCE_FILES_DIR} from "../loaders/site/performance-files.ts";
import {readTar} from "../loaders/site/tar.ts";

export function copyDocFiles(dist: string, archive: string): {files: number; bytes: number} {
  const folders = [DOC_FILES_DIR, ENTITY_FILES_DIR, REGION_FILES_DIR, PERFORMANCE_FILES_DIR];
  // `observable build` has just emptied dist/: a folder holds only Framework's own copies of
  // the members a page names literally (content-hashed, e.g. performance/summary.<hash>.json,
  // which performance.md preloads), kept beside the unhashed files written here.
  for (const folder of folders) mkdirSync(join(dist, "_file/data/corpus", folder), {recursive: true});
  let files = 0;
  let bytes = 0;
  readTar(archive, (name, read) => {
    const [folder, file, ...rest] = name.split("/");
    if (!folders.includes(folder) || !file) return;
    if (rest.length || file === "." || file === "..") throw new Error(`doc-files: unexpected member ${JSON.stringify(name)} in ${archive}`);
    const data = read();
    writeFileSync(join(dist, "_file/data/corpus", folder, file), data);
    files++;
    bytes += data.length;
  });
  return {files, bytes};
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const dist = process.argv[2] ?? "dist";
  const archive = process.argv[3] ?? "src/.observablehq/cache/data/corpus.tar";
  const t = performance.now();
  const {files, bytes} = copyDocFiles(dist, archive);
  console.log(
    `doc files: ${files} files, ${(bytes / 2 ** 20).toFixed(1)} MiB → ${join(dist, "_file/data/corpus")}/{${DOC_FILES_DIR},${ENTITY_FILES_DIR},${REGION_FILES_DIR},${PERFORMANCE_FILES_DIR}} (${Math.round(performance.now() - t)} ms)`
  );
}
