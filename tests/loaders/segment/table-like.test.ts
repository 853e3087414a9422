import { describe, expect, it } from "vitest";
import { extractBytes } from "../../../loaders/extract.ts";
import { amountCells, tableLikeBlocks } from "../../../loaders/segment/table-like.ts";
import { extractFile } from "../../../loaders/extract.ts";
import { SAMPLE } from "../helpers.ts";

describe("amount cells", () => {
  it("skips codes before the label, row numbers and amounts followed by their unit", () => {
    expect(amountCells("2010501 行政运行 1,234.50 0.00 12").map((c) => c.value)).toEqual([1234.5, 0]);
    expect(amountCells("总计 31 22,066.59 总计 62 22,066.59").map((c) => c.value)).toEqual([22066.59, 22066.59]);
    expect(amountCells("245002 西安市医疗保障经办服务中心 454472259.1 426680000 0").map((c) => c.value)).toEqual([454472259.1, 426680000, 0]);
    expect(amountCells("收入 48054.42 万元，其中一般公共预算拨款收入 48054.42 万元")).toEqual([]);
  });

  it("skips classification codes printed in code cells, keeps integer amounts in 元", () => {
    const values = (line: string) => amountCells(line).map((c) => c.value);
    // cn_xfj 公开06表 (side-by-side economic codes), line 275 and 297
    expect(values("30101 基本工资 1,857.40 30201 办公费 83.92 30701 国内债务付息")).toEqual([1857.4, 83.92]);
    expect(values("30228 工会经费 133.00 39908")).toEqual([133]);
    // sh_putuo_czj: codes split over 类/款/项 cells, line 143; 类 before its amount, line 292
    expect(values("208 05 05    160.75 160.75")).toEqual([160.75, 160.75]);
    expect(values("301    2,082.85 302    171.07")).toEqual([2082.85, 171.07]);
    // gd_gz 表3: the code line of a wrapped label
    expect(values("2080505    175.83 175.83 0.00 0.00 0.00 0.00")).toEqual([175.83, 175.83, 0, 0, 0, 0]);
    // sn_xa 政府采购预算表: economic codes in 类/款 cells, the amount last
    expect(values("210 15 05 DRGs国家试点工作经费 A020199其他计算机设备及软件 1 310 02 503 06 150000")).toEqual([150000]);
    expect(values("30101 基本工资 50101 工资奖金津补贴 4409294.4 4409294.4 0 0")).toEqual([4409294.4, 4409294.4, 0, 0]);
    // Shanghai 元 tables: an integer amount before the other side's label stays an amount
    expect(values("一、财政拨款收入 12121164 一、一般公共服务支出 0")).toEqual([12121164, 0]);
    expect(values("其他收入 301 二、教育支出 0")).toEqual([301, 0]);
  });
});

describe("table-like blocks", () => {
  it("joins lines with amounts across short gaps (a wrapped label, a page break)", () => {
    const lines = [
      "说明",
      "一、预算拨款 9,433.72 一、一般公共服务支出 8,295.28",
      "二、其他 1.00 二、教育支出 2.00",
      "机关事业单位基本养老保险缴",
      "费支出",
      "=== PAGE 2 ===",
      "三、x 3.00 三、y 4.00",
      "",
      "",
      "",
      "",
      "",
      "四、z 5.00 6.00",
    ];
    expect(tableLikeBlocks(lines)).toEqual([{ start_line: 2, end_line: 7, amount_lines: 3 }]);
  });
});

describe("honest status", () => {
  it("a document whose table-like block gave no standard table is partial, naming the block's first line", () => {
    const text = [
      "某市某局2026年部门预算",
      "一、部门概况",
      "本部门负责某项工作。",
      "某市某局2026年收支一览",
      "收入 支出",
      "一、财政拨款 100.00 一、一般公共服务支出 80.00",
      "二、事业收入 20.00 二、教育支出 40.00",
      "收入总计 120.00 支出总计 120.00",
    ].join("\n");
    const d = extractBytes(new TextEncoder().encode(text), "made.txt");
    expect(d.document.tables_found).toBe(0);
    expect(d.document.status).toBe("partial");
    expect(d.document.message).toContain("made.txt:6: table-like block of 3 lines with amounts not read as a standard table");
  });
  it("a document of prose only stays ok", () => {
    const d = extractBytes(new TextEncoder().encode("某市某局2026年部门预算\n一、部门概况\n2026年收入预算100.00万元，支出预算100.00万元。\n"), "prose.txt");
    expect(d.document.status).toBe("ok");
  });
  it("a document whose table-like blocks print amounts no table or 绩效 row placed is partial, naming the first (000: funding sub-rows without a column)", () => {
    const d = extractFile(SAMPLE.sichuan2022unit, "000.txt");
    expect(d.document.status).toBe("partial");
    // line 579: `0.00 0.00 0.00 0.00% / /`, the 财政专户管理资金 sub-row (no column), its name wrapped around it: in residue as such
    expect(d.document.message).toContain(
      "000.txt:579: 24 of 63 amounts printed in table-like blocks not placed, on 12 line(s) (the first: funding-source sub-row)",
    );
  }, 60_000);
  it("an untrusted table leaves its amounts unplaced: the document is partial (002 表2-1, line 245)", () => {
    const d = extractFile(SAMPLE.sichuan2023budget, "002.txt");
    expect(d.tables.find((t) => t.table_id === "表2-1")?.status).toBe("untrusted");
    expect(d.document.status).toBe("partial");
    expect(d.document.message).toContain("002.txt:245: 443 of 995 amounts printed in table-like blocks not placed, on 80 line(s) (the first: untrusted table)");
  }, 60_000);
});
