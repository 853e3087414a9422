/**
 * completeness: the standard tables a document of its kind must publish
 * (决算: the nine tables of the 2021+ templates; 预算: the eight to nine
 * tables every province's template shares), each present — read by the
 * parser, or printed under a title the parser does not know yet — or
 * covered by a no-data statement (空表说明: “本单位无政府性基金预算财政拨款
 * 收入支出，故此表为空表”); and the 说明 sections every template requires
 * (收入、支出、财政拨款、“三公”经费、机关运行经费、政府采购、国有资产、绩效).
 * Tables and sections are recognised by meaning (key words), not by one
 * template's wording. Runs only when the input lists the tables found and
 * the document's lines (hand-built inputs say nothing about completeness).
 * A missing table or section is a warning: it is an omission, not two
 * numbers that contradict each other.
 */
import { isSpace, removeSpaces } from "../../base/fold.ts";
import type { RuleRun } from "../compare.ts";
import type { AuditContext } from "../context.ts";

interface Expected {
  zh: string;
  en: string;
  /** Parser families that count as this table (segment/catalogue.ts). */
  families: string[];
  /** A title line of this table, spaces removed (checked only on short lines ending in 表). */
  title: RegExp;
  /** Words that tie a no-data statement to this table (“无政府性基金…”). */
  topic?: RegExp;
}

const GOV_FUND = /政府性基金/;
const STATE_CAPITAL = /国有资本经营/;
const THREE = /三公/;

const FINAL: Expected[] = [
  { zh: "收入支出决算总表", en: "income and expenditure summary", families: ["final_summary"], title: /^(?!.*财政拨款).*(收入支出|收支)决算总表$/ },
  { zh: "收入决算表", en: "income table", families: ["final_income_by_code"], title: /^(?!.*(财政拨款|总表)).*收入决算表$/ },
  { zh: "支出决算表", en: "expenditure table", families: ["final_expenditure_by_code"], title: /^(?!.*(财政拨款|总表|三公|项目|基本)).*支出决算表$/ },
  { zh: "财政拨款收入支出决算总表", en: "fiscal appropriation summary", families: ["final_fiscal_summary"], title: /财政拨款(收入支出|收支)决算总表$/ },
  {
    zh: "一般公共预算财政拨款支出决算表",
    en: "general public budget expenditure",
    families: ["final_gpb_by_code", "final_gpb_detail"],
    title: /^(?!.*(基本|项目|三公)).*一般公共预算财政拨款支出决算(明细)?表$/,
  },
  {
    zh: "一般公共预算财政拨款基本支出决算表",
    en: "general public budget basic expenditure",
    families: ["final_gpb_basic_by_economic"],
    title: /一般公共预算财政拨款基本支出决算(明细)?表$/,
  },
  {
    zh: "政府性基金预算财政拨款收入支出决算表",
    en: "government fund table",
    families: ["final_gov_fund"],
    title: /政府性基金预算财政拨款.*决算表$/,
    topic: GOV_FUND,
  },
  {
    zh: "国有资本经营预算财政拨款（收入）支出决算表",
    en: "state capital table",
    families: ["final_state_capital", "final_state_capital_expenditure"],
    title: /国有资本经营预算财政拨款.*决算表$/,
    topic: STATE_CAPITAL,
  },
  { zh: "财政拨款“三公”经费支出决算表", en: "“three public” expenses table", families: ["final_three_public"], title: /三公.*经费.*决算表$/, topic: THREE },
];

const BUDGET: Expected[] = [
  { zh: "收支总表", en: "income and expenditure summary", families: ["budget_summary"], title: /^(?!.*财政拨款).*(收支|收入支出)(预算)?总(体情况)?表$/ },
  { zh: "收入总表", en: "income table", families: ["budget_income"], title: /^(?!.*(财政拨款|收支)).*收入(预算)?(总体情况|总)?表$/ },
  {
    zh: "支出总表",
    en: "expenditure table",
    families: ["budget_expenditure"],
    title: /^(?!.*(财政拨款|收支|一般公共预算|政府性基金|国有资本|三公|项目|基本)).*支出(预算)?(总体情况|总)?表$/,
  },
  { zh: "财政拨款收支总表", en: "fiscal appropriation summary", families: ["budget_fiscal_summary"], title: /财政拨款(收支|收入支出)(预算)?总(体情况)?表$/ },
  // the 一般公共预算 expenditure by function: its own table, or a 财政拨款 expenditure table by function holding it
  {
    zh: "一般公共预算支出表",
    en: "general public budget expenditure",
    families: ["budget_gpb_by_code"],
    title: /^(?!.*(基本|项目|三公|经济分类)).*(一般公共预算|财政拨款).*支出.*表([（(][^）)]*[）)])?$/,
  },
  { zh: "基本支出表", en: "basic expenditure", families: ["budget_gpb_basic_by_economic"], title: /基本支出.*表([（(][^）)]*[）)])?$/ },
  { zh: "“三公”经费支出表", en: "“three public” expenses table", families: ["budget_three_public"], title: /三公.*经费.*表$/, topic: THREE },
  { zh: "政府性基金预算支出表", en: "government fund table", families: ["budget_gov_fund"], title: /政府性基金.*支出.*表$/, topic: GOV_FUND },
];

