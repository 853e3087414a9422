/**
 * The figures of a document's tables, keyed so that the same figure in
 * different tables compares: scope (which money: all / 财政拨款 / 一般公共预算
 * / 政府性基金 / 国有资本经营) × flow (amount, basic, project, income …) ×
 * code (or TOTAL). A code a table does not print but whose sub-rows it
 * prints gets the sum of those (aggregated); rows split by unit are summed.
 */
import type { LineItem } from "../schema/types.ts";
import { remembered } from "../base/memo.ts";
import { functionalClassCode } from "../schema/classification-names.ts";
import type { AuditContext } from "./context.ts";
import { Keyed3 } from "./keyed.ts";
import { isTotalRow, wan, type AuditRow } from "./rows.ts";
import { roleOf, sidesOf } from "./summary.ts";

export interface Figure {
  table_id: string;
  scope: string;
  flow: string;
  /** Classification code, or "TOTAL" for the table's total. */
  code: string;
  value: number;
  lines: number[];
  /** Number of printed numbers summed (1 = printed as such). */
  terms: number;
  aggregated: boolean;
  label: string;
  /** Order of the table in the document. */
  table_order: number;
}

const FUND_SCOPE: Record<string, string> = { fiscal_appropriation: "fiscal", general_public_budget: "gpb", government_fund: "fund", state_capital: "capital" };

/** What a table's name says of its figures (read once per table: every item of the table shares it). */
interface TableFacts {
  scope: string;
  /** 基本支出 / 项目支出 in the name: its amounts are that flow. */
  basic: boolean;
  project: boolean;
  /** An income table (收入, not 收入支出 / 收支). */
  income: boolean;
  /** A “三公” table: its 合计 (beside 会议费 and 培训费, the three summed) is no total of spending. */
  threePublic: boolean;
}

function tableFacts(name: string): TableFacts {
  const n = name.replace(/\s+/g, "");
  return {
    scope: tableScope(n),
    basic: /基本支出/.test(n),
    project: /项目支出/.test(n),
    income: /收入/.test(n) && !/收入支出|收支/.test(n),
    threePublic: /三公/.test(n),
  };
}

/** The scope of a table's money by its name (spaces removed). */
function tableScope(n: string): string {
  if (/^一般公共预算/.test(n)) return "gpb";
  if (/^政府性基金/.test(n)) return "fund";
  if (/^国有资本经营/.test(n)) return "capital";
  if (/^财政拨款/.test(n)) return "fiscal";
  return "all";
}

function scopeOf(table: TableFacts, item: LineItem): string {
  if (FUND_SCOPE[item.measure]) return FUND_SCOPE[item.measure];
  return item.side ? (sideScope(item.side) ?? table.scope) : table.scope;
}

/** The fund a column group's side names, or null (each side value read once: a document prints a handful, on every item). */
const sideScope = remembered((s: string): string | null => {
  if (/一般公共预算/.test(s)) return "gpb";
  if (/政府性基金/.test(s)) return "fund";
  if (/国有资本/.test(s)) return "capital";
  return null;
});

const THREE_PUBLIC = new Set(["three_public_total", "overseas_travel", "vehicles_total", "vehicle_purchase", "vehicle_operation", "official_reception"]);
const AMOUNT = new Set([
  "total",
  "grand_total",
  "amount",
  "final",
  "expenditure",
  "general_public_budget",
  "government_fund",
  "state_capital",
  "fiscal_appropriation",
]);
const OWN_FLOW = new Set(["basic", "project", "personnel", "public_expenses", "current_year_appropriation", "carryover_prior"]);

/** The flow an item measures, or null if it is not compared across tables. */
function flowOf(table: TableFacts, item: LineItem, kind: string | null | undefined, incomeSide: boolean): string | null {
  if (THREE_PUBLIC.has(item.measure))
    return kind !== "budget" && /预算/.test(`${item.side ?? ""}${item.column_label}`) ? qualified(item.measure, "budget") : item.measure;
  if (table.threePublic) return null;
  let flow: string | null = null;
  if (AMOUNT.has(item.measure)) flow = "amount";
  else if (item.measure === "budget") flow = kind === "budget" ? "amount" : "budget";
  else if (OWN_FLOW.has(item.measure)) flow = item.measure;
  if (!flow) return null;
  if (flow === "amount" && table.basic) flow = "basic";
  if (flow === "amount" && table.project) flow = "project";
  return table.income || incomeSide ? qualified("income", flow) : flow;
}

const qualifiedFlows = new Map<string, Map<string, string>>();

