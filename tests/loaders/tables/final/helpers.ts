/** Shared helpers of the final-account parser tests: documents, sections, parses, coverage. */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readDocument } from "../../../../loaders/ingest/read.ts";
import type { LineItem, SourceDocument, TableParse, TableSection } from "../../../../loaders/schema/types.ts";
import { findTables } from "../../../../loaders/segment/tables.ts";
import { readTables } from "../../../../loaders/tables/cross-table.ts";
import { moneyTokens } from "../../../../loaders/tables/rows.ts";
import { sharedPath } from "../../../shared.ts";

const ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../..");
export const DOC_001 = resolve(ROOT, "data/documents/001_a0d178c95672dbf5.txt");
export const DOC_004 = resolve(ROOT, "data/documents/004_3cd6b194bc39a314.txt");
export const CZJ = sharedPath("external/sh_putuo_czj_2024_dept_final.txt");
export const CZJ_LAYOUT = sharedPath("external/sh_putuo_czj_2024_dept_final.layout.txt");

export interface Parsed {
  doc: SourceDocument;
  sections: TableSection[];
  parses: Map<string, TableParse>;
}

export function parseDocument(path: string): Parsed {
  const doc = readDocument(path);
  const sections = findTables(doc.lines, "万元");
  const readings = readTables(doc, sections);
  const parses = new Map<string, TableParse>();
  for (const s of sections) {
    const r = readings.get(s);
    if (s.family.startsWith("final_") && r) parses.set(s.table_id, throwIfError(r));
  }
  return { doc, sections, parses };
}

function throwIfError(r: TableParse | Error): TableParse {
  if (r instanceof Error) throw r;
  return r;
}

/** Number of table rows that yielded items. */
export function rowCount(p: TableParse): number {
  return new Set(p.items.map((i) => i.row_index)).size;
}

export function find(p: TableParse, f: Partial<LineItem>): LineItem[] {
  return p.items.filter((i) => Object.entries(f).every(([k, v]) => (i as unknown as Record<string, unknown>)[k] === v));
}

export interface Coverage {
  printed: number;
  placed: number;
  inResidue: number;
  lost: Array<{ line: number; token: string }>;
}

/** Every money-looking token of every section line: placed in an item of that line, or the line is in residue. */
export function coverage(p: Parsed): Coverage {
  const c: Coverage = { printed: 0, placed: 0, inResidue: 0, lost: [] };
  for (const s of p.sections) {
    const parse = p.parses.get(s.table_id);
    if (!parse) continue;
    const res = new Set(parse.residue.map((r) => r.source_line));
    for (let n = s.start_line; n <= s.end_line; n++) {
      const values = parse.items.filter((i) => i.source_line === n).map((i) => i.value);
      for (const t of moneyTokens(p.doc.lines[n - 1])) {
        c.printed++;
        const k = values.indexOf(Number(t.text.replace(/,/g, "").replace("−", "-")));
        if (k >= 0) {
          c.placed++;
          values.splice(k, 1);
        } else if (res.has(n)) c.inResidue++;
        else c.lost.push({ line: n, token: t.text });
      }
    }
  }
  return c;
}
