import { describe, expect, it } from "vitest";
import { cellTokens, digitsValue, numberProblem, parseNumber } from "../../../loaders/ingest/numbers.ts";
import { findNumbers } from "../../../loaders/prose/tokens.ts";
import { parseValue } from "../../../loaders/performance/values.ts";

describe("numbers: only finite values of a plausible size", () => {
  it("reads amounts up to 15 integer digits, and no further", () => {
    expect(parseNumber("5,634.18")).toBe(5634.18);
    expect(parseNumber("（12.30）")).toBe(-12.3);
    expect(parseNumber("12,345,678,901,234.56")).toBe(12345678901234.56);
    expect(parseNumber("123,456,789,012,345")).toBe(123456789012345);
    expect(parseNumber("9999999999999999")).toBeNull();
    expect(parseNumber("99999999999999999999")).toBeNull();
    expect(parseNumber("1".repeat(1_000_000))).toBeNull();
    expect(parseNumber("-1e308")).toBeNull();
    expect(parseNumber("Infinity")).toBeNull();
    expect(digitsValue("12345678901234567890.12")).toBeNull();
    expect(digitsValue("-0.5")).toBe(-0.5);
  });

  it("says why a line holds a number no amount can be", () => {
    expect(numberProblem("一、一般公共预算财政拨款收入 1 5,634.18 一、一般公共服务支出 32 0.00")).toBeNull();
    expect(numberProblem("统一社会信用代码 915100007118830123")).toBeNull(); // 18 digits: a code, not an amount
    expect(numberProblem("-1e308 370.87 0.01")).toBe("not a finite amount");
    expect(numberProblem("合计 NaN 0.00")).toBe("not a finite amount");
    expect(numberProblem("合计 12345678901234567890.12")).toBe("more digits than any amount");
    expect(numberProblem("合计 1,234,567,890,123,456.00")).toBe("more digits than any amount");
    expect(numberProblem(`收入 ${"9".repeat(150_000)}`)).toBe("more digits than any amount");
  });

  it("marks a prose figure with too many digits or an exponent instead of reading it", () => {
    const [big] = findNumbers("收支总计 12345678901234567890.12万元");
    expect(big).toMatchObject({ printed: "12345678901234567890.12", problem: "more digits than any amount", value: 0 });
    const [exp] = findNumbers("收入 1e308万元");
    expect(exp.problem).toBe("not a finite amount");
    expect(findNumbers("收入 7640.34万元")[0]).toMatchObject({ value: 7640.34, problem: null, unit: "万元" });
  });

  it("gives a 绩效 value with too many digits no number", () => {
    expect(parseValue("≥99999999999999999999万元")).toMatchObject({ operator: "≥", value: null });
    expect(parseValue("≥3400万元")).toMatchObject({ operator: "≥", value: 3400, unit: "万元" });
  });
});

describe("cellTokens: cell borders the extraction lost", () => {
  const texts = (line: string) => cellTokens(line).map((c) => c.text);
  it("splits the amount closing a run of amounts from the text cell glued to it (gd_gz_tjj line 425, 表12's 绩效目标)", () => {
    const line = "统计专项经费 195.19 195.19 195.19 0.00 0.00 0.00 0.00展，为广州在推进中国式现代化中高质量实现老城市新";
    expect(texts(line)).toEqual(["统计专项经费", "195.19", "195.19", "195.19", "0.00", "0.00", "0.00", "0.00", "展，为广州在推进中国式现代化中高质量实现老城市新"]);
    expect(cellTokens(line).filter((c) => c.glued).map((c) => c.text)).toEqual(["展，为广州在推进中国式现代化中高质量实现老城市新"]);
  });
  it("splits a label glued to the amount opening a run of amounts", () => {
    expect(texts("机构运行经费86.37 86.37 0.00")).toEqual(["机构运行经费", "86.37", "86.37", "0.00"]);
  });
  it("keeps an amount with its unit, a year, a lone figure of prose and codes glued to names whole", () => {
    expect(texts("收入预算 9,483.72 552.08万元")).toEqual(["收入预算", "9,483.72", "552.08万元"]);
    expect(texts("比上年增加552.08万 12.5%")).toEqual(["比上年增加552.08万", "12.5%"]);
    expect(texts("广州市统计局2025年- 5.35 5.35")).toEqual(["广州市统计局2025年-", "5.35", "5.35"]);
    expect(texts("合计 1.64其他")).toEqual(["合计", "1.64其他"]); // no amount before it: prose, not a row of cells
    expect(texts("[2010501]行政运行 5.00 5.00")).toEqual(["[2010501]行政运行", "5.00", "5.00"]);
  });
});
