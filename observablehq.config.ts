// Observable Framework configuration. Everything here must work offline:
// no web fonts (globalStylesheets: []), no built-in search, no `npm:` imports.
// Pages are listed in `pages`; add an entry per new page (name + path without ".md").
// Notebooks are listed from src/notebooks/ by themselves (scripts/notebooks.ts).
import {parserVersion} from "./loaders/batch/version.ts";
import {documentsDataVersion} from "./scripts/doc-ids.ts";
import {notebookPages} from "./scripts/notebooks.ts";

export interface PageEntry {
  name: string;
  path: string;
}

export interface PageSection {
  name: string;
  open?: boolean;
  pages: PageEntry[];
}

/** The data version (documents + parser), the same the data loader stamps into the data; every page carries it. */
const version = documentsDataVersion();

export const pages: (PageEntry | PageSection)[] = [
  {name: "Overview", path: "/"},
  {name: "Compare", path: "/compare"},
  {name: "Regions", path: "/regions"},
  {name: "Entities", path: "/entity"},
  {name: "Audit", path: "/audit"},
  {name: "Performance", path: "/performance"},
  {name: "Data", path: "/data"},
  {name: "SQL", path: "/sql"},
  {name: "Notebook editor", path: "/notebook"},
  {
    name: "Notebooks",
    open: true,
    pages: [{name: "All notebooks", path: "/notebooks/"}, ...notebookPages().map(({title, path}) => ({name: title, path}))]
  }
];

export default {
  title: "Budget notebooks",
  root: "src",
  pages,
  // No page per document: /document?doc=<doc_id> and /source?doc=<doc_id>#L<n> (src/document.md,
  // src/source.md) take the id from the URL and fetch the document's own files
  // (/_file/data/corpus/docs/<doc_id>.json, .txt, .pdf: loaders/site/doc-files.ts; copied into
  // dist/ by scripts/doc-files.mjs), so the build does not grow with the documents.
  // They are reached from the Overview, Data, Audit and every figure's source link.
  pager: false,
  // The default pulls a Google web font; we ship our own stylesheet instead.
  globalStylesheets: [],
  style: "style.css",
  // Built-in search works offline (MiniSearch is bundled into _observablehq/), but we
  // keep it off until there are enough pages to need it.
  search: false,
  // The data version in every page: read by shared links (src/components/version.ts) and printed in the footer.
  head: `<meta name="bn-data-version" content="${version}"><meta name="bn-parser-version" content="${parserVersion()}">`,
  // "Download PDF" is the browser's print path (the print stylesheet is in src/components/print.css).
  header: `<button type="button" class="bn-print-button" onclick="window.print()" title="Print this page or save it as PDF">Download PDF</button>`,
  footer: `Budget notebooks — analysis of Chinese public budget disclosures (部门预算 / 部门决算). Offline build. <span class="bn-data-version">Data version <code>${version}</code> (documents + parser ${parserVersion()}).</span>`,
  // Emit /compare.html for /compare; scripts/serve.mjs maps clean URLs back to .html.
  preserveExtension: false,
  preserveIndex: false
};
