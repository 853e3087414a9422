// loaders/site/doc-files.ts encodeColumn / encodeColumns, the layout of docs/<doc_id>.json
// (format 2), and src/components/doc-files.ts decodeDocFile, which reads it back: every
// value comes back as it was (null, 0, false, "", strings that look like numbers).
import { describe, expect, test } from "vitest";
import { encodeColumn, encodeColumns } from "../../../loaders/site/doc-files.ts";
import { decodeDocFile } from "../../../src/components/doc-files.ts";

describe("a document file's columns", () => {
  test("a constant column is written once, a repetitive one as a dictionary, any other as it is", () => {
    expect(encodeColumn(["dcf8d1ae580c8", "dcf8d1ae580c8", "dcf8d1ae580c8"])).toEqual({ const: "dcf8d1ae580c8" });
    const reasons = Array.from({ length: 40 }, (_, i) => (i % 3 ? "no number on the line inside a table" : null));
    expect(encodeColumn(reasons)).toEqual({ dict: [null, "no number on the line inside a table"], idx: reasons.map((r) => (r ? 1 : 0)) });
    expect(encodeColumn([171, 172, 173])).toEqual([171, 172, 173]);
    expect(encodeColumn(["a"])).toEqual(["a"]);
    expect(encodeColumn([])).toEqual([]);
  });

  test("rows come back exactly, in order, whatever the encoding chosen", () => {
    const columns = ["doc_id", "table_id", "source_line", "amount_wan", "inferred", "source_text"];
    const rows = Array.from({ length: 50 }, (_, i) => [
      "d1",
      i % 2 ? "公开01表" : "公开02表",
      100 + i,
      i % 5 ? i * 1.5 : null,
      i % 7 === 0,
      i % 4 ? `line ${i}` : i % 8 ? "" : "1",
    ]);
    const file = JSON.parse(
      JSON.stringify({ format: 2, doc_id: "d1", data_version: "v", document: { doc_id: "d1" }, residue: encodeColumns({ columns, rows }) }),
    );
    const back = decodeDocFile(file).residue;
    expect(back).toEqual(rows.map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j]]))));
    expect(back.map((r) => Object.keys(r))[0]).toEqual(columns);
  });

  test("the same rows, the same bytes", () => {
    const table = {
      columns: ["a", "b"],
      rows: [
        ["x", 1],
        ["y", 1],
        ["x", 2],
      ],
    };
    expect(JSON.stringify(encodeColumns(table))).toBe(JSON.stringify(encodeColumns(structuredClone(table))));
  });
});
