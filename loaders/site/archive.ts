/**
 * The site's data: every output table as Arrow (streams for DuckDB-WASM,
 * files for downloads), Parquet and CSV, the datapackage.json, and each
 * document's decoded text (for the source pages) and the original of each
 * PDF document (pdf/<doc_id>.pdf, for "page N of the PDF"), in one zip that Framework
 * serves member by member (`FileAttachment("data/corpus/line_items.arrows")`).
 * The same batch extraction as the CLI (batch/run.ts), with the same cache,
 * so the site and the CLI can never disagree and a rebuild re-parses only
 * the documents that changed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Zippable, zipSync } from "fflate";
import { DEFAULT_CACHE_DIR } from "../batch/cache.ts";
import { extractBatch } from "../batch/run.ts";
import { siteAggregatesJson } from "./aggregates.ts";

/** A fixed timestamp keeps the archive byte-identical from run to run. */
const MTIME = new Date("2000-01-01T00:00:00Z");

export async function corpusArchive(documentsDir: string, cacheDir: string | null = DEFAULT_CACHE_DIR): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "corpus-"));
  try {
    const { texts, documents } = await extractBatch([documentsDir], dir, { root: documentsDir, formats: ["parquet", "arrow", "csv"], cacheDir, keepText: true });
    const files: Zippable = {};
    for (const name of readdirSync(dir).sort()) if (statSync(join(dir, name)).isFile()) files[name] = [readFileSync(join(dir, name)), { mtime: MTIME, level: 0 }];
    // the small aggregates the pages paint from before (or without) DuckDB-WASM
    files["aggregates.json"] = [await siteAggregatesJson(dir), { mtime: MTIME, level: 0 }];
    for (const [doc_id, text] of [...texts].sort()) files[`sources/${doc_id}.txt`] = [new TextEncoder().encode(text), { mtime: MTIME, level: 0 }];
    // the original PDFs, opened at #page=N in the browser's own viewer from the source pages
    for (const d of documents)
      if (d.source_format === "pdf" && texts.has(d.doc_id)) files[`pdf/${d.doc_id}.pdf`] = [readFileSync(join(documentsDir, d.source_file)), { mtime: MTIME, level: 0 }];
    return zipSync(files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
