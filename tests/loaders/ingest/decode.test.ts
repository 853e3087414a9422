import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decode, IngestError, splitLines } from "../../../loaders/ingest/decode.ts";
import { fromBytes, readDocument } from "../../../loaders/ingest/read.ts";
import { SAMPLE } from "../helpers.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

/** GB18030-encode text (Node has no encoder: build it by decoding every 2-byte GBK sequence once). */
function gbEncode(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder("gb18030");
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== "\ufffd" && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

describe("decode", () => {
  it("reads UTF-8 and UTF-8 with BOM", () => {
    expect(decode(utf8("收入 1.00"), "a.txt")).toMatchObject({ text: "收入 1.00", encoding: "utf-8" });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("收入")]);
    expect(decode(bom, "b.txt")).toMatchObject({ text: "收入", encoding: "utf-8-bom" });
  });

  it("falls back to GB18030 for GBK bytes", () => {
    const d = decode(gbEncode("一般公共预算财政拨款收入 5,634.18"), "g.txt");
    expect(d.encoding).toBe("gb18030");
    expect(d.text).toBe("一般公共预算财政拨款收入 5,634.18");
  });

  it("refuses empty and binary files, naming the file", () => {
    expect(() => decode(new Uint8Array(), "empty.txt")).toThrow(/empty\.txt: empty file/);
    expect(() => decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]), "x.zip")).toThrow(IngestError);
    expect(() => decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]), "x.zip")).toThrow(/x\.zip: binary/);
  });

  it("keeps a file cut in the middle of a character and says where", () => {
    const bytes = utf8("第一行\n第二行收入");
    const cut = bytes.subarray(0, bytes.length - 1);
    const d = decode(cut, "cut.txt");
    expect(d.text).toBe("第一行\n第二行收");
    expect(d.warnings[0]).toMatch(/^cut\.txt:2: file ends in the middle of a UTF-8 character/);
  });

  it("splits LF, CRLF and CR lines alike", () => {
    expect(splitLines("a\r\nb\r\n")).toEqual({ lines: ["a", "b"], line_ending: "crlf" });
    expect(splitLines("a\nb")).toEqual({ lines: ["a", "b"], line_ending: "lf" });
    expect(splitLines("a\rb\nc").line_ending).toBe("mixed");
  });
});

describe("readDocument", () => {
  it("gives a GBK + CRLF copy of a sample the same lines and doc_id as the original", () => {
    const original = readDocument(SAMPLE.guizhou2022);
    const text = readFileSync(SAMPLE.guizhou2022, "utf8").replace(/\n/g, "\r\n");
    const copy = fromBytes(gbEncode(text), "copy.txt");
    expect(copy.encoding).toBe("gb18030");
    expect(copy.line_ending).toBe("crlf");
    expect(copy.lines).toEqual(original.lines);
    expect(copy.doc_id).toBe(original.doc_id);
    expect(copy.sha256).not.toBe(original.sha256);
  });

  it("detects the layout of each sample", () => {
    expect(readDocument(SAMPLE.dazhou2023).layout).toBe("text");
    expect(readDocument(SAMPLE.sichuan2023budget).layout).toBe("tsv");
    expect(readDocument(SAMPLE.leshan2021).layout).toBe("markdown");
  });

  it("counts source lines 1-based on the decoded text", () => {
    const doc = readDocument(SAMPLE.sichuan2023budget);
    expect(doc.lines[82 - 1]).toBe("一、一般公共预算拨款收入\t14,842.01\t一、一般公共服务支出\t338.83");
  });
});
