/**
 * The site's data: every output table as Arrow (for DuckDB-WASM), Parquet
 * and CSV (for downloads), the datapackage.json, and each document's decoded
 * text (for the source pages), in one zip, stamped with the data version (version.ts), that Framework serves member by
 * member (`FileAttachment("data/corpus/line_items.arrow")`). One extraction
 * serves every page, so the site and the CLI can never disagree.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync, type Zippable } from "fflate";
import { extractFiles } from "../extract.ts";
import { dataPackage } from "../schema/dictionary.ts";
import { writeOutputs } from "../write/outputs.ts";
import { dataVersion, PARSER_VERSION } from "./version.ts";

/** A fixed timestamp keeps the archive byte-identical from run to run. */
const MTIME = new Date("2000-01-01T00:00:00Z");

export async function corpusArchive(documentsDir: string): Promise<Uint8Array> {
  const texts = new Map<string, string>();
  const extraction = extractFiles([documentsDir], {
    root: documentsDir,
    onDocument: (d) => d.source && texts.set(d.document.doc_id, d.source.lines.join("\n")),
  });
  const version = dataVersion([documentsDir]);
  const dir = mkdtempSync(join(tmpdir(), "corpus-"));
  try {
    await writeOutputs(dir, extraction, { csv: true, metadata: { data_version: version, parser_version: PARSER_VERSION } });
    const files: Zippable = {};
    for (const name of readdirSync(dir).sort()) files[name] = [readFileSync(join(dir, name)), { mtime: MTIME, level: 0 }];
    const pkg = JSON.stringify({ ...dataPackage(), version, "x-parser-version": PARSER_VERSION }, null, 2);
    files["datapackage.json"] = [new TextEncoder().encode(pkg), { mtime: MTIME, level: 0 }];
    for (const [doc_id, text] of [...texts].sort()) files[`sources/${doc_id}.txt`] = [new TextEncoder().encode(text), { mtime: MTIME, level: 0 }];
    return zipSync(files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
