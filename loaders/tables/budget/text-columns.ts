/**
 * Money columns of a plain-text table, whose header lines come out jumbled
 * (multi-level headers are split over lines, so their printed order is lost).
 * Each family has the column order of its standard form; a column is kept
 * when its header words appear in the header text.
 */
import { foldHeader, measureOfHeader } from "./columns.ts";
import type { Measure } from "../../schema/measures.ts";

export interface TextColumn {
  label: string;
  measure: Measure;
  /** The fund a column of a crossed header belongs to (each measure split by 一般公共预算 | 政府性基金预算 | 国有资本经营预算). */
  group?: string;
}

type Spec = Array<{ label: string; key: RegExp; leaf?: string; parent?: string }>;

const BY_CODE: Spec = [
  { label: "合计", key: /合计/ },
  { label: "基本支出", key: /基本支出/ },
  { label: "项目支出", key: /项目支出/ },
];

/**
 * The by-code form of the national templates, in its standard column order:
 * 合计 | 基本支出 (小计 人员经费 公用经费) | 项目支出 | 事业单位经营支出 |
 * 上缴上级支出 | 对附属单位补助支出. Used when the header names a column
 * beyond 合计 / 基本支出 / 项目支出 (wrapped headers: `对附属单位补` / `助支出`).
 */
const BY_CODE_WIDE: Spec = [
  { label: "合计", key: /合计|总计/ },
  { label: "基本支出", key: /基本支出/ },
  { label: "人员经费", key: /人员经费|人员支出/ },
  { label: "公用经费", key: /公用经费/ },
  // 专项业务经费 is how some templates name 项目支出
  { label: "项目支出", key: /项目支出|专项业务经费/ },
  { label: "事业单位经营支出", key: /经营支出/ },
  { label: "上缴上级支出", key: /上缴上级/ },
  { label: "对附属单位补助支出", key: /对附属单/ }, // wrapped: `对附属单` / `位补助支` / `出`
  // government procurement printed beside the expenditure: 政府采购项目 小计 | 其中：中小企业 | 其中：小型、微型企业
  { label: "政府采购项目", key: /政府采购项目/ },
  { label: "预留给中小企业", key: /中小企/ },
  { label: "预留给小型微型企业", key: /微型企/ },
];
const WIDE = /人员经费|人员支出|公用经费|经营支出|上缴上级|对附属单/;

/**
 * The by-fund form (基本支出表 / 项目支出表 / “三公”经费表 of several templates,
 * by source of money), in its standard order: 总计 | 财政拨款 (小计) |
 * 一般公共预算 | 政府性基金预算 | 国有资本经营预算 | 财政专户 | 事业收入 |
 * 事业单位经营收入 | 上级补助收入 | 附属单位上缴收入 | 其他收入 | 上年结转.
 * 财政拨款's own subtotal is a column when the header prints a second total
 * word (总计 … 合计, or 小计).
 */
const FUNDS: Spec = [
  { label: "合计", key: /合计|总计/ },
  { label: "财政拨款", key: /总计.*合计|合计.*总计|小计/ },
  { label: "一般公共预算", key: /一般公共/ },
  { label: "政府性基金", key: /政府性基/ },
  { label: "国有资本经营预算", key: /国有资本经/ },
  { label: "财政专户", key: /财政专户|财政专|户拨款/ },
  // a column of its own, not the group header over the unit's sources (深圳: 单位资金 over 事业收入 … 其他收入)
  { label: "单位资金", key: /^(?!.*(?:事业收入|经营收入|上级补助|其他收入)).*单位资金(?!结)/ },
  { label: "事业收入", key: /事业收入/ },
  { label: "事业单位经营收入", key: /经营收入|事业单位经营/ },
  { label: "上级补助收入", key: /上级补助/ },
  { label: "附属单位上缴收入", key: /附属单位(?!补)|上缴收入/ },
  { label: "其他收入", key: /其他收入|其他资/ },
  { label: "上年结转", key: /上年结[转余]/ },
];
/**
 * A header that splits every column by the year's money and the carry-over
 * (当年预算 | 上年结转结余, each with 小计 and the same kind columns):
 * 合计 | 小计 基本支出 项目支出 (经营支出) | 小计 基本支出 项目支出 (经营支出),
 * the economic form with 人员经费 / 公用经费, or both: 基本支出 (its 小计,
 * 人员经费, 公用经费) and 项目支出.
 */
