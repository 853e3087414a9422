/**
 * The measures and identities of a grouped header read from positions
 * (placement/grouped-header.ts): each leaf column's measure from its own
 * header and its group's, the outermost group as the item's side.
 *
 * - A leaf names its measure (政府性基金预算 under 本年财政拨款 is
 *   government_fund, side 本年财政拨款).
 * - A group's sum column (小计) holds what the group names when the forms
 *   know that measure as a sum of the group's columns (公务用车购置及运行费 /
 *   小计 is vehicles_total, of 购置费 and 运行费); otherwise (当年预算,
 *   上年结转: a split of the whole by period or source) the measure of the
 *   sum column above it (“三公”经费合计, 合计), the group being its side.
 * - A leaf naming its own group's measure beside other parts is the rest of
 *   it (因公出国（境）费 beside 科研因公出国（境）费 under 因公出国（境）费).
 * - Identities: each group's sum column = its other columns (a group within
 *   it by its sum column, or by its parts when it prints none).
 * Null unless every column has a measure, one per measure and side.
 */
import type { Measure } from "../../schema/measures.ts";
import { type GroupedGrid, groupSums, isSumHeader } from "../placement/index.ts";
import { type Identity, measureOfHeader, sumsOver } from "./columns.ts";

/** The part of a measure that is left beside its named parts. */
const REST: Partial<Record<Measure, Measure>> = { overseas_travel: "overseas_travel_other" };

export interface GroupedColumn {
  label: string;
  measure: Measure;
  group?: string;
}

export function groupedColumns(grid: GroupedGrid, named: (label: string) => Measure[]): { columns: GroupedColumn[]; ids: Identity[] } | null {
  const { paths, leaves } = grid;
  const key = (p: string[]) => p.join("\u0000");
  const one = (label: string): Measure | null => {
    const m = measureOfHeader(label) ?? null;
    if (m) return m;
    const n = named(label);
    return n.length === 1 ? n[0] : null;
  };
  const sumColumn = (node: string[]) => paths.findIndex((p, k) => key(p) === key(node) && isSumHeader(leaves[k]));
  const memo = new Map<number, Measure | null>();
  const measureOf = (k: number): Measure | null => {
    if (memo.has(k)) return memo.get(k)!;
    memo.set(k, null);
    const p = paths[k];
    const leaf = leaves[k];
    let m: Measure | null;
    if (isSumHeader(leaf) && p.length > 0) {
      const parent = p.slice(0, -1);
      // the sum column above: the nearest enclosing node printing one
      let above: Measure | null = null;
      for (let d = parent.length; d >= 0 && above === null; d--) {
        const s = sumColumn(p.slice(0, d));
        if (s >= 0 && s !== k) above = measureOf(s);
      }
      // the group's own columns, as their headers name them
      const own = paths
        .flatMap((q, j) => (key(q) === key(p) && j !== k ? [measureOfHeader(leaves[j], p[p.length - 1]) ?? one(leaves[j])] : []))
        .filter((x) => x !== null);
      const group = one(p[p.length - 1]);
      m = group && sumsOver(group, own) ? group : (above ?? "total");
    } else if (isSumHeader(leaf)) m = one(leaf) ?? "total";
    else {
      m = measureOfHeader(leaf, p[p.length - 1] ?? "") ?? one(leaf);
      const s = sumColumn(p);
      if (m && s >= 0 && s !== k && measureOf(s) === m) m = REST[m] ?? null;
    }
    memo.set(k, m);
    return m;
  };
  const columns: GroupedColumn[] = [];
  for (let k = 0; k < leaves.length; k++) {
    const m = measureOf(k);
    if (!m) return null;
    columns.push({ label: grid.labels[k], measure: m, ...(paths[k].length ? { group: paths[k][0] } : {}) });
  }
  const seen = new Set(columns.map((c) => `${c.group ?? ""}|${c.measure}`));
  if (seen.size !== columns.length) return null;
  const ids = groupSums(paths, leaves).map(({ sum, parts }) => ({
    sum,
    parts,
    text: `${columns[sum].measure} = ${parts.map((c) => columns[c].measure).join(" + ")}${columns[sum].group ? ` (${columns[sum].group})` : ""}`,
  }));
  return { columns, ids };
}
