/**
 * Classification codes: 功能分类 (functional) 类 3 digits / 款 5 / 项 7,
 * 经济分类 (economic) 3 / 5 / 7 digits starting with 3 or 5, and budget unit
 * codes (347001). Codes printed in three columns (`210 15 01`, `208 5 5`)
 * are joined with zero padding.
 */
import type { CodeSystem } from "../schema/types.ts";

/** Level of a 3/5/7-digit code: 1 类, 2 款, 3 项; null otherwise. */
export function codeLevel(code: string): number | null {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : code.length === 7 ? 3 : null;
}

export function parentCode(code: string): string | null {
  return code.length === 5 ? code.slice(0, 3) : code.length === 7 ? code.slice(0, 5) : null;
}

/** Join 类 / 款 / 项 cells (`208`,`5`,`5` → `2080505`); null if they are not such cells. */
export function joinSplitCode(lei: string, kuan?: string, xiang?: string): string | null {
  if (!/^\d{3}$/.test(lei)) return null;
  if (kuan === undefined || kuan === "") return lei;
  if (!/^\d{1,2}$/.test(kuan)) return null;
  const k = kuan.padStart(2, "0");
  if (xiang === undefined || xiang === "") return lei + k;
  if (!/^\d{1,2}$/.test(xiang)) return null;
  return lei + k + xiang.padStart(2, "0");
}

/**
 * The code system a code belongs to, judged by its shape and, for the
 * ambiguous 3xx range, by what the table holds (`hint`).
 */
export function codeSystemOf(code: string, hint: CodeSystem = "functional"): CodeSystem {
  if (/^\d{6}$/.test(code)) return "budget_unit";
  if (!/^\d{3}(\d{2}){0,2}$/.test(code)) return "none";
  if (hint === "economic" && /^[35]/.test(code)) return "economic";
  if (/^(2\d\d|1\d\d)/.test(code)) return "functional";
  return hint;
}

/** Whether a cell is a classification code of 3, 5 or 7 digits. */
export function isCode(cell: string): boolean {
  return /^\d{3}(?:\d{2}){0,2}$/.test(cell);
}

/** Mark is_leaf for each code given the set of codes in the same table and system. */
export function leafSet(codes: Iterable<string>): (code: string) => boolean {
  const all = new Set(codes);
  const parents = new Set<string>();
  for (const c of all) {
    const p = parentCode(c);
    if (p) parents.add(p);
    if (c.length === 7) parents.add(c.slice(0, 3));
  }
  return (code: string) => !parents.has(code);
}
