/**
 * A table's family from the meaning of its title, for titles the catalogue
 * does not list by name (收支总体情况表, 2026年市级部门收支预算总表,
 * 收支总表（预算表 1）, 一般公共预算支出情况表（按功能分类科目）…). The title
 * is reduced to its core — without the printed number, the year, the
 * entity and the 部门 / 单位 / 市级 / 综合 words — and the family is read
 * from what the core names: which money (财政拨款, 一般公共预算, 政府性基金,
 * 国有资本经营, “三公”), which side (收支, 收入, 支出), which part (基本支出,
 * 项目支出) and which classification (功能 / 经济).
 */
import type { DocKind, TableFamily } from "../schema/types.ts";
import { matchTableId, normaliseTitle, type TableSpec } from "./catalogue.ts";

/** The printed number and ordinal around a title: 表1, 公开01表, 附表3, 一、, （二）, （预算表 1）. */
const ID_BEFORE = /^(?:(?:附)?表\d{1,2}(?:-\d{1,2})?(?=20\d\d|\D)|(?:财决)?公开\d{1,2}表|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;
const ID_AFTER = /[（(](?:预算表|决算表|公开表|附表|表)\d{1,2}(?:-\d{1,2})?[）)]$/;
/** Words of a title that say whose table it is, not what it holds. */
const OWNER =
  /^(?:\d{4}年度?|[^\d表]{0,30}?(?:局|委员会|办事处|院|中心|厅|委|部|处|所|站|会|馆|队)(?=\d{4}年|部门|单位|市级|区级|县级|本级)|市级|区级|县级|省级|本级|预算单位|部门|单位|综合|本年|年度|预算(?=.+表))+/;

/** The core of a title line: `表1 2022年部门综合预算收支总表` → `收支总表`; null when the line cannot be a title. */
export function titleCore(line: string): string | null {
  if (line.length > 120 || !line.includes("表")) return null;
  // findCandidates asks twice for a line no catalogue name matches (by meaning, then as a numbered title)
  if (line === lastCore.line) return lastCore.core;
  lastCore.line = line;
  lastCore.core = readCore(line);
  return lastCore.core;
}

/** The last line titleCore read and its core. */
const lastCore: { line: string | null; core: string | null } = { line: null, core: null };

function readCore(line: string): string | null {
  let t = normaliseTitle(line);
  // list items (`9.单位“三公”经费…表` in a table of contents) and sentences are not titles
  if (t.length < 4 || t.length > 70 || /[，。；：:]/.test(t) || /\d+\.\d/.test(t) || /^\d{1,2}[.、．]/.test(t)) return null;
  t = t.replace(ID_BEFORE, "").replace(ID_AFTER, "");
  t = t.replace(OWNER, "");
  // the classification the table is arranged by, printed in brackets: （按功能分类科目）
  return /表(?:[（(][^（）()]{2,16}[）)])?$/.test(t) ? t : null;
}

/** The family a title core names, or null (绩效 tables, lists, notes). */
export function familyOfCore(core: string, kind: DocKind): TableFamily | null {
  if (/绩效|说明|目录/.test(core)) return null;
  // 政府采购（资产配置、购买服务）预算表, 政府采购支出表, 政府采购预算明细表
  if (/政府采购/.test(core)) return kind === "final" ? null : "budget_procurement";
  const economic = /经济/.test(core);
  const functional = /功能/.test(core);
  if (kind === "final") return null; // final-account titles are standard across templates: the catalogue knows them
  if (/三公/.test(core)) return /政府性基金/.test(core) ? "budget_gov_fund_three_public" : "budget_three_public";
  // 机关运行经费 alone (beside the “三公” it is their table): by economic code, as its header says
  if (/机关运行经费/.test(core)) return "budget_agency_running_costs";
  if (/政府性基金/.test(core)) return /收支/.test(core) ? "budget_gov_fund_summary" : /支出/.test(core) ? "budget_gov_fund" : null;
  if (/国有资本经营/.test(core)) return /支出|收支/.test(core) ? "budget_state_capital" : null;
  if (/财政拨款/.test(core)) {
    if (/收支/.test(core)) return "budget_fiscal_summary";
    if (economic || /基本支出/.test(core)) return "budget_fiscal_by_economic";
    return /支出/.test(core) ? "budget_fiscal_by_code" : null;
  }
  if (/一般公共预算/.test(core)) {
    if (/基本支出/.test(core)) return functional ? "budget_gpb_basic_by_code" : "budget_gpb_basic_by_economic";
    if (/项目支出/.test(core)) return economic ? "budget_gpb_project_by_economic" : "budget_gpb_project";
    if (economic) return "budget_gpb_by_economic";
    return /支出/.test(core) ? "budget_gpb_by_code" : null;
  }
  if (/收支/.test(core) && /总/.test(core)) return "budget_summary";
  if (/收入/.test(core) && !/支出/.test(core)) return /总|一览/.test(core) ? "budget_income" : null;
  if (/基本支出/.test(core)) return economic || !functional ? "budget_basic_by_economic" : null;
  // 专项业务经费 (陕西): the projects, as 项目支出 elsewhere
  if (/项目支出|专项业务经费支出/.test(core)) return "budget_project";
  if (/支出/.test(core) && /总/.test(core)) return "budget_expenditure";
  return null;
}

/** The family of a numbered table (表N above its title) whose title names no family we read: it is found, and reported unread. */
export const UNREAD_FAMILY = "unrecognised";

/** A title line's spec by meaning (kind: the document's, when the title does not say). */
export function matchTitleByMeaning(line: string, docKind: DocKind | null): { spec: TableSpec; name: string } | null {
  const core = titleCore(line);
  if (!core) return null;
  const kind = /决算/.test(core) ? "final" : /预算/.test(core) ? "budget" : (docKind ?? "budget");
  const family = familyOfCore(core, kind);
  return family ? { spec: { names: [core], family, kind }, name: core } : null;
}

/**
 * A title printed under its table number (`表10` / `2022年部门综合预算专项业务
 * 经费支出表`) that names no family we read (and no 绩效 table): still a table,
 * so it ends the table before it and is reported as not read.
 */
export function matchNumberedTitle(lines: string[], i: number): { spec: TableSpec; name: string } | null {
  const core = titleCore(lines[i]);
  if (!core || /绩效|说明|目录|公开报表|^(预算|决算)表$/.test(core)) return null;
  const numbered = [i - 1, i - 2].some((j) => j >= 0 && matchTableId(lines[j]) !== null);
  return numbered ? { spec: { names: [core], family: UNREAD_FAMILY, kind: /决算/.test(core) ? "final" : "budget" }, name: core } : null;
}
