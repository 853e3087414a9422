/** Every output table, in the order they are written and documented. */
import { CORE_TABLES, type TableSpecOut } from "./columns.ts";

export const OUTPUT_TABLES: TableSpecOut[] = [...CORE_TABLES];
