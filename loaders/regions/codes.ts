/**
 * GB/T 2260 codes of a document's region: the province, city and county
 * names that document/ read from the text, looked up in the national list.
 * A name is taken only when the list holds it exactly once where it is
 * looked for (within the province or city already known, else nationwide);
 * a name it lacks, or holds more than once, stays null with a message.
 */
import { divisions, levelOfCode, type Division, type DivisionLevel } from "./divisions.ts";

/** The region fields a document carries (see loaders/document/region.ts). */
export interface RegionNames {
  province: string | null;
  city: string | null;
  /** Province + city + county as printed, e.g. 四川省乐山市, 上海市普陀区. */
  region: string | null;
}

export interface RegionCodes {
  province_code: string | null;
  city_code: string | null;
  county_code: string | null;
  /** The most specific of the three. */
  region_code: string | null;
  /** Level read from region_code: province, city, district or county. */
  region_level: DivisionLevel | null;
}

export interface RegionLookup extends RegionCodes {
  /** Why a name was left without a code; empty when every name found one. */
  messages: string[];
}

/** The county part of `region`: what follows the province and city names. */
export function countyName({ province, city, region }: RegionNames): string | null {
  if (!region) return null;
  let rest = region;
  for (const part of [province, city]) if (part && rest.startsWith(part)) rest = rest.slice(part.length);
  return rest && rest !== region ? rest : null;
}

type Pick = { found: Division } | { message: string };

function pick(kind: string, name: string, candidates: Division[], within: string | null): Pick {
  if (candidates.length === 1) return { found: candidates[0] };
  const where = within ? ` under ${within}` : "";
  if (candidates.length === 0) return { message: `${kind} ${name} is not in the division list${where}; its code is left empty` };
  return { message: `${kind} ${name} is ambiguous${where}: ${candidates.map((d) => d.code).join(", ")}; its code is left empty` };
}

export function regionCodes(names: RegionNames): RegionLookup {
  const list = divisions();
  const messages: string[] = [];
  let province: Division | null = null;
  let city: Division | null = null;
  let county: Division | null = null;
  if (names.province) {
    const p = pick(
      "province",
      names.province,
      list.provinces.filter((d) => d.name === names.province),
      null,
    );
    if ("found" in p) province = p.found;
    else messages.push(p.message);
  }
  if (names.city && (province || !names.province)) {
    const all = list.citiesByName.get(names.city) ?? [];
    const c = pick("city", names.city, province ? all.filter((d) => d.province_code === province!.code) : all, province?.name ?? null);
    if ("found" in c) city = c.found;
    else messages.push(c.message);
  }
  const countyText = countyName(names);
  if (countyText && (city || province) && !(names.city && !city)) {
    const all = list.countiesByName.get(countyText) ?? [];
    const within = city ? all.filter((d) => d.city_code === city!.code) : all.filter((d) => d.province_code === province!.code);
    const k = pick("county", countyText, within, (city ?? province)!.name);
    if ("found" in k) county = k.found;
    else messages.push(k.message);
  }
  if (!province && city) province = list.byCode.get(city.province_code) ?? null;
  if (!names.province && !names.city && !countyText) messages.push("no province, city or county named; region codes left empty");
  // a part named but not found leaves the most specific level unknown
  const region_code = messages.length ? null : (county?.code ?? city?.code ?? province?.code ?? null);
  return {
    province_code: province?.code ?? null,
    city_code: city?.code ?? null,
    county_code: county?.code ?? null,
    region_code,
    region_level: region_code ? levelOfCode(region_code) : null,
    messages,
  };
}

/** Name of a code in the list (province, city or county), for labels. */
export function divisionName(code: string | null): string | null {
  return code ? (divisions().byCode.get(code)?.name ?? null) : null;
}
