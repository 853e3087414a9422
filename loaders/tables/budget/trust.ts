/**
 * Whether a table's printed rows can be trusted: in a correct table the
 * column identities (小计 = 基本支出 + 项目支出, 合计 = 人员经费 + 公用经费 …)
 * hold on nearly every row. An extraction that scrambled labels and numbers
 * (002 表2-1) breaks them on most rows; such a table is reported untrusted
 * rather than turned into plausible-looking facts.
 */
import type { Identity } from "./columns.ts";
import { valueAt } from "../placement/index.ts";
import { withinRounding } from "../../base/money.ts";


interface Checked {
  line: number;
  values: number[];
  cands: number[][];
}

/** Same text as `x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })`, one formatter for all calls. */
const AMOUNT = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function fmt(x: number): string {
  return AMOUNT.format(x);
}

/** A message naming the broken identity when most rows break one, else null. */
export function checkIdentities(rows: Checked[], ids: Identity[], measures: string[], _unit: string): string | null {
  if (ids.length === 0) return null;
  let checked = 0;
  let failed = 0;
  let example = "";
  for (const r of rows) {
    if (r.cands.length !== 1) continue;
    const p = r.cands[0];
    let seen = false;
    let broken = false;
    for (const id of ids) {
      if (!p.includes(id.sum) && !id.parts.some((c) => p.includes(c))) continue;
      seen = true;
      if (broken) continue;
      const sum = valueAt(r.values, p, id.sum);
      const parts = id.parts.map((c) => valueAt(r.values, p, c));
      if (!withinRounding(sum, parts.reduce((s, x) => s + x, 0), parts.length)) {
        broken = true;
        // only the first broken row is quoted in the message
        if (!example) example = `line ${r.line}: ${measures[id.sum]} ${fmt(sum)} ≠ ${id.parts.map((c) => measures[c]).join(" + ")} ${parts.map(fmt).join(" + ")}`;
      }
    }
    if (!seen) continue;
    checked++;
    if (broken) failed++;
  }
  if (checked >= 3 && failed * 2 > checked)
    return `${failed} of ${checked} rows break the column identities (e.g. ${example}); labels and numbers do not belong together`;
  return null;
}
