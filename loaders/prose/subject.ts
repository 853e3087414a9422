/**
 * The words before a number → what the number is about. Years, the
 * entity's name, connectives (其中, 主要用于以下方面), comparison phrases
 * (与2021年相比), change verbs (减少, 增长) and measure labels (决算数为,
 * 年初预算为, 占) are peeled off; what is left is the subject as printed.
 */
import { removeSpacesAndStars } from "../base/fold.ts";

/** Label words that say which measure, not what about. */
const BUDGET_LABEL = /(年初预算|预算)(数)?(为|是)?$/;
const ADJUSTED_LABEL = /调整(后)?预算(数)?(为|是)?$/;

export type LabelKind = "budget" | "adjusted" | null;

export function labelKind(pre: string): LabelKind {
  const t = removeSpacesAndStars(pre);
  if (ADJUSTED_LABEL.test(t)) return "adjusted";
  if (BUDGET_LABEL.test(t) && !/(执行|完成)(数)?(为)?$/.test(t)) return "budget";
  return null;
}

const LEADING = [
  /^(其中|主要用于以下方面|主要用于|主要包括|包括|具体是|具体为|分别为|分别是|含|即)[：:]?/,
  /^[\d]{1,2}[.．、](?!\d)/,
  /^\d{1,2}(?=[\u4e00-\u9fff])/,
  /^(主要为|主要是|故|则)/,
  /^[（(][\d一二三四五六七八九十]{1,2}[)）]/,
  /^(全年|当年|截至|截止)(?=\S)/,
  /^(本单位|本部门|我单位|我部门|我局|我中心|本局|单位(?!价值)|部门)(?=\S)/,
  /^(所属各预算单位|各预算单位|所属)(?=\S)/,
  /^(共有|共计|合计共|累计|共)/,
  /^(较上年|比上年|较去年|比去年|与上年相比)/,
  /^(对|选取|组织对|组织)(?=\d|$)/,
];

const TRAILING = [
  /(增加了?|减少了?|增长了?|下降了?|上升了?|降低了?|提高了?|压减了?|节约了?)$/,
  /各$/,
  /(较|比|与)(上年|去年|上一年)(相比)?$/,
  /决算(数)?(为|是)?$/,
  /(年初预算|调整(后)?预算|预算)(数)?(为|是)$/,
  /(年初预算|调整(后)?预算|预算数)$/,
  /(达到|约为|约|为|是|达|共计|总计为|合计为|共有|共)$/,
  /[：:，,、]$/,
];

/** An entity name ending in 局 / 中心 / 本级 before the subject proper. */
const ENTITY = /^[\u4e00-\u9fff（）()]{2,24}?(局|中心|（本级）|本级)(?=[\u4e00-\u9fff“])/;

/** One pattern matching where any of the list's patterns matches (none has flags): a single test before the list. */
const anyOf = (res: RegExp[]): RegExp => new RegExp(res.map((re) => `(?:${re.source})`).join("|"));
const ANY = new Map<RegExp[], RegExp>([
  [LEADING, anyOf(LEADING)],
  [TRAILING, anyOf(TRAILING)],
]);

function peel(s: string, res: RegExp[]): string {
  const any = ANY.get(res)!;
  let t = s;
  for (let k = 0; k < 6; k++) {
    // none of the patterns matches: nothing to peel (most words)
    if (!any.test(t)) break;
    const before = t;
    for (const re of res) t = t.replace(re, "");
    if (t === before) break;
  }
  return t;
}

/** Remove a comparison clause: 与2021年相比 / 比2020年 / 较2022年预算 / 较上年. */
function dropComparison(t: string): string {
  return t
    .replace(/^(与|同)\d{4}年(度)?(相比|比较)?(，)?/, "")
    .replace(/^(比|较)\d{4}年(度)?(预算(数)?)?(支出决算数)?/, "")
    .replace(/^与\d{4}年(度)?/, "");
}

export interface SubjectParts {
  /** The subject text left after peeling (may be empty). */
  subject: string;
  /** The year printed in the words before the number, if any. */
  year: number | null;
  /** Whether the words compare with that year (与/比/较 Y年). */
  compares: boolean;
}

