// 长春 (../shared/corpus/jl_cc_xfj_2026_dept_budget.txt): 预算表 5 printed in cells too narrow for its amounts,
// so the text puts each amount's head on the line above its row and its tail on the line below
// (`1682.7   1682.7   1208.2   0.0   0.0` / `总计： 997.20 …` / `6   6   0 0   0`). Joined only where the
// table's arithmetic proves it (tables/budget/split-amounts.ts).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coverageOf } from "../../loaders/coverage.ts";
import { readDocument } from "../../loaders/ingest/read.ts";
import { corpusDocument, valuesOnLine } from "./corpus-document.ts";
import { CORPUS, hasCorpus, SHARED_ABSENT } from "./helpers.ts";
import { parseDoc } from "./tables/budget/parse-doc.ts";

if (!hasCorpus) console.warn(SHARED_ABSENT);

const cc = corpusDocument("jl_cc_xfj_2026_dept_budget.txt");
/** column label → value of the items of one line. */
const line = (n: number) => valuesOnLine(cc(), n, "column_label");
const residueAt = (n: number) => cc().residue.find((r) => r.source_line === n)?.reason;
/** The row's columns as 预算表 5 prints them: 合计, 当年预算 (小计, 基本支出, 人员经费, 公用经费, 项目支出), 上年结转结余 (all 0 here). */
const row = (total: number, current: [number, number, number, number, number]) => ({
  合计: total,
  ...Object.fromEntries(
    ["小计", "基本支出", "人员经费", "公用经费", "项目支出"].flatMap((k, j) => [
      [`当年预算/${k}`, current[j]],
      [`上年结转结余/${k}`, 0],
    ]),
  ),
});

describe.skipIf(!hasCorpus)("长春 预算表 5: amounts wrapped in narrow cells", () => {
  it("the 总计 row (line 186, `总计：`) gets its five wrapped amounts: 1682.76 = 1208.20 + 474.56, 1208.20 = 997.20 + 211.00", () => {
    expect(line(186)).toEqual(row(1682.76, [1682.76, 1208.2, 997.2, 211, 474.56]));
    const total = cc().line_items.find((i) => i.source_line === 186 && i.column_label === "合计");
    expect(total?.rule).toMatch(/joined: 1682\.7 \(line 185\) \+ 6 \(line 187\)/);
    expect(residueAt(185)).toBe("amounts wrapped in narrow cells: joined into the row of line 186");
    expect(residueAt(187)).toBe("amounts wrapped in narrow cells: joined into the row of line 186");
  }, 60_000);
  it("201 一般公共服务支出 (line 189): 1378.4 / 1 → 1378.41 in 合计 and 当年预算/小计, 903.85 its 基本支出", () => {
    expect(line(189)).toEqual(row(1378.41, [1378.41, 903.85, 692.85, 211, 474.56]));
  }, 60_000);
  it("208 社会保障和就业支出 (line 204): its fourth 178.42 is 人员经费, not 公用经费, by the 总计 row's column sums", () => {
    // 人员经费: 997.20 = 692.85 + 178.42 + 32.65 + 93.27; 公用经费: 211.00 is all 201's
    expect(line(204)).toEqual(row(178.42, [178.42, 178.42, 178.42, 0, 0]));
  }, 60_000);
  it("the table is read whole (ok, 16 rows, 176 numbers, as from the PDF) and the document's coverage is at least 95 %", () => {
    const t = cc().tables.find((x) => x.family === "budget_gpb_by_code");
    expect([t?.start_line, t?.end_line, t?.status, t?.numbers]).toEqual([173, 233, "ok", 176]);
    const c = coverageOf(cc());
    expect(c.unplaced.filter((u) => u.line >= 173 && u.line <= 233)).toEqual([]);
    expect(c.placed / c.printed).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
  it("a join the arithmetic does not prove is not made: with 1682.79 for the second 1682.76, the 总计 row and its fragments stay in residue", () => {
    const doc = readDocument(join(CORPUS, "jl_cc_xfj_2026_dept_budget.txt"));
    const lines = doc.lines.map((l, k) => (k + 1 === 187 ? l.replace(/^6 {3}6/, "6   9") : l));
    const p = parseDoc({ ...doc, lines });
    const parse = p.byFamily.get("budget_gpb_by_code")!.parse;
    expect(parse.items.filter((i) => i.source_line === 186)).toEqual([]);
    for (const n of [185, 186, 187]) expect(parse.residue.find((r) => r.source_line === n)?.reason).toMatch(/^no column reading keeps the identities/);
    // the other rows are still read
    expect(parse.items.filter((i) => i.source_line === 189).map((i) => i.value)).toContain(1378.41);
  }, 60_000);
});
