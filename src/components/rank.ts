// Ranking and grouping for charts that must stay readable at any number of documents:
// rows are grouped (by document, province, level, year or kind), the groups ranked by
// their total, the top N kept and the rest summed into one "others" group that says how
// many groups and documents it holds. Pure functions (tested in Node, tests/site/rank.test.ts).
import {KIND_LABEL, LEVEL_LABEL, label} from "./labels.js";

type Row = Record<string, any>;

export const GROUP_BY = {
  document: "文档 Document",
  province: "省 Province",
  level: "层级 Level",
  year: "年度 Year",
  kind: "类型 Kind"
} as const;

export type GroupBy = keyof typeof GROUP_BY;

/** The group label of a row (rows carry doc_label, province, level, year, kind). */
export function groupLabel(row: Row, by: GroupBy): string {
  switch (by) {
    case "document":
      return String(row.doc_label ?? row.doc_id ?? "?");
    case "level":
      return label(LEVEL_LABEL, row.level) || "? unknown 未知";
    case "kind":
      return label(KIND_LABEL, row.kind) || "? unknown 未知";
    default:
      return row[by] == null ? "? unknown 未知" : String(row[by]);
  }
}

/** The default grouping: one bar per document while there are few, else by province. */
export function defaultGroupBy(documents: number, topN: number): GroupBy {
  return documents <= topN ? "document" : "province";
}

export interface Ranked {
  /** group labels in rank order, "others" last when there is one */
  order: string[];
  /** group label of each original group label (the top N map to themselves, the rest to `others`) */
  of: Map<string, string>;
  /** the label of the others group, or null */
  others: string | null;
}

/**
 * Ranks groups by the sum of `value` (descending; ties by label) and keeps the top `n`;
 * the rest become one group "others (k groups · m documents)".
 */
export function rankGroups(rows: readonly Row[], {group, value, n, doc = "doc_id"}: {group: (row: Row) => string; value: (row: Row) => number | null | undefined; n: number; doc?: string}): Ranked {
  const totals = new Map<string, {sum: number; docs: Set<unknown>}>();
  for (const row of rows) {
    const g = group(row);
    const t = totals.get(g) ?? {sum: 0, docs: new Set()};
    t.sum += Math.abs(Number(value(row) ?? 0)) || 0;
    t.docs.add(row[doc]);
    totals.set(g, t);
  }
  const sorted = [...totals].sort(([a, x], [b, y]) => y.sum - x.sum || (a < b ? -1 : a > b ? 1 : 0));
  const top = sorted.slice(0, n).map(([g]) => g);
  const rest = sorted.slice(n);
  const docs = new Set(rest.flatMap(([, t]) => [...t.docs]));
  const others = rest.length ? `others 其他 (${rest.length} groups · ${docs.size} documents)` : null;
  const of = new Map<string, string>(top.map((g) => [g, g]));
  for (const [g] of rest) of.set(g, others!);
  return {order: others ? [...top, others] : top, of, others};
}

/**
 * Rows summed per (group, keys…): the chart rows of a grouped view. `sum` fields are added,
 * `keys` kept; `doc_label` is the group label (the field every chart's axis reads), and
 * `documents` counts the documents behind each row.
 */
export function sumByGroup(rows: readonly Row[], ranked: Ranked, group: (row: Row) => string, {keys, sum}: {keys: string[]; sum: string[]}): Row[] {
  const out = new Map<string, Row & {_docs: Set<unknown>}>();
  for (const row of rows) {
    const g = ranked.of.get(group(row));
    if (g === undefined) continue;
    let id = g;
    for (const k of keys) id += `\u0000${row[k]}`;
    let agg = out.get(id);
    if (!agg) {
      agg = {doc_label: g, ...Object.fromEntries(keys.map((k) => [k, row[k]])), ...Object.fromEntries(sum.map((k) => [k, null])), _docs: new Set()};
      out.set(id, agg);
    }
    for (const k of sum) if (row[k] != null && Number.isFinite(Number(row[k]))) agg[k] = (agg[k] ?? 0) + Number(row[k]);
    agg._docs.add(row.doc_id);
  }
  const rank = new Map(ranked.order.map((g, i) => [g, i]));
  return [...out.values()]
    .map(({_docs, ...row}): Row => ({...row, documents: _docs.size}))
    .sort((a, b) => rank.get(a.doc_label)! - rank.get(b.doc_label)!);
}
