/**
 * Damaged copies of the samples (issue 10): one corrupt byte, a stray
 * UTF-16 mark, a NUL past the first 64 KiB. Each is read whole, with the
 * exact status and message; nothing else changes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractBytes, extractFiles } from "../../../loaders/extract.ts";
import { SAMPLE } from "../helpers.ts";
import { gbEncode } from "../mutations.ts";

const guizhou = new Uint8Array(readFileSync(SAMPLE.guizhou2022));
const original = extractBytes(guizhou, "guizhou.txt");

describe("a damaged document is read, not thrown away", () => {
  it("one corrupt byte in valid UTF-8: every line kept, the line named, status partial", () => {
    const bytes = guizhou.slice();
    expect(bytes[24856]).toBe(0x20); // the space opening line 840 ( 2022年度“三公”经费财政拨款支出预算为4.74万元，支出)
    bytes[24856] = 0xff;
    const d = extractBytes(bytes, "guizhou.txt");
    expect(d.document).toMatchObject({ status: "partial", encoding: "utf-8", line_count: original.document.line_count, message: "guizhou.txt:840: 1 invalid UTF-8 byte sequence(s) replaced by U+FFFD" });
    expect(d.source!.lines[839]).toBe("\ufffd2022年度“三公”经费财政拨款支出预算为4.74万元，支出");
    expect(d.line_items).toHaveLength(original.line_items.length);
    const fact = d.narrative_facts.find((f) => f.source_line === 840)!;
    expect(fact).toMatchObject({ value: 4.74, unit: "万元", amount_wan: 4.74 });
  });

  it("a stray FF FE before UTF-8 text: read as UTF-8, same doc_id and figures, status partial", () => {
    const d = extractBytes(new Uint8Array([0xff, 0xfe, ...guizhou]), "bom.txt");
    expect(d.document).toMatchObject({
      status: "partial",
      encoding: "utf-8",
      doc_id: original.document.doc_id,
      entity: "贵州省医疗保障局（本级）",
      message: "bom.txt:1: stray FF FE (a UTF-16 byte-order mark) before 8-bit text: ignored",
    });
    expect(d.line_items).toEqual(original.line_items);
  });

  it("a NUL at byte 100,042 (past the first 64 KiB) is found and named", () => {
    const dazhou = readFileSync(SAMPLE.dazhou2023);
    const bytes = new Uint8Array(dazhou.length + 1);
    bytes.set(dazhou.subarray(0, 100_042));
    bytes.set(dazhou.subarray(100_042), 100_043); // byte 100,042 is the NUL, opening the blank line 5677
    const d = extractBytes(bytes, "dazhou.txt");
    expect(d.document.status).toBe("partial");
    expect(d.document.message.split("\n")).toEqual([
      "dazhou.txt:5677: 1 NUL byte(s) replaced by U+FFFD",
      "dazhou.txt:11013: 财决公开05表 partial: 1 row(s) not fully placed",
      "dazhou.txt:11312: 财决公开07表 partial: 22 row(s) not fully placed",
      "dazhou.txt:11838: 财决公开13表 partial: 1 line(s) with vanished cells not placed",
    ]);
    expect(d.source!.lines[5676]).toBe("\ufffd");
  });
});

describe("a garbled number sends its line to the residue with the reason", () => {
  it("-1e308 in a 部门整体 table: no -Infinity budget, `not a finite amount` (001 line 1980)", () => {
    const lines = readFileSync(SAMPLE.dazhou2023, "utf8").split("\n");
    expect(lines[1979]).toBe("370.87 370.87 0.01");
    lines[1979] = "-1e308 370.87 0.01";
    const d = extractBytes(new TextEncoder().encode(lines.join("\n")), "dazhou.txt");
    const overall = d.performance_projects.find((p) => p.project_name === "部门整体" && p.source_line === 1965)!;
    expect(overall).toMatchObject({ budget_wan: null, amount_wan: null });
    expect(d.residue.filter((r) => r.source_line === 1980)).toEqual([
      { doc_id: d.document.doc_id, table_id: "绩效:部门整体", source_line: 1980, source_text: "-1e308 370.87 0.01", reason: "not a finite amount" },
    ]);
  });

  it("20 digits in a table cell: no line item from that line, `more digits than any amount` (004 line 87)", () => {
    const text = new TextDecoder().decode(guizhou).replace("收入 1 5,634.18 一、", "收入 1 99999999999999999999 一、");
    const d = extractBytes(new TextEncoder().encode(text), "guizhou.txt");
    expect(original.line_items.filter((i) => i.source_line === 87).map((i) => i.value)).toEqual([5634.18, 0]);
    expect(d.line_items.filter((i) => i.source_line === 87)).toEqual([]);
    expect(d.residue.filter((r) => r.source_line === 87).map((r) => [r.table_id, r.reason])).toEqual([["公开01表", "more digits than any amount"]]);
    expect(d.document).toMatchObject({ status: "partial", message: "guizhou.txt:77: 公开01表 partial: 1 line(s) not placed; 1 line(s) with a number that cannot be an amount" });
  });

  it("a 20-digit prose figure: no fact, `more digits than any amount` (000 line 42)", () => {
    const text = readFileSync(SAMPLE.sichuan2022unit, "utf8");
    const before = extractBytes(new TextEncoder().encode(text), "s.txt");
    expect(before.narrative_facts.filter((f) => f.source_line === 42).map((f) => [f.subject, f.value])).toEqual([["收支总计", 7640.34]]);
    const d = extractBytes(new TextEncoder().encode(text.replace("7640.34万元。", "12345678901234567890.12万元。")), "s.txt");
    expect(d.narrative_facts.filter((f) => f.source_line === 42)).toEqual([]);
    expect(d.residue.filter((r) => r.source_line === 42).map((r) => r.reason)).toEqual(["more digits than any amount"]);
  });
});

describe("of two copies of one text, the cleaner is extracted", () => {
  it("whichever sorts first, and says which copy is the duplicate", () => {
    const dir = mkdtempSync(join(tmpdir(), "copies-"));
    writeFileSync(join(dir, "a_bom.txt"), new Uint8Array([0xff, 0xfe, ...guizhou]));
    writeFileSync(join(dir, "b_gbk.txt"), gbEncode(new TextDecoder().decode(guizhou)));
    writeFileSync(join(dir, "c_original.txt"), guizhou);
    const out = extractFiles([dir], { root: dir });
    const byFile = Object.fromEntries(out.documents.map((d) => [d.source_file, d]));
    expect(byFile["c_original.txt"]).toMatchObject({ status: "ok", doc_id: original.document.doc_id, encoding: "utf-8", message: "" });
    expect(byFile["a_bom.txt"]).toMatchObject({
      status: "partial",
      doc_id: `${original.document.doc_id}-dup0`,
      message: "a_bom.txt: same text as c_original.txt, the cleaner copy (ok rather than partial); not extracted twice",
    });
    expect(byFile["b_gbk.txt"]).toMatchObject({
      status: "partial",
      doc_id: `${original.document.doc_id}-dup1`,
      message: "b_gbk.txt: same text as c_original.txt, the cleaner copy (utf-8 rather than gb18030); not extracted twice",
    });
    expect(out.line_items).toHaveLength(original.line_items.length);
    expect(out.line_items.every((i) => i.doc_id === original.document.doc_id)).toBe(true);
  });
});
