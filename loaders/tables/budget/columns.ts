/**
 * Printed column headers of the budget tables → measures (schema/measures.ts).
 * Headers are compared with white space removed and brackets folded.
 */
import { removeQuotes, spacelessFullWidth } from "../../base/fold.ts";
import type { Identity as ColumnIdentity } from "../placement/index.ts";
import type { Measure } from "../../schema/measures.ts";
import { remembered } from "../../base/memo.ts";

/** Header text without white space or quotes, with ASCII brackets folded to full width. */
export function foldHeader(text: string): string {
  return removeQuotes(spacelessFullWidth(text));
}

/** Ordered: the first pattern that matches the (folded) leaf header wins; `parent` is the header above it. */
const RULES: Array<[RegExp, Measure, RegExp?]> = [
  [/^(合计|小计)$/, "vehicles_total", /公务用车/],
  [/^(合计|小计)$/, "three_public_total", /三公/],
  [/^(合计|小计|总计)$/, "total"],
  [/上年结转/, "carryover_prior"],
  [/^当年财政拨款(安排|预算安排)?$/, "current_year_appropriation"],
  [/^(一般)?公共预算(拨款收入|拨款|资金)?$/, "general_public_budget"],
  [/^政府性基金(预算)?(拨款收入|拨款|安排)?$/, "government_fund"],
  [/^国有资本经营预算(拨款收入|拨款|安排)?$/, "state_capital"],
  [/^财政拨款(收入)?$/, "fiscal_appropriation"],
  [/^事业单位经营收入$|^经营收入$/, "operating_income"],
  [/^事业收入$/, "business_income"],
  [/^其他收入$/, "other_income"],
  [/^上级补助收入$/, "superior_subsidy"],
  [/^对?附属单位上缴收入$/, "subordinate_remittance"],
  [/^其中[:：]?专项资金列入部门预算的?项目$/, "special_funds_in_budget"],
  [/^用事业基金弥补收支差额$/, "non_fiscal_balance_used"],
  [/^上年实户资金余额$/, "prior_account_balance"],
  [/财政专户管理资金|^财政专户(拨款)?(收入)?$/, "fiscal_special_account"],
  [/^教育收费(收入)?$/, "special_account_education"],
  [/^其他专户(收入)?(拨款)?$/, "special_account_other"],
  [/^单位资金$/, "unit_funds"],
  [/^基本支出$/, "basic"],
  [/^项目支出$/, "project"],
  [/^(事业单位)?经营支出$/, "operating_expenditure"],
  [/^上缴上级支出$/, "remit_to_superior"],
  [/^对附属单位补助支出$/, "subsidy_to_subordinate"],
  [/^政府采购项目$/, "procurement"],
  [/^预留给中小企业$/, "procurement_sme"],
  [/^预留给小型微型企业$/, "procurement_micro"],
  [/^人员经费$/, "personnel"],
  [/^公用经费$/, "public_expenses"],
  [/^科研.*因公出国（境）/, "overseas_travel_research"],
  [/因公出国（境）/, "overseas_travel"],
  [/^公务用车购置及运行(维护)?费$/, "vehicles_total"],
  [/^(公务用车)?购置费$/, "vehicle_purchase"],
  [/^(公务用车)?运行(维护)?费$/, "vehicle_operation"],
  [/^公务接待费$/, "official_reception"],
  [/^机关运行经费/, "agency_running_costs"],
  [/^会议费$/, "meeting_fees"],
  [/^培训费$/, "training_fees"],
  [/^(预算数|金额)$/, "budget"],
];

/** The measure a printed column header holds, or null if it is not a money column. */
export function measureOfHeader(leaf: string, parent = ""): Measure | null {
  return headerMeasure(`${parent}\u0000${leaf}`);
}

/** The measures of the headers read so far, by parent and leaf: the same few are asked for again and again (every wrapped-header, grid and column reading of every table). */
const headerMeasure = remembered((key) => {
  const at = key.indexOf("\u0000");
  return readMeasure(key.slice(at + 1), key.slice(0, at));
});

