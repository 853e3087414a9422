/** Every output table, in the order they are written and documented. */
import { CLASSIFICATIONS, DOCUMENTS, LINE_ITEMS, PAGES, RESIDUE, TABLES, type OutputName, type TableSpecOut } from "./columns.ts";
import { CHECKS } from "./columns-checks.ts";
import type { DocumentRow } from "./types.ts";
import { NARRATIVE_FACTS } from "./columns-narrative.ts";
import { ENTITIES, PANEL } from "./columns-panel.ts";
import { PERFORMANCE_INDICATORS, PERFORMANCE_PROJECTS } from "./columns-performance.ts";

/** The rows of every output table, by table name (the pipeline's Extraction is one). */
export type OutputRows = { readonly documents: readonly DocumentRow[] } & { readonly [K in Exclude<OutputName, "documents">]: readonly object[] };

export const OUTPUT_TABLES: TableSpecOut[] = [
  DOCUMENTS,
  TABLES,
  LINE_ITEMS,
  NARRATIVE_FACTS,
  PERFORMANCE_PROJECTS,
  PERFORMANCE_INDICATORS,
  CHECKS,
  CLASSIFICATIONS,
  RESIDUE,
  PAGES,
  ENTITIES,
  PANEL,
];
