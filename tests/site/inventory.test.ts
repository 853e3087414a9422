// The documents.arrow data loader's inventory (src/data/inventory.ts).
import {execFileSync} from "node:child_process";
import {mkdtempSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {tableFromIPC} from "apache-arrow";
import {describe, expect, test} from "vitest";
import {countLines, detectEncoding, inventory, inventoryIPC} from "../../src/data/inventory.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DOCUMENTS = join(ROOT, "data/documents");

describe("detectEncoding", () => {
  test("BOM, strict UTF-8, otherwise GB18030", () => {
    const text = "部门决算 2023\n";
    expect(detectEncoding(new TextEncoder().encode(text))).toBe("utf-8");
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe("utf-8-bom");
    // 部门 in GBK/GB18030
    expect(detectEncoding(new Uint8Array([0xb2, 0xbf, 0xc3, 0xc5, 0x0a]))).toBe("gb18030");
    expect(detectEncoding(new Uint8Array([]))).toBe("utf-8");
    expect(detectEncoding(new TextEncoder().encode("plain ascii"))).toBe("utf-8");
  });
});

describe("countLines", () => {
  test("counts LF-terminated lines plus an unterminated last line", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(countLines(enc(""))).toBe(0);
    expect(countLines(enc("a"))).toBe(1);
    expect(countLines(enc("a\n"))).toBe(1);
    expect(countLines(enc("a\r\nb\r\n"))).toBe(2);
    expect(countLines(enc("a\nb"))).toBe(2);
  });
});

describe("inventory of data/documents", () => {
  test("one row per .txt file, sorted, with the real sizes", () => {
    const rows = inventory(DOCUMENTS);
    expect(rows.map((r) => r.file)).toEqual([...rows.map((r) => r.file)].sort());
    expect(rows.length).toBe(5);
    for (const row of rows) {
      expect(row.bytes).toBe(statSync(join(DOCUMENTS, row.file)).size);
      expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(rows.find((r) => r.file === "001_a0d178c95672dbf5.txt")?.bytes).toBe(196058);
  });

  test("detects encodings in a mixed folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "inventory-"));
    writeFileSync(join(dir, "b.txt"), new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a]));
    writeFileSync(join(dir, "a.txt"), new Uint8Array([0xb2, 0xbf, 0xc3, 0xc5]));
    writeFileSync(join(dir, "c.txt"), "预算\n");
    writeFileSync(join(dir, "ignored.md"), "x");
    expect(inventory(dir).map((r) => [r.file, r.encoding, r.lines])).toEqual([
      ["a.txt", "gb18030", 1],
      ["b.txt", "utf-8-bom", 1],
      ["c.txt", "utf-8", 1]
    ]);
  });

  test("Arrow IPC stream: plain (non-dictionary) column types, deterministic bytes", () => {
    const bytes = inventoryIPC(DOCUMENTS);
    expect(Buffer.from(inventoryIPC(DOCUMENTS)).equals(Buffer.from(bytes))).toBe(true);
    const table = tableFromIPC(bytes);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      "file:Utf8",
      "bytes:Int32",
      "lines:Int32",
      "sha256:Utf8",
      "encoding:Utf8"
    ]);
    expect(table.numRows).toBe(5);
  });

  test("the loader script writes the same stream to stdout (run with tsx, like Framework)", () => {
    const tsx = join(ROOT, "node_modules/.bin/tsx");
    const out = execFileSync(tsx, [join(ROOT, "src/data/documents.arrow.ts")], {cwd: tmpdir(), maxBuffer: 16 << 20});
    expect(Buffer.from(out).equals(Buffer.from(inventoryIPC(DOCUMENTS)))).toBe(true);
    expect(readFileSync(join(DOCUMENTS, "001_a0d178c95672dbf5.txt")).length).toBe(196058);
  });
});
