/**
 * The panel's figures of one document, read from the rows the pipeline
 * already produced (tables, line_items, narrative_facts). Which table a
 * figure comes from is decided by tables.family, line_items.measure and
 * code, never by table numbers; the choices are the Overview and Compare
 * pages' (src/components/overview-queries.ts, compare-queries.ts), and
 * tests/site/panel-agreement.test.ts checks that both give the same numbers:
 *   grand_total, income, expenditure  收支总表 (final_summary / budget_summary)
 *   basic, project, function_class    支出决算表 (final_expenditure_by_code), else 部门支出总表 (budget_expenditure)
 *   personnel, public_expenses        一般公共预算财政拨款基本支出表 (…_gpb_basic_by_economic)
 *   “三公” and its parts               final_three_public (预算数 / 决算数) or budget_three_public
 *   agency_running_costs              a line item of that measure, else the prose
 * A document without the table falls back to its prose for its own year.
 * Earlier-year figures the prose states or implies (上年决算数, 较上年增减)
 * are returned too, marked derived.
 */
import type { NarrativeFact } from "../prose/types.ts";
import type { DocumentRow, LineItem, TableRow } from "../schema/types.ts";
import { measureOfSubject } from "./measures.ts";

export type Phase = "budget" | "final";

export interface Figure {
  doc_id: string;
  year: number;
  phase: Phase;
  measure: string;
  /** Functional 类 code for function_class, else null. */
  code: string | null;
  amount_wan: number;
  table_id: string | null;
  source_line: number;
  source_lines: number[];
  source_text: string;
  /** table, sum over units, sum of 项 rows, prose, prior-year stated, prior-year change */
  basis: string;
  derived: boolean;
  formula: string | null;
}

