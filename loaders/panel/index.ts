/**
 * The batch stage after the per-document pipeline: link documents to
 * entities, then build the panel from every document's rows. Deterministic:
 * it reads only the rows, sorted, never the order files were met in.
 */
import type { NarrativeFact } from "../prose/types.ts";
import type { PerformanceProject } from "../performance/types.ts";
import type { ClassificationRow, DocumentRow, LineItem, TableRow } from "../schema/types.ts";
import { linkEntities, type EntityRow } from "./entities.ts";
import { documentFigures, type Figure } from "./figures.ts";
import type { StatedRename } from "./names.ts";
import { buildPanel, type PanelRow } from "./panel.ts";

export type { EntityRow } from "./entities.ts";
export type { PanelRow } from "./panel.ts";
export { statedRenames, type StatedRename } from "./names.ts";

export interface PanelInput {
  documents: DocumentRow[];
  tables: TableRow[];
  line_items: LineItem[];
  narrative_facts: NarrativeFact[];
  performance_projects: PerformanceProject[];
  classifications: ClassificationRow[];
  renames: StatedRename[];
}

function byDoc<T extends { doc_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.doc_id);
    if (list) list.push(r);
    else out.set(r.doc_id, [r]);
  }
  return out;
}

/** Sets documents[].entity_id and returns the entities and panel tables. */
export function panelStage(input: PanelInput): { entities: EntityRow[]; panel: PanelRow[] } {
  const tables = byDoc(input.tables);
  const items = byDoc(input.line_items);
  const facts = byDoc(input.narrative_facts);
  const figuresOf = (document: DocumentRow) =>
    documentFigures({ document, tables: tables.get(document.doc_id) ?? [], items: items.get(document.doc_id) ?? [], facts: facts.get(document.doc_id) ?? [] });
  return panelOfFigures(input.documents, input.renames, input.performance_projects, figuresOf, input.classifications);
}

/**
 * The batch stage from each document's figures (figures.ts; a batch computes them where the document was
 * extracted: write/panel-input.ts) and the departments its 绩效 tables state: sets documents[].entity_id and
 * returns the entities and panel tables.
 */
export function panelOfFigures(
  documents: DocumentRow[],
  renames: StatedRename[],
  projects: ReadonlyArray<Pick<PerformanceProject, "doc_id" | "department">>,
  figuresOf: (document: DocumentRow) => Figure[],
  classifications: ClassificationRow[],
): { entities: EntityRow[]; panel: PanelRow[] } {
  const { entities, byDocument } = linkEntities(documents, renames, projects);
  for (const d of documents) d.entity_id = byDocument.get(d.doc_id) ?? null;
  const figures = documents.flatMap((document) => (byDocument.has(document.doc_id) ? figuresOf(document) : []));
  return { entities, panel: buildPanel(figures, documents, byDocument, classifications) };
}
