/**
 * The `classifications` table: every code met in line_items, with its most
 * frequent printed name and our English name (schema/classification-names.ts).
 * The grouping is arquero's: count each (system, code, name), keep the most
 * frequent name per code (ties: the first in code-point order).
 */
import { escape as aqEscape, op, from as table } from "arquero";
import type { ClassificationRow, CodeSystem, LineItem } from "./types.ts";
import { englishName } from "./classification-names.ts";

export function classificationsOf(items: readonly LineItem[]): ClassificationRow[] {
  const coded = items
    .filter((i) => i.code && i.code_system !== "none")
    .map((i) => ({
      code_system: i.code_system,
      code: i.code as string,
      level: i.code_level ?? (i.code_system === "budget_unit" ? 1 : 0),
      parent_code: i.parent_code,
      name: i.row_label.trim(),
    }));
  if (coded.length === 0) return [];
  const names = table(coded)
    .groupby("code_system", "code")
    .derive({ level: op.max("level"), parent_code: op.any("parent_code") })
    .groupby("code_system", "code", "level", "parent_code", "name")
    .count({ as: "n" })
    .orderby("code_system", "code", aqEscape((r: { n: number }) => -r.n), "name")
    .groupby("code_system", "code")
    .filter(() => op.row_number() === 1)
    .ungroup()
    .objects() as Array<{ code_system: CodeSystem; code: string; level: number; parent_code: string | null; name: string }>;
  return names.map((r) => ({
    code: r.code,
    code_system: r.code_system,
    level: r.level,
    name_zh: r.name,
    name_en: englishName(r.code_system, r.code, r.name),
    parent_code: r.parent_code ?? null,
  }));
}
