/**
 * Column totals a table must share with another table of the same document,
 * to choose among readings of a 合计 row whose empty cells were dropped:
 * - 收入预算总表 合计 by source = the income sources of the 收支总表
 *   (财政拨款收入, 事业收入, 事业单位经营收入, 其他收入);
 * - 一般公共预算支出表 合计 基本支出 = 一般公共预算基本支出表 合计;
 * - 财政拨款收支总表 支出总计 by fund = its own income rows by fund;
 * - 支出总表, row by row: a code (or 合计) that a fully read 财政拨款 /
 *   一般公共预算 支出表 prints with the same 合计 has the same 基本支出 and
 *   项目支出 there (the same money), see rowsOf.
 */
import type { CrossTableEvidence, TableFamily } from "../../schema/types.ts";
import { parseNumber } from "../../ingest/numbers.ts";
import { measureOfHeader } from "./columns.ts";
import { removeLeadingNumbering } from "../../base/fold.ts";

/** Strip the ordinal of a summary row label (`一、`, `1、`, `1. `, `（一）`: base/fold.ts ordinalOf), and the ends' white space. */
export function stripOrdinal(label: string): string {
  return removeLeadingNumbering(label).trim();
}

/**
 * Income sources printed as rows of a two-sided table's income side
 * (a row printed without a number counts as zero). `halves` are the
 * [label, first number] pairs of the income side, in order; the first
 * occurrence of a source wins.
 */
export function incomeSources(halves: Array<{ label: string; first: string | null }>, wanted: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of halves) {
    const m = measureOfHeader(stripOrdinal(h.label));
    if (!m || !wanted.includes(m) || out.has(m)) continue;
    out.set(m, h.first === null ? 0 : parseNumber(h.first) ?? 0);
  }
  return out;
}

/** The 合计 row of another table of the document (its settled reading), measure → value, or null. */
export function totalsOf(evidence: CrossTableEvidence, family: TableFamily): Map<string, number> | null {
  const parsed = evidence.reading(family);
  if (!parsed) return null;
  const first = parsed.items.find((i) => /^合\s*计$|^总\s*计$/.test(i.row_label.trim()) && !i.inferred);
  if (!first) return null;
  const out = new Map<string, number>();
  for (const i of parsed.items) if (i.source_line === first.source_line && !out.has(i.measure)) out.set(i.measure, i.value);
  return out;
}

/**
 * Every row of another table of the document that was read in full (status
 * ok, its settled reading): code (or 合计) → measure → value; null when no
 * such table.
 */
export function rowsOf(evidence: CrossTableEvidence, family: TableFamily): Map<string, Map<string, number>> | null {
  const parsed = evidence.reading(family);
  if (!parsed || parsed.status !== "ok") return null;
  const out = new Map<string, Map<string, number>>();
  for (const i of parsed.items) {
    if (i.unit_code) continue;
    const key = i.code ?? (/^合\s*计$|^总\s*计$/.test(i.row_label.trim()) ? "合计" : null);
    if (!key) continue;
    let row = out.get(key);
    if (!row) out.set(key, (row = new Map()));
    if (!row.has(i.measure)) row.set(i.measure, i.value);
  }
  return out.size ? out : null;
}
