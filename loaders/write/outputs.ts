/**
 * Write the rows of every output table (an in-memory Extraction) to a folder, through the same writers as a
 * batch (write/corpus.ts): its rows are spooled in their order, then written
 * in the formats asked for (Parquet and Arrow by default) and
 * datapackage.json.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { documentPanelInput } from "./panel-input.ts";
import type { StatedRename } from "../panel/names.ts";
import type { OutputRows } from "../schema/outputs.ts";
import { writeCorpus, type CorpusWriteOptions } from "./corpus.ts";
import { linePrefix } from "./row-csv.ts";
import { blocksFile, rowBlocks, SPOOLED_TABLES, Spool, writeBlocks, type SpooledTable } from "./spool.ts";

export async function writeOutputs(
  dir: string,
  extraction: OutputRows & { renames?: readonly StatedRename[] },
  options: CorpusWriteOptions = {},
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const spool = new Spool(mkdtempSync(join(dir, ".spool-")));
  try {
    // Each document's rows (in their order) as its blocks, at its position; rows of no listed document after them all.
    const position = new Map(extraction.documents.map((d, i) => [d.doc_id, i]));
    const runs = new Map<number, Partial<Record<SpooledTable, object[]>>>();
    for (const table of SPOOLED_TABLES)
      for (const row of extraction[table] as ReadonlyArray<{ doc_id?: string }>) {
        const at = position.get(row.doc_id ?? "") ?? extraction.documents.length;
        const run = runs.get(at) ?? runs.set(at, {}).get(at)!;
        (run[table] ??= []).push(row);
      }
    extraction.documents.forEach((document, i) => {
      const rows = runs.get(i) ?? {};
      const of = <T>(table: SpooledTable) => (rows[table] ?? []) as T[];
      spool.document(
        i,
        document,
        documentPanelInput({
          document,
          tables: of("tables"),
          line_items: of("line_items"),
          narrative_facts: of("narrative_facts"),
          performance_projects: of("performance_projects"),
        }),
      );
    });
    for (const [at, rows] of runs) {
      const d = extraction.documents[at];
      spool.files.set(at, writeBlocks(blocksFile(spool.dir, String(at)), rowBlocks(rows, linePrefix(d?.province ?? null, d?.year ?? null))));
    }
    spool.renames.push(...(extraction.renames ?? []));
    return await writeCorpus(dir, spool, options);
  } finally {
    rmSync(spool.dir, { recursive: true, force: true });
  }
}
