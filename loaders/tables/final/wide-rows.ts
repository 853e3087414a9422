/**
 * Why a row of the wide 一般公共预算财政拨款支出决算明细表 (one column per
 * economic 款, a 小计 column per economic 类) cannot be placed beyond its
 * total once empty cells vanished: the row identities (合计 = Σ 类 小计,
 * 小计 = Σ its 款) can at best split the numbers into class groups; they
 * never tell which 类 a group is or which 款 column a number is in, and a
 * row whose numbers do not split that way breaks the identities as
 * printed. The reason names which case a row is.
 */

import { withinRounding } from "../../base/money.ts";

/** The ways to split values into groups [小计, 款…] with 小计 = Σ 款 and Σ 小计 = total (at most `cap`). */
export function classGroupSplits(total: number, values: number[], cap = 2): number[][] {
  const out: number[][] = [];
  const rec = (i: number, starts: number[], subtotal: number) => {
    if (out.length >= cap) return;
    if (i === values.length) {
      if (withinRounding(total, subtotal, starts.length)) out.push([...starts]);
      return;
    }
    let sum = 0;
    for (let j = i + 1; j < values.length; j++) {
      sum += values[j];
      if (withinRounding(values[i], sum, j - i)) {
        starts.push(i);
        rec(j + 1, starts, subtotal + values[i]);
        starts.pop();
      }
    }
  };
  rec(0, [], 0);
  return out;
}

/** The residue reason for a wide-table row of which only the total (values[0]) is placed. */
export function wideRowReason(values: number[], classes: number): string {
  const head = `ambiguous columns: ${values.length - 1} numbers for the economic columns of a wide table (total placed)`;
  const splits = classGroupSplits(values[0], values.slice(1));
  if (splits.length === 0) return `${head}; they do not split into class groups with 小计 = Σ 款 summing to the total (the printed row breaks the identities)`;
  const groups = splits[0].length;
  const which = splits.length > 1 ? "they split into class groups in more than one way" : `they split into ${groups} class group(s) (小计 = Σ 款)`;
  return `${head}; ${which}, but the identities cannot tell which of the ${classes || "several"} classes each group is nor which 款 column each number is in`;
}
