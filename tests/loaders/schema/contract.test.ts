import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { extractFiles, type Extraction } from "../../../loaders/extract.ts";
import { readDocument } from "../../../loaders/ingest/read.ts";
import { MEASURES, NARRATIVE_MEASURES } from "../../../loaders/schema/measures.ts";
import { OUTPUT_TABLES } from "../../../loaders/schema/outputs.ts";
import { withDictionary } from "../../../scripts/dictionary.ts";
import { DOCS, ROOT } from "../helpers.ts";

let corpus: Extraction;
beforeAll(() => {
  corpus = extractFiles([DOCS], { root: DOCS });
}, 60_000);

describe("the output contract", () => {
  it("writes the columns the issue names, in every table", () => {
    const names = (t: string) => OUTPUT_TABLES.find((s) => s.name === t)!.columns.map((c) => c.name);
    expect(names("documents")).toEqual(expect.arrayContaining(["doc_id", "source_file", "sha256", "encoding", "entity", "region", "level", "year", "kind", "scope", "amount_unit", "status", "message"]));
    expect(names("line_items")).toEqual(expect.arrayContaining(["doc_id", "table_id", "table_name", "row_label", "code", "code_system", "code_level", "parent_code", "is_leaf", "unit_code", "measure", "column_label", "value", "unit", "amount_wan", "inferred", "rule", "source_line", "source_text"]));
    expect(names("classifications")).toEqual(["code", "code_system", "level", "name_zh", "name_en", "parent_code"]);
    expect(names("residue")).toEqual(expect.arrayContaining(["doc_id", "source_line", "source_text", "reason"]));
    expect(names("checks")).toEqual(expect.arrayContaining(["doc_id", "check_id", "rule", "severity", "message", "expected", "actual", "difference", "tolerance", "source_lines", "table_ids"]));
  });

  it("gives every row every declared column (no undefined)", () => {
    for (const spec of OUTPUT_TABLES) {
      const rows = (corpus as unknown as Record<string, Record<string, unknown>[]>)[spec.name];
      // pages has rows for PDF documents only (tests/loaders/ingest/pdf.test.ts checks them)
      if (spec.name === "pages" && !corpus.documents.some((d) => d.source_format === "pdf")) continue;
      expect(rows.length, spec.name).toBeGreaterThan(0);
      for (const col of spec.columns) expect(rows.every((r) => r[col.name] !== undefined), `${spec.name}.${col.name}`).toBe(true);
    }
  });

  it("uses only documented measures", () => {
    const undocumented = new Set(corpus.line_items.map((i) => i.measure).filter((m) => !Object.hasOwn(MEASURES, m)));
    expect([...undocumented]).toEqual([]);
    const prose = new Set(corpus.narrative_facts.map((f) => f.measure).filter((m) => !Object.hasOwn(NARRATIVE_MEASURES, m)));
    expect([...prose]).toEqual([]);
  });

  it("keeps every source_text equal to the decoded line it names", () => {
    const lines = new Map(corpus.documents.map((d) => [d.doc_id, readDocument(join(DOCS, d.source_file)).lines]));
    const wrong = [...corpus.line_items, ...corpus.narrative_facts, ...corpus.residue, ...corpus.performance_indicators].filter(
      (row) => lines.get(row.doc_id)![row.source_line - 1] !== row.source_text,
    );
    expect(wrong.slice(0, 3)).toEqual([]);
    const sample = corpus.line_items.find((i) => i.table_id === "公开01表" && i.value === 5634.18)!;
    expect(sample).toMatchObject({ source_line: 87, amount_wan: 5634.18 });
    expect(sample.source_text).toContain("5,634.18");
  });

  it("documents every table and column in the README (npm run docs:dictionary)", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(withDictionary(readme)).toBe(readme);
  });
});
