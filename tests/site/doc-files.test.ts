// The URLs of the one document page and the one source page (src/components/source-link.ts)
// and of a document's own files (src/components/doc-files.ts): the id travels in the query,
// the line in the hash, both encoded, and the page reads the same id back.
import {describe, expect, test} from "vitest";
import {decodeDocFile, docFileHref, docIdOf} from "../../src/components/doc-files.ts";
import {documentHref, parseLineHash, sourceHref} from "../../src/components/source-link.ts";

describe("document and source URLs", () => {
  test("the id in the query, the line or range in the hash", () => {
    expect(sourceHref("dcf8d1ae580c8", 171)).toBe("/source?doc=dcf8d1ae580c8#L171");
    expect(sourceHref("dcf8d1ae580c8", [120, 125, 121])).toBe("/source?doc=dcf8d1ae580c8#L120-L125");
    expect(sourceHref("dcf8d1ae580c8")).toBe("/source?doc=dcf8d1ae580c8");
    expect(documentHref("dcf8d1ae580c8")).toBe("/document?doc=dcf8d1ae580c8");
    expect(docFileHref("dcf8d1ae580c8", "pdf")).toBe("/_file/data/corpus/docs/dcf8d1ae580c8.pdf");
  });

  test("any id survives the round trip, encoded", () => {
    const id = "<img src=x>&doc=2#L9-dup3";
    const url = new URL(sourceHref(id, 12), "http://127.0.0.1");
    expect(docIdOf(url.search)).toBe(id);
    expect(parseLineHash(url.hash)).toEqual([12, 12]);
    expect(docIdOf(new URL(documentHref(id), "http://127.0.0.1").search)).toBe(id);
    expect(docFileHref(id, "json")).toBe(`/_file/data/corpus/docs/${encodeURIComponent(id)}.json`);
    expect(docIdOf("")).toBeNull();
    expect(docIdOf("?doc=")).toBeNull();
  });

  test("a document file decodes into row objects; an unknown format says to rebuild", () => {
    const line_items = {
      n: 3,
      columns: ["doc_id", "table_id", "amount_wan"],
      data: [{const: "a"}, {dict: ["公开01表", null], idx: [0, 1, 0]}, [1535.95, null, 0]]
    };
    const detail = decodeDocFile({format: 2, doc_id: "a", data_version: "v", document: {doc_id: "a"}, line_items});
    expect(detail.line_items).toEqual([
      {doc_id: "a", table_id: "公开01表", amount_wan: 1535.95},
      {doc_id: "a", table_id: null, amount_wan: null},
      {doc_id: "a", table_id: "公开01表", amount_wan: 0}
    ]);
    expect(detail.checks).toEqual([]);
    expect(() => decodeDocFile({format: 1})).toThrow(/rebuild the site/);
  });
});
