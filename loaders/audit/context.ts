/** What every rule receives: the input and the table rows rebuilt once. */
import { rowsOf, tablesOf, type AuditRow } from "./rows.ts";
import type { AuditInput } from "./types.ts";

export interface AuditContext {
  input: AuditInput;
  rows: AuditRow[];
  tables: Array<{ table_id: string; table_name: string; rows: AuditRow[] }>;
}

export function contextOf(input: AuditInput): AuditContext {
  const rows = rowsOf(input.items.filter((i) => i.doc_id === input.doc.doc_id || !input.doc.doc_id));
  return { input, rows, tables: tablesOf(rows) };
}
