import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decode, IngestError, splitLines } from "../../../loaders/ingest/decode.ts";
import { fromBytes, readDocument } from "../../../loaders/ingest/read.ts";
import { SAMPLE } from "../helpers.ts";
import { gbEncode } from "../mutations.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

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

  it("keeps every line of UTF-8 with a bad byte, naming the line of each", () => {
    const bytes = utf8("第一行收入支出决算总体情况说明\n第二行 收入\n第三行\r\n第四行 支出");
    bytes[bytes.indexOf(0x20)] = 0xff; // the space on line 2
    bytes[bytes.length - 6] = 0x80; // 支's lead byte on line 4: its two continuation bytes are stray too
    const d = decode(bytes, "bad.txt");
    expect(d.encoding).toBe("utf-8");
    expect(d.text.split(/\r?\n/)).toEqual(["第一行收入支出决算总体情况说明", "第二行\ufffd收入", "第三行", "第四行 \ufffd\ufffd\ufffd出"]);
    expect(d.warnings).toEqual([
      "bad.txt:2: 1 invalid UTF-8 byte sequence(s) replaced by U+FFFD",
      "bad.txt:4: 3 invalid UTF-8 byte sequence(s) replaced by U+FFFD",
    ]);
  });

  it("still tells GBK from UTF-8 with bad bytes", () => {
    const gb = gbEncode("一般公共预算财政拨款收入 5,634.18\n项目支出 1.00");
    expect(decode(gb, "g.txt")).toMatchObject({ encoding: "gb18030", warnings: [] });
  });

  it("reads UTF-8 after a stray UTF-16 mark as UTF-8, and real UTF-16 as UTF-16", () => {
    for (const [mark, name] of [[[0xff, 0xfe], "FF FE"], [[0xfe, 0xff], "FE FF"]] as const) {
      const d = decode(new Uint8Array([...mark, ...utf8("收入 1.00\n支出 2.00")]), "m.txt");
      expect(d).toEqual({ text: "收入 1.00\n支出 2.00", encoding: "utf-8", warnings: [`m.txt:1: stray ${name} (a UTF-16 byte-order mark) before 8-bit text: ignored`] });
    }
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...("收入 1.00\n支出")].map((c) => c.charCodeAt(0))).buffer)]);
    expect(decode(le, "u.txt")).toEqual({ text: "收入 1.00\n支出", encoding: "utf-16le", warnings: [] });
  });

  it("looks for NUL bytes in the whole file: a few are replaced and named, many make it binary", () => {
    const text = "收入 1.00\n".repeat(10_000); // 12 bytes a line
    const late = utf8(text);
    late[100_042] = 0; // 100,042 = 12 × 8,336 + 10: the last 0 of line 8,337
    const d = decode(late, "late.txt");
    expect(d.warnings).toEqual(["late.txt:8337: 1 NUL byte(s) replaced by U+FFFD"]);
    expect(d.text.split("\n")[8336]).toBe("收入 1.0\ufffd");
    const binary = new Uint8Array([...utf8(text), ...new Uint8Array(2_000)]);
    expect(() => decode(binary, "bin.txt")).toThrow("bin.txt: binary content (NUL or control bytes), not a text document");
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
