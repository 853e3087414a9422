/** A corpus document extracted once per test file, and the values printed on one of its lines. */
import { join } from "node:path";
import { extractFile, type DocumentExtraction } from "../../loaders/extract.ts";
import { CORPUS } from "./helpers.ts";

/** `../shared/corpus/<file>`, extracted on first use and kept. */
export function corpusDocument(file: string): () => DocumentExtraction {
  let cached: DocumentExtraction | null = null;
  return () => (cached ??= extractFile(join(CORPUS, file)));
}

/** The items on source line `n`, keyed by `key` (measure or column label) → value. */
export function valuesOnLine(doc: DocumentExtraction, n: number, key: "measure" | "column_label") {
  return Object.fromEntries(doc.line_items.filter((i) => i.source_line === n).map((i) => [i[key], i.value]));
}
