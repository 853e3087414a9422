// Notebook state (src/components/notebook/state.ts): cells, order, and the whole notebook
// in the URL fragment (deflate + base64url), read back from untrusted input.
import {deflateSync, strToU8} from "fflate";
import {describe, expect, test} from "vitest";
import {decodeNotebook, encodeNotebook, moveCell, newCell, toNotebook, type Notebook} from "../../../src/components/notebook/state.ts";

const notebook: Notebook = {
  title: "信息化建设 <b>",
  v: "87cb04987f63",
  cells: [
    {id: "c1", kind: "sql", name: "q1", sql: "SELECT '</script>' AS x, 'ü€𝄞' AS y"},
    {id: "c2", kind: "chart", source: "q1", mark: "bar", x: "x", y: "count()"},
    {id: "c3", kind: "md", text: "**{{q1.x}}** ${alert(1)}"}
  ]
};

describe("notebook state", () => {
  test("round trip through the URL fragment, compressed and URL-safe", () => {
    const hash = encodeNotebook(notebook);
    expect(hash).toMatch(/^nb=[A-Za-z0-9_-]+$/);
    expect(decodeNotebook(`#${hash}`)).toEqual(notebook);
    const big = {...notebook, cells: Array.from({length: 40}, (_, i) => ({id: `c${i}`, kind: "sql" as const, name: `q${i}`, sql: "SELECT entity, year FROM documents ORDER BY year"}))};
    expect(encodeNotebook(big).length).toBeLessThan(JSON.stringify(big).length / 5);
  });

  test("no fragment is no notebook; a damaged one says so", () => {
    expect(decodeNotebook("")).toBeNull();
    expect(decodeNotebook("#sql=SELECT+1")).toBeNull();
    expect(() => decodeNotebook("#nb=AAAA")).toThrow(/damaged/);
  });

  test("untrusted JSON: unknown kinds and fields dropped, bad names and marks replaced", () => {
    const raw = {title: 3, cells: [{kind: "html", html: "<img>"}, {id: "a", kind: "sql", name: "1; DROP", sql: "SELECT 1", extra: 1}, {kind: "chart", source: "q1", mark: "pie"}, null]};
    const hash = `nb=${Buffer.from(deflateSync(strToU8(JSON.stringify(raw)))).toString("base64url")}`;
    expect(decodeNotebook(hash)).toEqual({title: "Notebook", cells: [{id: "a", kind: "sql", name: "q1", sql: "SELECT 1"}, {id: "c2", kind: "chart", source: "q1", mark: "bar", x: undefined, y: undefined, color: undefined, facet: undefined}]});
  });

  test("new cells get fresh ids and names; a chart draws the last query; moving clamps", () => {
    const sql = newCell("sql", notebook.cells);
    expect(sql).toMatchObject({id: "c4", kind: "sql", name: "q2"});
    expect(newCell("chart", [...notebook.cells, sql])).toMatchObject({kind: "chart", source: "q2"});
    expect(moveCell(notebook.cells, 2, -1).map((c) => c.id)).toEqual(["c1", "c3", "c2"]);
    expect(moveCell(notebook.cells, 0, -1).map((c) => c.id)).toEqual(["c1", "c2", "c3"]);
    expect(toNotebook(notebook)).toEqual(notebook);
  });
});