/** The rows of one document. */
export interface DocumentInput {
  document: DocumentRow;
  tables: TableRow[];
  items: LineItem[];
  facts: NarrativeFact[];
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const byPosition = (a: LineItem, b: LineItem) => a.row_index - b.row_index || a.source_line - b.source_line;
const squash = (s: string) => s.replace(/\s/g, "");

/** The first usable table of the families, in the order given (then by title line). */
function tableOf(tables: TableRow[], families: string[]): TableRow | null {
  const usable = tables.filter((t) => families.includes(t.family) && (t.status === "ok" || t.status === "partial"));
  usable.sort((a, b) => families.indexOf(a.family) - families.indexOf(b.family) || a.title_line - b.title_line);
  return usable[0] ?? null;
}

export function documentFigures({ document: doc, tables, items, facts }: DocumentInput): Figure[] {
  if (doc.year === null || (doc.kind !== "budget" && doc.kind !== "final")) return [];
  const year = doc.year;
  const kind: Phase = doc.kind;
  const out: Figure[] = [];
  const fromItem = (measure: string, phase: Phase, rows: LineItem[], code: string | null = null, basis = "table"): void => {
    if (rows.length === 0) return;
    out.push({
      doc_id: doc.doc_id,
      year,
      phase,
      measure,
      code,
      amount_wan: round6(rows.reduce((sum, r) => sum + (r.amount_wan ?? 0), 0)),
      table_id: rows[0].table_id,
      source_line: rows[0].source_line,
      source_lines: rows.map((r) => r.source_line),
      source_text: rows[0].source_text,
      basis: rows.length > 1 && basis === "table" ? "sum over units" : basis,
      derived: false,
      formula: null,
    });
  };
  const itemsOf = (t: TableRow | null) => (t ? items.filter((i) => i.table_id === t.table_id && i.amount_wan !== null).sort(byPosition) : []);
  const found = new Set<string>();
  const first = (measure: string, phase: Phase, rows: LineItem[]) => {
    const row = rows[0];
    if (!row) return;
    fromItem(measure, phase, [row]);
    found.add(`${phase}:${measure}`);
  };

  // 收支总表: the totals of the expenditure side and the year's income
  const summary = itemsOf(tableOf(tables, ["final_summary", "budget_summary"])).filter((i) => i.code === null);
  const summaryMeasure = (i: LineItem): string | null => {
    if (i.measure === "grand_total") return i.side === "expenditure" ? "grand_total" : null;
    if (i.measure === "total") return i.side === "expenditure" ? "expenditure" : i.side === "income" ? "income" : null;
    if (i.measure === "budget")
      return ({ 支出总计: "grand_total", 本年支出合计: "expenditure", 本年收入合计: "income" } as Record<string, string>)[squash(i.row_label)] ?? null;
    return null;
  };
  for (const m of ["grand_total", "income", "expenditure"])
    first(
      m,
      kind,
      summary.filter((i) => summaryMeasure(i) === m),
    );

  // 支出表: 基本 / 项目 of the 合计 row, and the 类 of the functional classification
  const expenditure = itemsOf(tableOf(tables, ["final_expenditure_by_code", "budget_expenditure"]));
  const totalRow = expenditure.filter((i) => i.code === null && i.unit_code === null && /合\s*计/.test(i.row_label));
  for (const m of ["basic", "project"])
    first(
      m,
      kind,
      totalRow.filter((i) => i.measure === m),
    );
  const coded = expenditure.filter((i) => i.measure === "total" && i.code_system === "functional" && i.code !== null && i.code_level !== null);
  if (coded.length) {
    const top = Math.min(...coded.map((i) => (i.unit_code ?? "").length));
    const atTop = coded.filter((i) => (i.unit_code ?? "").length === top);
    const classes = atTop.filter((i) => i.code_level === 1);
    const rows = classes.length ? classes : atTop.filter((i) => i.code_level === 3);
    const groups = new Map<string, LineItem[]>();
    for (const r of rows) {
      const code = r.code!.slice(0, 3);
      groups.set(code, [...(groups.get(code) ?? []), r]);
    }
    for (const [code, group] of [...groups].sort(([a], [b]) => a.localeCompare(b)))
      fromItem("function_class", kind, group, code, classes.length ? "table" : "sum of 项 rows");
  }

  // 基本支出表: 人员经费 / 公用经费
  const basic = itemsOf(tableOf(tables, ["final_gpb_basic_by_economic", "budget_gpb_basic_by_economic"])).filter(
    (i) => i.code === null && i.unit_code === null,
  );
  for (const m of ["personnel", "public_expenses"])
    first(
      m,
      kind,
      basic.filter((i) => i.measure === m),
    );

  // “三公”: a final account prints 预算数 and 决算数 side by side
  const tpTable = tableOf(tables, ["final_three_public", "budget_three_public"]);
  // a table printing a row per year (2025 年 | 2026 年 | 增减变化金额) holds the document's year on the row naming it
  const rowYear = (label: string) => Number(/(\d{4})\s*年/.exec(label)?.[1] ?? year);
  // a table printing its columns per period (2021年 | 2022年 | 增减变化情况) holds the document's year in the columns naming it
  const sideYear = (side: string | null) => (side && /^20\d\d年/.test(side) ? Number(side.slice(0, 4)) : year);
  const tp = itemsOf(tpTable).filter(
    (i) =>
      i.unit_code === null && rowYear(i.row_label) === year && !/增减|变化/.test(i.row_label) && sideYear(i.side) === year && !/增减|变化/.test(i.side ?? ""),
  );
  for (const m of ["three_public_total", "overseas_travel", "vehicles_total", "vehicle_purchase", "vehicle_operation", "official_reception"]) {
    const rows = tp.filter((i) => i.measure === m);
    // columns split by fund (一般公共预算 | 政府性基金预算 | 国有资本经营预算): the row's funds summed
    const funds = rows.filter((i) => i.source_line === rows[0]?.source_line && /预算$/.test(i.side ?? ""));
    if (tpTable?.family === "budget_three_public" && funds.length > 1) {
      fromItem(m, "budget", funds, null, "sum over funds");
      found.add(`budget:${m}`);
    } else if (tpTable?.family === "budget_three_public") first(m, "budget", rows);
    else {
      first(
        m,
        "budget",
        rows.filter((i) => i.side === "预算数"),
      );
      first(
        m,
        "final",
        rows.filter((i) => i.side === "决算数"),
      );
    }
  }
  first(
    "agency_running_costs",
    kind,
    // a row without code: the whole body's running costs, never one economic class of them (机关运行经费支出预算表's 302 …)
    items.filter((i) => i.measure === "agency_running_costs" && i.unit_code === null && i.code === null && i.amount_wan !== null).sort(byPosition),
  );

  // the prose: own-year figures where no table gave them; earlier years always
  const stated = facts.filter((f) => f.amount_wan !== null && f.year !== null).sort((a, b) => a.source_line - b.source_line);
  for (const f of stated) {
    const measure = f.code && f.code.length === 3 ? "function_class" : measureOfSubject(f.subject);
    if (!measure || (measure === "function_class" && f.year === year)) continue;
    const figure = (phase: Phase, basis: string, derived: boolean): Figure => ({
      doc_id: doc.doc_id,
      year: f.year!,
      phase,
      measure,
      code: measure === "function_class" ? f.code : null,
      amount_wan: round6(f.amount_wan!),
      table_id: null,
      source_line: f.source_line,
      source_lines: [f.source_line],
      source_text: f.source_text,
      basis,
      derived,
      formula: f.formula,
    });
    if (f.year === year && !f.derived) {
      const phase: Phase | null = f.measure === "amount" ? kind : f.measure === "budget_amount" ? "budget" : null;
      if (!phase || found.has(`${phase}:${measure}`)) continue;
      found.add(`${phase}:${measure}`);
      out.push(figure(phase, "prose", false));
    } else if (f.year! < year && f.measure === "amount") {
      // 较上年 compares with the same kind of figure: a budget with last year's budget, accounts with last year's accounts
      out.push(figure(kind, f.derived ? "prior-year change" : "prior-year stated", true));
    }
  }
  return out;
}
