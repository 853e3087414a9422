/**
 * The standard tables we know by name. A table is found by its title (the
 * name, possibly prefixed by a year and 部门/单位), with its printed number
 * (财决公开NN表, 公开NN表, 表N, 表N-M) nearby when there is one.
 *
 * Each family names the parser that reads it (see tables/parsers.ts).
 * Names are compared with all white space removed and full-width
 * brackets/quotes folded (see normaliseTitle).
 */
import { spacelessFullWidth, straightToCurlyQuote } from "../base/fold.ts";
import type { DocKind, TableFamily } from "../schema/types.ts";

export interface TableSpec {
  /** Standard names (normalised) that identify the table. */
  names: string[];
  family: TableFamily;
  kind: DocKind;
}

export const FINAL_TABLES: TableSpec[] = [
  { names: ["收入支出决算总表"], family: "final_summary", kind: "final" },
  { names: ["收入决算表"], family: "final_income_by_code", kind: "final" },
  { names: ["支出决算表"], family: "final_expenditure_by_code", kind: "final" },
  { names: ["财政拨款收入支出决算总表"], family: "final_fiscal_summary", kind: "final" },
  { names: ["财政拨款支出决算明细表"], family: "final_fiscal_detail", kind: "final" },
  { names: ["一般公共预算财政拨款支出决算表"], family: "final_gpb_by_code", kind: "final" },
  { names: ["一般公共预算财政拨款支出决算明细表"], family: "final_gpb_detail", kind: "final" },
  {
    names: ["一般公共预算财政拨款基本支出决算明细表", "一般公共预算财政拨款基本支出决算表"],
    family: "final_gpb_basic_by_economic",
    kind: "final",
  },
  { names: ["一般公共预算财政拨款项目支出决算表"], family: "final_gpb_project", kind: "final" },
  { names: ["政府性基金预算财政拨款收入支出决算表"], family: "final_gov_fund", kind: "final" },
  { names: ["国有资本经营预算财政拨款收入支出决算表"], family: "final_state_capital", kind: "final" },
  { names: ["国有资本经营预算财政拨款支出决算表"], family: "final_state_capital_expenditure", kind: "final" },
  { names: ["财政拨款“三公”经费支出决算表", "一般公共预算财政拨款“三公”经费支出决算表"], family: "final_three_public", kind: "final" },
];

export const BUDGET_TABLES: TableSpec[] = [
  { names: ["部门收支总表", "收支总表", "财务收支预算总表", "部门财务收支预算总表", "单位收支总表"], family: "budget_summary", kind: "budget" },
  { names: ["部门收入总表", "收入总表", "收入预算总表", "单位收入总表"], family: "budget_income", kind: "budget" },
  { names: ["部门支出总表", "支出总表", "支出预算总表", "单位支出总表"], family: "budget_expenditure", kind: "budget" },
  { names: ["财政拨款收支预算总表", "财政拨款收支总表"], family: "budget_fiscal_summary", kind: "budget" },
  { names: ["财政拨款支出预算表（部门经济分类科目）", "财政拨款支出预算表"], family: "budget_fiscal_by_economic", kind: "budget" },
  { names: ["一般公共预算支出预算表", "一般公共预算支出功能分类预算表"], family: "budget_gpb_by_code", kind: "budget" },
  {
    names: ["一般公共预算基本支出预算表", "一般公共预算基本支出部门预算经济分类预算表"],
    family: "budget_gpb_basic_by_economic",
    kind: "budget",
  },
  { names: ["一般公共预算项目支出预算表"], family: "budget_gpb_project", kind: "budget" },
  {
    names: ["一般公共预算“三公”经费支出预算表", "“三公”经费和机关运行经费预算表", "“三公”经费支出预算表"],
    family: "budget_three_public",
    kind: "budget",
  },
  { names: ["政府性基金预算支出预算表", "政府性基金预算支出功能分类预算表"], family: "budget_gov_fund", kind: "budget" },
  { names: ["政府性基金预算“三公”经费支出预算表"], family: "budget_gov_fund_three_public", kind: "budget" },
  { names: ["国有资本经营预算支出预算表", "国有资本经营预算支出功能分类预算表"], family: "budget_state_capital", kind: "budget" },
];

export const ALL_TABLES: TableSpec[] = [...FINAL_TABLES, ...BUDGET_TABLES];

/** Remove white space, fold brackets and quotes, so spaced glyphs and variants compare equal. */
export function normaliseTitle(line: string): string {
  return straightToCurlyQuote(spacelessFullWidth(line));
}

/** Prefixes that may stand before a standard name in a title line. */
const TITLE_PREFIX = /^(?:\d{4}年度?)?(?:[^\d\s]{2,40}?(?:局|委员会|办事处|院|中心|厅|委|部|处|所|站|会))?(?:\d{4}年度?)?(?:预算单位|部门|单位|本级)?/;

const byName = new Map<string, TableSpec>();
for (const spec of ALL_TABLES) for (const n of spec.names) byName.set(normaliseTitle(n), spec);

/** The spec and standard name a title line names, or null. */
export function matchTitle(line: string): { spec: TableSpec; name: string } | null {
  // every standard name ends in 表: most lines are out at once
  if (line.length > 200 || !line.includes("表")) return null;
  const norm = normaliseTitle(line);
  if (norm.length < 4 || norm.length > 60) return null;
  const direct = byName.get(norm);
  if (direct) return { spec: direct, name: norm };
  const m = norm.match(TITLE_PREFIX);
  if (m && m[0].length > 0) {
    const rest = norm.slice(m[0].length);
    const spec = byName.get(rest);
    if (spec) return { spec, name: rest };
  }
  // the lazy prefix may stop inside the name (…基本支出部|门预算经济分类…): try each known name as the suffix
  for (const [name, spec] of namesLongestFirst) if (norm.endsWith(name) && WHOLE_PREFIX.test(norm.slice(0, norm.length - name.length))) return { spec, name };
  return null;
}

const WHOLE_PREFIX = new RegExp(`${TITLE_PREFIX.source}$`);
const namesLongestFirst = [...byName.entries()].sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));

/** The printed number of a table (财决公开03表, 公开05表, 表1-2), if the line is one. */
export function matchTableId(line: string): string | null {
  // every id prints 表 or 续: most lines are out at once
  if (!line.includes("表") && !line.includes("续")) return null;
  const norm = line.replace(/[\s\u3000]+/g, "");
  const m = norm.match(/^(?:附)?((?:财决)?公开\d{1,2}表|表\d{1,2}(?:-\d{1,2})?|续\d{1,2})$/);
  return m ? m[1] : null;
}
