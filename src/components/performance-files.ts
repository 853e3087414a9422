// The performance page's small files (loaders/site/performance-files.ts writes them into the
// corpus archive; `npm run build` copies them into dist/ with scripts/doc-files.ts): a summary
// for the first paint (counts, the execution × score histogram, per-document indicator counts,
// the per-project chart's rows) and the projects and unmet indicators a page per file, fetched
// as the reader pages on — never the corpus-wide performance tables.
import {fromColumnar, type ColumnarSet} from "./aggregates.js";
import {siteFile, siteFileHref} from "./site-files.js";

/** Rows per page file: projects (the projects table) and unmet indicators. */
export const PERFORMANCE_PAGE_SIZES = {projects: 25, unmet: 20} as const;
/** The per-project chart shows the projects of this many documents (those with the most evaluated projects). */
export const PERFORMANCE_TOP_DOCUMENTS = 12;

type Row = Record<string, any>;

export interface PerformanceSummary {
  projects: number;
  with_rate: number;
  indicators: number;
  unmet: number;
  page_sizes: {projects: number; unmet: number};
  docs: Row[];
  bands: Row[];
  scatter: Row[];
}

export interface SummaryFile extends Omit<PerformanceSummary, "docs" | "bands" | "scatter"> {
  sets: {docs: ColumnarSet; bands: ColumnarSet; scatter: ColumnarSet};
}

const EMPTY: PerformanceSummary = {projects: 0, with_rate: 0, indicators: 0, unmet: 0, page_sizes: PERFORMANCE_PAGE_SIZES, docs: [], bands: [], scatter: []};

/**
 * The summary (no file: a corpus without performance tables), from `url`: the page's
 * FileAttachment of it (content-hashed, and preloaded by the page's <link rel="preload">),
 * else its unhashed copy.
 */
export async function performanceSummary(url = siteFileHref("performance", "summary")): Promise<PerformanceSummary> {
  const response = await fetch(url);
  if (response.status === 404) return EMPTY;
  if (!response.ok) throw new Error(`Unable to load ${url}: HTTP ${response.status}`);
  return decodePerformanceSummary((await response.json()) as SummaryFile);
}

/** The summary file's sets as row objects. */
export function decodePerformanceSummary({sets, ...counts}: SummaryFile): PerformanceSummary {
  return {...counts, docs: fromColumnar(sets.docs), bands: fromColumnar(sets.bands), scatter: fromColumnar(sets.scatter)};
}

/** Page `page` (0-based) of the projects or of the unmet indicators, as row objects. */
export async function performancePage(list: "projects" | "unmet", page: number): Promise<Row[]> {
  const file = await siteFile<ColumnarSet>("performance", `${list}.${page}`);
  return file ? fromColumnar(file) : [];
}