function yearGroups(h: string): TextColumn[] | null {
  if (!/当年预算|本年预算|编制预算|当年财政拨款/.test(h) || !/上年结转/.test(h) || !/合计|总计/.test(h)) return null;
  // 基本支出 over its 小计 | 人员经费 | 公用经费, then 项目支出 (人员经 / 费: a header wrapped in a narrow cell)
  const basicParts = /基本支出/.test(h) && /项目支/.test(h) && /人员经/.test(h) && /公用经/.test(h);
  const kinds: TextColumn[] = basicParts
    ? [
        { label: "基本支出", measure: "basic" },
        { label: "人员经费", measure: "personnel" },
        { label: "公用经费", measure: "public_expenses" },
        { label: "项目支出", measure: "project" },
      ]
    : /人员经费/.test(h)
      ? [
          { label: "人员经费", measure: "personnel" },
          { label: "公用经费", measure: "public_expenses" },
        ]
      : /基本支出/.test(h)
        ? [
            { label: "基本支出", measure: "basic" },
            { label: "项目支出", measure: "project" },
            ...(/经营支出|营支出/.test(h) ? [{ label: "事业单位经营支出", measure: "operating_expenditure" as const }] : []),
          ]
        : [];
  if (kinds.length === 0) return null;
  return [
    { label: "合计", measure: "total" },
    { label: "当年预算/小计", measure: "current_year_appropriation" },
    ...kinds.map((k) => ({ label: `当年预算/${k.label}`, measure: k.measure })),
    { label: "上年结转结余/小计", measure: "carryover_prior" },
    ...kinds.map((k) => ({ label: `上年结转结余/${k.label}`, measure: k.measure })),
  ];
}

const BY_FUND = /一般公共预?算?.*政府性基|政府性基.*国有资本经/;
const BY_KIND = /基本支出|项目支出|人员经费|公用经费/;

const INCOME: Spec = [
  { label: "合计", key: /合计/ },
  { label: "财政拨款收入", key: /财政拨款收入/ },
  { label: "事业收入", key: /事业收入/ },
  { label: "事业单位经营收入", key: /经营收入/ },
  { label: "其他收入", key: /其他收入/ },
];

const ECONOMIC: Spec = [
  { label: "合计", key: /合计/ },
  { label: "人员经费", key: /人员经费/ },
  { label: "公用经费", key: /公用经费/ },
  { label: "项目支出", key: /专项业务经费/ },
];

/** Shanghai form: 合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费 (小计 购置费 运行费) | 机关运行经费. */
const THREE_PUBLIC: Spec = [
  { label: "合计", key: /合计|总计|经费合/, leaf: "合计", parent: "“三公”经费" }, // `“三公”经费合` / `计` may break over lines
  { label: "因公出国（境）费", key: /因公出国/ },
  { label: "公务接待费", key: /公务接待费/ },
  { label: "公务用车购置及运行费/小计", key: /小计/, leaf: "小计", parent: "公务用车购置及运行费" },
  { label: "购置费", key: /购置费/ },
  { label: "运行费", key: /运行(维护)?费/ },
  { label: "机关运行经费", key: /机关运行经/ }, // `机关运行经` / `费预算数` may break over lines
];

/**
 * The “三公” printed beside 会议费 and 培训费 (西安 表13): 合计 is then the
 * total of all of them, and the “三公” have their own 小计. Keys take the
 * fragments a wrapped cell leaves on one line (`公务接` / `待费`).
 */
const THREE_PUBLIC_WITH_MEETINGS: Spec = [
  { label: "合计", key: /合计|总计/ },
  { label: "“三公”经费/小计", key: /小计/, leaf: "小计", parent: "“三公”经费" },
  { label: "因公出国（境）费", key: /因公出/ },
  { label: "公务接待费", key: /公务接|接待费/ },
  { label: "公务用车购置及运行维护费/小计", key: /公务用车购置及/, leaf: "小计", parent: "公务用车购置及运行维护费" },
  { label: "购置费", key: /购置/ },
  { label: "运行维护费", key: /运行/, leaf: "运行维护费" },
  { label: "会议费", key: /会议费/ },
  { label: "培训费", key: /培训费/ },
];
const MEETINGS = /会议费|培训费/;

