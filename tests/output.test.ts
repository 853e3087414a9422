/**
 * Whole-output snapshots, in the manner of Observable Framework's test/input →
 * test/output: every output table of each sample document in data/documents/
 * as sorted, stable CSV under tests/output/<document file stem>/<table>.csv,
 * and the corpus-wide tables (no doc_id: classifications, entities) once as
 * tests/output/<table>.csv.
 * Each file is compared whole; a mismatch prints the diff. After a change in
 * behaviour made on purpose, `npm run test:update` rewrites them: read the diff
 * and say in the commit which outputs changed and why.
 */
import { readdirSync } from "node:fs";
import { join, parse } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFiles, type Extraction } from "../loaders/extract.ts";
import { OUTPUT_TABLES } from "../loaders/schema/outputs.ts";
import { csvField, tableCsv } from "./snapshot-csv.ts";

const DOCS = join(import.meta.dirname, "..", "data", "documents");
const OUTPUT = join(import.meta.dirname, "output");
const corpusWide = (t: (typeof OUTPUT_TABLES)[number]) => !t.columns.some((c) => c.name === "doc_id");
const PER_DOCUMENT = OUTPUT_TABLES.filter((t) => !corpusWide(t));
const CORPUS_WIDE = OUTPUT_TABLES.filter(corpusWide);

const extraction: Extraction = extractFiles([DOCS], { root: DOCS });
const rowsOf = (name: string) => (extraction as unknown as Record<string, Array<{ doc_id?: string }>>)[name];

describe("tests/output: the sample documents' output tables", () => {
  for (const doc of extraction.documents) {
    const stem = parse(doc.source_file).name;
    describe(stem, () => {
      for (const spec of PER_DOCUMENT) {
        it(`${spec.name}.csv`, async () => {
          const rows = rowsOf(spec.name).filter((r) => r.doc_id === doc.doc_id);
          await expect(tableCsv(spec, rows)).toMatchFileSnapshot(join(OUTPUT, stem, `${spec.name}.csv`));
        });
      }
    });
  }

  for (const spec of CORPUS_WIDE) {
    it(`${spec.name}.csv (corpus-wide)`, async () => {
      await expect(tableCsv(spec, rowsOf(spec.name))).toMatchFileSnapshot(join(OUTPUT, `${spec.name}.csv`));
    });
  }

  // A file is missing → its snapshot test above fails (in CI) or writes it; here: nothing stale is left over.
  it("holds no file that no sample or table produces", () => {
    const expected = [
      ...CORPUS_WIDE.map((t) => `${t.name}.csv`),
      ...extraction.documents.flatMap((d) => PER_DOCUMENT.map((t) => `${parse(d.source_file).name}/${t.name}.csv`)),
    ].sort();
    const present = readdirSync(OUTPUT, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(OUTPUT.length + 1))
      .sort();
    expect(present.filter((f) => !expected.includes(f))).toEqual([]);
    expect(extraction.documents.map((d) => d.source_file)).toEqual(readdirSync(DOCS).sort());
    expect(expected).toHaveLength(CORPUS_WIDE.length + 5 * PER_DOCUMENT.length);
  });
});

describe("stable CSV", () => {
  it("quotes fields with quotes, commas or line breaks, and leaves null empty", () => {
    expect([csvField("a,b"), csvField('他说"好"'), csvField("x\ny"), csvField(null), csvField(5634.18), csvField(false)]).toEqual([
      '"a,b"',
      '"他说""好"""',
      '"x\ny"',
      "",
      "5634.18",
      "false",
    ]);
  });

  it("orders rows by document and source line, then by every column, whatever order they came in", () => {
    const spec = { name: "line_items", description: "", columns: [
      { name: "doc_id", type: "string", description: "" },
      { name: "value", type: "double", description: "" },
      { name: "source_line", type: "int", description: "" },
    ] } as const;
    const rows = [
      { doc_id: "b", value: 1, source_line: 1 },
      { doc_id: "a", value: 10, source_line: 12 },
      { doc_id: "a", value: 9, source_line: 2 },
      { doc_id: "a", value: 2, source_line: 12 },
    ];
    const csv = "doc_id,value,source_line\na,9,2\na,2,12\na,10,12\nb,1,1\n";
    expect(tableCsv({ ...spec, columns: [...spec.columns] }, rows)).toBe(csv);
    expect(tableCsv({ ...spec, columns: [...spec.columns] }, [...rows].reverse())).toBe(csv);
  });
});
