/**
 * The site's data archive (loaders/site/archive.ts) built from sample 004:
 * every table, the decoded text for the source pages, the same bytes on a
 * rebuild (from the cache).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusArchive } from "../../../loaders/site/archive.ts";

const SAMPLE = resolve(import.meta.dirname, "../../../data/documents/004_3cd6b194bc39a314.txt");
const tmp = mkdtempSync(join(tmpdir(), "archive-test-"));
const docs = join(tmp, "documents");
const cache = join(tmp, "cache");
let first: Uint8Array;
let members: Record<string, Uint8Array>;

beforeAll(async () => {
  mkdirSync(docs);
  copyFileSync(SAMPLE, join(docs, "004_3cd6b194bc39a314.txt"));
  first = await corpusArchive(docs, cache);
  members = unzipSync(first);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("corpusArchive", () => {
  it("holds every table as Arrow stream, Arrow file, Parquet and CSV, and the datapackage", () => {
    for (const t of ["documents", "tables", "line_items", "narrative_facts", "checks", "residue", "panel"])
      for (const ext of ["arrows", "arrow", "parquet", "csv"]) expect(Object.keys(members), `${t}.${ext}`).toContain(`${t}.${ext}`);
    expect(JSON.parse(strFromU8(members["datapackage.json"])).resources.map((r: { name: string }) => r.name)).toContain("line_items");
  });

  it("carries 004's figures with their line: 年初结转和结余 5,059.01 on line 148 of 公开01表", () => {
    const csv = strFromU8(members["line_items.csv"]).split("\n");
    const row = csv.find((l) => l.includes(",公开01表,") && l.includes(",carryover_prior,") && l.includes(",148,"));
    expect(row).toContain(",5059.01,");
    const documents = strFromU8(members["documents.csv"]);
    expect(documents).toContain("dcf8d1ae580c8,004_3cd6b194bc39a314.txt");
    expect(documents).toContain("贵州省医疗保障局（本级）");
  });

  it("keeps the decoded text of the document for its source page", () => {
    expect(strFromU8(members["sources/dcf8d1ae580c8.txt"])).toBe(readFileSync(SAMPLE, "utf8"));
  });

  it("gives the same bytes when rebuilt (from the cache)", async () => {
    expect(Buffer.from(await corpusArchive(docs, cache)).equals(Buffer.from(first))).toBe(true);
  });
});
