import { describe, expect, it } from "vitest";
import { DOC_004, find, parseDocument, rowCount } from "./helpers.ts";

const p = parseDocument(DOC_004);
const t = (id: string) => p.parses.get(id)!;

describe("004 贵州 公开01–09表", () => {
  it("finds the 9 tables with their row counts", () => {
    const counts = Object.fromEntries(p.sections.map((s) => [s.table_id, rowCount(t(s.table_id))]));
    expect(counts).toEqual({ 公开01表: 42, 公开02表: 18, 公开03表: 18, 公开04表: 38, 公开05表: 18, 公开06表: 26, 公开07表: 1, 公开08表: 1, 公开09表: 1 });
  });

  it("01表: 5,634.18 on its line; rows after the page break still parsed", () => {
    const r = t("公开01表");
    expect(find(r, { measure: "general_public_budget" })[0]).toMatchObject({ value: 5634.18, source_line: 87, line_no: 1, side: "income", inferred: false });
    expect(find(r, { code: "232" })[0]).toMatchObject({ value: 0, source_line: 140, line_no: 56 });
    expect(find(r, { measure: "carryover_next" })[0]).toMatchObject({ value: 2389.82, source_line: 148 });
    expect(r.residue.filter((x) => x.reason === "page header repeated").map((x) => x.source_line)).toEqual([134, 136, 138]);
  });

  it("04表: wrapped labels joined, page header block skipped", () => {
    const r = t("公开04表");
    expect(find(r, { row_label: "三、国有资本经营预算财政拨款收入" })[0]).toMatchObject({ value: 0, source_line: 296, line_no: 3, measure: "state_capital" });
    const r224 = find(r, { code: "224" });
    expect(r224.map((i) => [i.row_label, i.source_line, i.line_no])[0]).toEqual(["二十二、灾害防治及应急管理支出", 364, 54]);
    expect(r224).toHaveLength(4);
    expect(find(r, { row_label: "一般公共预算财政拨款", measure: "carryover_prior" })[0]).toMatchObject({ value: 5048.61, source_line: 382 });
    expect(r.residue.filter((x) => x.reason === "page header repeated").length).toBeGreaterThanOrEqual(10);
    expect(r.residue.find((x) => x.source_line === 293)?.reason).toBe("label continues on next line");
  });

  it("02/03/05表: full rows, no inference", () => {
    const r = t("公开03表");
    expect(find(r, { code: "2101504" }).map((i) => [i.measure, i.value])).toEqual([
      ["total", 4825.77], ["basic", 0], ["project", 4825.77], ["remit_to_superior", 0], ["operating_expenditure", 0], ["subsidy_to_subordinate", 0],
    ]);
    expect(t("公开05表").items.every((i) => !i.inferred)).toBe(true);
    expect(find(t("公开02表"), { row_label: "合计", measure: "fiscal_appropriation" })[0].value).toBe(5634.18);
  });

  it("06表: basic expenditure continues across page breaks", () => {
    const r = t("公开06表");
    expect(find(r, { code: "30239" })[0]).toMatchObject({ value: 54.26, source_line: 503, side: "公用经费" });
    expect(find(r, { code: "310" })[0]).toMatchObject({ value: 4.7, measure: "public_expenses" });
    expect(find(r, { row_label: "公用经费合计" })[0]).toMatchObject({ value: 131.5, source_line: 564 });
    expect(r.residue.filter((x) => x.reason === "page header repeated").map((x) => x.source_line)).toEqual([499, 501, 560, 562]);
  });

  it("07/08表 no data; 09表 三公 twelve columns", () => {
    expect(t("公开07表").status).toBe("no_data");
    expect(t("公开08表").message).toMatch(/故本表无数据/);
    const r = t("公开09表");
    expect(r.items).toHaveLength(12);
    expect(find(r, { side: "决算数", measure: "vehicle_operation" })[0]).toMatchObject({ value: 3.57, source_line: 622 });
    expect(find(r, { side: "预算数", measure: "three_public_total" })[0].value).toBe(4.74);
  });
});
