/**
 * Evidence from the summary tables of the same document for placing the
 * total (合计) row of a by-code table whose empty cells vanished:
 *  - 收入决算表: the income sources of 收入支出决算总表 (an income source
 *    printed empty there is 0 in the 合计 row; the others must match);
 *  - 财政拨款支出决算明细表: a fund with neither income nor carry-over in
 *    财政拨款收入支出决算总表 has no expenditure (its 小计 is 0).
 */
import type { LineItem, TableContext } from "../../schema/types.ts";
import type { CodeTableSchema } from "./columns.ts";
import { parseSummary } from "./summary.ts";
import { removeLeadingNumbering, removeSpaces } from "../../base/fold.ts";

function summaryItems(ctx: TableContext, family: string): LineItem[] | null {
  const section = ctx.tables.sections.find((s) => s.family === family);
  if (!section) return null;
  const parse = ctx.tables.parse(parseSummary, section);
  const items = parse.items.filter((i) => i.side === "income");
  return items.length > 0 ? items : null;
}

const sum = (items: LineItem[]) => Math.round(items.reduce((a, i) => a + i.value, 0) * 100) / 100;

export function rootEvidence(ctx: TableContext, schema: CodeTableSchema): { values: Array<number | null>; source: string } | null {
  if (ctx.section.family === "final_income_by_code") {
    const inc = summaryItems(ctx, "final_summary");
    if (!inc) return null;
    const of = (...ms: string[]) => sum(inc.filter((i) => ms.includes(i.measure)));
    const values = schema.columns.map((c) =>
      c.measure === "total" ? null : c.measure === "fiscal_appropriation" ? of("general_public_budget", "government_fund", "state_capital") : of(c.measure),
    );
    return { values, source: "收入支出决算总表" };
  }
  if (ctx.section.family === "final_fiscal_detail") {
    const idle = fundsWithoutAppropriation(ctx);
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
export function fundsWithoutAppropriation(ctx: TableContext): Set<string> | null {
  const inc = summaryItems(ctx, "final_fiscal_summary");
  if (!inc) return null;
  return new Set(FUNDS.filter((f) => !inc.some((i) => fundOfLabel(i.row_label) === f && i.value !== 0)));
}
