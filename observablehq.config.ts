// Observable Framework configuration. Everything here must work offline:
// no web fonts (globalStylesheets: []), no built-in search, no `npm:` imports.
// Pages are listed in `pages`; add an entry per new page (name + path without ".md").
import {docPages} from "./scripts/doc-ids.ts";

export interface PageEntry {
  name: string;
  path: string;
}

export interface PageSection {
  name: string;
  open?: boolean;
  pages: PageEntry[];
}

const documents = docPages();

export const pages: (PageEntry | PageSection)[] = [
  {name: "Overview", path: "/"},
  {name: "Compare", path: "/compare"},
  {name: "Regions", path: "/regions"},
  {name: "Entities", path: "/entity"},
  {name: "Audit", path: "/audit"},
  {name: "Performance", path: "/performance"},
  {name: "Data", path: "/data"},
  {name: "SQL", path: "/sql"},
  {name: "Notebooks", path: "/notebooks/"},
  {name: "信息化建设 spending", path: "/notebooks/it-spending"},
  {name: "Contradictions", path: "/notebooks/contradictions"},
  {
    name: "Documents",
    open: false,
    pages: [...documents].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)).map((d) => ({name: d.label, path: `/documents/${d.id}`}))
  }
];

export default {
  title: "Budget notebooks",
  root: "src",
  pages,
  // One source page and one document page per document (src/sources/[doc].md, src/documents/[doc].md).
  dynamicPaths: documents.flatMap(({id}) => [`/documents/${id}`, `/sources/${id}`]),
  pager: false,
  // The default pulls a Google web font; we ship our own stylesheet instead.
  globalStylesheets: [],
  style: "style.css",
  // Built-in search works offline (MiniSearch is bundled into _observablehq/), but we
  // keep it off until there are enough pages to need it.
  search: false,
  header: "",
  footer: "Budget notebooks — analysis of Chinese public budget disclosures (部门预算 / 部门决算). Offline build.",
  // Emit /compare.html for /compare; scripts/serve.mjs maps clean URLs back to .html.
  preserveExtension: false,
  preserveIndex: false
};
