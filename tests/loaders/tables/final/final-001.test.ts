import { describe, expect, it } from "vitest";
import { DOC_001, find, parseDocument, rowCount } from "./helpers.ts";

const p = parseDocument(DOC_001);
const t = (id: string) => {
  const r = p.parses.get(id);
  if (!r) throw new Error(`no parse for ${id}`);
  return r;
};

describe("001 达州 财决公开01–13表", () => {
  it("finds the 13 standard tables with their row counts", () => {
    const counts = Object.fromEntries(p.sections.map((s) => [s.table_id, rowCount(t(s.table_id))]));
    expect(counts).toEqual({
      财决公开01表: 11, 财决公开02表: 22, 财决公开03表: 22, 财决公开04表: 8, 财决公开05表: 34, 财决公开06表: 22,
      财决公开07表: 22, 财决公开08表: 31, 财决公开09表: 8, 财决公开10表: 0, 财决公开11表: 0, 财决公开12表: 0, 财决公开13表: 1,
    });
  });

  it("01表: each printed number of the two-sided 总表 is one item", () => {
    const r = t("财决公开01表");
    const total = find(r, { measure: "grand_total" });
    expect(total.map((i) => [i.side, i.value, i.source_line, i.line_no])).toEqual([
      ["income", 1358.87, 10796, 31],
      ["expenditure", 1358.87, 10796, 62],
    ]);
    expect(find(r, { measure: "other_income" })[0]).toMatchObject({ value: 160.44, source_line: 10752, line_no: 8 });
    expect(find(r, { code: "208" })[0]).toMatchObject({ value: 535.29, side: "expenditure", source_line: 10752, line_no: 39 });
    expect(find(r, { measure: "carryover_prior" })[0]).toMatchObject({ value: 0.02, source_line: 10794 });
    expect(r.items.every((i) => !i.inferred)).toBe(true);
  });

  it("02表: the 合计 row is placed by the 总表's income sources", () => {
    const r = t("财决公开02表");
    const root = find(r, { row_label: "合计" });
    expect(root.map((i) => [i.measure, i.value])).toEqual([["total", 1358.87], ["fiscal_appropriation", 1198.41], ["other_income", 160.45]]);
    expect(root.every((i) => i.inferred && i.rule === "shift:total-row:收入支出决算总表" && i.source_line === 10816)).toBe(true);
    // a ≠ b: 30.70 is 财政拨款 (its parent's 财政拨款 38.67 ≈ 30.70 + 7.95), not 其他收入
    expect(find(r, { code: "2101101" }).map((i) => [i.measure, i.value])).toEqual([["total", 30.9], ["fiscal_appropriation", 30.7]]);
  });

  it("03表: shifted row 208 is 合计 535.29 and 基本支出 504.9 (Σ children's 基本), inferred", () => {
    const r = t("财决公开03表");
    const row = find(r, { code: "208" });
    expect(row.map((i) => [i.measure, i.value, i.source_line, i.inferred, i.rule])).toEqual([
      ["total", 535.29, 10880, true, "shift:code-hierarchy"],
      ["basic", 504.9, 10880, true, "shift:code-hierarchy"],
    ]);
    expect(find(r, { code: "2101502" }).map((i) => i.measure)).toEqual(["total", "project"]);
    expect(find(r, { code: "2101501" }).map((i) => [i.measure, i.value])).toEqual([["total", 255.21], ["basic", 255.2]]);
    expect(find(r, { code: "2080101", measure: "basic" })[0]).toMatchObject({ value: 348.66, is_leaf: true });
    expect(find(r, { code: "20801" })[0].is_leaf).toBe(false);
  });

  it("05表: fund groups, 行次 kept as line_no, ambiguous rows left in residue", () => {
    const r = t("财决公开05表");
    expect(find(r, { code: "30201" }).map((i) => [i.measure, i.side, i.value, i.line_no])).toEqual([
      ["total", null, 30.16, 17],
      ["general_public_budget", "一般公共预算财政拨款", 30.16, 17],
      ["basic", "一般公共预算财政拨款", 7.03, 17],
      ["project", "一般公共预算财政拨款", 23.13, 17],
    ]);
    expect(find(r, { code: "30227", measure: "project" })[0]).toMatchObject({ value: 96.35, inferred: true });
    // 手续费 0.01 0.01 0.01: 基本 or 项目 cannot be told
    expect(r.residue.find((x) => x.source_line === 11065)?.reason).toMatch(/^ambiguous columns/);
    expect(r.items.some((i) => i.value === 1 || i.value === 20)).toBe(false); // 行次 never values
  });

  it("07表: wide table keeps the row total, rest to residue", () => {
    const r = t("财决公开07表");
    expect(find(r, { row_label: "合计" })[0]).toMatchObject({ value: 1198.42, source_line: 11629, measure: "total" });
    expect(r.residue.find((x) => x.source_line === 11629)?.reason).toMatch(/^ambiguous columns/);
    // no row is pinned down: a class group's 类 and 款 columns are never told by the identities …
    const reason = (line: number) => r.residue.find((x) => x.source_line === line)?.reason;
    expect(reason(11667)).toBe(
      "ambiguous columns: 2 numbers for the economic columns of a wide table (total placed); they split into 1 class group(s) (小计 = Σ 款), but the identities cannot tell which of the 10 classes each group is nor which 款 column each number is in",
    );
    // … and the 合计 and some 类/款 rows break them as printed (20805: 104.65 ≠ 87.25 + 31.42)
    expect(reason(11639)).toMatch(/do not split into class groups .* \(the printed row breaks the identities\)$/);
    expect(r.items.filter((i) => i.measure !== "total")).toEqual([]);
  });

  it("08表: side-by-side groups on one line", () => {
    const r = t("财决公开08表");
    const a = find(r, { code: "30101" })[0];
    const b = find(r, { code: "30201" })[0];
    expect([a.value, a.source_line, a.side, a.measure]).toEqual([191.5, 11700, "人员经费", "personnel"]);
    expect([b.value, b.source_line, b.side, b.measure]).toEqual([7.03, 11700, "公用经费", "public_expenses"]);
    expect(find(r, { code: "30213" })[0].value).toBe(2);
    expect(find(r, { row_label: "人员经费合计" })[0].value).toBe(793.87);
    expect(find(r, { code: "307" })).toEqual([]);
  });

  it("10–12表: no data, with the note as message", () => {
    for (const id of ["财决公开10表", "财决公开11表", "财决公开12表"]) {
      expect(t(id).status).toBe("no_data");
      expect(t(id).message).toBe("注：本表无数据。");
      expect(t(id).residue.some((x) => x.reason === "no-data note")).toBe(true);
    }
  });

  it("13表: 12 numbers for 24 columns placed by the identities and evidence; 预算数 购置/运行 left ambiguous", () => {
    const r = t("财决公开13表");
    const cells = r.items.map((i) => [i.side, i.measure, i.value, i.source_line]);
    expect(cells).toEqual([
      ["预算数", "three_public_total", 5.17, 11876],
      ["预算数", "vehicles_total", 4.01, 11876],
      ["预算数", "official_reception", 1.16, 11876],
      ["决算数", "three_public_total", 5.17, 11876],
      ["决算数", "vehicles_total", 4.01, 11876],
      ["决算数", "vehicle_operation", 4.01, 11876],
      ["决算数", "official_reception", 1.16, 11876],
      ["决算数·一般公共预算财政拨款", "three_public_total", 5.17, 11876],
      ["决算数·一般公共预算财政拨款", "vehicles_total", 4.01, 11876],
      ["决算数·一般公共预算财政拨款", "vehicle_operation", 4.01, 11876],
      ["决算数·一般公共预算财政拨款", "official_reception", 1.16, 11876],
    ]);
    expect(r.items.every((i) => i.inferred)).toBe(true);
    // the 决算数 group: identities and 其中 ≤ 决算数 leave only the empty group (一般公共 or 政府性基金) open
    expect(find(r, { side: "决算数", measure: "three_public_total" })[0].rule).toBe("three-public:identities+part<=whole");
    // 政府性基金 has no appropriation in 04表, so its group is the empty one
    expect(find(r, { side: "决算数·一般公共预算财政拨款", measure: "official_reception" })[0].rule).toBe(
      "three-public:identities+part<=whole+fund-without-appropriation:财政拨款收入支出决算总表",
    );
    // 31013 公务用车购置 printed empty in 05表: the 4.01 is 运行费
    expect(find(r, { side: "决算数", measure: "vehicle_operation" })[0].rule).toMatch(/\+empty-economic-row:财政拨款支出决算明细表$/);
    expect(find(r, { measure: "vehicle_purchase" })).toEqual([]);
    expect(r.residue.find((x) => x.source_line === 11876)?.reason).toBe(
      "ambiguous columns: 4.01 (number 3) is 预算数 公务用车购置费 or 预算数 公务用车运行维护费",
    );
  });
});
