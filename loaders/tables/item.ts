/** Building line_items and residue rows with their provenance filled in. */
import type { Measure } from "../schema/measures.ts";
import type { CodeSystem, LineItem, ResidueRow, TableContext } from "../schema/types.ts";
import { toWan } from "../base/money.ts";
import { codeLevel, codeSystemOf, parentCode } from "./codes.ts";

export interface ItemInput {
  row_label: string;
  measure: Measure;
  column_label: string;
  value: number;
  source_line: number; // 1-based
  row_index: number;
  code?: string | null;
  code_system?: CodeSystem;
  unit_code?: string | null;
  /** Defaults to the section's money unit; use "%" / "个" / "辆" … for non-money values. */
  unit?: string;
  inferred?: boolean;
  rule?: string | null;
  side?: string | null;
  line_no?: number | null;
  is_leaf?: boolean | null;
}

export function makeItem(ctx: TableContext, input: ItemInput): LineItem {
  const unit = input.unit ?? ctx.section.unit;
  const code = input.code ?? null;
  const code_system: CodeSystem = input.code_system ?? (code ? codeSystemOf(code) : "none");
  const hierarchical = code_system === "functional" || code_system === "economic";
  return {
    doc_id: ctx.doc.doc_id,
    table_id: ctx.section.table_id,
    table_name: ctx.section.table_name,
    row_label: input.row_label,
    code,
    code_system,
    code_level: code && hierarchical ? codeLevel(code) : null,
    parent_code: code && hierarchical ? parentCode(code) : null,
    is_leaf: input.is_leaf ?? null,
    unit_code: input.unit_code ?? null,
    measure: input.measure,
    column_label: input.column_label,
    value: input.value,
    unit,
    amount_wan: toWan(input.value, unit),
    inferred: input.inferred ?? false,
    rule: input.rule ?? null,
    source_line: input.source_line,
    source_text: ctx.doc.lines[input.source_line - 1] ?? "",
    row_index: input.row_index,
    side: input.side ?? null,
    line_no: input.line_no ?? null,
  };
}

export function makeResidue(ctx: TableContext, source_line: number, reason: string): ResidueRow {
  return {
    doc_id: ctx.doc.doc_id,
    table_id: ctx.section.table_id,
    source_line,
    source_text: ctx.doc.lines[source_line - 1] ?? "",
    reason,
  };
}

/** Section lines as [1-based line number, text] pairs. */
export function sectionLines(ctx: TableContext): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (let n = ctx.section.start_line; n <= ctx.section.end_line; n++) out.push([n, ctx.doc.lines[n - 1] ?? ""]);
  return out;
}
