/**
 * The panel stage of a batch (write/corpus.ts): the per-document rows it
 * needs are read back from the stage database, only the columns and rows
 * the figures can use, then panelStage runs as for an in-memory extraction.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { NarrativeFact } from "../prose/types.ts";
import type { PerformanceProject } from "../performance/types.ts";
import type { ClassificationRow, DocumentRow, LineItem, TableRow } from "../schema/types.ts";
import { panelStage, type EntityRow, type PanelRow } from "./index.ts";
import type { StatedRename } from "./names.ts";

/** line_items measures the figures read (figures.ts). */
const MEASURES = [
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
];

async function rows<T>(conn: DuckDBConnection, sql: string): Promise<T[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as unknown as T[];
}

export async function panelFromStage(
  conn: DuckDBConnection,
  documents: DocumentRow[],
  renames: StatedRename[],
  classifications: ClassificationRow[],
): Promise<{ entities: EntityRow[]; panel: PanelRow[] }> {
  const measures = MEASURES.map((m) => `'${m}'`).join(", ");
  return panelStage({
    documents,
    classifications,
    renames,
    tables: await rows<TableRow>(conn, "SELECT doc_id, table_id, family, title_line, status FROM tables ORDER BY _doc, _row"),
    line_items: await rows<LineItem>(
      conn,
      `SELECT * EXCLUDE (_doc, _row) FROM line_items WHERE amount_wan IS NOT NULL AND measure IN (${measures}) ORDER BY _doc, _row`,
    ),
    narrative_facts: await rows<NarrativeFact>(
      conn,
      "SELECT * EXCLUDE (_doc, _row) FROM narrative_facts WHERE amount_wan IS NOT NULL AND year IS NOT NULL ORDER BY _doc, _row",
    ),
    performance_projects: await rows<PerformanceProject>(
      conn,
      "SELECT doc_id, department FROM performance_projects WHERE department IS NOT NULL ORDER BY _doc, _row",
    ),
  });
}