/**
 * The “三公” beside 会议费 and 培训费 with no grand 合计, the first column the
 * “三公” total (无锡 公开09表: “三公”经费合计 | 因公出国（境）费 | 公务用车购置及运行维护费
 * (小计 购置费 运行维护费) | 公务接待费 | 会议费 | 培训费).
 */
const THREE_PUBLIC_TOTAL_WITH_MEETINGS: Spec = [
  { label: "“三公”经费合计", key: /经费合/, leaf: "合计", parent: "“三公”经费" },
  { label: "因公出国（境）费", key: /因公出/ },
  { label: "公务用车购置及运行维护费/小计", key: /小计/, leaf: "小计", parent: "公务用车购置及运行维护费" },
  { label: "购置费", key: /购置/ },
  { label: "运行维护费", key: /运行/, leaf: "运行维护费" },
  { label: "公务接待费", key: /公务接|接待费/ },
  { label: "会议费", key: /会议费/ },
  { label: "培训费", key: /培训费/ },
];

/** The form of a “三公” header that names 会议费 or 培训费: its first column the “三公” total when no other 合计 is printed. */
function withMeetings(h: string): Spec {
  // (a header of two periods prints `“三公”经费合计` once in each)
  return /经费合/.test(h) && !/合计|总计/.test(h.replace(/经费合计?/g, "")) ? THREE_PUBLIC_TOTAL_WITH_MEETINGS : THREE_PUBLIC_WITH_MEETINGS;
}

/** 机关运行经费 by economic code: 科目编码 | 科目名称 | 机关运行经费(支出) (a 合计 column when printed); else by header meaning (预算数). */
const AGENCY_RUNNING_COSTS: Spec = [
  { label: "合计", key: /合计/ },
  { label: "机关运行经费", key: /机关运行经/ },
];

const SPECS: Record<string, Spec> = {
  budget_income: INCOME,
  budget_expenditure: BY_CODE,
  budget_gpb_by_code: BY_CODE,
  budget_gov_fund: BY_CODE,
  budget_state_capital: BY_CODE,
  budget_gpb_basic_by_economic: ECONOMIC,
  budget_three_public: THREE_PUBLIC,
  budget_fiscal_by_code: BY_CODE,
  budget_gpb_basic_by_code: BY_CODE,
  budget_project: BY_CODE,
  budget_gpb_by_economic: ECONOMIC,
  budget_fiscal_by_economic: ECONOMIC,
  budget_gpb_project_by_economic: ECONOMIC,
  budget_basic_by_economic: ECONOMIC,
  budget_gov_fund_three_public: THREE_PUBLIC,
  budget_agency_running_costs: AGENCY_RUNNING_COSTS,
};

/** Families printed by fund in some templates (families named by meaning: segment/family.ts). */
const BY_FUND_FAMILIES = new Set(["budget_basic_by_economic", "budget_project", "budget_three_public", "budget_gpb_project_by_economic", "budget_income"]);

/** Families whose by-code form may print the wide national column set (families named by meaning: segment/family.ts). */
const BY_CODE_FAMILIES_WIDE = new Set([
  "budget_expenditure",
  "budget_fiscal_by_code",
  "budget_gpb_by_code",
  "budget_gpb_basic_by_code",
  "budget_project",
  "budget_gov_fund",
  "budget_state_capital",
]);

const count = (h: string, re: RegExp) => (h.match(re) ?? []).length;

/** Income sources in the standard order of a 收入预算总表 (keys tolerate words wrapped inside a cell). */
const SOURCES: Array<{ label: string; measure: Measure; key: RegExp }> = [
  { label: "一般公共预算", measure: "general_public_budget", key: /一般公共/g },
  { label: "政府性基金预算", measure: "government_fund", key: /政府性基/g },
  { label: "国有资本经营预算", measure: "state_capital", key: /国有资/g },
  { label: "财政专户管理资金", measure: "fiscal_special_account", key: /财政专户/g },
  { label: "事业收入", measure: "business_income", key: /(?<!单位)事业收入/g },
  { label: "事业单位经营收入", measure: "operating_income", key: /事业单位经|经营收入/g },
  { label: "上级补助收入", measure: "superior_subsidy", key: /上级补助/g },
  { label: "附属单位上缴收入", measure: "subordinate_remittance", key: /附属单位上/g },
  { label: "其他收入", measure: "other_income", key: /其他收入/g },
];

