/**
 * `panel <file-or-folder>...`: extract, then print the entities the linking
 * found (with the rules that joined their documents) and the panel's rows
 * per measure and per entity.
 */
import { PANEL_MEASURES } from "../schema/measures.ts";
import type { DocumentRow } from "../schema/types.ts";
import type { EntityRow } from "./entities.ts";
import type { PanelRow } from "./panel.ts";

/** The report of an extraction (the CLI extracts: the panel does not import the pipeline). */
export function panelReport(x: { documents: DocumentRow[]; entities: EntityRow[]; panel: PanelRow[] }): string[] {
  const out: string[] = [];
  const linked = x.documents.filter((d) => d.entity_id).length;
  out.push(
    `${x.documents.length} documents, ${linked} linked to ${x.entities.filter((e) => e.documents > 0).length} entities (+${x.entities.filter((e) => e.documents === 0).length} departments known only as a unit's parent)`,
  );
  out.push("", "entity_id    scope       region  parent       docs years      rules / name");
  for (const e of x.entities) {
    const years = e.first_year === null ? "-" : e.first_year === e.last_year ? `${e.first_year}` : `${e.first_year}–${e.last_year}`;
    out.push(
      `${e.entity_id}  ${e.scope.padEnd(10)}  ${(e.region_code ?? "-").padEnd(6)}  ${(e.parent_id ?? "-").padEnd(11)}  ${String(e.documents).padStart(4)} ${years.padEnd(9)}  ${e.name}  [${e.match_rule}]`,
    );
    if (e.parent_rule) out.push(`${" ".repeat(13)}parent: ${e.parent_rule}`);
  }
  out.push(
    "",
    `panel: ${x.panel.length} rows (${x.panel.filter((p) => p.derived).length} derived), ${x.panel.filter((p) => p.execution_rate !== null && p.phase === "final").length} with budget and final side by side`,
  );
  out.push("measure                 rows  derived  entities");
  for (const m of Object.keys(PANEL_MEASURES)) {
    const rows = x.panel.filter((p) => p.measure === m);
    if (rows.length)
      out.push(
        `${m.padEnd(22)} ${String(rows.length).padStart(5)}  ${String(rows.filter((p) => p.derived).length).padStart(7)}  ${String(new Set(rows.map((p) => p.entity_id)).size).padStart(8)}`,
      );
  }
  out.push("", "entity_id    years      rows  derived  name");
  for (const e of x.entities) {
    const rows = x.panel.filter((p) => p.entity_id === e.entity_id);
    if (!rows.length) continue;
    const years = [...new Set(rows.map((p) => p.year))].sort().join(",");
    out.push(
      `${e.entity_id}  ${years.padEnd(9)} ${String(rows.length).padStart(5)}  ${String(rows.filter((p) => p.derived).length).padStart(7)}  ${e.name}${e.scope === "unit" ? "（本级/单位）" : ""}`,
    );
  }
  return out;
}