function readMeasure(leaf: string, parent: string): Measure | null {
  const l = foldHeader(leaf);
  const p = foldHeader(parent);
  for (const [re, measure, parentRe] of RULES) {
    if (!re.test(l)) continue;
    if (parentRe && !parentRe.test(p)) continue;
    return measure;
  }
  return null;
}

/** Identities between the measures of one column group: [sum, parts]. */
const IDENTITIES: Array<[Measure, Measure[], "all" | "any" | "first_two_and_any" | "with_funds"]> = [
  // the by-fund form: 财政拨款 (小计) = its funds, and 总计 = 财政拨款 + the other sources (never the funds again)
  ["fiscal_appropriation", ["general_public_budget", "government_fund", "state_capital"], "any"],
  ["fiscal_special_account", ["special_account_education", "special_account_other"], "all"],
  [
    "total",
    [
      "fiscal_appropriation",
      "fiscal_special_account",
      "unit_funds",
      "business_income",
      "operating_income",
      "superior_subsidy",
      "subordinate_remittance",
      "other_income",
      "carryover_prior",
    ],
    "with_funds",
  ],
  // 本年收入 (小计) = its sources (收入预算总表 printing 本年收入 and 上年结转结余 apart)
  [
    "income",
    [
      "general_public_budget",
      "government_fund",
      "state_capital",
      "fiscal_special_account",
      "unit_funds",
      "business_income",
      "operating_income",
      "superior_subsidy",
      "subordinate_remittance",
      "other_income",
    ],
    "any",
  ],
  ["vehicles_total", ["vehicle_purchase", "vehicle_operation"], "all"],
  ["overseas_travel", ["overseas_travel_other", "overseas_travel_research"], "all"],
  ["three_public_total", ["overseas_travel", "vehicles_total", "official_reception"], "all"],
  // the “三公” printed beside 会议费 and 培训费: 合计 = “三公” 小计 + 会议费 + 培训费
  ["total", ["three_public_total", "meeting_fees", "training_fees"], "all"],
  ["basic", ["personnel", "public_expenses"], "all"],
  ["budget", ["current_year_appropriation", "carryover_prior"], "all"],
  ["total", ["basic", "project"], "all"],
  // the wide national by-code form: 基本 + 项目 + the other expenditure kinds that are printed
  ["total", ["basic", "project", "operating_expenditure", "remit_to_superior", "subsidy_to_subordinate"], "first_two_and_any"],
  ["total", ["personnel", "public_expenses", "project"], "all"],
  ["total", ["personnel", "public_expenses"], "all"],
  [
    "total",
    [
      "carryover_prior",
      "current_year_appropriation",
      "general_public_budget",
      "government_fund",
      "state_capital",
      "fiscal_appropriation",
      "business_income",
      "operating_income",
      "other_income",
      "superior_subsidy",
      "subordinate_remittance",
      "fiscal_special_account",
      "unit_funds",
      "special_account_education",
      "special_account_other",
      "non_fiscal_balance_used",
      "prior_account_balance",
    ],
    "any",
  ],
];

/** Whether the forms know `sum` as a sum of any of `parts` (公务用车购置及运行费 of 购置费 and 运行费). */
export function sumsOver(sum: Measure, parts: Measure[]): boolean {
  return IDENTITIES.some(([s, ps]) => s === sum && ps.some((p) => parts.includes(p)));
}

/** A within-row identity between columns, with its text for messages. */
export interface Identity extends ColumnIdentity {
  text: string;
}

/**
 * Identities that hold between the given columns (by index), for a run of
 * columns that repeat no measure. A measure printed twice starts a new group.
 */
