/** performance_score: a 绩效 table's 总分 = Σ indicator scores (+ the execution score), checked only where every scored row was read. */
import { describe, expect, it } from "vitest";
import { audit } from "../../../../loaders/audit/index.ts";
import { extractFile } from "../../../../loaders/extract.ts";
import { CORPUS, hasCorpus, SAMPLE, SHARED_ABSENT } from "../../helpers.ts";
import { inputOf, of } from "../edited.ts";
import { join } from "node:path";

if (!hasCorpus) console.warn(SHARED_ABSENT);

describe("performance_score", () => {
  // 001, 专项业务类-医疗服务与保障能力提升项目: its 成本指标 prints its values over lines 5020–5032, the scores `10 6` alone on line 5032
  it("a total the read rows fall short of, because a row's scores were not read (001 line 5032), is noted as not checked, not reported as the document's error", () => {
    const c = of(audit(inputOf(SAMPLE.dazhou2023)), "performance_score").filter((x) => x.subject === "专项业务类-医疗服务与保障能力提升项目");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ severity: "info", expected: 80, actual: 86 });
    expect(c[0].source_lines).toContain(5032);
    expect(c[0].message).toContain("未核对：第 5032 行打印的得分未读为指标");
  });
  it("a table read whole is still checked: 000's 医疗保障基金监管工作经费 sums to 98.054 against its printed 98.05 (rounding)", () => {
    const c = of(audit(inputOf(SAMPLE.sichuan2022unit)), "performance_score");
    expect(c.map((x) => [x.severity, x.subject, x.expected, x.actual])).toEqual([["info", "医疗保障基金监管工作经费", 98.054, 98.05]]);
    expect(c[0].message).toContain("在容差 0.16 以内");
  });
  it.skipIf(!hasCorpus)("国家信访局 信访研究宣传立法专项: line 813's `10 9` taken into a name (text) makes a note, not an error", () => {
    const d = extractFile(join(CORPUS, "cn_xfj_2024_dept_final.txt"));
    const c = d.checks.filter((x) => x.rule === "performance_score" && x.subject === "信访研究宣传立法专项");
    expect(c.map((x) => [x.severity, x.expected, x.actual])).toEqual([["info", 85.7, 94.7]]);
  }, 120_000);
});