/**
 * `${a}:${b}`, built once per pair (flows are a few dozen): the figures'
 * keys are then the same few strings, whose hash V8 computes once.
 */
function qualified(a: string, b: string): string {
  let byB = qualifiedFlows.get(a);
  if (!byB) qualifiedFlows.set(a, (byB = new Map()));
  let flow = byB.get(b);
  if (flow === undefined) byB.set(b, (flow = `${a}:${b}`));
  return flow;
}

const figuresMemo = new WeakMap<AuditContext, Figure[]>();

/**
 * Every figure of the document's tables, with the parents a table does not
 * print aggregated. Computed once per audit context (several rules read it;
 * none may change it).
 */
export function figuresOf(ctx: AuditContext): Figure[] {
  let figs = figuresMemo.get(ctx);
  if (!figs) figuresMemo.set(ctx, (figs = computeFigures(ctx)));
  return figs;
}

function computeFigures(ctx: AuditContext): Figure[] {
  const out: Figure[] = [];
  const kind = ctx.input.doc.kind;
  ctx.tables.forEach((table, order) => {
    // per key (scope · flow · code): its figure, and the rows (unit · label) summed into it
    const printed = new Keyed3<{ figure: Figure; rows: Set<string> }>();
    const figs: Figure[] = [];
    const facts = tableFacts(table.table_name);
    const add = (row: AuditRow, printedAs: string, item: LineItem, code: string, incomeSide: boolean) => {
      const flow = flowOf(facts, item, kind, incomeSide);
      if (!flow) return;
      const scope = scopeOf(facts, item);
      const had = printed.get(scope, flow, code);
      if (had) {
        if (had.rows.has(printedAs)) return; // a row printed twice (same unit, code and label): keep the first; projects under one code are summed
        had.rows.add(printedAs);
        const f = had.figure;
        f.value += wan(item);
        f.terms++;
        f.lines.push(item.source_line);
        f.aggregated = true;
        return;
      }
      const figure: Figure = {
        table_id: table.table_id,
        scope,
        flow,
        code,
        value: wan(item),
        lines: [item.source_line],
        terms: 1,
        aggregated: false,
        label: row.label.trim(),
        table_order: order,
      };
      printed.set(scope, flow, code, { figure, rows: new Set([printedAs]) });
      figs.push(figure);
    };
    /** A row as printed: its unit and label (read once per row, not per item). */
    const printedAs = (row: AuditRow) => `${row.unit_code ?? ""}|${row.key}`;
    const sides = sidesOf(table.rows);
    if (sides) {
      for (const row of sides.expenditure) {
        const role = roleOf(row.key);
        const code = role === "year" ? "TOTAL" : role === "grand" ? "GRAND" : (row.code ?? functionalClassCode(row.key));
        if (!code) continue;
        const as = printedAs(row);
        for (const item of row.items) add(row, as, item, code, false);
      }
      for (const row of sides.income) {
        const role = roleOf(row.key);
        if (role !== "year" && role !== "grand") continue;
        const as = printedAs(row);
        for (const item of row.items) add(row, as, item, role === "year" ? "TOTAL" : "GRAND", true);
      }
    } else {
      // a row printed without a label is the table's total only where no row is labelled 合计 (else its label wrapped away)
      const labelledTotal = table.rows.some((r) => isTotalRow(r));
      for (const row of table.rows) {
        if (row.code) {
          const as = printedAs(row);
          for (const item of row.items) add(row, as, item, row.code, false);
        } else if (isTotalRow(row) || (!labelledTotal && !row.key && !row.unit_code)) {
          const as = printedAs(row);
          for (const item of row.items) add(row, as, item, "TOTAL", false);
        } else if (/^(人员经费|公用经费)(合计)?$/.test(row.key)) {
          const as = printedAs(row);
          for (const item of row.items) add(row, as, { ...item, measure: row.key.startsWith("人员") ? "personnel" : "public_expenses" }, "TOTAL", false);
        }
      }
    }
    // an income table with a 上年结转 column totals all income: its 合计 is the 收入总计
    if (!sides && table.rows.some((r) => r.items.some((i) => i.measure === "carryover_prior")))
      for (const f of figs) if (f.code === "TOTAL" && f.flow.startsWith("income:")) f.code = "GRAND";
    out.push(...figs, ...aggregates(figs));
  });
  for (const f of out) f.value = Math.round(f.value * 1e4) / 1e4;
  return out;
}

/** The lengths of a 类 and a 款 code: the parents a longer code has. */
const PARENT_LENGTHS = [3, 5];

