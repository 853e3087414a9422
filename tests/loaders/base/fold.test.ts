/** Text folding (loaders/base/fold.ts) on labels as the samples print them. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  joinSpacedHan,
  ordinalOf,
  removeLeadingNumbering,
  removeLevelMarks,
  removeNumbering,
  removeSpaces,
  removeTrailingLevelMark,
  spacelessFullWidth,
} from "../../../loaders/base/fold.ts";

const lines = (name: string) => readFileSync(resolve(import.meta.dirname, "../../../data/documents", name), "utf8").split(/\r?\n/);
const s000 = lines("000_5a3bdc6e974c116b.txt");
const s002 = lines("002_a36e60e200b2c537.txt");

describe("fold", () => {
  it("joins the spaced-out 合 计 of 002 line 126 (a TSV cell)", () => {
    const cell = s002[125].split("\t")[1];
    expect(cell).toBe("合 计");
    expect(removeSpaces(cell)).toBe("合计");
  });

  it("takes the numbering off 000's headings: （一） on line 88, 一、 on line 40, 3. on line 141", () => {
    expect(removeLeadingNumbering(s000[87])).toBe("一般公共预算财政拨款支出决算总体情况");
    expect(removeLeadingNumbering(s000[39])).toBe("收入支出决算总体情况说明");
    expect(removeNumbering(removeSpaces(s000[140]))).toBe("教育支出（类）进修及培训（款）培训支出（项）：支出");
  });

  it("keeps a figure that only looks like numbering (1.5万元)", () => {
    expect(removeNumbering("1.5万元")).toBe("1.5万元");
  });

  it("drops the level marks of 000 line 141, everywhere or only at the end", () => {
    expect(removeLevelMarks(s000[140])).toBe("3.教育支出进修及培训培训支出：支出");
    expect(removeTrailingLevelMark("教育支出（类）")).toBe("教育支出");
    expect(removeTrailingLevelMark("教育支出（类）进修及培训")).toBe("教育支出（类）进修及培训");
  });

  it("reads an ordinal and its outline level in one place (西安 表1 line 416: `(1)一般公共预算拨款`)", () => {
    expect(["二十六、x", "（一）x", "(三)x", "四．x", "1.x", "2、x", "（5）x", "(1)一般公共预算拨款", "1.5万元", "2021年", "x"].map((l) => ordinalOf(l)?.style ?? null)).toEqual([
      "一、", "（一）", "（一）", "一、", "1.", "1.", "（1）", "（1）", null, null, null,
    ]);
    expect([removeNumbering("一、1.财政拨款"), removeLeadingNumbering("  三、 单位资金"), removeLeadingNumbering("(2)商品和服务支出")]).toEqual(["财政拨款", "单位资金", "商品和服务支出"]);
  });

  it("gives half- and full-width brackets one key, and joins Han spaced out by extraction", () => {
    expect(spacelessFullWidth("政府办公厅 (室) 及相关机构事务")).toBe("政府办公厅（室）及相关机构事务");
    expect(joinSpacedHan(" 系 统 正 常 ")).toBe("系统正常");
  });
});
