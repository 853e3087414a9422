/**
 * Evidence from the summary tables of the same document for placing the
 * total (合计) row of a by-code table whose empty cells vanished:
 *  - 收入决算表: the income sources of 收入支出决算总表 (an income source
 *    printed empty there is 0 in the 合计 row; the others must match);
 *  - 财政拨款支出决算明细表: a fund with neither income nor carry-over in
 *    财政拨款收入支出决算总表 has no expenditure (its 小计 is 0).
 */
import type { CrossTableEvidence, LineItem, TableFamily } from "../../schema/types.ts";
import type { CodeTableSchema } from "./columns.ts";
import { removeLeadingNumbering, removeSpaces } from "../../base/fold.ts";

/** The income side of a summary table's reading (final/summary.ts), or null. */
function summaryItems(evidence: CrossTableEvidence, family: TableFamily): LineItem[] | null {
  const parse = evidence.reading(family);
  if (!parse) return null;
  const items = parse.items.filter((i) => i.side === "income");
  return items.length > 0 ? items : null;
}

/** The by-code families whose 合计 row may take evidence from a summary table, and that table. */
export const ROOT_EVIDENCE: Partial<Record<TableFamily, TableFamily>> = {
  final_income_by_code: "final_summary",
  final_fiscal_detail: "final_fiscal_summary",
};

const sum = (items: LineItem[]) => Math.round(items.reduce((a, i) => a + i.value, 0) * 100) / 100;

export function rootEvidence(family: TableFamily, evidence: CrossTableEvidence, schema: CodeTableSchema): { values: Array<number | null>; source: string } | null {
  if (family === "final_income_by_code") {
    const inc = summaryItems(evidence, "final_summary");
    if (!inc) return null;
    const of = (...ms: string[]) => sum(inc.filter((i) => ms.includes(i.measure)));
    const values = schema.columns.map((c) =>
      c.measure === "total" ? null : c.measure === "fiscal_appropriation" ? of("general_public_budget", "government_fund", "state_capital") : of(c.measure),
    );
    return { values, source: "收入支出决算总表" };
  }
  if (family === "final_fiscal_detail") {
    const idle = fundsWithoutAppropriation(evidence);
    if (!idle) return null;
    const values = schema.columns.map((c) => (idle.has(c.measure) ? 0 : null));
    return { values, source: FISCAL_SUMMARY };
  }
  return null;
}

export const FISCAL_SUMMARY = "财政拨款收入支出决算总表";
export const FUNDS = ["general_public_budget", "government_fund", "state_capital"] as const;

/** The fund (measure name) a 财政拨款 row label names, or null. */
export function fundOfLabel(label: string): string | null {
  const l = removeSpaces(removeLeadingNumbering(label));
  return /^一般公共预算/.test(l) ? "general_public_budget" : /^政府性基金/.test(l) ? "government_fund" : /^国有资本经营/.test(l) ? "state_capital" : null;
}

/**
 * Funds (general_public_budget / government_fund / state_capital) with
 * neither income nor carry-over on the income side of the document's
 * 财政拨款收入支出决算总表: they have no expenditure, so every column of
 * theirs is 0. Null when that table is missing or unread.
 */
export function fundsWithoutAppropriation(evidence: CrossTableEvidence): Set<string> | null {
  const inc = summaryItems(evidence, "final_fiscal_summary");
  if (!inc) return null;
  return new Set(FUNDS.filter((f) => !inc.some((i) => fundOfLabel(i.row_label) === f && i.value !== 0)));
}
