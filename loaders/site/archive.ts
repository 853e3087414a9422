/**
 * The site's data: every output table as Arrow (streams for DuckDB-WASM,
 * files for downloads), Parquet and CSV, the datapackage.json, and each
 * document's own small files (loaders/site/doc-files.ts: docs/<doc_id>.json,
 * .txt and, for a PDF document, .pdf), in one zip that Framework serves member
 * by member (`FileAttachment("data/corpus/line_items.arrows")`). Pages name the
 * corpus tables literally; the per-document files are fetched by URL
 * (/_file/data/corpus/docs/<doc_id>.json): `observable preview` serves any
 * member of the zip, and `npm run build` copies the docs/ folder into dist/
 * (scripts/doc-files.mjs), since no page names them.
 * The same batch extraction as the CLI (batch/run.ts), with the same cache,
 * so the site and the CLI can never disagree and a rebuild re-parses only
 * the documents that changed.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { type Zippable, zipSync } from "fflate";
import { DEFAULT_CACHE_DIR } from "../batch/cache.ts";
import { extractBatch } from "../batch/run.ts";
import { DOC_FILES_DIR, docFileJson, docRows, type DocRows } from "./doc-files.ts";

/** A fixed timestamp keeps the archive byte-identical from run to run. */
const MTIME = new Date("2000-01-01T00:00:00Z");

/** "code_system\u0000code" → English name, from the written classifications table. */
function classificationNames(file: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of tableFromIPC(readFileSync(file)).toArray()) {
    const { code_system, code, name_en } = row.toJSON() as Record<string, string | null>;
    if (code_system && code && name_en) names.set(`${code_system}\u0000${code}`, name_en);
  }
  return names;
}

export async function corpusArchive(documentsDir: string, cacheDir: string | null = DEFAULT_CACHE_DIR): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "corpus-"));
  const rowsDir = join(dir, ".doc-rows");
  mkdirSync(rowsDir);
  try {
    // Each document's rows as they come (spooled to disk: memory stays flat), by position in the batch.
    const { texts, documents, stats } = await extractBatch([documentsDir], dir, {
      root: documentsDir,
      formats: ["parquet", "arrow", "csv"],
      cacheDir,
      keepText: true,
      onDocument: (result, position) => writeFileSync(join(rowsDir, `${position}.json`), JSON.stringify(docRows(result.blocks))),
    });
    const files: Zippable = {};
    const add = (name: string, bytes: Uint8Array) => (files[name] = [bytes, { mtime: MTIME, level: 0 }]);
    for (const name of readdirSync(dir).sort()) if (statSync(join(dir, name)).isFile()) add(name, readFileSync(join(dir, name)));
    const names = classificationNames(join(dir, "classifications.arrow"));
    const encoder = new TextEncoder();
    // documents rows are in input order: position i is document i; a duplicate copy kept none of its rows
    documents.forEach((d, position) => {
      const text = texts.get(d.doc_id);
      const rows = text === undefined ? null : (JSON.parse(readFileSync(join(rowsDir, `${position}.json`), "utf8")) as DocRows);
      add(`${DOC_FILES_DIR}/${d.doc_id}.json`, encoder.encode(docFileJson(d, rows, names, stats.data_version)));
      if (text === undefined) return;
      add(`${DOC_FILES_DIR}/${d.doc_id}.txt`, encoder.encode(text));
      // the original PDF, opened at #page=N in the browser's own viewer from the source page
      if (d.source_format === "pdf") add(`${DOC_FILES_DIR}/${d.doc_id}.pdf`, readFileSync(join(documentsDir, d.source_file)));
    });
    return zipSync(files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
