/**
 * Column headers of a tab-separated table (cells exact): for each cell index
 * its leaf header (the lowest header line with text there) and the header
 * spanning above it (the nearest text at or left of it on an upper line).
 */
import { cells } from "../../ingest/layout.ts";
import { foldHeader, measureOfHeader } from "./columns.ts";
import type { Measure } from "../../schema/measures.ts";

export type CellRole = "lei" | "kuan" | "xiang" | "unit" | "name";

export interface HeaderColumn {
  index: number;
  label: string;
  measure: Measure;
  /** Text of the top header line spanning this column (收 入 / 支 出 …). */
  top: string;
}

export interface TsvHeader {
  roles: Map<number, CellRole>;
  columns: HeaderColumn[];
}

function roleOf(leaf: string): CellRole | null {
  const t = foldHeader(leaf);
  if (t === "类") return "lei";
  if (t === "款") return "kuan";
  if (t === "项") return "xiang";
  if (/^单位(代码|编码)$/.test(t)) return "unit";
  if (/名称|^项目$|^科目$/.test(t)) return "name";
  return null;
}

/** The nearest non-empty cell at index ≤ i on a line. */
function spanning(row: string[], i: number): string {
  for (let j = Math.min(i, row.length - 1); j >= 0; j--) if (row[j]) return row[j];
  return "";
}

export function readTsvHeader(headerLines: string[]): TsvHeader {
  const rows = headerLines.map((l) => cells(l).cells);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const roles = new Map<number, CellRole>();
  const columns: HeaderColumn[] = [];
  for (let i = 0; i < width; i++) {
    let leafRow = -1;
    for (let r = rows.length - 1; r >= 0; r--) if (rows[r][i]) { leafRow = r; break; }
    if (leafRow < 0) continue;
    const leaf = rows[leafRow][i];
    const parent = leafRow > 0 ? spanning(rows[leafRow - 1], i) : "";
    const role = roleOf(leaf);
    if (role) {
      roles.set(i, role);
      continue;
    }
    const measure = measureOfHeader(leaf, parent);
    if (!measure) continue;
    const generic = /^(合计|小计|总计)$/.test(foldHeader(leaf));
    const label = generic && parent && !roleOf(parent) ? `${foldHeader(parent)}/${foldHeader(leaf)}` : foldHeader(leaf);
    columns.push({ index: i, label, measure, top: rows.length > 1 ? spanning(rows[0], i) : "" });
  }
  return { roles, columns };
}