/** Parent codes a table does not print, as the sum of the highest sub-rows it prints. */
function aggregates(figs: Figure[]): Figure[] {
  const out: Figure[] = [];
  // the figures by (scope, flow), lists in first-seen order
  const byScope = new Map<string, Map<string, Figure[]>>();
  const groups: Figure[][] = [];
  for (const f of figs) {
    if (f.code === "TOTAL") continue;
    let byFlow = byScope.get(f.scope);
    if (!byFlow) byScope.set(f.scope, (byFlow = new Map()));
    const list = byFlow.get(f.flow);
    if (list) list.push(f);
    else {
      const created = [f];
      byFlow.set(f.flow, created);
      groups.push(created);
    }
  }
  for (const list of groups) {
    const have = new Set<string>();
    for (const f of list) have.add(f.code);
    // the figures under each parent code (3- or 5-character prefix) the table does not print, in list order
    const under = new Map<string, Figure[]>();
    for (const f of list)
      for (const len of PARENT_LENGTHS) {
        if (f.code.length <= len) continue;
        const prefix = f.code.slice(0, len);
        if (have.has(prefix)) continue;
        const figsUnder = under.get(prefix);
        if (figsUnder) figsUnder.push(f);
        else under.set(prefix, [f]);
      }
    if (under.size === 0) continue; // every parent printed (most tables)
    // a sub-row under a parent the table prints (of a level between the prefix and the row) is in that parent, not a top
    const underPrinted = (f: Figure, prefix: string) =>
      PARENT_LENGTHS.some((len) => len > prefix.length && len < f.code.length && have.has(f.code.slice(0, len)));
    for (const prefix of [...under.keys()].sort()) {
      const tops = under.get(prefix)!.filter((f) => !underPrinted(f, prefix));
      if (tops.length === 0) continue;
      const first = tops[0];
      out.push({
        ...first,
        code: prefix,
        value: tops.reduce((s, f) => s + f.value, 0),
        lines: tops.flatMap((f) => f.lines),
        terms: tops.reduce((s, f) => s + f.terms, 0),
        aggregated: true,
        label: `Σ ${prefix}`,
      });
    }
  }
  return out;
}

/**
 * Scopes that hold the same money in this document: where the total of two
 * scopes is the same (all spending is 财政拨款, or all 财政拨款 is 一般公共预算),
 * their figures must agree too. Income and expenditure are judged apart.
 * Returns (scope, flow) → representative scope.
 */
export function scopeAliases(figs: Figure[]): (scope: string, flow: string) => string {
  let alias = aliasesMemo.get(figs);
  if (!alias) aliasesMemo.set(figs, (alias = computeAliases(figs)));
  return alias;
}

/** Read once per figures list (cross_table and prose_tables ask of the same one). */
const aliasesMemo = new WeakMap<Figure[], (scope: string, flow: string) => string>();

function computeAliases(figs: Figure[]): (scope: string, flow: string) => string {
  const family = (flow: string) => (flow.startsWith("income:") ? "income:amount" : "amount");
  const maps = new Map<string, Map<string, string>>();
  for (const fam of ["income:amount", "amount"]) {
    const totals = new Map<string, number>();
    for (const f of figs) if (f.code === "TOTAL" && f.flow === fam && !totals.has(f.scope)) totals.set(f.scope, f.value);
    const alias = new Map<string, string>();
    const order = ["all", "fiscal", "gpb", "fund", "capital"];
    for (const s of order) alias.set(s, s);
    for (let i = 0; i < order.length; i++)
      for (let j = i + 1; j < order.length; j++) {
        const a = totals.get(order[i]);
        const b = totals.get(order[j]);
        if (a !== undefined && b !== undefined && a !== 0 && Math.abs(a - b) <= 0.05 && alias.get(order[j]) === order[j])
          alias.set(order[j], alias.get(order[i])!);
      }
    maps.set(fam, alias);
  }
  return (scope, flow) => maps.get(family(flow))!.get(scope) ?? scope;
}

/** Figures grouped by what they state: (scope up to {@link scopeAliases} · flow · code), in first-seen order. */
export function groupByKey(figs: Figure[]): Map<string, Figure[]> {
  const alias = scopeAliases(figs);
  const lists = new Keyed3<Figure[]>();
  const groups = new Map<string, Figure[]>();
  for (const f of figs) {
    const scope = alias(f.scope, f.flow);
    const list = lists.get(scope, f.flow, f.code);
    if (list) list.push(f);
    else {
      const created = [f];
      lists.set(scope, f.flow, f.code, created);
      groups.set(`${scope}|${f.flow}|${f.code}`, created);
    }
  }
  return groups;
}
