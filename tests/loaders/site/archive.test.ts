// loaders/site/archive.ts + doc-files.ts + tar.ts: the site's corpus archive carries each
// document's own files (docs/<doc_id>.json, .txt), read by the one document page and
// the one source page (src/components/doc-files.ts decodes them). A document's file holds
// exactly its rows of the corpus tables, and the same bytes whether extracted or cached.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { corpusArchive } from "../../../loaders/site/archive.ts";
import { readTar } from "../../../loaders/site/tar.ts";
import { decodeDocFile, type DocDetail } from "../../../src/components/doc-files.ts";
import { DEFAULT_DOCUMENTS_DIR } from "../../../scripts/doc-ids.ts";

const DOC_004 = "dcf8d1ae580c8"; // 贵州省医疗保障局（本级） 2022 决算
const tmp = mkdtempSync(join(tmpdir(), "site-archive-"));
let zip: Record<string, Uint8Array>;
let names: string[];
let cachedTar: Buffer;
let firstTar: Buffer;
let detail: DocDetail;

/** The archive's bytes, written to a file too. */
async function archive(docs: string, cache: string, path: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  await corpusArchive(docs, (chunk) => void chunks.push(chunk), cache);
  const bytes = Buffer.concat(chunks);
  writeFileSync(path, bytes);
  return bytes;
}

