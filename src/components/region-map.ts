// The region view: a tile-grid map of China's provinces (one square per province in
// its usual tile position; the grid is layout, not data), coloured by one measure of
// the panel for one year and phase, and the bodies of one province ranked. The sums
// are pure functions of the panel and entities rows (tested in Node); the map is
// buttons built with h(): names are set as text.
import {scheme} from "vega";
import {h} from "./dom.js";
import {money} from "./format.js";
import type {ProvinceValue} from "./region-values.js";

// the sums (pure functions of the panel and entities rows) live in region-values.ts
export {atLevel, bodyValues, cityRanking, provinceValues, type BodyValue, type ProvinceValue, type RegionFilter} from "./region-values.js";

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
