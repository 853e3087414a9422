import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isNoDataNote, isPageMarker } from "../../../loaders/document/line-kinds.ts";
import { extractFile } from "../../../loaders/extract.ts";
import { ROOT } from "../helpers.ts";

const SZ_YBJ = join(ROOT, "..", "shared", "corpus", "gd_sz_ybj_2026_dept_budget.txt");
const hasCorpus = existsSync(SZ_YBJ);
if (!hasCorpus) console.warn(`skipped: ${SZ_YBJ} is absent (../shared/corpus is not beside the repository)`);

describe("page markers and no-data notes", () => {
  it("recognises extractor markers and printed page numbers, not amounts", () => {
    expect(isPageMarker("=== PAGE 26 ===")).toBe(true);
    expect(isPageMarker("- 22 -")).toBe(true);
    expect(isPageMarker("第 3 页 共 9 页")).toBe(true);
    expect(isPageMarker("22")).toBe(false);
    expect(isPageMarker("住房改革支出 2,555.31")).toBe(false);
  });

  it("recognises a no-data note with or without 注", () => {
    expect(isNoDataNote("2.本单位2022年度没有国有资本经营预算财政拨款安排的支出，故本表无数据。")).toBe(true);
    expect(isNoDataNote("注：本单位无此项支出。")).toBe(true);
    expect(isNoDataNote("注：本表反映部门本年度取得的各项收入情况。")).toBe(false);
  });

  it.skipIf(!hasCorpus)("a printed page number inside a budget table is not a figure (深圳医保 表6, line 544 `- 22 -`)", () => {
    const d = extractFile(SZ_YBJ);
    expect(d.line_items.filter((i) => i.source_line === 544)).toEqual([]);
    expect(d.residue.find((r) => r.source_line === 544)?.reason).toBe("page marker");
  });
});
