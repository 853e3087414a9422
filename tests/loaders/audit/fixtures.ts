/** Hand-built rows for the audit rule tests. */
import type { Measure } from "../../../loaders/schema/measures.ts";
import type { LineItem } from "../../../loaders/schema/types.ts";
import type { AuditInput, NarrativeFactLike } from "../../../loaders/audit/types.ts";

export const DOC = { doc_id: "t", source_file: "t.txt", kind: "final", year: 2023 };

let rowIndex = 0;

/** One printed number. `code` fills code_level / parent_code / code_system. */
export function item(p: Partial<LineItem> & { value: number; source_line: number }): LineItem {
  const code = p.code ?? null;
  return {
    doc_id: "t",
    table_id: "T1",
    table_name: "支出决算表",
    row_label: "",
    code,
    code_system: code ? (/^[35]/.test(code) ? "economic" : "functional") : "none",
    code_level: code ? (code.length === 3 ? 1 : code.length === 5 ? 2 : 3) : null,
    parent_code: code && code.length > 3 ? code.slice(0, code.length - 2) : null,
    is_leaf: null,
    unit_code: null,
    measure: "total",
    column_label: "",
    unit: "万元",
    amount_wan: p.value,
    inferred: false,
    rule: null,
    source_text: "",
    row_index: ++rowIndex,
    side: null,
    line_no: null,
    ...p,
  };
}

/** A by-code row: one item per measure on one line. */
export function row(table: Partial<LineItem>, line: number, label: string, code: string | null, values: Partial<Record<Measure, number>>): LineItem[] {
  const index = ++rowIndex;
  return (Object.entries(values) as Array<[Measure, number]>).map(([measure, value]) => item({ ...table, row_label: label, code, measure, value, source_line: line, row_index: index }));
}

export function fact(p: Partial<NarrativeFactLike> & { value: number; source_line: number; measure: string }): NarrativeFactLike {
  const index = p.fact_id ? 0 : ++rowIndex;
  return {
    doc_id: "t",
    fact_id: `t:${p.source_line}:${index}`,
    section: null,
    subsection: null,
    subject: "",
    code: null,
    unit: p.measure.endsWith("pct") ? "%" : "万元",
    amount_wan: p.measure.endsWith("pct") ? null : p.value,
    year: 2023,
    compared_year: null,
    direction: null,
    derived: false,
    formula: null,
    source_text: "",
    sentence: "s",
    ...p,
  };
}

export function input(items: LineItem[], extra: Partial<AuditInput> = {}): AuditInput {
  return { doc: DOC, items, ...extra };
}