export function subjectOf(pre: string): SubjectParts {
  let t = removeSpacesAndStars(pre);
  let year: number | null = null;
  let compares = false;
  // a year splits the words: label before it (002: …（项）2023年预算数为), subject after it (省医保局2023年收入预算)
  const years = t.includes("年") ? [...t.matchAll(/(\d{4})年(度|底|末)?/g)] : [];
  if (years.length) {
    const y = years[years.length - 1];
    year = Number(y[1]);
    const lead = t.slice(0, y.index!);
    compares = /(与|同|比|较)$/.test(lead);
    const beforeY = peel(lead.replace(/(与|同|比|较|截至|截止|于)$/, ""), LEADING);
    const afterY = t.slice(y.index! + y[0].length).replace(/^(相比|比较)?[，,]?/, "");
    const afterPeeled = peel(peel(afterY, LEADING), TRAILING);
    const leadPeeled = peel(beforeY, TRAILING);
    if (compares && leadPeeled !== "") t = leadPeeled;
    else if (!compares && afterPeeled === "" && beforeY !== "") t = beforeY + afterY;
    else t = afterY;
  }
  t = dropComparison(t);
  t = peel(t, LEADING);
  const ent = t.match(ENTITY);
  if (ent && t.length > ent[0].length + 1) t = t.slice(ent[0].length);
  t = t.replace(/^的/, "").replace(/^机关(?!运行|事业)/, "");
  t = peel(peel(t, LEADING), TRAILING);
  // each rewrite tested only where the text it needs is there (most subjects need none)
  if (t.startsWith("“")) t = t.replace(/^“([^“”]*[（(](类|款|项)[)）])”$/, "$1"); // “…（项）” quoted whole
  if (t.endsWith("支出")) t = t.replace(/([（(](项|款|类)[)）])支出$/, "$1");
  if (t.includes("收、支")) t = t.replace(/^收、支/, "收支").replace(/(财政拨款)收、支/, "$1收支");
  // 开支财政拨款的公务用车保有量 → 公务用车保有量 (not inside a 类/款/项 name)
  const de = t.lastIndexOf("的");
  if (de >= 0 && t.length - de - 1 >= 4 && !/[（(](类|款|项)[)）]/.test(t)) t = t.slice(de + 1);
  return { subject: t, year, compares };
}

/** A budget label at the end of the words (预算 / 年初预算为 / 调整后预算数) removed. */
export function dropBudgetLabel(words: string): string {
  return removeSpacesAndStars(words).replace(/(年初预算|调整(后)?预算|预算)(数)?(为|是)?$/, "");
}

/** Words before a count that are only a verb (设7个, 对15个, 购置0辆): the noun follows the count. */
export function isCountVerb(subject: string): boolean {
  return /^(设|有|对|选取|组织对|涉及|完成|购置|更新购置|接待|开展|共|下设|新增|实有|现有|用于)?$/.test(subject) || /^(组织)?对\S/.test(subject);
}

/** The noun after a count (7个内设机构 → 内设机构). */
export function nounAfter(text: string): string {
  const m = removeSpacesAndStars(text).match(/^([^\d，。；、,;：:（(]{1,16}?)(?=开展|编制|进行|实行|实现|享受|可直接|设置|[，。；、,;：:（(]|$)/);
  return m ? m[1].replace(/^的/, "") : "";
}

/** Where nothing names the subject, the label itself (预算执行率) stands for it. */
export function peelLabel(words: string): string {
  const t = peel(removeSpacesAndStars(words), LEADING).replace(/(为|是|达到|达)$/, "");
  return t.length >= 2 && t.length <= 20 && !/\d/.test(t) ? t : "";
}

/** Subjects that only say "the amount" and take the subject of the sentence. */
export function isGeneric(subject: string): boolean {
  return /^(金额|预算|预算数|支出|资金|费用|共计支出|合计|涉及资金|涉及预算|涉及预算总金额|预算总金额|支出金额|经费|收入|总额|接待)?$/.test(subject);
}
