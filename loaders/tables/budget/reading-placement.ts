/**
 * A row's chosen reading → which printed number goes in which column, with
 * the inference flag and rule; or, when several readings (or none) fit, the
 * numbers every reading agrees on and the residue reason for the rest.
 */
import type { Identity } from "./columns.ts";
import { agreed, GEOMETRY_RULE } from "../placement/index.ts";
import { makeItem, type ItemInput } from "../item.ts";
import type { LineItem, TableContext } from "../../schema/types.ts";
import type { Measure } from "../../schema/measures.ts";

export interface Reading {
  values: number[];
  texts: string[];
  cands: number[][];
  resolvedBy?: string;
}

export interface Placed {
  k: number; // index of the printed number
  col: number; // column it goes in
  inferred: boolean;
  rule: string | null;
}

export function placeReading(r: Reading, labels: string[], ids: Identity[], exact: boolean): { placed: Placed[]; unresolved: string | null } {
  const shifted = !exact && r.values.length < labels.length;
  if (r.cands.length === 1 && r.resolvedBy === GEOMETRY_RULE)
    return { placed: r.cands[0].map((col, k) => ({ k, col, inferred: false, rule: shifted ? GEOMETRY_RULE : null })), unresolved: null };
  if (r.cands.length === 1) {
    const rule = shifted ? `shift:${r.resolvedBy ?? `identities (${ids.map((i) => i.text).join("; ") || "column order"})`}` : null;
    return { placed: r.cands[0].map((col, k) => ({ k, col, inferred: shifted, rule })), unresolved: null };
  }
  const placed = [...agreed(r.cands).entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([k, col]) => ({ k, col, inferred: true, rule: "shift:same column in every reading" }));
  // a full row read in several column orders (a header whose cells the text does not order): a column holding
  // the same value in every reading is known, whichever printed number it is
  if (r.cands.length > 1 && r.values.length === labels.length)
    for (let col = 0; col < labels.length; col++) {
      if (placed.some((p) => p.col === col)) continue;
      const v = r.values[r.cands[0].indexOf(col)];
      if (r.cands.every((p) => r.values[p.indexOf(col)] === v))
        placed.push({ k: r.cands[0].indexOf(col), col, inferred: true, rule: "same value in every column order" });
    }
  placed.sort((a, b) => a.k - b.k);
  if (r.cands.length > 1 && placed.length === labels.length && r.values.length === labels.length) return { placed, unresolved: null };
  const unresolved =
    r.cands.length === 0
      ? `no column reading keeps the identities (${ids.map((i) => i.text).join("; ")}): ${r.texts.join(" ")}`
      : `ambiguous columns: ${r.cands.length} readings fit (${r.cands
          .slice(0, 4)
          .map((p) => p.map((c) => labels[c]).join(", "))
          .join(" | ")})`;
  return { placed, unresolved };
}

/** The fields of a row's items that do not depend on the column. */
export type RowFields = Omit<ItemInput, "measure" | "column_label" | "value" | "inferred" | "rule">;

/** The line items of a reading's placed numbers: each in its column, with the row's fields; `ruleOf` may annotate the rule. */
export function placedItems(
  ctx: TableContext,
  placed: Placed[],
  columns: Array<{ label: string; measure: Measure; group?: string }>,
  values: number[],
  row: RowFields,
  ruleOf: (rule: string | null) => string | null = (rule) => rule,
): LineItem[] {
  return placed.map(({ k, col, inferred, rule }) =>
    // a column of a crossed header (split by fund) names its fund as the item's side
    makeItem(
      ctx,
      Object.assign({}, row, {
        measure: columns[col].measure,
        column_label: columns[col].label,
        value: values[k],
        inferred,
        rule: ruleOf(rule),
        side: columns[col].group ?? row.side,
      }),
    ),
  );
}
