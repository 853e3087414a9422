/** Parsers of the budget (预算) table families, by family name (see tables/catalogue.ts). */
import type { TableParser } from "../../schema/types.ts";
import { parseRowTable } from "./rowTable.ts";
import { parseTwoSided } from "./twoSided.ts";

const functional: TableParser = (ctx) => parseRowTable(ctx, { codeHint: "functional" });
const threePublic: TableParser = (ctx) => parseRowTable(ctx, { codeHint: "functional", remap: { total: "three_public_total" } });

export const BUDGET_PARSERS: Record<string, TableParser> = {
  budget_summary: parseTwoSided,
  budget_fiscal_summary: parseTwoSided,
  budget_income: functional,
  budget_expenditure: functional,
  budget_fiscal_by_economic: (ctx) => parseRowTable(ctx, { codeHint: "economic" }),
  budget_gpb_by_code: functional,
  budget_gpb_basic_by_economic: (ctx) => parseRowTable(ctx, { codeHint: "economic" }),
  budget_gpb_project: (ctx) => parseRowTable(ctx, { codeHint: "functional", remap: { budget: "project" } }),
  budget_three_public: threePublic,
  budget_gov_fund: functional,
  budget_gov_fund_three_public: threePublic,
  budget_state_capital: functional,
};
