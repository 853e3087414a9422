/**
 * The panel stage of a batch (write/corpus.ts) needs of each document only
 * its figures (panel/figures.ts) and the departments its 绩效 tables state: both
 * are computed where the document is extracted (batch/document-result.ts)
 * and travel with its documents row (and its cache entry), so the end of the
 * batch reads no row back. The figures are computed from the rows as the
 * writers store them: only the rows and columns the figures use, each value
 * coerced to its column type (write/row-csv.ts cellValue), then through JSON
 * (what a cache entry holds), so a cached and a fresh document give the same
 * figures.
 */
import { documentFigures, type Figure } from "../panel/figures.ts";
import type { NarrativeFact } from "../prose/types.ts";
import type { PerformanceProject } from "../performance/types.ts";
import type { ColumnType, TableSpecOut } from "../schema/columns.ts";
import { OUTPUT_TABLES } from "../schema/outputs.ts";
import type { DocumentRow, LineItem, TableRow } from "../schema/types.ts";
import { cellValue } from "./row-csv.ts";

/** What the batch's panel stage keeps of one document. */
export interface PanelInput {
  figures: Figure[];
  /** Its 绩效 projects' stated departments, in row order (entities.ts: a unit's 主管部门). */
  departments: Array<{ doc_id: string; department: string }>;
}

/** line_items measures the figures read (figures.ts). */
const MEASURES = new Set([
  "grand_total",
  "total",
  "budget",
  "basic",
  "project",
  "personnel",
  "public_expenses",
  "three_public_total",
  "overseas_travel",
  "vehicles_total",
  "vehicle_purchase",
  "vehicle_operation",
  "official_reception",
  "agency_running_costs",
]);

/** The columns of each table that figures.ts reads. */
const COLUMNS = {
  tables: ["doc_id", "table_id", "family", "title_line", "status"],
  line_items: ["doc_id", "table_id", "measure", "side", "code_system", "code", "code_level", "unit_code", "row_label", "row_index", "source_line", "source_text", "amount_wan"],
  narrative_facts: ["doc_id", "year", "measure", "subject", "code", "amount_wan", "derived", "formula", "source_line", "source_text"],
};

/** Rows with only the given columns, each value as the stage table holds it. */
function staged<T>(table: keyof typeof COLUMNS, rows: readonly object[]): T[] {
  const spec = OUTPUT_TABLES.find((t) => t.name === table) as TableSpecOut;
  const types = new Map<string, ColumnType>(spec.columns.map((c) => [c.name, c.type]));
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const c of COLUMNS[table]) out[c] = cellValue((row as Record<string, unknown>)[c], types.get(c)!);
    return out as T;
  });
}

export function documentPanelInput(d: {
  document: DocumentRow;
  tables: readonly TableRow[];
  line_items: readonly LineItem[];
  narrative_facts: readonly NarrativeFact[];
  performance_projects: readonly PerformanceProject[];
}): PanelInput {
  const figures = documentFigures({
    document: d.document,
    tables: staged<TableRow>("tables", d.tables),
    // the measures first (a string column, staged as it is): most rows are not of them
    items: staged<LineItem>(
      "line_items",
      d.line_items.filter((i) => MEASURES.has(i.measure)),
    ).filter((i) => i.amount_wan !== null),
    facts: staged<NarrativeFact>("narrative_facts", d.narrative_facts).filter((f) => f.amount_wan !== null && f.year !== null),
  });
  const departments = d.performance_projects.flatMap((p) => {
    const department = cellValue(p.department, "string") as string | null;
    return department === null ? [] : [{ doc_id: d.document.doc_id, department }];
  });
  return JSON.parse(JSON.stringify({ figures, departments })) as PanelInput;
}
