// The doc_id of every document the site is built from, at config time (for the
// parameterized pages /sources/<doc_id> and /documents/<doc_id>). Same files, same
// order and same ids as the extraction (loaders/extract.ts extractFiles): ids come
// from loaders/ingest/read.ts, a second copy of a text gets "-dup<index>", and a file
// that cannot be read (binary, …) has no source text and no page.
import {fileURLToPath} from "node:url";
import {listInputs} from "../loaders/extract.ts";
import {readDocument} from "../loaders/ingest/read.ts";

export const DEFAULT_DOCUMENTS_DIR = fileURLToPath(new URL("../data/documents/", import.meta.url));

export function docIds(dir: string = DEFAULT_DOCUMENTS_DIR): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  listInputs([dir]).forEach((path, index) => {
    let id: string;
    try {
      id = readDocument(path).doc_id;
    } catch {
      return;
    }
    if (seen.has(id)) id = `${id}-dup${index}`;
    else seen.add(id);
    ids.push(id);
  });
  return ids;
}
