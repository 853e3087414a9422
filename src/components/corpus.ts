// The extracted tables of the corpus, served as members of data/corpus.tar
// (built by src/data/corpus.tar.ts from loaders/site/archive.ts). Pages load
// only the tables they query; every table is registered in DuckDB-WASM under
// its own name, so SQL on any page reads the same tables as the CLI writes.
import {FileAttachment} from "observablehq:stdlib";
import {fetchBytes, loadArrow} from "./db.js";

// Arrow IPC streams (.arrows: what insertArrowFromIPCStream reads; the .arrow
// files are the IPC file format, for downloads). `.href` and not the
// FileAttachment itself: a bare *.arrow attachment makes
// Framework add an implicit CDN import of apache-arrow, which fails offline.
export const ARROW_URLS = {
  documents: FileAttachment("../data/corpus/documents.arrows").href,
  tables: FileAttachment("../data/corpus/tables.arrows").href,
  line_items: FileAttachment("../data/corpus/line_items.arrows").href,
  narrative_facts: FileAttachment("../data/corpus/narrative_facts.arrows").href,
  performance_projects: FileAttachment("../data/corpus/performance_projects.arrows").href,
  performance_indicators: FileAttachment("../data/corpus/performance_indicators.arrows").href,
  checks: FileAttachment("../data/corpus/checks.arrows").href,
  classifications: FileAttachment("../data/corpus/classifications.arrows").href,
  residue: FileAttachment("../data/corpus/residue.arrows").href,
  entities: FileAttachment("../data/corpus/entities.arrows").href,
  panel: FileAttachment("../data/corpus/panel.arrows").href
} as const;

export type CorpusTable = keyof typeof ARROW_URLS;
export const CORPUS_TABLES = Object.keys(ARROW_URLS) as CorpusTable[];

/** Register the named tables (all by default) in DuckDB-WASM; resolves when they can be queried. */
export async function loadCorpus(names: readonly CorpusTable[] = CORPUS_TABLES): Promise<void> {
  await Promise.all(names.map((name) => loadArrow(name, ARROW_URLS[name])));
}

/** The Arrow bytes of a table (for painting before DuckDB is up, with apache-arrow's tableFromIPC). */
export function corpusBytes(name: CorpusTable): Promise<Uint8Array> {
  return fetchBytes(ARROW_URLS[name]);
}
