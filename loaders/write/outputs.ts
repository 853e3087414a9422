/**
 * Write the rows of every output table (an in-memory Extraction) to a folder, through the same writers as a
 * batch (write/corpus.ts): its rows are spooled in their order, then written
 * in the formats asked for (Parquet and Arrow by default) and
 * datapackage.json.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { StatedRename } from "../panel/names.ts";
import { OUTPUT_TABLES, type OutputRows } from "../schema/outputs.ts";
import { writeCorpus, type CorpusWriteOptions } from "./corpus.ts";
import { rowsToJsonLines } from "./row-json.ts";
import { SPOOLED_TABLES, Spool, type RowBlocks } from "./spool.ts";

export async function writeOutputs(dir: string, extraction: OutputRows & { renames?: readonly StatedRename[] }, options: CorpusWriteOptions = {}): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const spool = new Spool(mkdtempSync(join(dir, ".spool-")));
  try {
    extraction.documents.forEach((row, i) => spool.document(i, row));
    spool.renames.push(...(extraction.renames ?? []));
    const blocks = {} as RowBlocks;
    for (const table of SPOOLED_TABLES) blocks[table] = rowsToJsonLines(OUTPUT_TABLES.find((t) => t.name === table)!, extraction[table]);
    // Rows are already in document order: one position for all, ordered by their index.
    spool.rows(0, blocks);
    spool.close();
    return await writeCorpus(dir, spool, options);
  } finally {
    rmSync(spool.dir, { recursive: true, force: true });
  }
}
