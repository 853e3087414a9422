/**
 * Money columns of a plain-text table, whose header lines come out jumbled
 * (multi-level headers are split over lines, so their printed order is lost).
 * Each family has the column order of its standard form; a column is kept
 * when its header words appear in the header text.
 */
import { foldHeader, measureOfHeader } from "./columnMeasures.ts";
import type { Measure } from "../../schema/measures.ts";

export interface TextColumn {
  label: string;
  measure: Measure;
}

type Spec = Array<{ label: string; key: RegExp; leaf?: string; parent?: string }>;

const BY_CODE: Spec = [
  { label: "合计", key: /合计/ },
  { label: "基本支出", key: /基本支出/ },
  { label: "项目支出", key: /项目支出/ },
];

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
];

/** Shanghai form: 合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费 (小计 购置费 运行费) | 机关运行经费. */
const THREE_PUBLIC: Spec = [
  { label: "合计", key: /合计/, leaf: "合计", parent: "“三公”经费" },
  { label: "因公出国（境）费", key: /因公出国/ },
  { label: "公务接待费", key: /公务接待费/ },
  { label: "公务用车购置及运行费/小计", key: /小计/, leaf: "小计", parent: "公务用车购置及运行费" },
  { label: "购置费", key: /购置费/ },
  { label: "运行费", key: /运行费/ },
  { label: "机关运行经费", key: /机关运行经/ }, // `机关运行经` / `费预算数` may break over lines
];

const SPECS: Record<string, Spec> = {
  budget_income: INCOME,
  budget_expenditure: BY_CODE,
  budget_gpb_by_code: BY_CODE,
  budget_gov_fund: BY_CODE,
  budget_state_capital: BY_CODE,
  budget_gpb_basic_by_economic: ECONOMIC,
  budget_three_public: THREE_PUBLIC,
  budget_gov_fund_three_public: THREE_PUBLIC,
};

/** The money columns of a plain-text row table, or null when the header names none we know. */
export function textColumns(family: string, headerText: string): TextColumn[] | null {
  const spec = SPECS[family];
  if (!spec) return null;
  const h = foldHeader(headerText);
  const out: TextColumn[] = [];
  for (const col of spec) {
    if (!col.key.test(h)) continue;
    const measure = measureOfHeader(col.leaf ?? col.label, col.parent ?? "");
    if (measure) out.push({ label: col.label, measure });
  }
  return out.length > 0 ? out : null;
}

/** Columns of the sides of a plain-text two-sided table (收支总表). */
export function textSideColumns(headerText: string, side: "income" | "expenditure"): TextColumn[] {
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
