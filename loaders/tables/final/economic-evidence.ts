/**
 * Evidence from the economic-code rows of the document's
 * 财政拨款支出决算明细表 (final_fiscal_detail, all fiscal appropriations by
 * economic code): a code whose row is printed without any amount spent
 * nothing from fiscal appropriations, in any fund. Used to tell the
 * 公务用车购置费 (31013) and 公务用车运行维护费 (30231) columns of the
 * “三公” table apart where the identities cannot (one of them is empty).
 */
import type { CrossTableEvidence } from "../../schema/types.ts";
import { leadingCode, tokenize } from "../rows.ts";

export const FISCAL_DETAIL = "财政拨款支出决算明细表";

/**
 * Of the given economic codes, those printed as a row without amounts in
 * the 财政拨款支出决算明细表 (its settled reading). Null when the
 * document has no such table.
 */
export function economicRowsWithoutAmounts(evidence: CrossTableEvidence, codes: string[]): Set<string> | null {
  const parse = evidence.reading("final_fiscal_detail");
  if (!parse) return null;
  const withAmounts = new Set(parse.items.map((i) => i.code));
  const empty = new Set<string>();
  for (const r of parse.residue) {
    if (r.reason !== "row without values") continue;
    const lc = leadingCode(tokenize(r.source_text));
    if (lc && codes.includes(lc.code) && !withAmounts.has(lc.code)) empty.add(lc.code);
  }
  return empty;
}
