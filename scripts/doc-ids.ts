// The doc_id of every document the site is built from, at config time (for the
// parameterized pages /sources/<doc_id> and /documents/<doc_id>). Same files, same
// order and same ids as the extraction (loaders/extract.ts extractFiles): ids come
// from loaders/ingest/source.ts (a PDF by its text layer), a second copy of a text gets
// "-dup<index>", and a file that cannot be read (binary, …) has no source text and no page.
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {dataVersion, parserVersion} from "../loaders/batch/version.ts";
import {readMetadata} from "../loaders/document/metadata.ts";
import {listInputs} from "../loaders/extract.ts";
import {readSource} from "../loaders/ingest/source.ts";

export const DEFAULT_DOCUMENTS_DIR = fileURLToPath(new URL("../data/documents/", import.meta.url));

export interface DocPage {
  id: string;
  /** Entity, year and kind read from the content, for the sidebar: 达州市医疗保障局（汇总） 2023 决算. */
  label: string;
  /** A PDF document: it has a /pdf/<doc_id> page that opens the original. */
  pdf: boolean;
}

export function docPages(dir: string = DEFAULT_DOCUMENTS_DIR): DocPage[] {
  const pages: DocPage[] = [];
  const seen = new Set<string>();
  listInputs([dir]).forEach((path, index) => {
    let doc: ReturnType<typeof readSource>;
    try {
      doc = readSource(new Uint8Array(readFileSync(path)), path);
    } catch {
      return;
    }
    let id = doc.doc_id;
    if (seen.has(id)) id = `${id}-dup${index}`;
    else seen.add(id);
    const meta = readMetadata(doc.lines);
    const kind = meta.kind === "budget" ? "预算" : meta.kind === "final" ? "决算" : "";
    const label = [meta.entity ?? path.split("/").pop(), meta.year, kind].filter(Boolean).join(" ");
    pages.push({id, label, pdf: doc.source_format === "pdf"});
  });
  return pages;
}

export function docIds(dir: string = DEFAULT_DOCUMENTS_DIR): string[] {
  return docPages(dir).map((p) => p.id);
}

/** The data version of the documents in `dir`, as the data loader stamps it into the data (loaders/batch/run.ts). */
export function documentsDataVersion(dir: string = DEFAULT_DOCUMENTS_DIR): string {
  return dataVersion(parserVersion(), listInputs([dir]).map((path) => createHash("sha256").update(readFileSync(path)).digest("hex")));
}
