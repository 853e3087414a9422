/** Test helpers: parse every budget table of a document, and check coverage of the printed numbers. */
import { resolve } from "node:path";
import { readDocument } from "../../../../loaders/ingest/read.ts";
import { parseNumber } from "../../../../loaders/ingest/numbers.ts";
import type { LineItem, SourceDocument, TableParse, TableSection } from "../../../../loaders/schema/types.ts";
import { findTables } from "../../../../loaders/segment/tables.ts";
import { readTables } from "../../../../loaders/tables/cross-table.ts";
import { sharedPath } from "../../../shared.ts";

export const ROOT = resolve(__dirname, "../../../..");
export const EXTERNAL = sharedPath("external");

export interface Parsed {
  doc: SourceDocument;
  sections: TableSection[];
  byId: Map<string, { section: TableSection; parse: TableParse }>;
  byFamily: Map<string, { section: TableSection; parse: TableParse }>;
  items: LineItem[];
}

export function parseFile(path: string): Parsed {
  return parseDoc(readDocument(path));
}

export function parseDoc(doc: SourceDocument): Parsed {
  const sections = findTables(doc.lines, "万元");
  const readings = readTables(doc, sections);
  const byId = new Map<string, { section: TableSection; parse: TableParse }>();
  const byFamily = new Map<string, { section: TableSection; parse: TableParse }>();
  const items: LineItem[] = [];
  for (const section of sections) {
    if (!section.family.startsWith("budget_")) continue;
    const parse = readings.get(section);
    if (!parse) continue;
    if (parse instanceof Error) throw parse;
    byId.set(section.table_id, { section, parse });
    if (!byFamily.has(section.family)) byFamily.set(section.family, { section, parse });
    items.push(...parse.items);
  }
  return { doc, sections, byId, byFamily, items };
}

/** Number tokens of a line that are amounts, not the codes leading the row (`210	15	01	347001`). */
export function moneyTokens(text: string): number[] {
  const toks = text.split(/[\t ]+|\u3000+/).filter(Boolean);
  let k = 0;
  while (k < toks.length && /^\d{1,7}$/.test(toks[k])) k++;
  // a lone leading number is an amount (`8.53 1.53 7 …`), not a code
  if (k === toks.length) k = 0;
  return toks.slice(k).map(parseNumber).filter((v): v is number => v !== null);
}

export interface Coverage {
  tokens: number;
  inItems: number;
  onResidueLines: number;
  missing: string[];
  /** Items whose value is not printed on their source line. */
  invented: string[];
}

/** Every amount on every section line is an item of that line, or the line is in residue. */
export function coverage(p: Parsed): Coverage {
  const out: Coverage = { tokens: 0, inItems: 0, onResidueLines: 0, missing: [], invented: [] };
  for (const { section, parse } of p.byId.values()) {
    const residueLines = new Set(parse.residue.map((r) => r.source_line));
    const itemsAt = new Map<number, number[]>();
    for (const i of parse.items) itemsAt.set(i.source_line, [...(itemsAt.get(i.source_line) ?? []), i.value]);
    for (let n = section.start_line; n <= section.end_line; n++) {
      const toks = moneyTokens(p.doc.lines[n - 1]);
      out.tokens += toks.length;
      if (residueLines.has(n)) {
        out.onResidueLines += toks.length;
        continue;
      }
      const pool = [...(itemsAt.get(n) ?? [])];
      for (const v of toks) {
        const k = pool.indexOf(v);
        if (k >= 0) {
          pool.splice(k, 1);
          out.inItems++;
        } else out.missing.push(`${section.table_id} line ${n}: ${v}`);
      }
    }
    for (const i of parse.items) {
      if (!moneyTokens(p.doc.lines[i.source_line - 1]).includes(i.value)) out.invented.push(`${i.table_id} line ${i.source_line}: ${i.value}`);
    }
  }
  return out;
}

export function itemsAt(p: Parsed, line: number): LineItem[] {
  return p.items.filter((i) => i.source_line === line);
}