export function identitiesOf(measures: string[]): Identity[] {
  const years = yearGroupIdentities(measures);
  if (years) return years;
  const out: Identity[] = [];
  // split into groups at the first repeated measure
  const groups: number[][] = [];
  let cur: number[] = [];
  const seen = new Set<string>();
  measures.forEach((m, i) => {
    if (seen.has(m)) {
      groups.push(cur);
      cur = [];
      seen.clear();
    }
    seen.add(m);
    cur.push(i);
  });
  if (cur.length) groups.push(cur);
  for (const g of groups) {
    const at = new Map(g.map((i) => [measures[i], i]));
    const summed = new Set<string>(); // one identity per sum column: the first (most specific) that fits
    for (const [sum, parts, mode] of IDENTITIES) {
      const s = at.get(sum);
      if (s === undefined || summed.has(sum)) continue;
      const present = parts.filter((p) => at.has(p));
      if (mode === "all" ? present.length !== parts.length : present.length === 0) continue;
      if (mode === "first_two_and_any" && !(present.includes(parts[0]) && present.includes(parts[1]) && present.length > 2)) continue;
      if (mode === "with_funds" && !(present.includes(parts[0]) && at.has("general_public_budget"))) continue;
      if (sum === "total" && parts[0] === "personnel" && at.has("basic")) continue;
      summed.add(sum);
      out.push({ sum: s, parts: present.map((p) => at.get(p)!), text: `${sum} = ${present.join(" + ")}` });
    }
  }
  return out;
}

/**
 * The form split by the year's money and the carry-over: 合计 | 当年 小计,
 * kinds… | 上年结转结余 小计, the same kinds… (text-columns.ts yearGroups):
 * 合计 = 当年 + 结转, each 小计 = its kinds (基本支出 + 项目支出, or 人员经费 +
 * 公用经费), and in each part the identities of its kinds (基本支出 = 人员经费
 * + 公用经费). Null for any other column list.
 */
function yearGroupIdentities(measures: string[]): Identity[] | null {
  const c = measures.indexOf("carryover_prior");
  const k = c - 2;
  if (measures[0] !== "total" || measures[1] !== "current_year_appropriation" || k < 2 || measures.length !== 2 * k + 3) return null;
  const kinds = measures.slice(2, c);
  if (kinds.join() !== measures.slice(c + 1).join() || kinds.includes("total")) return null;
  const top = kinds.includes("basic") ? ["basic", "project", "operating_expenditure"] : ["personnel", "public_expenses"];
  const out: Identity[] = [{ sum: 0, parts: [1, c], text: "total = current_year_appropriation + carryover_prior" }];
  for (const [at, name] of [
    [1, "current_year_appropriation"],
    [c, "carryover_prior"],
  ] as const) {
    const parts = kinds.flatMap((m, j) => (top.includes(m) ? [at + 1 + j] : []));
    if (parts.length < 2) return null;
    out.push({ sum: at, parts, text: `${name} = ${parts.map((j) => measures[j]).join(" + ")}` });
    for (const id of identitiesOf(kinds)) out.push({ sum: at + 1 + id.sum, parts: id.parts.map((j) => at + 1 + j), text: id.text });
  }
  return out;
}

/**
 * The identities of a table's columns: those of identitiesOf, or, for a
 * crossed header (columns carrying a fund group), those of each fund's
 * columns (合计 = 因公出国 + 公务接待 + 公务用车, within 一般公共预算 …).
 */
export function columnIdentities(columns: Array<{ measure: string; group?: string }>): Identity[] {
  if (!columns.some((c) => c.group)) return identitiesOf(columns.map((c) => c.measure));
  const out: Identity[] = [];
  for (const g of new Set(columns.map((c) => c.group ?? ""))) {
    const at = columns.flatMap((c, i) => ((c.group ?? "") === g ? [i] : []));
    for (const id of identitiesOf(at.map((i) => columns[i].measure)))
      out.push({ sum: at[id.sum], parts: id.parts.map((p) => at[p]), text: `${id.text} (${g})` });
  }
  return out;
}
