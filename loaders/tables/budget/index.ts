/** Parsers of the budget (预算) table families, by family name (see segment/catalogue.ts). */
import type { SourceDocument, TableContext, TableFamily, TableParser, TableSection } from "../../schema/types.ts";
import type { Measure } from "../../schema/measures.ts";
import { incomeSources, rowsOf, totalsOf } from "./evidence.ts";
import { parseByCode, type RowsEvidence, type TotalsEvidence } from "./by-code.ts";
import { parseProcurement } from "./procurement.ts";
import { parseSummary, textSides } from "./summary.ts";
import { fundsWithoutIncome, unitIncome } from "./unit-bounds.ts";

const economic: TableParser = (ctx) => parseByCode(ctx, { codeHint: "economic" });

/** The income side of a 收支总表 section: [label, first number] of each row, in order. */
function incomeHalves(doc: SourceDocument, s: TableSection): Array<{ label: string; first: string | null }> {
  const halves: Array<{ label: string; first: string | null }> = [];
  for (let n = s.start_line; n <= s.end_line; n++)
    for (const h of textSides(doc.lines[n - 1] ?? "")) if (h.side === "income") halves.push({ label: h.label, first: h.nums[0] ?? null });
  return halves;
}

const SOURCES: Measure[] = [
  "fiscal_appropriation", "general_public_budget", "government_fund", "state_capital", "fiscal_special_account", "business_income",
  "operating_income", "other_income", "superior_subsidy", "subordinate_remittance", "unit_funds", "carryover_prior",
];

/** The income sources in the order the document's 收支总表 prints them (its text, read in the first pass like the unit directory). */
const summarySourceOrder = (ctx: TableContext): Measure[] => {
  const s = ctx.sections.find((x) => x.family === "budget_summary");
  return s ? ([...incomeSources(incomeHalves(ctx.doc, s), SOURCES).keys()] as Measure[]) : [];
};

/** 收入预算总表: 合计 by source = the income sources of the 收支总表 (plain-text tables). */
const summarySources: TotalsEvidence = {
  needs: ["budget_summary"],
  totals(ctx, evidence) {
    const s = evidence.section("budget_summary");
    if (!s) return null;
    const totals = incomeSources(incomeHalves(ctx.doc, s), ["fiscal_appropriation", "general_public_budget", "government_fund", "state_capital", "business_income", "operating_income", "other_income"]);
    return totals.size ? { totals, source: `${s.table_id} income sources` } : null;
  },
};

/** 一般公共预算支出表: 合计 基本支出 = 合计 of the 一般公共预算基本支出表 (its reading by `economic`, see BUDGET_PARSERS). */
const basicFromEconomic: TotalsEvidence = {
  needs: ["budget_gpb_basic_by_economic"],
  totals(_ctx, evidence) {
    const v = totalsOf(evidence, "budget_gpb_basic_by_economic")?.get("total");
    return v === undefined ? null : { totals: new Map([["basic", v]]), source: "合计 of 一般公共预算基本支出表 = 基本支出" };
  },
};

const functional: TableParser = (ctx) => parseByCode(ctx, { codeHint: "functional" });

/** 支出总表: rows of the 财政拨款 (or else 一般公共预算) 支出表 by function, read in full. */
const fiscalRows: RowsEvidence = {
  needs: ["budget_fiscal_by_code", "budget_gpb_by_code"],
  rows(_ctx, evidence) {
    for (const family of ["budget_fiscal_by_code", "budget_gpb_by_code"] as const) {
      const rows = rowsOf(evidence, family);
      const s = evidence.section(family);
      if (rows && s) return { rows, source: `${s.table_id} prints the row with the same 合计` };
    }
    return null;
  },
};
/**
 * 政府性基金 / 国有资本经营预算支出表: rows of the 支出总表 (all the money) by function, read in full.
 * A code printing the same 合计 in both holds only that fund's money: the same 基本支出 and 项目支出.
 */
const expenditureRows: RowsEvidence = {
  needs: ["budget_expenditure"],
  rows(_ctx, evidence) {
    const rows = rowsOf(evidence, "budget_expenditure");
    const s = evidence.section("budget_expenditure");
    return rows && s ? { rows, source: `${s.table_id} prints the row with the same 合计` } : null;
  },
};
const byFund: TableParser = (ctx) => parseByCode(ctx, { codeHint: "functional", rowEvidence: expenditureRows });
const threePublic: TableParser = (ctx) => parseByCode(ctx, { codeHint: "functional", remap: { total: "three_public_total" } });

export const BUDGET_PARSERS: Record<Extract<TableFamily, `budget_${string}`>, TableParser> = {
  budget_summary: parseSummary,
  budget_fiscal_summary: parseSummary,
  budget_income: (ctx) => parseByCode(ctx, { codeHint: "functional", evidence: summarySources, sourceOrder: summarySourceOrder }),
  budget_expenditure: (ctx) => parseByCode(ctx, { codeHint: "functional", rowEvidence: fiscalRows }),
  budget_fiscal_by_economic: economic,
  budget_gpb_by_code: (ctx) => parseByCode(ctx, { codeHint: "functional", evidence: basicFromEconomic }),
  budget_gpb_basic_by_economic: economic,
  budget_gpb_project: (ctx) => parseByCode(ctx, { codeHint: "functional", remap: { budget: "project" } }),
  budget_three_public: threePublic,
  budget_gov_fund: byFund,
  budget_gov_fund_three_public: threePublic,
  budget_state_capital: byFund,
  // families named by the meaning of their titles (segment/family.ts)
  budget_fiscal_by_code: functional,
  budget_gov_fund_summary: parseSummary,
  budget_gpb_basic_by_code: functional,
  budget_gpb_by_economic: economic,
  budget_gpb_project_by_economic: economic,
  budget_basic_by_economic: economic,
  budget_project: (ctx) => parseByCode(ctx, { codeHint: "functional", remap: { budget: "project" }, evidence: fundsWithoutIncome, unitEvidence: unitIncome }),
  budget_procurement: parseProcurement,
  // 机关运行经费 by economic code: its one amount column is the running costs (机关运行经费支出, or 预算数 / 金额)
  budget_agency_running_costs: (ctx) => parseByCode(ctx, { codeHint: "economic", remap: { budget: "agency_running_costs" } }),
};
