/**
 * A budget unit's income by fund bounds what its rows of another table can
 * spend from that fund: a 项目支出表 row of a unit (its name opens the row:
 * `湖州市中医院 医院建设发展 5500.00 5500.00`) puts no more in the
 * 政府性基金 column than the unit's row of the 收入预算总表 holds there, less
 * what the unit's rows placed already put there; a fund the unit's income
 * row leaves empty while its sources account for its whole total is empty
 * in each of its rows. Used in the cross-table pass (by-code.ts).
 */
import { FLOAT_SLACK, roundingTolerance } from "../../base/money.ts";
import type { Measure } from "../../schema/measures.ts";
import type { CrossTableEvidence, LineItem, TableFamily } from "../../schema/types.ts";
import { valueAt } from "../placement/index.ts";
import type { TotalsEvidence } from "./by-code.ts";

/** The funds a unit's income row and its expenditure rows both name (and 单位资金, the rest of its income). */
export const FUNDS: Measure[] = ["general_public_budget", "government_fund", "state_capital", "fiscal_special_account"];

/** The unit's own income (单位资金): what is neither appropriation nor special account. */
const OWN: Measure[] = ["unit_funds", "business_income", "operating_income", "superior_subsidy", "subordinate_remittance", "other_income"];

/** Income columns that add up other columns (not sources of their own). */
const SUBTOTALS = new Set<string>(["total", "income", "carryover_prior", "fiscal_appropriation", "current_year_appropriation"]);

export interface UnitBounds {
  /** Unit name as its income row prints it → fund → the most its rows may spend from it. */
  bounds: Map<string, Map<Measure, number>>;
  source: string;
}

export interface UnitBoundsEvidence {
  needs: TableFamily[];
  bounds(evidence: CrossTableEvidence): UnitBounds | null;
}

const isTotalLabel = (s: string) => /^合\s*计$|^总\s*计$/.test(s.trim());

/** The rows of a fully read 收入预算总表, by line (null when there is none). */
function incomeRows(evidence: CrossTableEvidence): { rows: LineItem[][]; source: string } | null {
  const parsed = evidence.reading("budget_income");
  const section = evidence.section("budget_income");
  if (!parsed || !section || parsed.status !== "ok") return null;
  const byLine = new Map<number, LineItem[]>();
  for (const i of parsed.items) byLine.set(i.source_line, [...(byLine.get(i.source_line) ?? []), i]);
  return { rows: [...byLine.values()], source: section.table_id };
}

/**
 * An income row's funds: the sum of each fund's columns (this year's and the
 * carry-over's); a fund the row leaves empty while its sources account for
 * its whole total holds nothing (0); null without a total.
 */
function fundsOfRow(items: LineItem[]): Map<Measure, number> | null {
  const own = items.find((i) => i.measure === "total")?.value;
  if (own === undefined) return null;
  const funds = new Map<Measure, number>();
  let sources = 0;
  let count = 0;
  for (const i of items) {
    if (SUBTOTALS.has(i.measure)) continue;
    sources += i.value;
    count++;
    if (FUNDS.includes(i.measure)) funds.set(i.measure, (funds.get(i.measure) ?? 0) + i.value);
  }
  if (count === 0 || Math.abs(sources - own) > roundingTolerance(count) + FLOAT_SLACK) return funds;
  for (const m of FUNDS) if (!funds.has(m)) funds.set(m, 0);
  // 单位资金: the unit's own income, all of it named
  funds.set(
    "unit_funds",
    items.filter((i) => OWN.includes(i.measure)).reduce((a, i) => a + i.value, 0),
  );
  return funds;
}

/** The funds the 收入预算总表's 合计 row shows without income: empty in the 合计 row of a table of the same money by fund (项目支出表). */
export const fundsWithoutIncome: TotalsEvidence = {
  needs: ["budget_income"],
  totals(_ctx, evidence) {
    const income = incomeRows(evidence);
    const total = income?.rows.find((items) => isTotalLabel(items[0].row_label));
    const funds = total && fundsOfRow(total);
    if (!funds) return null;
    const totals = new Map([...funds].filter(([m, v]) => v === 0 && FUNDS.includes(m)));
    return totals.size ? { totals, source: `${income!.source} 合计 without income from the fund` } : null;
  },
};

/** The unit rows of a fully read 收入预算总表: each unit's income by fund (the department's own row, printing the 合计's total, left out). */
export const unitIncome: UnitBoundsEvidence = {
  needs: ["budget_income"],
  bounds(evidence) {
    const income = incomeRows(evidence);
    if (!income) return null;
    const total = income.rows.find((items) => isTotalLabel(items[0].row_label))?.find((i) => i.measure === "total")?.value;
    const seen = new Map<string, number>();
    const bounds = new Map<string, Map<Measure, number>>();
    for (const items of income.rows) {
      const label = items[0].row_label.trim();
      const funds = fundsOfRow(items);
      if (label === "" || isTotalLabel(label) || !funds || items.find((i) => i.measure === "total")?.value === total) continue;
      seen.set(label, (seen.get(label) ?? 0) + 1);
      bounds.set(label, funds);
    }
    // a name printed on two rows names no one unit
    for (const [label, n] of seen) if (n > 1) bounds.delete(label);
    return bounds.size ? { bounds, source: `${income.source} income of the unit by fund` } : null;
  },
};

interface BoundRow {
  label: string;
  values: number[];
  cands: number[][];
  resolvedBy?: string;
}

/** The unit whose name opens a row's label (the longest such name), or null. */
function unitOf(label: string, names: string[]): string | null {
  let best: string | null = null;
  for (const u of names) if ((label === u || (label.startsWith(u) && /\s/.test(label[u.length]))) && (best === null || u.length > best.length)) best = u;
  return best;
}

/**
 * Drop the readings of each unit's open rows that put more in a fund column
 * than the unit's income leaves for it. Returns whether a reading was dropped.
 */
export function boundByUnits(rows: BoundRow[], columns: Array<{ measure: Measure; group?: string }>, units: UnitBounds): boolean {
  const names = [...units.bounds.keys()];
  const byUnit = new Map<string, BoundRow[]>();
  for (const r of rows) {
    const u = unitOf(r.label.trim(), names);
    if (u) byUnit.set(u, [...(byUnit.get(u) ?? []), r]);
  }
  let changed = false;
  const slack = roundingTolerance(1) + FLOAT_SLACK;
  for (const [u, list] of byUnit) {
    const funds = units.bounds.get(u)!;
    columns.forEach((col, j) => {
      const bound = col.group === undefined ? funds.get(col.measure) : undefined;
      if (bound === undefined) return;
      let rest = bound;
      for (const r of list) if (r.cands.length === 1) rest -= valueAt(r.values, r.cands[0], j);
      for (const r of list) {
        if (r.cands.length < 2) continue;
        const kept = r.cands.filter((p) => valueAt(r.values, p, j) <= rest + slack);
        if (kept.length > 0 && kept.length < r.cands.length) {
          r.cands = kept;
          if (kept.length === 1) r.resolvedBy = `unit income by fund (${units.source})`;
          changed = true;
        }
      }
    });
  }
  return changed;
}