/** What the carry-over block of a 收入预算总表 splits into: the funds, then the special-account and the unit's own balances. */
const CARRIED: Array<{ label: string; measure: Measure; printed: (h: string) => boolean }> = [
  { label: "一般公共预算", measure: "general_public_budget", printed: (h) => count(h, /一般公共/g) >= 2 },
  { label: "政府性基金预算", measure: "government_fund", printed: (h) => count(h, /政府性基/g) >= 2 },
  { label: "国有资本经营预算", measure: "state_capital", printed: (h) => count(h, /国有资/g) >= 2 },
  { label: "专户资金结转结余", measure: "fiscal_special_account", printed: (h) => /专户资金/.test(h) || count(h, /财政专户/g) >= 2 },
  { label: "单位资金结转结余", measure: "unit_funds", printed: (h) => /单位资金/.test(h) },
];

/**
 * The 收入预算总表 form that splits 本年收入 and 上年结转结余 each into a 小计
 * and its parts (湖州 表02: 总计 | 本年收入 小计 一般公共预算 … 其他收入 |
 * 上年结转结余 小计 一般公共预算 … 单位资金结转结余). The carry-over parts
 * carry the group 上年结转结余. Null unless the header names both blocks and
 * prints two 小计.
 */
function incomeWithCarryover(h: string): TextColumn[] | null {
  if (!/本年收入/.test(h) || !/上年结转/.test(h) || count(h, /小计/g) !== 2 || !/总计|合计/.test(h)) return null;
  const group = "上年结转结余";
  const carried = CARRIED.filter((c) => c.printed(h)).map((c) => ({ label: `${group}/${c.label}`, measure: c.measure, group }));
  if (carried.length === 0) return null;
  return [
    { label: "总计", measure: "total" },
    { label: "本年收入/小计", measure: "income" },
    ...SOURCES.filter((c) => count(h, c.key) >= 1).map((c) => ({ label: `本年收入/${c.label}`, measure: c.measure })),
    { label: `${group}/小计`, measure: "carryover_prior" },
    ...carried,
  ];
}

/** The money columns of a plain-text row table, or null when the header names none we know. */
export function textColumns(family: string, headerText: string): TextColumn[] | null {
  const h = foldHeader(headerText);
  if (family === "budget_income") {
    const carried = incomeWithCarryover(h);
    if (carried) return carried;
  }
  const form = SPECS[family] === THREE_PUBLIC && MEETINGS.test(h) ? withMeetings(h) : SPECS[family];
  const byPeriod = form && periodGroups(form, h);
  if (byPeriod) return byPeriod;
  const crossed = SPECS[family] && crossedByFund(SPECS[family], h);
  if (crossed) return crossed;
  if (BY_FUND_FAMILIES.has(family) && BY_FUND.test(h) && !BY_KIND.test(h)) return columnsOf(FUNDS, h);
  if (BY_CODE_FAMILIES_WIDE.has(family) || SPECS[family] === ECONOMIC) {
    const grouped = yearGroups(h);
    if (grouped) return grouped;
  }
  const spec = SPECS[family] === BY_CODE && WIDE.test(h) && BY_CODE_FAMILIES_WIDE.has(family) ? BY_CODE_WIDE : form;
  if (!spec) return null;
  const cols = columnsOf(spec, h) ?? byHeaderMeaning(h);
  // a total printed as 小计 or 支出总计 (一般公共预算支出: 小计 | 其中：基本支出 | 项目支出)
  if (cols && !cols.some((c) => c.measure === "total") && /^(?!.*合计).*(小计|总计)/.test(h) && spec === BY_CODE && BY_CODE_FAMILIES_WIDE.has(family))
    return [{ label: /小计/.test(h) ? "小计" : "总计", measure: "total" }, ...cols];
  return cols;
}

