/**
 * Write the rows of every output table (an in-memory Extraction) to a folder, through the same writers as a
 * batch (write/corpus.ts): its rows are spooled in their order, then written
 * in the formats asked for (Parquet and Arrow by default) and
 * datapackage.json.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { StatedRename } from "../panel/names.ts";
import type { OutputRows } from "../schema/outputs.ts";
import { writeCorpus, type CorpusWriteOptions } from "./corpus.ts";
import { appendBlocks, rowBlocks, Spool } from "./spool.ts";

export async function writeOutputs(dir: string, extraction: OutputRows & { renames?: readonly StatedRename[] }, options: CorpusWriteOptions = {}): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const spool = new Spool(mkdtempSync(join(dir, ".spool-")));
  try {
    // Rows are already in document order: one spool key (0) and position (0) for all, ordered by their index.
    extraction.documents.forEach((row, i) => spool.document(i, row, i === 0 ? 0 : undefined));
    spool.renames.push(...(extraction.renames ?? []));
    appendBlocks(spool.dir, "memory", rowBlocks(extraction, 0));
    return await writeCorpus(dir, spool, options);
  } finally {
    rmSync(spool.dir, { recursive: true, force: true });
  }
}
