/**
 * The `classifications` table: every code met in line_items, with its most
 * frequent printed name and our English name (schema/classification-names.ts).
 *
 * Two steps, so that a corpus too large to hold in memory can count in SQL
 * (write/corpus.ts) and still choose names here:
 *   1. count each (system, code, printed name); per code, the level is the
 *      highest printed and the parent the first one printed (document order);
 *   2. per code keep the most frequent name (ties: the first in code-unit
 *      order), rows ordered by system and code.
 */
import { englishName } from "./classification-names.ts";
import type { ClassificationRow, CodeSystem, LineItem } from "./types.ts";

/** How often one code was printed under one name. */
export interface NameCount {
  code_system: CodeSystem;
  code: string;
  level: number;
  parent_code: string | null;
  name: string;
  n: number;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Level of an item's code: as printed, else 1 for budget units and 0 for codes without a level. */
export const levelOf = (i: Pick<LineItem, "code_level" | "code_system">): number => i.code_level ?? (i.code_system === "budget_unit" ? 1 : 0);

/** Step 1 over items in document order. */
export function nameCounts(items: readonly LineItem[]): NameCount[] {
  const perCode = new Map<string, { level: number; parent_code: string | null; names: Map<string, number> }>();
  for (const i of items) {
    if (!i.code || i.code_system === "none") continue;
    const key = `${i.code_system}\0${i.code}`;
    let c = perCode.get(key);
    if (!c) perCode.set(key, (c = { level: levelOf(i), parent_code: null, names: new Map() }));
    c.level = Math.max(c.level, levelOf(i));
    if (c.parent_code === null && i.parent_code != null) c.parent_code = i.parent_code;
    const name = i.row_label.trim();
    c.names.set(name, (c.names.get(name) ?? 0) + 1);
  }
  const out: NameCount[] = [];
  for (const [key, c] of perCode) {
    const [code_system, code] = key.split("\0") as [CodeSystem, string];
    for (const [name, n] of c.names) out.push({ code_system, code, level: c.level, parent_code: c.parent_code, name, n });
  }
  return out;
}

/** Step 2: one row per code. */
export function classificationsFromCounts(counts: readonly NameCount[]): ClassificationRow[] {
  const sorted = [...counts].sort((a, b) => compare(a.code_system, b.code_system) || compare(a.code, b.code) || b.n - a.n || compare(a.name, b.name));
  const out: ClassificationRow[] = [];
  let last = "";
  for (const r of sorted) {
    const key = `${r.code_system}\0${r.code}`;
    if (key === last) continue;
    last = key;
    out.push({ code: r.code, code_system: r.code_system, level: r.level, name_zh: r.name, name_en: englishName(r.code_system, r.code, r.name), parent_code: r.parent_code ?? null });
  }
  return out;
}

export const classificationsOf = (items: readonly LineItem[]): ClassificationRow[] => classificationsFromCounts(nameCounts(items));