/**
 * The columns against the count of a printed 栏次 line (`** ** 1 2 3 4 5 6 7`):
 * one column too many, and 基本支出 printed only over its parts 人员 | 公用
 * (no 小计 under it), 基本支出 is a group header, not a column.
 */
export function numberedColumns(cols: TextColumn[], headerText: string, numbered: number | null): TextColumn[] {
  if (numbered === null || cols.length !== numbered + 1 || /小计/.test(foldHeader(headerText))) return cols;
  const has = (m: Measure) => cols.some((c) => c.measure === m);
  if (has("basic") && has("personnel") && has("public_expenses")) return cols.filter((c) => c.measure !== "basic");
  return cols;
}

const FUND_GROUPS: Array<[string, RegExp]> = [
  ["一般公共预算", /一般公共预?/g],
  ["政府性基金预算", /政府性基/g],
  ["国有资本经营预算", /国有资本经?/g],
];

/**
 * A crossed header: every column of the family's form split by fund, the
 * three funds printed once under each (深圳 财政拨款“三公”经费支出表:
 * 总计 | 因公出国(境)费 | 公务接待费 | 公务用车 小计 | 购置费 | 运行维护费, each
 * 一般公共预算 | 政府性基金 | 国有资本经营预算: 18 columns). Read when the
 * funds repeat as many times as the form names columns; the columns are
 * measure-major, the funds in their printed order.
 */
function crossedByFund(spec: Spec, h: string): TextColumn[] | null {
  const repeats = FUND_GROUPS.map(([, re]) => (h.match(re) ?? []).length);
  if (repeats[0] < 2 || repeats.some((n) => n !== repeats[0])) return null;
  const outer = columnsOf(spec, h);
  if (!outer || outer.length !== repeats[0]) return null;
  return outer.flatMap((c) => FUND_GROUPS.map(([fund]) => ({ label: `${c.label}/${fund}`, measure: c.measure, group: fund })));
}

/** The periods a header sets side by side: two or more years (2021年 2022年), and the change between them (增减变化情况). */
const PERIOD = /20\d\d年(?:度)?(?:预算数?|决算数?|执行数)?|增减变化(?:情况)?|增减额|比上年增减/g;

/**
 * A header printing the family's columns once per period (西安 表13:
 * `2021年 2022年 增减变化情况`, each over 合计 | “三公” … | 会议费 | 培训费):
 * read when two or more years are printed and the form's first column (its
 * total) is named once per period. The columns are period-major; each
 * carries its period as its group, so that identities hold within a period
 * and the period is the item's side.
 */
function periodGroups(spec: Spec, h: string): TextColumn[] | null {
  const periods = [...new Set(h.match(PERIOD) ?? [])];
  const years = periods.filter((p) => /^20\d\d/.test(p));
  if (years.length < 2 || new Set(years.map((y) => y.slice(0, 4))).size !== years.length) return null;
  const totals = h.match(new RegExp(spec[0].key.source, "g"))?.length ?? 0;
  if (totals !== periods.length) return null;
  const inner = columnsOf(spec, h);
  if (!inner || inner.length < 2) return null;
  return periods.flatMap((p) => inner.map((c) => ({ label: `${p}/${c.label}`, measure: c.measure, group: p })));
}

function columnsOf(spec: Spec, h: string): TextColumn[] | null {
  const out: TextColumn[] = [];
  for (const col of spec) {
    if (!col.key.test(h)) continue;
    const measure = measureOfHeader(col.leaf ?? col.label, col.parent ?? "");
    if (measure) out.push({ label: col.label, measure });
  }
  return out.length > 0 ? out : null;
}

/**
 * When the family's form names none of the header's columns (an economic
 * table printed by 基本支出 / 项目支出, a table of one 预算数 column), the
 * columns are read from what the header names: the by-code form if it names
 * 基本支出 or 项目支出, the income form if it names income sources, else one
 * amount column when it names 预算数 / 预算 / 金额.
 */
function byHeaderMeaning(h: string): TextColumn[] | null {
  if (/基本支出|项目支出/.test(h)) return columnsOf(BY_CODE_WIDE, h);
  if (/事业收入|财政拨款收入/.test(h)) return columnsOf(INCOME, h);
  if (/人员经费|公用经费/.test(h)) return columnsOf(ECONOMIC, h);
  if (/预算数?$|金额$|预算数?（/.test(h)) return [{ label: "预算数", measure: "budget" }];
  // 单位（项目）名称 | 项目金额 | 项目简介 (西安 专项业务经费支出表): one amount column before a text column
  if (/项目金额/.test(h)) return [{ label: "项目金额", measure: "budget" }];
  return null;
}

