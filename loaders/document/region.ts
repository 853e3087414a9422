/**
 * Region and administrative level from an entity name such as
 * 四川省医疗保障局, 达州市医疗保障局, 四川省乐山市医疗保障局, 上海市普陀区财政局.
 * Where the name holds no province (达州市…), the province most often
 * named in the text stands in (a city's documents name their province).
 */

const MUNICIPALITIES = ["北京市", "上海市", "天津市", "重庆市"];
/** China's province-level divisions (reference data, not sample data). */
export const PROVINCES = [
  ...MUNICIPALITIES,
  ...["河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾"].map((p) => p + "省"),
  "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
];
const PROVINCE = new RegExp(`^(${PROVINCES.join("|")})`);
const CITY = /^([\u4e00-\u9fa5]{2,4}?(?:市|自治州|州|地区|盟))/;
const COUNTY = /^([\u4e00-\u9fa5]{1,4}?(?:区|县|自治县|旗|市))(?=[\u4e00-\u9fa5]{2,})/;

export interface Region {
  province: string | null;
  city: string | null;
  county: string | null;
  region: string | null;
  level: string | null; // province | city | county | district
}

const ANY_PROVINCE = new RegExp(PROVINCES.join("|"), "g");
/** Every province name ends in one of these. */
export const PROVINCE_END = /[省市区]/;

/** The province named most often in the text, given whole or as lines (ties: first met). */
export function dominantProvince(text: string | readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const part of typeof text === "string" ? [text] : text) {
    if (!PROVINCE_END.test(part)) continue;
    ANY_PROVINCE.lastIndex = 0;
    for (let m = ANY_PROVINCE.exec(part); m; m = ANY_PROVINCE.exec(part)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [name, n] of counts) if (n > bestCount) [best, bestCount] = [name, n];
  return bestCount >= 2 ? best : null;
}

/** `text`: the document, whole or as its lines (a province name never spans lines). */
export function regionOf(entity: string | null, text: string | readonly string[]): Region {
  if (!entity) {
    const province = dominantProvince(text);
    return { province, city: null, county: null, region: province, level: null };
  }
  let rest = entity;
  let province: string | null = null;
  const p = rest.match(PROVINCE);
  if (p) {
    province = p[1];
    rest = rest.slice(province.length);
  }
  let city: string | null = null;
  let county: string | null = null;
  if (province && MUNICIPALITIES.includes(province)) {
    const c = rest.match(/^([\u4e00-\u9fa5]{1,4}?(?:区|县))/);
    if (c && rest.length > c[1].length + 1) county = c[1];
  } else {
    const c = rest.match(CITY);
    if (c && rest.length > c[1].length + 1) {
      city = c[1];
      rest = rest.slice(city.length);
      const k = rest.match(COUNTY);
      if (k) county = k[1];
    }
  }
  if (!province && city) province = dominantProvince(text);
  const level = county ? (county.endsWith("区") ? "district" : "county") : city ? "city" : province ? "province" : null;
  const region = [province, city, county].filter(Boolean).join("") || null;
  return { province, city, county, region, level };
}
