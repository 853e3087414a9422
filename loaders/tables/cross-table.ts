/**
 * The two passes over a document's standard tables.
 *
 * First pass (`readAlone`): every table is read on its own by its family's
 * parser (tables/parsers.ts), from its own lines and the text of the
 * document's sections. A parser reaching rows whose reading depends on
 * another table stops there and returns a pending reading that names the
 * families it needs.
 *
 * Second pass (`settlePending`, the cross-table pass): each pending reading
 * is settled with evidence from the other tables' readings. A table whose
 * evidence is itself pending is settled first (dependency order), so every
 * table is read once. The evidence used:
 *  - budget/evidence.ts: the 合计 row of 收入预算总表 by the income sources
 *    of the 收支总表; 合计 基本支出 of 一般公共预算支出表 by the 合计 of
 *    一般公共预算基本支出表 (budget by-code's `evidence` option);
 *  - budget/unit-bounds.ts: the 合计 row of 项目支出表 by the funds the
 *    收入预算总表 shows without income; each unit's rows bounded by the
 *    unit's income by fund;
 *  - final/evidence.ts: the 合计 row of 收入决算表 by 收入支出决算总表;
 *    funds without appropriation in 财政拨款收入支出决算总表 (the 合计 row
 *    of 财政拨款支出决算明细表, the 其中 funds of the “三公” table);
 *  - final/economic-evidence.ts: vehicle rows printed empty in
 *    财政拨款支出决算明细表 (the “三公” table's 购置 / 运行 columns).
 */
import type { CrossTableEvidence, PendingReading, SourceDocument, TableFamily, TableParse, TableParser, TableReading, TableSection } from "../schema/types.ts";
import { PARSERS } from "./parsers.ts";

/** A table's reading, or the error its parser threw. */
export type Outcome = TableParse | Error;

export const isPending = (r: TableReading): r is PendingReading => "pending" in r;

export const parserOf = (section: TableSection): TableParser | undefined => (section.family === "unrecognised" ? undefined : PARSERS[section.family]);

/** First pass: each section with a parser, read on its own (pending where it needs another table). */
export function readAlone(doc: SourceDocument, sections: TableSection[]): Map<TableSection, TableReading | Error> {
  const out = new Map<TableSection, TableReading | Error>();
  for (const section of sections) {
    const parser = parserOf(section);
    if (!parser) continue;
    try {
      out.set(section, parser({ doc, section, sections }));
    } catch (err) {
      out.set(section, err as Error);
    }
  }
  return out;
}

/**
 * Second pass: every first-pass reading settled. A pending reading gets the
 * readings of the families it declared (a table's first section of the
 * family); asking for another family, or a cycle, is an error of that table.
 * Evidence from a table whose parser failed fails the asking table the same
 * way.
 */
export function settlePending(sections: TableSection[], first: Map<TableSection, TableReading | Error>): Map<TableSection, Outcome> {
  const settled = new Map<TableSection, Outcome>();
  const settling = new Set<TableSection>();
  const evidenceFor = (asking: TableSection, needs: TableFamily[]): CrossTableEvidence => {
    const section = (family: TableFamily) => {
      if (!needs.includes(family)) throw new Error(`${asking.table_id} reads ${family}, which its pending reading did not name`);
      return sections.find((s) => s.family === family) ?? null;
    };
    return {
      section,
      reading(family) {
        const s = section(family);
        if (!s) return null;
        const r = settle(s);
        if (r instanceof Error) throw r;
        return r;
      },
    };
  };
  const settle = (section: TableSection): Outcome => {
    const done = settled.get(section);
    if (done) return done;
    const r = first.get(section);
    if (r === undefined) return new Error(`no parser for table family ${section.family}`);
    if (r instanceof Error || !isPending(r)) {
      settled.set(section, r);
      return r;
    }
    if (settling.has(section)) throw new Error(`cross-table evidence cycle at ${section.table_id}`);
    settling.add(section);
    let out: Outcome;
    try {
      out = r.pending.settle(evidenceFor(section, r.pending.needs));
    } catch (err) {
      out = err as Error;
    }
    settling.delete(section);
    settled.set(section, out);
    return out;
  };
  for (const section of first.keys()) settle(section);
  return settled;
}

/** Both passes: each section's settled reading (tests and tools reading tables without the pipeline). */
export function readTables(doc: SourceDocument, sections: TableSection[]): Map<TableSection, Outcome> {
  return settlePending(sections, readAlone(doc, sections));
}
