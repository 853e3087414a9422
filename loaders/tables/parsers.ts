/** family → parser, from the final-account and budget parser sets. */
import type { TableFamily, TableParser } from "../schema/types.ts";
import { BUDGET_PARSERS } from "./budget/index.ts";
import { FINAL_PARSERS } from "./final/index.ts";

/** Every family has a parser: a family added to TableFamily without one fails type checking. */
export const PARSERS: Record<Exclude<TableFamily, "unrecognised">, TableParser> = { ...FINAL_PARSERS, ...BUDGET_PARSERS };
