// 湖州 (../shared/corpus/zj_huz_wjw_2026_dept_budget.txt): tables printed over several pages with their
// title block repeated, 栏次 lines (`** ** 1 2 3 …`), and a 基本支出 printed only over 人员 | 公用.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFile, type DocumentExtraction } from "../../loaders/extract.ts";
import { columnNumbers } from "../../loaders/tables/budget/section-parts.ts";
import { CORPUS, hasCorpus, SHARED_ABSENT } from "./helpers.ts";

if (!hasCorpus) console.warn(SHARED_ABSENT);

let cached: DocumentExtraction | null = null;
const huz = () => (cached ??= extractFile(join(CORPUS, "zj_huz_wjw_2026_dept_budget.txt")));
/** measure → value of the items of one line. */
const line = (n: number) =>
  Object.fromEntries(
    huz()
      .line_items.filter((i) => i.source_line === n)
      .map((i) => [i.measure, i.value]),
  );
const residueAt = (n: number) => huz().residue.find((r) => r.source_line === n)?.reason;

describe("栏次 lines", () => {
  it("number the money columns; a data row is none", () => {
    expect(columnNumbers("** ** 1 2 3 4 5 6 7")).toBe(7);
    expect(columnNumbers("栏次 1 2 3")).toBe(3);
    expect(columnNumbers("** 1 2 3 4 5 6")).toBe(6);
    expect(columnNumbers("2080505 机关事业单位基本养老保险缴费支出 12501.32 12501.32")).toBeNull();
    expect(columnNumbers("** 1 3 4")).toBeNull();
  });
});

describe.skipIf(!hasCorpus)("湖州 tables continued over pages", () => {
  it("表03 over four pages is one table: its title blocks repeated on pages 30–32 are residue, the 栏次 line no row", () => {
    const t = huz().tables.filter((x) => x.table_id === "表03");
    expect(t.map((x) => [x.start_line, x.end_line, x.status])).toEqual([[670, 771, "ok"]]);
    expect(line(678)).toEqual({});
    expect(residueAt(678)).toBe("column numbers (栏次)");
    expect(residueAt(705)).toBe("header repeated on a new page");
  }, 60_000);
  it("表03: 基本支出 over 人员支出 | 公用经费 (7 numbered columns) is no column; 合计 and 项目支出 by the identity", () => {
    // line 679: 合计 515313.35 212605.27 250851.67 51856.41
    expect(line(679)).toEqual({ total: 515313.35, personnel: 212605.27, public_expenses: 250851.67, project: 51856.41 });
    // line 697: 2080502 事业单位离退休 3347.67 3286.39 61.28
    expect(line(697)).toEqual({ total: 3347.67, personnel: 3286.39, public_expenses: 61.28 });
  }, 60_000);
  it("表03: a row of 合计 and one column placed by its parent on the page before (20805 on line 695, 2080506 on line 709)", () => {
    // line 709: 2080506 机关事业单位职业年金缴费支出 6250.66 6250.66 — 20805's 公用经费 67.06 is all its 离退休 rows'
    expect(line(709)).toEqual({ total: 6250.66, personnel: 6250.66 });
    expect(huz().line_items.find((i) => i.source_line === 709 && i.measure === "personnel")?.rule).toMatch(/hierarchy \(20805/);
  }, 60_000);
});
