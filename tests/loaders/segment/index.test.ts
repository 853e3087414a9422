// Segmentation of a whole document (segment/index.ts): the standard tables with their printed numbers,
// titles and line spans, the 绩效 blocks, the prose, each on exact lines of sample 004.
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../loaders/ingest/read.ts";
import { segmentDocument, unreadBlocks } from "../../../loaders/segment/index.ts";
import { SAMPLE } from "../helpers.ts";

const doc = readDocument(SAMPLE.guizhou2022);
const seg = segmentDocument(doc, "万元", "final");

describe("segmentDocument on 004 (贵州省医疗保障局（本级） 2022 决算)", () => {
  it("finds the nine standard tables, each titled on its exact line, in document order", () => {
    expect(seg.sections.map((s) => [s.table_id, s.family, s.title_line, s.end_line])).toEqual([
      ["公开01表", "final_summary", 77, 155],
      ["公开02表", "final_income_by_code", 158, 205],
      ["公开03表", "final_expenditure_by_code", 208, 255],
      ["公开04表", "final_fiscal_summary", 258, 390],
      ["公开05表", "final_gpb_by_code", 393, 439],
      ["公开06表", "final_gpb_basic_by_economic", 442, 566],
      ["公开07表", "final_gov_fund", 569, 586],
      ["公开08表", "final_state_capital_expenditure", 589, 602],
      ["公开09表", "final_three_public", 605, 625],
    ]);
    for (const s of seg.sections) expect(doc.lines[s.title_line - 1].trim(), s.table_id).toBe(s.table_name);
    expect(doc.lines[76]).toBe("收入支出决算总表");
    expect(seg.sections.every((s) => s.unit === "万元" && s.unit_stated)).toBe(true);
  });

  it("finds the eight 绩效 blocks after the tables, back to back from line 1097 to 2154", () => {
    expect(seg.performance.map((b) => [b.start, b.end])).toEqual([
      [1097, 1201],
      [1202, 1405],
      [1406, 1494],
      [1495, 1630],
      [1631, 1834],
      [1835, 1941],
      [1942, 2055],
      [2056, 2154],
    ]);
  });

  it("keeps the prose outside every table: it opens with 第一部分 and the entity's 概况", () => {
    expect(seg.prose.slice(0, 3)).toEqual([
      { kind: "heading", level: 0, text: "第一部分", line: 1 },
      { kind: "text", text: "贵州省医疗保障局（本级）概况", line: 3 },
      { kind: "heading", level: 1, text: "一、部门职责", line: 4 },
    ]);
    const inside = (n: number) => seg.sections.some((s) => n >= s.start_line && n <= s.end_line) || seg.performance.some((b) => n >= b.start && n <= b.end);
    // a table interrupts the prose with a break on its first line; no text or heading lies inside one
    expect(seg.prose.filter((p) => p.kind === "break").map((p) => p.line).slice(0, 2)).toEqual([77, 158]);
    expect(seg.prose.filter((p) => p.kind !== "break" && inside(p.line))).toEqual([]);
  });

  it("leaves no table-like block unread", () => {
    expect(seg.tableLike.length).toBeGreaterThan(0);
    expect(unreadBlocks(seg)).toEqual([]);
  });
});
