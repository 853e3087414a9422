// scripts/doc-ids.ts (the ids the browser tests open /document?doc=<id> with) must
// give exactly the doc_ids of the extraction: same files, same ids, same duplicates.
import {copyFileSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {extractFiles} from "../../loaders/extract.ts";
import {DEFAULT_DOCUMENTS_DIR, docIds} from "../../scripts/doc-ids.ts";

/** The ids the site has pages for: every document with a source text. */
function extractedIds(dir: string): string[] {
  const ids: string[] = [];
  extractFiles([dir], {root: dir, onDocument: (d) => d.source && ids.push(d.document.doc_id)});
  return ids;
}

describe("docIds()", () => {
  const tmp = mkdtempSync(join(tmpdir(), "doc-ids-"));
  afterAll(() => rmSync(tmp, {recursive: true, force: true}));

  test("the sample documents: same ids as the extraction", () => {
    const ids = docIds();
    expect(ids).toEqual(extractedIds(DEFAULT_DOCUMENTS_DIR));
    expect(ids).toEqual(["d798c9225f602", "d91e076bfac0c", "d81ce88aeaf3a", "d69ecb35edef2", "dcf8d1ae580c8"]);
  }, 60_000);

  test("a duplicate, a CRLF copy and an unreadable file", () => {
    const sample = join(DEFAULT_DOCUMENTS_DIR, "003_b4556357f9352ad7.txt");
    copyFileSync(sample, join(tmp, "a.txt"));
    copyFileSync(sample, join(tmp, "b.txt")); // the same text again → -dup1
    writeFileSync(join(tmp, "c.txt"), new Uint8Array([0, 1, 2, 3, 0, 0])); // binary: no page
    writeFileSync(join(tmp, "d.txt"), "2023年某局部门预算\r\n<img src=x onerror=alert(1)>\r\n");
    const ids = docIds(tmp);
    expect(ids).toEqual(extractedIds(tmp));
    expect(ids).toHaveLength(3);
    expect(ids[1]).toBe(`${ids[0]}-dup1`);
  }, 60_000);
});
