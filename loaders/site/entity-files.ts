/**
 * Small files for the entity and region pages (src/entity.md, src/regions.md), so that
 * neither reads the corpus-wide panel, entities or documents tables:
 *   entities/<entity_id>.json  the entity's row, its parent's and its units' rows, its
 *                              documents (id, year, kind, scope, name, file) and its
 *                              panel rows;
 *   entities/index.json        every entity in a few columns (the list without an id);
 *   regions/index.json         the measures and years the panel has (the page's filters),
 *                              the filters and provinces that have a file;
 *   regions/<measure>.<year>.<phase>.json
 *                              the figure of every body under that filter (all levels;
 *                              bodyValues of src/components/region-values.ts, the page's
 *                              own function), from which the page sums the provinces and
 *                              ranks a province's cities;
 *   regions/<province_code>.json  the province's entities (its list of bodies).
 * Row objects (small files); deterministic: same tables, same bytes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { bodyValues } from "../../src/components/region-values.ts";

export const ENTITY_FILES_DIR = "entities";
export const REGION_FILES_DIR = "regions";

type Row = Record<string, unknown>;

const plain = (value: unknown): unknown => (typeof value === "bigint" ? Number(value) : value === undefined ? null : value);

/** Every row of `<dir>/<name>.arrow` as a plain object. */
function rowsOf(dir: string, name: string): Row[] {
  const table = tableFromIPC(readFileSync(join(dir, `${name}.arrow`)));
  const fields = table.schema.fields.map((f) => f.name);
  const out: Row[] = new Array(table.numRows);
  const columns = fields.map((_, i) => table.getChildAt(i)!);
  for (let r = 0; r < table.numRows; ++r) {
    const row: Row = {};
    fields.forEach((field, i) => (row[field] = plain(columns[i].get(r))));
    out[r] = row;
  }
  return out;
}

const ENTITY_LIST_COLUMNS = [
  "entity_id",
  "name",
  "scope",
  "province",
  "city",
  "region_code",
  "province_code",
  "region_level",
  "parent_id",
  "documents",
  "first_year",
  "last_year",
  "match_rule",
];
const DOCUMENT_COLUMNS = ["doc_id", "entity_id", "year", "kind", "scope_zh", "entity", "source_file"];

const pick = (row: Row, columns: string[]): Row => Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The files (name inside the archive → bytes), in a stable order. */
export function entityRegionFiles(dir: string): [string, Uint8Array][] {
  const entities = rowsOf(dir, "entities");
  const panel = rowsOf(dir, "panel");
  const documents = rowsOf(dir, "documents");
  const files: [string, Uint8Array][] = [];

  // entities
  const sortedEntities = [...entities].sort((a, b) => byKey(String(a.entity_id), String(b.entity_id)));
  files.push([`${ENTITY_FILES_DIR}/index.json`, json(sortedEntities.map((e) => pick(e, ENTITY_LIST_COLUMNS)))]);
  const panelBy = new Map<string, Row[]>();
  for (const p of panel) {
    const list = panelBy.get(String(p.entity_id));
    if (list) list.push(p);
    else panelBy.set(String(p.entity_id), [p]);
  }
  const docsBy = new Map<string, Row[]>();
  for (const d of documents) {
    if (d.entity_id == null) continue;
    const list = docsBy.get(String(d.entity_id));
    if (list) list.push(pick(d, DOCUMENT_COLUMNS));
    else docsBy.set(String(d.entity_id), [pick(d, DOCUMENT_COLUMNS)]);
  }
  const byId = new Map(entities.map((e) => [String(e.entity_id), e]));
  for (const e of sortedEntities) {
    const id = String(e.entity_id);
    const parent = e.parent_id ? (byId.get(String(e.parent_id)) ?? null) : null;
    const units = sortedEntities.filter((x) => x.parent_id === id);
    files.push([`${ENTITY_FILES_DIR}/${id}.json`, json({ entity: e, parent, units, documents: docsBy.get(id) ?? [], panel: panelBy.get(id) ?? [] })]);
  }

  // regions: the filters, the bodies under each filter, the entities of each province
  const regional = panel.filter((p) => p.measure !== "function_class");
  const measures = [...new Map(regional.map((p) => [String(p.measure), String(p.label)])).entries()];
  const years = [...new Set(regional.map((p) => Number(p.year)))].sort((a, b) => b - a);
  const groups = new Map<string, Row[]>();
  for (const p of regional) {
    const key = `${p.measure}.${p.year}.${p.phase}`;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  for (const key of [...groups.keys()].sort(byKey)) {
    const [measure, year, phase] = key.split(".");
    const bodies = bodyValues(groups.get(key)!, entities, { measure, year: Number(year), phase: phase as "budget" | "final", level: "" });
    files.push([`${REGION_FILES_DIR}/${key}.json`, json(bodies)]);
  }
  const provinces = new Map<string, Row[]>();
  for (const e of sortedEntities) {
    if (!e.province_code) continue;
    const list = provinces.get(String(e.province_code));
    if (list) list.push(pick(e, ENTITY_LIST_COLUMNS));
    else provinces.set(String(e.province_code), [pick(e, ENTITY_LIST_COLUMNS)]);
  }
  for (const code of [...provinces.keys()].sort(byKey)) files.push([`${REGION_FILES_DIR}/${code}.json`, json(provinces.get(code))]);
  // the index: the filters offered, and which files exist (the page asks for no missing file)
  const index = { measures, years, filters: [...groups.keys()].sort(byKey), provinces: [...provinces.keys()].sort(byKey) };
  files.splice(
    files.findIndex(([name]) => name.startsWith(`${REGION_FILES_DIR}/`)),
    0,
    [`${REGION_FILES_DIR}/index.json`, json(index)],
  );
  return files;
}
