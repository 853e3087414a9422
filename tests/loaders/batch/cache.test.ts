// The extraction cache's entry: one file `<key>.blocks`, its JSON header line then the
// blocks; a hit hands out where each block is (offsets), and anything but a whole entry
// (cut short, grown, missing, a header that is not JSON) is a miss, never wrong rows.
import { appendFileSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ExtractionCache } from "../../../loaders/batch/cache.ts";
import { readBlock } from "../../../loaders/write/spool.ts";

const blocks = [Buffer.from("一,二\n"), Buffer.alloc(0), Buffer.from('3.14,"引号"""\n')];
const header = { document: { doc_id: "d1", 单位: "万元" }, hasText: true };

function filled() {
  const dir = mkdtempSync(join(tmpdir(), "cache-"));
  const cache = new ExtractionCache(dir);
  const refs = cache.put("k1", header, blocks);
  return { dir, cache, refs, file: join(dir, "k1.blocks") };
}

describe("batch/cache.ts", () => {
  it("gives back the header and every block where put() said it is, an empty block as null", () => {
    const { cache, refs, file } = filled();
    expect(readFileSync(file, "utf8").split("\n")[0]).toBe(JSON.stringify({ ...header, sizes: [8, 0, 16] }));
    const hit = cache.get<typeof header>("k1");
    expect(hit?.header).toEqual(header);
    expect(hit?.files).toEqual(refs);
    expect(hit?.files[1]).toBeNull();
    expect(readBlock(hit!.files[0]!).toString("utf8")).toBe("一,二\n");
    expect(readBlock(hit!.files[2]!).toString("utf8")).toBe('3.14,"引号"""\n');
  });

  it("misses an entry cut short, grown, absent, or with a header that is not JSON", () => {
    const cut = filled();
    truncateSync(cut.file, readFileSync(cut.file).length - 1);
    expect(cut.cache.get("k1")).toBeUndefined();
    const grown = filled();
    appendFileSync(grown.file, "x");
    expect(grown.cache.get("k1")).toBeUndefined();
    expect(grown.cache.get("other")).toBeUndefined();
    const garbled = filled();
    writeFileSync(garbled.file, "{not json\nabc");
    expect(garbled.cache.get("k1")).toBeUndefined();
  });

  it("reads a header longer than the first read (64 KiB)", () => {
    const { cache } = filled();
    const long = { note: "预".repeat(40_000) };
    cache.put("k2", long, blocks);
    expect(cache.get<typeof long>("k2")?.header.note.length).toBe(40_000);
    expect(readBlock(cache.get("k2")!.files[2]!).toString("utf8")).toBe('3.14,"引号"""\n');
  });
});
