/**
 * The `classifications` table: every code met in line_items, with its most
 * frequent printed name and our English name (schema/classification-names.ts).
 */
import type { ClassificationRow, LineItem } from "./types.ts";
import { englishName } from "./classification-names.ts";

export function classificationsOf(items: readonly LineItem[]): ClassificationRow[] {
  const names = new Map<string, Map<string, number>>();
  const meta = new Map<string, LineItem>();
  for (const item of items) {
    if (!item.code || item.code_system === "none") continue;
    const key = `${item.code_system}\u0000${item.code}`;
    if (!meta.has(key)) meta.set(key, item);
    const label = item.row_label.replace(/^[\s\u3000]+/, "");
    if (!label) continue;
    const counts = names.get(key) ?? new Map<string, number>();
    counts.set(label, (counts.get(label) ?? 0) + 1);
    names.set(key, counts);
  }
  const rows: ClassificationRow[] = [];
  for (const [key, item] of meta) {
    const counts = [...(names.get(key) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const code = item.code as string;
    rows.push({
      code,
      code_system: item.code_system,
      level: item.code_level ?? (item.code_system === "budget_unit" ? 1 : 0),
      name_zh: counts[0]?.[0] ?? "",
      name_en: englishName(item.code_system, code, counts[0]?.[0]),
      parent_code: item.parent_code,
    });
  }
  return rows.sort((a, b) => (a.code_system + a.code < b.code_system + b.code ? -1 : a.code_system + a.code > b.code_system + b.code ? 1 : 0));
}
