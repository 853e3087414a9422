/**
 * Rules that reduce a printed name of a disclosing body to the name that
 * identifies it within its region, each rule named so that every merge can
 * be explained:
 *   scope_marker   （本级）（机关）（汇总）（部门）, or a bare trailing 本级 / 部门, is the
 *                  scope of the accounts, not part of the name
 *   cpc_prefix     中共 / 中国共产党 before a Party body's name
 *   region_prefix  the province, city and county names the region already carries
 * and renamings stated in a document's text (X更名为Y, Y（原X）).
 */

export type NameRule = "scope_marker" | "cpc_prefix" | "region_prefix";

export interface BareName {
  bare: string;
  rules: NameRule[];
}

const SCOPE_MARK = /(?:[（(](?:本级|机关|汇总|部门)[)）]|本级|部门)$/u;
const CPC = /^(?:中国共产党|中共)/u;

/** Spaces removed and parentheses made full-width, as metadata prints entity names. */
export const normaliseName = (s: string): string =>
  s
    .replace(/[\s\u3000]/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）");

/** The printed name without its scope marker (贵州省医疗保障局（本级） → 贵州省医疗保障局). */
export function withoutScopeMarker(printed: string): string {
  const s = normaliseName(printed);
  const rest = s.replace(SCOPE_MARK, "");
  return rest.length >= 2 ? rest : s;
}

/**
 * The identifying name of `printed` in a region whose division names are
 * `regionNames` (province, city, county, in that order; short forms such as
 * 四川 for 四川省 are accepted where they are followed by more of the name).
 */
export function bareName(printed: string, regionNames: readonly (string | null)[]): BareName {
  let s = withoutScopeMarker(printed);
  const rules: NameRule[] = s === normaliseName(printed) ? [] : ["scope_marker"];
  if (CPC.test(s)) {
    s = s.replace(CPC, "");
    rules.push("cpc_prefix");
  }
  let stripped = false;
  for (const name of regionNames) {
    if (!name) continue;
    const short = name.replace(/(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|自治州|地区|盟|区|县)$/u, "");
    for (const form of [name, short]) {
      if (form.length >= 2 && s.startsWith(form) && s.length > form.length + 1) {
        s = s.slice(form.length);
        stripped = true;
        break;
      }
    }
  }
  if (stripped) rules.push("region_prefix");
  return { bare: s, rules };
}

/** A renaming a document states: the body formerly named `former` is now `current`. */
export interface StatedRename {
  doc_id: string;
  former: string;
  current: string;
  source_line: number;
  source_text: string;
}

const ORG = "[\\u4e00-\\u9fa5]{2,30}?(?:局|委员会|厅|办公室|中心|委|院|所|站|馆|署|部|办)";
/** X更名为Y / X改名为Y / X更名组建为Y / 由X更名为Y. */
const RENAMED = new RegExp(`(?:由|将)?(${ORG})(?:正式)?(?:更名为|改名为|更名组建为)(${ORG})(?![\\u4e00-\\u9fa5]{0,2}(?:局|委|厅|办|中心))`, "gu");
/** Y（原X） / Y（原X，…）. */
const FORMERLY = new RegExp(`(${ORG})（原(${ORG})[）,，、]`, "gu");

/** A line that may state a renaming: 名为 or 建为 (更名组建为), spaces allowed between, or 原; other lines are passed over unread. */
const MAY_STATE_RENAME = /名[\s\u3000]*为|建[\s\u3000]*为|原/u;

/** Renamings stated in a document's lines (a statement never spans lines in these rules). */
export function statedRenames(doc_id: string, lines: readonly string[]): StatedRename[] {
  const out: StatedRename[] = [];
  lines.forEach((line, i) => {
    if (!MAY_STATE_RENAME.test(line)) return;
    const text = normaliseName(line);
    // each pattern scanned only where its fixed words are (a 原 is mostly 原因)
    if (text.includes("名为") || text.includes("组建为"))
      for (const m of text.matchAll(RENAMED)) out.push({ doc_id, former: m[1], current: m[2], source_line: i + 1, source_text: line });
    if (text.includes("（原"))
      for (const m of text.matchAll(FORMERLY)) out.push({ doc_id, former: m[2], current: m[1], source_line: i + 1, source_text: line });
  });
  return out.filter((r) => r.former !== r.current);
}