beforeAll(async () => {
  const docs = join(tmp, "documents");
  mkdirSync(docs);
  copyFileSync(join(DEFAULT_DOCUMENTS_DIR, "004_3cd6b194bc39a314.txt"), join(docs, "004.txt"));
  copyFileSync(join(DEFAULT_DOCUMENTS_DIR, "004_3cd6b194bc39a314.txt"), join(docs, "005-copy.txt")); // a duplicate copy
  const cache = join(tmp, "cache");
  firstTar = await archive(docs, cache, join(tmp, "first.tar")); // extracted (and cached)
  cachedTar = await archive(docs, cache, join(tmp, "cached.tar")); // from the cache
  zip = {};
  names = [];
  readTar(join(tmp, "first.tar"), (name, read) => {
    names.push(name);
    zip[name] = read();
  });
  detail = decodeDocFile(JSON.parse(new TextDecoder().decode(zip[`docs/${DOC_004}.json`])));
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const text = (name: string) => new TextDecoder().decode(zip[name]);

describe("each document's own files in the site archive", () => {
  test("the document's rows, text and a file for the duplicate copy; no per-document member elsewhere", () => {
    const docs = Object.keys(zip)
      .filter((n) => n.startsWith("docs/"))
      .sort();
    expect(docs).toEqual([`docs/${DOC_004}-dup1.json`, `docs/${DOC_004}.json`, `docs/${DOC_004}.txt`]);
    expect(Object.keys(zip).filter((n) => n.includes("/") && !/^(docs|entities|regions|performance)\//.test(n))).toEqual([]);
  });

  test("004: 公开02表's 208 社会保障和就业支出 = 1,535.95 万元 on line 171, and line 171 of the text says so", () => {
    expect(detail.doc_id).toBe(DOC_004);
    expect(detail.document).toMatchObject({ doc_id: DOC_004, entity: "贵州省医疗保障局（本级）", year: 2022, source_file: "004.txt" });
    const row = detail.line_items.find((r) => r.table_id === "公开02表" && r.code === "208" && r.column_label === "本年收入合计");
    expect(row).toMatchObject({ amount_wan: 1535.95, source_line: 171, code_system: "functional" });
    expect(text(`docs/${DOC_004}.txt`).split("\n")[170]).toContain("208 社会保障和就业支出 1,535.95");
    expect(detail.classifications).toContainEqual({ code_system: "functional", code: "208", name_en: "Social security and employment" });
  });

  test("holds exactly the document's rows of every corpus table, in order, with the same values", () => {
    for (const name of ["tables", "line_items", "narrative_facts", "performance_projects", "performance_indicators", "checks", "residue"] as const) {
      const corpus = tableFromIPC(zip[`${name}.arrows`])
        .toArray()
        .map((r) => r.toJSON())
        .filter((r) => r.doc_id === DOC_004);
      expect(detail[name].length, name).toBe(corpus.length);
      expect(detail[name], name).toEqual(corpus.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]))));
    }
    expect(detail.line_items.length).toBeGreaterThan(400);
  });

  test("the duplicate copy's file has its documents row and no rows", () => {
    const dup = decodeDocFile(JSON.parse(text(`docs/${DOC_004}-dup1.json`)));
    expect(dup.document.message).toMatch(/005-copy\.txt: same text as 004\.txt/);
    expect(dup.line_items).toEqual([]);
  });

  test("the same archive bytes from the cache as from the extraction", () => {
    expect(cachedTar.equals(firstTar)).toBe(true);
  });

  test("every table as Arrow stream and Parquet, and the datapackage; no Arrow file or CSV (the data page makes them from the stream)", () => {
    for (const t of ["documents", "tables", "line_items", "narrative_facts", "checks", "residue", "panel"]) {
      for (const ext of ["arrows", "parquet"]) expect(names, `${t}.${ext}`).toContain(`${t}.${ext}`);
      for (const ext of ["arrow", "csv"]) expect(names, `${t}.${ext}`).not.toContain(`${t}.${ext}`);
    }
    expect(JSON.parse(text("datapackage.json")).resources.map((r: { name: string }) => r.name)).toContain("line_items");
  });

  test("004's figures with their line in the corpus tables: 年初结转和结余 5,059.01 on line 148 of 公开01表", () => {
    const rows = tableFromIPC(zip["line_items.arrows"])
      .toArray()
      .map((r) => r.toJSON());
    const row = rows.find((r) => r.table_id === "公开01表" && r.measure === "carryover_prior" && r.source_line === 148);
    expect(row).toMatchObject({ doc_id: DOC_004, amount_wan: 5059.01 });
    expect(
      tableFromIPC(zip["documents.arrows"])
        .toArray()
        .map((r) => r.toJSON()),
    ).toContainEqual(expect.objectContaining({ doc_id: DOC_004, source_file: "004.txt" }));
  });

  test("the document's text is the sample's, as decoded", () => {
    expect(text(`docs/${DOC_004}.txt`)).toBe(readFileSync(join(DEFAULT_DOCUMENTS_DIR, "004_3cd6b194bc39a314.txt"), "utf8"));
  });

  test("what pages name first (corpus tables, first charts, the performance summary), smallest first; the entity, region and performance files; the documents' files last", () => {
    // Framework reads the archive from its start up to each member a page names: none after the pages' files
    const files = names.findIndex((n) => n.includes("/") && n !== "performance/summary.json");
    const first = names.findIndex((n) => n.startsWith("docs/"));
    expect(names.slice(0, files)).toContain("performance/summary.json");
    expect(names.slice(0, files)).toEqual(expect.arrayContaining(["first-chart-performance.svg", "first-chart-performance-dark.svg", "line_items.arrows"]));
    expect(names.slice(files, first).every((n) => /^(entities|regions|performance)\//.test(n))).toBe(true);
    expect(names.slice(files, first)).not.toContain("performance/summary.json");
    expect(names.slice(first).every((n) => n.startsWith("docs/"))).toBe(true);
    const sizes = names.slice(0, files).map((n) => zip[n].length);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
  });

  test("GNU tar reads the archive as we do: same members, same bytes", () => {
    const listed = spawnSync("tar", ["-tf", join(tmp, "first.tar")], { encoding: "utf-8" });
    expect(listed.status).toBe(0);
    expect(listed.stdout.trim().split("\n")).toEqual(names);
    const out = join(tmp, "untar");
    mkdirSync(out);
    expect(spawnSync("tar", ["-xf", join(tmp, "first.tar"), "-C", out]).status).toBe(0);
    expect(readFileSync(join(out, `docs/${DOC_004}.json`)).equals(Buffer.from(zip[`docs/${DOC_004}.json`]))).toBe(true);
  });
});

describe("the entity and region pages' files in the site archive", () => {
  const json = (name: string) => JSON.parse(text(name));
  const panel = () =>
    tableFromIPC(zip["panel.arrows"])
      .toArray()
      .map((r) => Object.fromEntries(Object.entries(r.toJSON()).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
  const entityId = () => json(`docs/${DOC_004}.json`).document.entity_id as string;

  test("004's entity: its row, its documents, and exactly its panel rows (人员经费 2022 决算 with its line)", () => {
    const file = json(`entities/${entityId()}.json`);
    expect(file.entity).toMatchObject({ entity_id: entityId(), name: "贵州省医疗保障局", scope: "unit", province_code: "520000" });
    expect(file.documents.map((d: { doc_id: string }) => d.doc_id)).toContain(DOC_004);
    const mine = panel().filter((p) => p.entity_id === entityId());
    expect(file.panel).toEqual(mine);
    const personnel = file.panel.find((p: Record<string, unknown>) => p.measure === "personnel" && p.year === 2022 && p.phase === "final");
    expect(personnel).toMatchObject({ doc_id: DOC_004 });
    expect(personnel.amount_wan).toBeGreaterThan(0);
    expect(json("entities/index.json").map((e: { entity_id: string }) => e.entity_id)).toContain(entityId());
  });

  test("the region files: the filters, the bodies under one filter, the province's entities", () => {
    const index = json("regions/index.json");
    expect(index.years).toContain(2022);
    expect(index.measures).toContainEqual(["personnel", "人员经费"]);
    const personnel = panel().find((p) => p.entity_id === entityId() && p.measure === "personnel" && p.year === 2022 && p.phase === "final")!;
    const bodies = json("regions/personnel.2022.final.json");
    expect(bodies).toContainEqual(
      expect.objectContaining({ entity_id: entityId(), province_code: "520000", amount_wan: personnel.amount_wan, doc_id: DOC_004 }),
    );
    expect(json("regions/520000.json").map((e: { entity_id: string }) => e.entity_id)).toContain(entityId());
  });
});