/** 说明 sections: [zh, en, words that show the section is there]. */
const SECTIONS_FINAL: Array<[string, string, RegExp]> = [
  ["收入决算情况说明", "income", /收入(决算|合计|总计|总额)|决算收入|本年收入/],
  ["支出决算情况说明", "expenditure", /支出(决算|合计|总计|总额)|决算支出|本年支出/],
  ["财政拨款收入支出决算总体情况说明", "fiscal appropriation", /财政拨款收入支出|财政拨款收支/],
  ["一般公共预算财政拨款支出决算情况说明", "general public budget", /一般公共预算财政拨款支出/],
  ["一般公共预算财政拨款基本支出决算情况说明", "basic expenditure", /基本支出/],
  ["“三公”经费支出决算情况说明", "“three public” expenses", /三公/],
  ["机关运行经费支出情况", "office running costs", /机关运行经费/],
  ["政府采购支出情况", "government procurement", /政府采购/],
  ["国有资产占用情况", "state assets", /国有资产|资产占用|车辆|公务用车保有/],
  ["预算绩效情况说明", "performance", /绩效/],
];

const SECTIONS_BUDGET: Array<[string, string, RegExp]> = [
  ["收入预算情况说明", "income", /收入(预算|总计|合计|总额)|预算收入|本年收入/],
  ["支出预算情况说明", "expenditure", /支出(预算|总计|合计|总额)|预算支出|本年支出/],
  ["财政拨款收支预算情况说明", "fiscal appropriation", /财政拨款/],
  ["一般公共预算支出预算情况说明", "general public budget", /一般公共预算/],
  ["“三公”经费预算情况说明", "“three public” expenses", /三公/],
  ["机关运行经费预算情况", "office running costs", /机关运行经费/],
  ["政府采购预算情况", "government procurement", /政府采购/],
  ["国有资产占用情况", "state assets", /国有资产|资产占用|车辆/],
  ["绩效目标设置情况", "performance targets", /绩效/],
];

/** A statement that a table or a fund has no data: “无…”, “没有…”, “空表”, “未安排…”, “不涉及…”. */
const NO_DATA = /(无|没有|未安排|未发生|不涉及|空表|为空|为零|为0(\.0+)?(万?元)?[，。；]|未使用)/;

/** A line already without spaces (removeSpaces), without its numbering (一、 （二） 表1 公开01表) and a trailing page number. */
function titleOf(spaceless: string): string {
  return spaceless
    .replace(/^(?:附|续)?(?:财决公开|公开|表)?[\d\-－]*表?[：:、.．]?/, "")
    .replace(/^[（(]?[一二三四五六七八九十]+[)）、.．]/, "")
    .replace(/^\d{4}年度?/, "")
    .replace(/[（(][^（()）]*表[\d\-－]+[)）]$/, ""); // 收支总表（预算表1）
}

/** A title's end: 表, or 表 and a bracketed note (`收支总表（预算表1）`). */
const TABLE_END = /表([（(][^）)]*[）)])?$/;

/**
 * The document's lines folded for every expected table: without spaces
 * (each line when first asked for), and as titles (titleOf; "" for a line
 * without 表, which no title pattern matches); the lines that could be a
 * title or name a table, and those stating an absence, found once.
 */
interface Folded {
  spaceless: (i: number) => string;
  titles: string[];
  /** Lines of 4 to 60 characters as titles that hold 表 (every expected title names it). */
  named: number[];
  /** Of those, the lines ending as a title ends (TABLE_END). */
  titled: number[];
  /** Lines stating that something has no data (NO_DATA). */
  noData: number[];
}

/** A character every no-data statement holds (NO_DATA), spaces removed or not. */
const NO_DATA_CHAR = /[无没未不空为]/;

function foldLines(lines: string[]): Folded {
  const folded: string[] = new Array(lines.length);
  const spaceless = (i: number) => (folded[i] ??= removeSpaces(lines[i]));
  const titles: string[] = new Array(lines.length).fill("");
  const named: number[] = [];
  const titled: number[] = [];
  const noData: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (NO_DATA_CHAR.test(l) && NO_DATA.test(spaceless(i))) noData.push(i);
    if (!l.includes("表")) continue;
    const s = (titles[i] = titleOf(spaceless(i)));
    if (s.length < 4 || s.length > 60 || !s.includes("表")) continue;
    named.push(i);
    if (TABLE_END.test(s)) titled.push(i);
  }
  return { spaceless, titles, named, titled, noData };
}

/** A short title-like line naming the table, followed within a few lines by its unit or numbers (not a table of contents). */
function printedTitle({ spaceless, titles, titled }: Folded, e: Expected): number | null {
  for (const i of titled) {
    if (!e.title.test(titles[i])) continue;
    for (let j = i + 1; j < Math.min(titles.length, i + 9); j++) {
      const t = spaceless(j);
      if (TABLE_END.test(titles[j]) && titles[j].length < 60) break; // the next title: a list of tables
      if (/单位[:：]|万元|[（(]元[)）]/.test(t) || (t.match(/\d[\d,]*\.\d+/g) ?? []).length >= 2) return i + 1;
    }
  }
  return null;
}

