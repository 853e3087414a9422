/** Parsers of the final-account (决算) table families, by family name (see segment/catalogue.ts). */
import type { TableFamily, TableParser } from "../../schema/types.ts";
import { parseBasicEconomic } from "./basic-economic.ts";
import { parseByCode } from "./by-code.ts";
import { parseSummary } from "./summary.ts";
import { parseThreePublic } from "./three-public.ts";

export const FINAL_PARSERS: Record<Extract<TableFamily, `final_${string}`>, TableParser> = {
  final_summary: parseSummary,
  final_fiscal_summary: parseSummary,
  final_income_by_code: parseByCode,
  final_expenditure_by_code: parseByCode,
  final_fiscal_detail: parseByCode,
  final_gpb_by_code: parseByCode,
  final_gpb_detail: parseByCode,
  final_gpb_basic_by_economic: parseBasicEconomic,
  final_gpb_project: parseByCode,
  final_gov_fund: parseByCode,
  final_state_capital: parseByCode,
  final_state_capital_expenditure: parseByCode,
  final_three_public: parseThreePublic,
};