/** Measures of the amount columns a two-sided header may name after its 项目 cell. */
const SIDE_COLUMNS: Array<[RegExp, Measure]> = [
  [/^(本年)?预算(数)?$|^金额$/, "budget"],
  [/^编制预算$|^当年(财政拨款|预算)(安排)?$/, "current_year_appropriation"],
  [/^上年结转(结余)?$/, "carryover_prior"],
];

/**
 * The amount columns of each side read from a header line that prints
 * 项目 once per side (`项 目 本年预算 编制预算 上年结转 项 目 本年预算 …`):
 * the words after each 项目. Only a side naming two or more columns is
 * returned (one column is the default reading anyway).
 */
function sideColumnsFromHeader(lines: string[], side: "income" | "expenditure"): TextColumn[] | null {
  for (const line of lines) {
    // letter-spaced cells (`项 目`) are joined: consecutive one-character tokens form one word
    const words: string[] = [];
    let single = "";
    for (const tok of line
      .trim()
      .split(/[\s\u3000]+/)
      .filter(Boolean)) {
      if (tok.length === 1) single += tok;
      else {
        if (single) words.push(single);
        single = "";
        words.push(tok);
      }
    }
    if (single) words.push(single);
    const at = words.flatMap((w, i) => (w === "项目" ? [i] : []));
    if (at.length !== 2) continue;
    const part = side === "income" ? words.slice(at[0] + 1, at[1]) : words.slice(at[1] + 1);
    if (part.length < 2) return null;
    const cols: TextColumn[] = [];
    for (const w of part) {
      const hit = SIDE_COLUMNS.find(([re]) => re.test(foldHeader(w)));
      if (!hit || cols.some((c) => c.measure === hit[1])) return null;
      cols.push({ label: w, measure: hit[1] });
    }
    return cols;
  }
  return null;
}

/** Columns of the sides of a plain-text two-sided table (收支总表). */
export function textSideColumns(headerText: string, side: "income" | "expenditure", headerLines: string[] = []): TextColumn[] {
  const named = sideColumnsFromHeader(headerLines, side);
  if (named) return named;
  const h = foldHeader(headerText);
  if (side === "income") return [{ label: "预算数", measure: "budget" }];
  if (/人员经费/.test(h) && /公用经费/.test(h))
    return [
      { label: "合计", measure: "total" },
      { label: "基本支出/人员经费", measure: "personnel" },
      { label: "基本支出/公用经费", measure: "public_expenses" },
      { label: "项目支出", measure: "project" },
    ];
  if (/一般公共预算/.test(h) && /政府性基金预算/.test(h) && /合计/.test(h))
    return [
      { label: "合计", measure: "total" },
      { label: "一般公共预算", measure: "general_public_budget" },
      { label: "政府性基金预算", measure: "government_fund" },
      { label: "国有资本经营预算", measure: "state_capital" },
    ];
  return [{ label: "预算数", measure: "budget" }];
}

/**
 * The orders a form's columns are printed in, the standard one first. A
 * “三公” table prints 公务接待费 before the vehicles (上海) or after them
 * (the national form: 合计 | 因公出国 | 公务用车 小计 购置费 运行费 | 公务接待费);
 * a plain text does not keep the header's left-to-right order, the rows'
 * identities choose (by-code.ts).
 */
export function columnOrders(cols: TextColumn[]): TextColumn[][] {
  const reception = cols.findIndex((c) => c.measure === "official_reception");
  const vehicles = cols.flatMap((c, i) => (["vehicles_total", "vehicle_purchase", "vehicle_operation"].includes(c.measure) ? [i] : []));
  if (reception < 0 || vehicles.length === 0 || reception > vehicles[0] || cols.some((c) => c.group)) return [cols];
  const last = vehicles[vehicles.length - 1];
  return [cols, [...cols.slice(0, reception), ...cols.slice(reception + 1, last + 1), cols[reception], ...cols.slice(last + 1)]];
}
