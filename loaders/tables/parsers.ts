/** family → parser, from the final-account and budget parser sets. */
import type { TableParser } from "../schema/types.ts";
import { BUDGET_PARSERS } from "./budget/index.ts";
import { FINAL_PARSERS } from "./final/index.ts";

export const PARSERS: Record<string, TableParser> = { ...FINAL_PARSERS, ...BUDGET_PARSERS };
