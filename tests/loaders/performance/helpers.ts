import { readdirSync } from "node:fs";
import { join } from "node:path";
import { readDocument } from "../../../loaders/ingest/read.ts";
import { extractPerformance } from "../../../loaders/performance/index.ts";
import { segmentDocument } from "../../../loaders/segment/index.ts";

const DIR = join(import.meta.dirname, "../../../data/documents");

/** Extract the performance tables of the sample whose file name starts with `prefix`. */
export function sample(prefix: string, amount_unit = "万元") {
  const file = readdirSync(DIR).find((f) => f.startsWith(prefix))!;
  const doc = readDocument(join(DIR, file));
  return { doc, ...extractPerformance(doc, segmentDocument(doc, "万元").performance, { amount_unit, year: null }) };
}

export function at<T extends { source_line: number }>(rows: T[], line: number): T {
  const r = rows.find((x) => x.source_line === line);
  if (!r) throw new Error(`no row on line ${line}`);
  return r;
}
