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

  test("the encoding chosen is the shortest JSON, as writing out all three would find (lengths counted, not written)", () => {
    /** encodeColumn's choice by writing each candidate's JSON. */
    const written = (values: unknown[]) => {
      if (values.length < 2) return values;
      const dict = [...new Set(values)];
      if (dict.length === 1) return { const: values[0] };
      const idx = values.map((v) => dict.indexOf(v));
      return JSON.stringify(dict).length + JSON.stringify(idx).length + 16 < JSON.stringify(values).length ? { dict, idx } : values;
    };
    const pool = [null, 0, -1.5, 1e21, 171, true, false, "", "公开01表", 'quote " and \\ backslash', "line\nbreak", "\u0001", "208 社会保障和就业支出"];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 400; run++) {
      const length = random(300);
      const distinct = 1 + random(run % 3 ? 14 : 150);
      const values = Array.from({ length }, () => {
        const k = random(distinct);
        return k < pool.length ? pool[k] : `value ${k}`;
      });
      expect(JSON.stringify(encodeColumn(values))).toBe(JSON.stringify(written(values)));
    }
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
