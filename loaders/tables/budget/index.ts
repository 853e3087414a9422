/** Parsers of the budget (预算) table families, by family name (see tables/catalogue.ts). */
import type { TableParser } from "../../schema/types.ts";

export const BUDGET_PARSERS: Record<string, TableParser> = {};
