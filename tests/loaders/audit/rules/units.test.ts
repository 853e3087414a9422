/** units: the right figure in the wrong unit (元 for 万元, ×10,000). */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { audit, auditWithStats } from "../../../../loaders/audit/index.ts";
import { CORPUS, hasCorpus, SAMPLE } from "../../helpers.ts";
import { editedLines, inputOf, of } from "../edited.ts";

describe("units", () => {
  it("passes 004, every amount in 万元 as its tables are", () => {
    expect(of(audit(inputOf(SAMPLE.guizhou2022)), "units")).toEqual([]);
  });
  it("flags 004's 机关运行经费 printed as 131.50 元 (line 891 edited): the digits of 公开06表's 公用经费合计 131.5 万元", () => {
    const checks = audit(editedLines(SAMPLE.guizhou2022, [[891, "131.50万元", "131.50元"]]));
    const c = of(checks, "units");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "error", family: "units", expected: 131.5, actual: 0.01315, table_ids: ["公开06表"] });
    expect(c[0].source_lines).toEqual([564, 891]);
  });
  it("flags a prose figure 10,000 times its table figure (004 line 891 edited: 131.50 → 1,315,000.00 万元) once, not also under prose_tables", () => {
    const checks = audit(editedLines(SAMPLE.guizhou2022, [[891, "131.50万元", "1,315,000.00万元"]]));
    const c = of(checks, "units");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "error", expected: 131.5, actual: 1315000, source_lines: [564, 891] });
    expect(of(checks, "prose_tables").filter((x) => x.source_lines.includes(891))).toEqual([]);
  });
  it.skipIf(!hasCorpus)("flags 长春市信访局 line 460: 预算支出 1682.76元 among 万元 figures (预算收入 1682.76万元 on line 459)", () => {
    const { checks } = auditWithStats(inputOf(join(CORPUS, "jl_cc_xfj_2026_dept_budget.txt")));
    const c = of(checks, "units");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "error", subject: "预算支出", expected: 1682.76, source_lines: [459, 460] });
    // prose_parts no longer reads it as parts exceeding their whole
    expect(of(checks, "prose_parts").filter((x) => x.source_lines.includes(460))).toEqual([]);
  }, 60_000);
  it.skipIf(!hasCorpus)("flags 深圳市生态环境局 line 206: 污染防治项目 18,686.86 元 whose first listed part is 3,953.30 万元", () => {
    const c = of(audit(inputOf(join(CORPUS, "gd_sz_sthjj_2026_dept_budget.txt"))), "units");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "error", subject: "污染防治项目", expected: 18686.86, source_lines: [206, 207] });
  }, 60_000);
});