/** The first line stating that the topic has no data (the table is empty by statement). */
function noDataLine({ spaceless, noData }: Folded, topic: RegExp | undefined, e: Expected): number | null {
  const name = e.zh.replace(/[“”（）]/g, "");
  for (const i of noData) {
    const s = spaceless(i);
    if ((topic && topic.test(s)) || s.includes(name) || (/本表|此表|该表/.test(s) && i > 0 && e.title.test(spaceless(i - 1)))) return i + 1;
  }
  return null;
}

/** Lines that name a table without printing it (a list of 附表, a table of contents). */
function listingLines({ titles, named }: Folded, e: Expected): number[] {
  return named.filter((i) => e.title.test(titles[i])).map((i) => i + 1);
}

/** Whether a line holds more than `length` characters besides white space. */
function longLine(l: string, length: number): boolean {
  if (l.length <= length) return false;
  let chars = 0;
  for (let i = 0; i < l.length && chars <= length; i++) if (!isSpace(l.charCodeAt(i))) chars++;
  return chars > length;
}

/** Where an absence is shown: the lines listing what is missing, else the document's first printed line (its cover). */
function evidence(lines: string[], listed: number[]): number[] {
  if (listed.length > 0) return listed;
  const first = lines.findIndex((l) => l.trim() !== "");
  return first < 0 ? [] : [first + 1];
}

export function completeness(ctx: AuditContext, run: RuleRun): void {
  const { tables, lines, doc } = ctx.input;
  if (!tables || !lines || (doc.kind !== "final" && doc.kind !== "budget")) return;
  const expected = doc.kind === "final" ? FINAL : BUDGET;
  const found = new Set(tables.map((t) => t.family));
  const kindZh = doc.kind === "final" ? "决算" : "预算";
  const unfound = expected.filter((e) => !e.families.some((f) => found.has(f)));
  const folded = unfound.length > 0 ? foldLines(lines) : null;
  const missing = folded ? unfound.filter((e) => printedTitle(folded, e) === null && noDataLine(folded, e.topic, e) === null) : [];
  for (let i = 0; i < expected.length - missing.length; i++) run.pass();
  if (missing.length === expected.length) {
    // not one standard table printed: one finding, saying whether the text lists their names (附表 published apart)
    const listing = expected.map((e) => (folded ? listingLines(folded, e) : []));
    const listed = listing.filter((l) => l.length > 0);
    run.fail(
      { zh: `${kindZh}公开表格`, en: `standard ${doc.kind} tables`, subject: "standard tables", source_lines: evidence(lines, listing.flat()), table_ids: [] },
      "warning",
      `文档未刊印任何标准表格（应有 ${expected.length} 张${listed.length ? `，正文仅列出 ${listed.length} 张表名` : ""}）。`,
      `the document prints none of the ${expected.length} standard tables${listed.length ? ` (the text only lists ${listed.length} of their names)` : ""}.`,
      expected.length,
      0,
    );
  } else
    for (const e of missing)
      run.fail(
        {
          zh: `应公开的“${e.zh}”`,
          en: `required table "${e.en}"`,
          subject: e.zh,
          source_lines: evidence(lines, folded ? listingLines(folded, e) : []),
          table_ids: [],
        },
        "warning",
        `未找到该表，也未见空表说明（如“本单位无…，故此表为空表”）。`,
        `the table is neither printed nor covered by a no-data statement.`,
        1,
        0,
      );
  // the 说明 sections: looked for in the prose (outside the tables' own lines)
  const inTable = new Uint8Array(lines.length + 1);
  for (const t of tables) if (t.start_line && t.end_line) inTable.fill(1, t.start_line, Math.min(t.end_line, lines.length) + 1);
  // the prose lines run together (built by concatenation: one flat copy when first matched, no array of them),
  // and whether 10 of them hold more than 20 characters
  let printed = "";
  let long = 0;
  for (let i = 0; i < lines.length; i++) {
    if (inTable[i + 1]) continue;
    printed += lines[i];
    if (long < 10 && longLine(lines[i], 20)) long++;
  }
  if (long < 10) return; // a table-only file: no 说明 to judge
  let prose: string | null = null; // without spaces: words wrapped over two lines still count (folded when first needed)
  for (const [zh, en, words] of doc.kind === "final" ? SECTIONS_FINAL : SECTIONS_BUDGET) {
    // no pattern holds white space: what the printed text matches, the folded text matches too
    if (words.test(printed) || words.test((prose ??= removeSpaces(printed)))) {
      run.pass();
      continue;
    }
    run.fail(
      { zh: `应有的说明“${zh}”`, en: `required explanation "${en}"`, subject: zh, source_lines: evidence(lines, []), table_ids: [] },
      "warning",
      "正文中未见该部分。",
      "the prose has no such section.",
      1,
      0,
    );
  }
}
