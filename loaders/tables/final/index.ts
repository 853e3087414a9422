/** Parsers of the final-account (决算) table families, by family name (see tables/catalogue.ts). */
import type { TableParser } from "../../schema/types.ts";

export const FINAL_PARSERS: Record<string, TableParser> = {};
