// The region view: a tile-grid map of China's provinces (one square per province in
// its usual tile position; the grid is layout, not data), coloured by one measure of
// the panel for one year and phase, and the bodies of one province ranked. The sums
// are pure functions of the panel and entities rows (tested in Node); the map is
// buttons built with h(): names are set as text.
import {scheme} from "vega";
import {h} from "./dom.js";
import {money} from "./format.js";

type Row = Record<string, any>;

/** Tile positions (row, column) of the 31 province-level divisions with their usual short names. */
export const TILES: {code: string; short: string; row: number; col: number}[] = [
  {code: "230000", short: "黑龙江", row: 0, col: 9},
  {code: "650000", short: "新疆", row: 1, col: 1},
  {code: "150000", short: "内蒙古", row: 1, col: 6},
  {code: "220000", short: "吉林", row: 1, col: 9},
  {code: "620000", short: "甘肃", row: 2, col: 4},
  {code: "110000", short: "北京", row: 2, col: 7},
  {code: "210000", short: "辽宁", row: 2, col: 9},
  {code: "540000", short: "西藏", row: 3, col: 1},
  {code: "630000", short: "青海", row: 3, col: 3},
  {code: "640000", short: "宁夏", row: 3, col: 4},
  {code: "140000", short: "山西", row: 3, col: 6},
  {code: "130000", short: "河北", row: 3, col: 7},
  {code: "120000", short: "天津", row: 3, col: 8},
  {code: "510000", short: "四川", row: 4, col: 3},
  {code: "610000", short: "陕西", row: 4, col: 5},
  {code: "410000", short: "河南", row: 4, col: 6},
  {code: "370000", short: "山东", row: 4, col: 7},
  {code: "500000", short: "重庆", row: 5, col: 4},
  {code: "420000", short: "湖北", row: 5, col: 5},
  {code: "340000", short: "安徽", row: 5, col: 6},
  {code: "320000", short: "江苏", row: 5, col: 7},
  {code: "310000", short: "上海", row: 5, col: 8},
  {code: "530000", short: "云南", row: 6, col: 3},
  {code: "520000", short: "贵州", row: 6, col: 4},
  {code: "430000", short: "湖南", row: 6, col: 5},
  {code: "360000", short: "江西", row: 6, col: 6},
  {code: "330000", short: "浙江", row: 6, col: 7},
  {code: "450000", short: "广西", row: 7, col: 4},
  {code: "440000", short: "广东", row: 7, col: 5},
  {code: "350000", short: "福建", row: 7, col: 6},
  {code: "460000", short: "海南", row: 8, col: 5}
];

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

/** Where a value sits between min and max (1 when all are equal). */
const tileShare = (value: number, min: number, max: number) => (max > min ? (value - min) / (max - min) : 1);

/** Colour of a value on Vega's "blues" scheme, from the lightest (min) to the darkest (max). */
export function tileColour(value: number, min: number, max: number): string {
  const interpolate = scheme("blues") as (t: number) => string;
  return interpolate(0.15 + 0.8 * tileShare(value, min, max));
}

/**
 * The tile map: a grid of buttons, one per province; provinces with a figure carry
 * data-value and their colour; a click calls `onPick` with the province code.
 */
export function tileMap(values: Map<string, ProvinceValue>, selected: string | null, onPick: (code: string) => void): HTMLDivElement {
  const amounts = [...values.values()].map((v) => v.amount_wan);
  const [min, max] = [Math.min(...amounts), Math.max(...amounts)];
  const tiles = TILES.map((t) => {
    const v = values.get(t.code);
    const button = h(
      "button",
      {
        type: "button",
        className: `bn-tile${v ? " bn-tile-data" : ""}${selected === t.code ? " bn-tile-selected" : ""}`,
        title: v ? `${t.short}: ${money(v.amount_wan)} 万元 (${v.bodies} bodies)` : `${t.short}: no figure`,
        data: {province: t.code, value: v?.amount_wan ?? null, bodies: v?.bodies ?? null},
        attrs: {
          style: `grid-row: ${t.row + 1}; grid-column: ${t.col + 1};${v ? ` background: ${tileColour(v.amount_wan, min, max)}; color: ${tileShare(v.amount_wan, min, max) > 0.55 ? "#fff" : "#111"};` : ""}`,
          "aria-pressed": String(selected === t.code)
        }
      },
      h("span", {className: "bn-tile-name", text: t.short}),
      v ? h("span", {className: "bn-tile-value", text: money(v.amount_wan)}) : null
    );
    button.addEventListener("click", () => onPick(t.code));
    return button;
  });
  return h("div", {className: "bn-tile-map", id: "tile-map", role: "group", "aria-label": "Provinces 省份"}, tiles);
}
