// The documents the site is built from, at config time: their data version (stamped
// into every page; observablehq.config.ts), and their doc_ids (the browser tests open
// /document?doc=<id> and /source?doc=<id> with them). Same files, same order and same
// ids as the extraction (loaders/extract.ts extractFiles): ids come from
// loaders/ingest/source.ts (a PDF by its text layer), a second copy of a text gets
// "-dup<index>", and a file that cannot be read (binary, …) has no source text.
// The site no longer builds a page per document: nothing here runs per document at build time
// but the data version's hash of each file.
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {dataVersion, parserVersion} from "../loaders/batch/version.ts";
import {listInputs} from "../loaders/extract.ts";
import {readSource} from "../loaders/ingest/source.ts";

export const DEFAULT_DOCUMENTS_DIR = fileURLToPath(new URL("../data/documents/", import.meta.url));

/** The doc_id of every readable document in `dir`, in input order. */
export function docIds(dir: string = DEFAULT_DOCUMENTS_DIR): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  listInputs([dir]).forEach((path, index) => {
    let id: string;
    try {
      id = readSource(new Uint8Array(readFileSync(path)), path).doc_id;
    } catch {
      return;
    }
    if (seen.has(id)) id = `${id}-dup${index}`;
    else seen.add(id);
    ids.push(id);
  });
  return ids;
}

/** The data version of the documents in `dir`, as the data loader stamps it into the data (loaders/batch/run.ts). */
export function documentsDataVersion(dir: string = DEFAULT_DOCUMENTS_DIR): string {
  return dataVersion(parserVersion(), listInputs([dir]).map((path) => createHash("sha256").update(readFileSync(path)).digest("hex")));
}
