// The sums of the region view (src/regions.md): the figure of every body under a filter
// (measure, year, phase, level), the provinces' sums and a province's cities ranked. Pure
// functions of the panel and entities rows, run by the data loader to write the region
// files (loaders/site/entity-files.ts) and by the page over them; tested in Node
// (tests/site/region-map.test.ts). The map itself is region-map.ts.

type Row = Record<string, any>;

export interface RegionFilter {
  measure: string;
  year: number | null;
  phase: "budget" | "final";
  /** Level of the bodies compared: province, city, county, district, or "" for all. */
  level: string;
  /** 类 code, for measure function_class. */
  code?: string | null;
}

/** One body's figure under the filter, with what the row says of its source. */
export interface BodyValue {
  entity_id: string;
  name: string;
  scope: string;
  level: string | null;
  province_code: string | null;
  city_code: string | null;
  city: string | null;
  amount_wan: number;
  derived: boolean;
  doc_id: string;
  source_lines: number[];
}

/**
 * The figure of every body under the filter. A unit whose department has its own
 * figure is left out: the department's consolidated accounts include it.
 */
export function bodyValues(panel: Row[], entities: Row[], f: RegionFilter): BodyValue[] {
  const byId = new Map(entities.map((e) => [e.entity_id, e]));
  const chosen = panel.filter(
    (p) => p.measure === f.measure && p.year === f.year && p.phase === f.phase && (f.measure !== "function_class" || p.code === f.code)
  );
  const present = new Set(chosen.map((p) => p.entity_id));
  return chosen
    .map((p) => ({p, e: byId.get(p.entity_id)}))
    .filter((x): x is {p: Row; e: Row} => Boolean(x.e))
    .filter(({e}) => e.province_code && (!f.level || e.region_level === f.level) && !(e.parent_id && present.has(e.parent_id)))
    .map(({p, e}) => ({
      entity_id: e.entity_id,
      name: e.name,
      scope: e.scope,
      level: e.region_level,
      province_code: e.province_code,
      city_code: e.city_code,
      city: e.city,
      amount_wan: p.amount_wan,
      derived: Boolean(p.derived),
      doc_id: p.doc_id,
      source_lines: typeof p.source_lines === "string" ? JSON.parse(p.source_lines) : [p.source_line]
    }))
    .sort((a, b) => b.amount_wan - a.amount_wan || a.name.localeCompare(b.name));
}

export interface ProvinceValue {
  province_code: string;
  amount_wan: number;
  bodies: number;
}

/** Sum of the bodies' figures by province. */
export function provinceValues(bodies: BodyValue[]): Map<string, ProvinceValue> {
  const out = new Map<string, ProvinceValue>();
  for (const b of bodies) {
    const held = out.get(b.province_code!) ?? {province_code: b.province_code!, amount_wan: 0, bodies: 0};
    held.amount_wan = Math.round((held.amount_wan + b.amount_wan) * 1e6) / 1e6;
    held.bodies += 1;
    out.set(b.province_code!, held);
  }
  return out;
}

/** The cities of one province ranked by the sum of their bodies' figures (province-level bodies apart). */
export function cityRanking(bodies: BodyValue[], province_code: string): {city_code: string | null; city: string; amount_wan: number; bodies: BodyValue[]}[] {
  const groups = new Map<string, BodyValue[]>();
  for (const b of bodies.filter((x) => x.province_code === province_code)) {
    const key = b.city_code ?? `province:${b.province_code}`;
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  return [...groups.values()]
    .map((list) => ({
      city_code: list[0].city_code,
      city: list[0].city ?? "省级及直辖 province level",
      amount_wan: Math.round(list.reduce((s, b) => s + b.amount_wan, 0) * 1e6) / 1e6,
      bodies: list
    }))
    .sort((a, b) => b.amount_wan - a.amount_wan || a.city.localeCompare(b.city));
}

/** The bodies of one level ("" for all): the same as bodyValues with that level (a unit is left out when its department has a figure, whatever the department's level). */
export function atLevel(bodies: BodyValue[], level: string): BodyValue[] {
  return level ? bodies.filter((b) => b.level === level) : bodies;
}
