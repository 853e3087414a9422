import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFiles } from "../../loaders/extract.ts";
import { writeOutputs } from "../../loaders/write/outputs.ts";
import { DOCS, SAMPLE } from "./helpers.ts";

describe("bad input", () => {
  it("reports each bad file by name and still processes the others", () => {
    const dir = mkdtempSync(join(tmpdir(), "bad-"));
    writeFileSync(join(dir, "a_empty.txt"), "");
    writeFileSync(join(dir, "b_binary.txt"), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    const good = readFileSync(SAMPLE.guizhou2022);
    writeFileSync(join(dir, "c_truncated.txt"), good.subarray(0, 20001)); // cut mid-table, mid-character
    writeFileSync(join(dir, "d_good.txt"), good);
    const out = extractFiles([dir], { root: dir });
    const byFile = Object.fromEntries(out.documents.map((d) => [d.source_file, d]));
    expect(byFile["a_empty.txt"]).toMatchObject({ status: "error", message: "a_empty.txt: empty file (0 bytes)" });
    expect(byFile["b_binary.txt"].status).toBe("error");
    expect(byFile["b_binary.txt"].message).toMatch(/^b_binary\.txt: binary content/);
    expect(byFile["c_truncated.txt"].status).toBe("partial");
    expect(byFile["c_truncated.txt"].message).toMatch(/^c_truncated\.txt:\d+: file ends in the middle of a UTF-8 character/);
    expect(byFile["d_good.txt"].entity).toBe("贵州省医疗保障局（本级）");
  });

  it("reports a second copy of the same text instead of extracting it twice", () => {
    const dir = mkdtempSync(join(tmpdir(), "dup-"));
    writeFileSync(join(dir, "a.txt"), readFileSync(SAMPLE.guizhou2022));
    writeFileSync(join(dir, "b.txt"), readFileSync(SAMPLE.guizhou2022, "utf8").replace(/\n/g, "\r\n"));
    const out = extractFiles([dir], { root: dir });
    expect(out.documents).toHaveLength(2);
    expect(out.documents[1].status).toBe("partial");
    expect(out.line_items.every((i) => i.doc_id === out.documents[0].doc_id)).toBe(true);
    expect(out.documents[1].message).toBe("b.txt: same text as a.txt; not extracted twice");
  });
});

describe("determinism", () => {
  it("writes byte-identical Arrow and Parquet files on two runs", async () => {
    const a = mkdtempSync(join(tmpdir(), "run-a-"));
    const b = mkdtempSync(join(tmpdir(), "run-b-"));
    await writeOutputs(a, extractFiles([DOCS], { root: DOCS }));
    await writeOutputs(b, extractFiles([DOCS], { root: DOCS }));
    const files = readdirSync(a).sort();
    expect(files).toContain("line_items.parquet");
    expect(files).toContain("line_items.arrow");
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  }, 60_000);

  it("writes byte-identical files whatever the number of DuckDB lanes (loads and writes in another order)", async () => {
    const extraction = extractFiles([DOCS], { root: DOCS });
    const formats = ["parquet", "arrow", "csv", "partitioned"] as const;
    const [one, four] = [mkdtempSync(join(tmpdir(), "lanes-1-")), mkdtempSync(join(tmpdir(), "lanes-4-"))];
    await writeOutputs(one, extraction, { formats, lanes: 1 });
    await writeOutputs(four, extraction, { formats, lanes: 4 });
    const files = (readdirSync(one, { recursive: true }) as string[]).filter((f) => /\.(parquet|arrows?|csv|json)$/.test(f)).sort();
    expect(files).toContain(join("partitioned", "line_items", "province=%E8%B4%B5%E5%B7%9E%E7%9C%81", "year=2022", "data_0.parquet"));
    expect((readdirSync(four, { recursive: true }) as string[]).filter((f) => /\.(parquet|arrows?|csv|json)$/.test(f)).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(four, f)).equals(readFileSync(join(one, f))), f).toBe(true);
  }, 60_000);
});
