// A copy of a sample with its entity, region and year changed must give the
// same numbers, codes, columns and lines: nothing is keyed to these samples.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractBytes } from "../../loaders/extract.ts";
import { SAMPLE } from "./helpers.ts";

const RENAMES: Array<[string, Array<[string, string]>]> = [
  [SAMPLE.dazhou2023, [["达州市医疗保障局", "绵阳市卫生健康委员会"], ["达州", "绵阳"], ["四川省", "云南省"], ["2023", "2025"], ["2022", "2024"]]],
  [SAMPLE.sichuan2023budget, [["四川省医疗保障局", "湖南省市场监督管理局"], ["四川省", "湖南省"], ["2023", "2026"], ["2022", "2025"]]],
  [SAMPLE.guizhou2022, [["贵州省医疗保障局", "甘肃省林业和草原局"], ["贵州省", "甘肃省"], ["2022", "2024"], ["2021", "2023"]]],
];

const shape = (rows: Array<Record<string, unknown>>) =>
  rows.map(({ doc_id, source_text, row_label, table_name, ...rest }) => rest);

describe("a sample with another entity, region and year", () => {
  for (const [path, renames] of RENAMES) {
    it(`parses ${path.split("/").pop()} the same way`, () => {
      const original = extractBytes(readFileSync(path), "original.txt");
      let text = readFileSync(path, "utf8");
      for (const [from, to] of renames) text = text.replaceAll(from, to);
      const copy = extractBytes(new TextEncoder().encode(text), "copy.txt");
      expect(copy.document.entity).toContain(renames[0][1]);
      expect(copy.document.year).toBe(Number(renames.find(([f]) => /^20\d\d$/.test(f))![1]));
      expect(copy.document.kind).toBe(original.document.kind);
      expect(copy.tables.map((t) => [t.table_id, t.status, t.rows])).toEqual(original.tables.map((t) => [t.table_id, t.status, t.rows]));
      expect(shape(copy.line_items as never)).toEqual(shape(original.line_items as never));
      expect(copy.line_items.length).toBeGreaterThan(300);
    });
  }
});
