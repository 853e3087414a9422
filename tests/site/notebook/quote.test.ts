// Quotes of SQL results in Markdown cells (src/components/notebook/quote.ts) and the
// notebooks of src/notebooks/ as notebooks (from-page.ts).
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {describe, expect, test} from "vitest";
import {notebookOfPage, pageTitle} from "../../../src/components/notebook/from-page.ts";
import {quotedNames, splitQuotes} from "../../../src/components/notebook/quote.ts";
import type {QueryResult} from "../../../src/components/sql/results.ts";

const q1: QueryResult = {
  ms: 1,
  fields: [
    {name: "document", type: "Utf8", kind: "string", numeric: false},
    {name: "doc_id", type: "Utf8", kind: "string", numeric: false},
    {name: "source_line", type: "Int32", kind: "int", numeric: true},
    {name: "amount_wan", type: "Float64", kind: "float", numeric: true}
  ],
  rows: [
    {document: "贵州省医疗保障局（本级） 2022", doc_id: "dcf8d1ae580c8", source_line: 245, amount_wan: 4825.77},
    {document: "贵州省医疗保障局（本级） 2022", doc_id: "dcf8d1ae580c8", source_line: 195, amount_wan: 2243.55}
  ]
};
const results = new Map<string, QueryResult | Error | undefined>([["q1", q1], ["bad", new Error("x")], ["later", undefined]]);

describe("quotes", () => {
  test("first row, a given row, the row count; a figure links to its line", () => {
    expect(splitQuotes("IT: {{q1.amount_wan}} 万元, then {{ q1.amount_wan[1] }} ({{q1.rows}} rows)", results)).toEqual([
      "IT: ",
      {text: "4,825.77", doc_id: "dcf8d1ae580c8", line: 245},
      " 万元, then ",
      {text: "2,243.55", doc_id: "dcf8d1ae580c8", line: 195},
      " (",
      {text: "2"},
      " rows)"
    ]);
    expect(quotedNames("{{q1.a}} {{q2.b[3]}} {{q1.c}}")).toEqual(["q1", "q2"]);
  });

  test("what cannot be quoted says why", () => {
    expect(splitQuotes("{{nope.x}}", results)).toEqual([{text: "{{nope.x}}: no SQL cell is named nope", error: true}]);
    expect(splitQuotes("{{q1.nope}}", results)).toEqual([{text: "{{q1.nope}}: q1 has no column nope", error: true}]);
    expect(splitQuotes("{{q1.amount_wan[5]}}", results)).toEqual([{text: "{{q1.amount_wan[5]}}: q1 has 2 rows", error: true}]);
    expect(splitQuotes("{{bad.x}}", results)).toEqual([{text: "{{bad.x}}: bad failed", error: true}]);
    expect(splitQuotes("{{later.x}}", results)).toEqual([{text: "…"}]);
  });
});

describe("the notebooks of src/notebooks/ as notebooks", () => {
  const dir = resolve(import.meta.dirname, "../../../src/notebooks");
  test("it-spending: its prose as text cells and its queries as SQL cells, in page order", () => {
    const page = readFileSync(join(dir, "it-spending.md"), "utf-8");
    const notebook = notebookOfPage(page);
    expect(notebook.title).toBe("信息化建设 spending across the four bureaus");
    expect(notebook.cells.filter((c) => c.kind === "sql").map((c) => (c.kind === "sql" ? c.name : ""))).toEqual(["it", "check", "targets"]);
    expect(notebook.cells[0]).toMatchObject({kind: "md", text: expect.stringMatching(/^How much do the medical-security bureaus/)});
    expect(notebook.cells.some((c) => c.kind === "md" && c.text.includes("```"))).toBe(false);
  });

  test("titles from front matter (YAML or JSON string) or the first heading", () => {
    expect(pageTitle('---\ntitle: "A \\"quoted\\" title"\n---\n# X')).toBe('A "quoted" title');
    expect(pageTitle("---\ntitle: Plain\n---\n")).toBe("Plain");
    expect(pageTitle("# Heading only\n")).toBe("Heading only");
  });
});
