/** Write an Extraction to a folder: `<name>.parquet` (ZSTD) and `<name>.arrow` (IPC stream) per table. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT_TABLES, type OutputRows } from "../schema/outputs.ts";
import { toArrowIPC } from "./arrow.ts";
import { writeParquetTables } from "./parquet.ts";

export async function writeOutputs(dir: string, extraction: OutputRows, options: { csv?: boolean } = {}): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const tables = OUTPUT_TABLES.map((spec) => ({ spec, rows: extraction[spec.name] }));
  const written: string[] = [];
  for (const { spec, rows } of tables) {
    const path = join(dir, `${spec.name}.arrow`);
    writeFileSync(path, toArrowIPC(spec, rows));
    written.push(path);
  }
  await writeParquetTables(dir, tables, options);
  written.push(...tables.map(({ spec }) => join(dir, `${spec.name}.parquet`)));
  if (options.csv) written.push(...tables.map(({ spec }) => join(dir, `${spec.name}.csv`)));
  return written;
}
