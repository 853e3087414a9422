// src/components/pivot.ts: standard tables rebuilt from line_items of the real samples.
import {join} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {extractFiles} from "../../loaders/extract.ts";
import {descendants, pivotTable, type LineItem} from "../../src/components/pivot.ts";
import {DEFAULT_DOCUMENTS_DIR} from "../../scripts/doc-ids.ts";

let items: LineItem[] = [];
const table = (doc: string, id: string) => items.filter((i) => i.doc_id === doc && i.table_id === id);

beforeAll(() => {
  const files = ["002_a36e60e200b2c537.txt", "004_3cd6b194bc39a314.txt"].map((f) => join(DEFAULT_DOCUMENTS_DIR, f));
  items = extractFiles(files).line_items as unknown as LineItem[];
}, 60_000);

describe("pivotTable", () => {
  test("004 公开02表 收入决算表: columns as printed, 类 > 款 > 项 depths, values by cell", () => {
    const pivot = pivotTable(table("dcf8d1ae580c8", "公开02表"));
    expect(pivot.columns).toEqual(["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]);
    expect(pivot.sided).toBe(false);
    expect(pivot.sides).toBeNull();
    expect(pivot.rows).toHaveLength(18);
    const total = pivot.rows[0];
    expect(total.label).toBe("合计");
    expect(total.cells.get("本年收入合计")?.value).toBe(5634.18);
    const byCode = new Map(pivot.rows.map((r) => [r.code, r]));
    expect(byCode.get("208")).toMatchObject({depth: 0, hasChildren: true});
    expect(byCode.get("20805")).toMatchObject({depth: 1, hasChildren: true});
    expect(byCode.get("2080505")).toMatchObject({depth: 2, hasChildren: false, lines: [175]});
    expect(byCode.get("208")?.cells.get("本年收入合计")?.amount_wan).toBe(1535.95);
    const below = descendants(pivot.rows, pivot.rows.indexOf(byCode.get("208")!)).map((i) => pivot.rows[i].code);
    expect(below).toEqual(expect.arrayContaining(["20805", "2080505", "2080506", "20899"]));
    expect(below.every((code) => code?.startsWith("208"))).toBe(true);
  });

  test("004 公开06表 基本支出: one side per row (人员经费 / 公用经费) → sided", () => {
    const pivot = pivotTable(table("dcf8d1ae580c8", "公开06表"));
    expect(pivot.sided).toBe(true);
    expect(pivot.columns).toEqual(["金额"]);
    expect(pivot.rows.find((r) => r.code === "301")).toMatchObject({side: "人员经费", depth: 0});
    expect(pivot.rows.find((r) => r.label === "公用经费合计")?.cells.get("金额")?.value).toBe(131.5);
  });

  test("004 公开09表 三公: one row, 预算数 and 决算数 columns kept apart", () => {
    const pivot = pivotTable(table("dcf8d1ae580c8", "公开09表"));
    expect(pivot.rows).toHaveLength(1);
    expect(pivot.columns).toContain("预算数 合计");
    expect(pivot.columns).toContain("决算数 合计");
    expect(pivot.rows[0].cells.get("决算数 公务接待费")?.value).toBe(1.17);
  });

  test("002 表1 部门收支总表: income and expenditure printed on one line → two sides with their own labels", () => {
    const pivot = pivotTable(table("d81ce88aeaf3a", "表1"));
    expect(pivot.sides).toEqual(["income", "expenditure"]);
    const income = pivotTable(table("d81ce88aeaf3a", "表1").filter((i) => i.side === "income"));
    expect(income.rows[0].label).toBe("一、一般公共预算拨款收入");
    expect(income.rows[0].cells.get("预算数")?.value).toBe(14842.01);
  });

  test("002 表1-2: rows split by budget unit keep their hierarchy within the unit", () => {
    const pivot = pivotTable(table("d81ce88aeaf3a", "表1-2"));
    expect(pivot.byUnit).toBe(true);
    expect(pivot.columns).toEqual(["合计", "基本支出", "项目支出"]);
    const rows = pivot.rows.filter((r) => r.code === "2101501");
    expect(new Set(rows.map((r) => r.unit_code)).size).toBe(rows.length);
  });
});
