// Columns by position: header cells → column ranges → each number where its
// x-span falls. Real PDFs from ../shared (skipped, visibly, when absent).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractBytes, type DocumentExtraction } from "../../../../loaders/extract.ts";
import { headerCells } from "../../../../loaders/tables/placement/geometry.ts";
import { GEOMETRY_RULE } from "../../../../loaders/tables/placement/index.ts";
import { CORPUS, EXTERNAL, hasCorpus } from "../../helpers.ts";

const span = (text: string, x0: number, x1: number) => ({ text, start: 0, x0, x1 });

describe("headerCells", () => {
  it("drops a header spanning side-by-side cells and joins a header wrapped over lines", () => {
    const cells = headerCells([
      [span("“三公”经费预算数", 316, 424), span("机关运行经费预算", 677, 773)],
      [span("数", 719, 731)],
      [span("合计", 105, 129), span("因公出国(境)费", 176, 260), span("公务接待费", 289, 349)],
      [span("小计", 409, 433), span("购置费", 504, 540)],
    ]);
    expect(cells.map((c) => [c.label, c.x0, c.x1])).toEqual([
      ["合计", 105, 129],
      ["因公出国(境)费", 176, 260],
      ["公务接待费", 289, 349],
      ["小计", 409, 433],
      ["购置费", 504, 540],
      ["机关运行经费预算数", 677, 773],
    ]);
  });

  it("joins the words of one cell (2026 年预算数) but not neighbouring cells", () => {
    const cells = headerCells([[span("项目", 142, 162), span("2026", 378, 398), span("年预算数", 400, 440), span("项目", 656, 676)]]);
    expect(cells.map((c) => c.label)).toEqual(["项目", "2026年预算数", "项目"]);
  });
});

describe.skipIf(!hasCorpus)("real PDFs: numbers placed by their x-span", () => {
  const read = (path: string): DocumentExtraction => extractBytes(new Uint8Array(readFileSync(path)), path.split("/").pop()!);
  const pageOf = (d: DocumentExtraction, line: number) => d.pages.find((p) => p.first_line <= line && line <= p.last_line)?.page;

  it("sh_putuo_sww_2025_dept_budget: the “三公” row the text leaves ambiguous", () => {
    const pdf = read(join(EXTERNAL, "sh_putuo_sww_2025_dept_budget.pdf"));
    const row = pdf.line_items.filter((i) => i.table_name.includes("三公") && i.source_line === 341);
    expect(row.map((i) => [i.column_label, i.value, i.rule, i.inferred])).toEqual([
      ["合计", 1, GEOMETRY_RULE, false],
      ["公务接待费", 1, GEOMETRY_RULE, false],
      ["机关运行经费", 171.01, GEOMETRY_RULE, false],
    ]);
    expect(pageOf(pdf, 341)).toBe(21);
    expect(pdf.document.status).toBe("ok");
    const twin = read(join(EXTERNAL, "sh_putuo_sww_2025_dept_budget.txt"));
    expect(twin.residue.some((r) => r.source_text === "1.00 1.00 171.01" && /ambiguous columns/.test(r.reason))).toBe(true);
    expect(pdf.document.numbers_extracted).toBeGreaterThanOrEqual(twin.document.numbers_extracted);
  }, 60_000);

  it("js_wx_yjzfjd_2026_unit_budget: 支出总表 rows with an empty 项目支出 cell", () => {
    const pdf = read(join(CORPUS, "js_wx_yjzfjd_2026_unit_budget.pdf"));
    const row = pdf.line_items.filter((i) => i.table_id === "公开03表" && i.code === "2080505");
    expect(row.map((i) => [i.measure, i.value, i.source_line, i.rule])).toEqual([
      ["total", 90.04, 145, GEOMETRY_RULE],
      ["basic", 90.04, 145, GEOMETRY_RULE],
    ]);
    expect(pageOf(pdf, 145)).toBe(8);
    const ambiguous = (d: DocumentExtraction) => d.residue.filter((r) => r.table_id === "公开03表" && /ambiguous columns/.test(r.reason));
    expect(ambiguous(pdf)).toEqual([]);
    const twin = read(join(CORPUS, "js_wx_yjzfjd_2026_unit_budget.txt"));
    // the text twin reads these rows from 公开05表's rows of the same 合计 (cross-table), not by position
    expect(ambiguous(twin).length).toBe(0);
    expect(twin.line_items.find((i) => i.table_id === "公开03表" && i.code === "2080505" && i.measure === "basic")?.rule).toMatch(/cross-table/);
    expect(twin.line_items.find((i) => i.table_id === "公开03表" && i.code === "2080505" && i.measure === "basic")?.value).toBe(90.04);
  }, 60_000);

  it("gd_sz_ybj_2026_dept_budget: the 收支总表's 收入总计 and 支出总计 on page 17", () => {
    const pdf = read(join(CORPUS, "gd_sz_ybj_2026_dept_budget.pdf"));
    const totals = pdf.line_items.filter((i) => i.table_id === "表1" && i.source_line === 346);
    expect(totals.map((i) => [i.side, i.row_label, i.value])).toEqual([
      ["income", "收入总计", 15480.26],
      ["expenditure", "支出总计", 15480.26],
    ]);
    expect(pageOf(pdf, 346)).toBe(17);
  }, 60_000);

  it("cn_xfj_2024_dept_final: the 公开09表 “三公” row, columns from the 栏次 line (1 … 12)", () => {
    const pdf = read(join(CORPUS, "cn_xfj_2024_dept_final.pdf"));
    const row = pdf.line_items.filter((i) => i.table_id === "公开09表");
    expect(row.map((i) => [i.side, i.measure, i.value])).toEqual([
      ["预算数", "three_public_total", 76.43],
      ["预算数", "overseas_travel", 30],
      ["预算数", "vehicles_total", 40.63],
      ["预算数", "vehicle_operation", 40.63],
      ["预算数", "official_reception", 5.8],
      ["决算数", "three_public_total", 46.21],
      ["决算数", "overseas_travel", 4.69],
      ["决算数", "vehicles_total", 40.61],
      ["决算数", "vehicle_operation", 40.61],
      ["决算数", "official_reception", 0.9],
    ]);
    expect(new Set(row.map((i) => i.rule))).toEqual(new Set([GEOMETRY_RULE]));
    expect(row.every((i) => i.source_line === 343 && pageOf(pdf, 343) === 15)).toBe(true);
    expect(pdf.residue.filter((r) => r.table_id === "公开09表" && /ambiguous columns/.test(r.reason))).toEqual([]);
  }, 60_000);

  it("sh_putuo_czj_2024_dept_final: 0.95 under 预算数 of 合计 and of 公务接待费 (the prose: 年初预算为0.95万元, 决算为0.00万元)", () => {
    const pdf = read(join(EXTERNAL, "sh_putuo_czj_2024_dept_final.pdf"));
    const row = pdf.line_items.filter((i) => i.table_name.includes("三公"));
    expect(row.map((i) => [i.column_label, i.value, i.source_line, i.rule])).toEqual([
      ["预算数 合计", 0.95, 384, GEOMETRY_RULE],
      ["预算数 公务接待费", 0.95, 384, GEOMETRY_RULE],
    ]);
    expect(pageOf(pdf, 384)).toBe(18);
  }, 60_000);

  it("zj_huz_wjw_2026_dept_budget: columns from the 栏次 line, 单位资金 read as a column, the 栏次 line not a row", () => {
    const pdf = read(join(CORPUS, "zj_huz_wjw_2026_dept_budget.pdf"));
    const at = (line: number) => pdf.line_items.filter((i) => i.source_line === line).map((i) => [i.table_id, i.measure, i.column_label, i.value, i.rule]);
    // 表03 支出预算总表, page 29: 基本支出 spans 人员支出 | 公用经费 and has no column of its own
    expect(at(679)).toEqual([
      ["表03", "total", "合计", 515313.35, GEOMETRY_RULE],
      ["表03", "personnel", "人员经费", 212605.27, GEOMETRY_RULE],
      ["表03", "public_expenses", "公用经费", 250851.67, GEOMETRY_RULE],
      ["表03", "project", "项目支出", 51856.41, GEOMETRY_RULE],
    ]);
    expect(pageOf(pdf, 679)).toBe(29);
    // 表06 基本支出表, page 41: a right-aligned 7.37 under the short centred 合计, not under 人员经费
    expect(at(981)).toEqual([
      ["表06", "total", "合计", 7.37, GEOMETRY_RULE],
      ["表06", "public_expenses", "公用经费", 7.37, GEOMETRY_RULE],
    ]);
    // 表07 “三公”, page 42: 公务接待费 printed after the vehicle columns
    expect(at(997)).toEqual([
      // the text reader names the column (“三公”经费合 / 计 wrapped): 合计, as in every “三公” table
      ["表07", "three_public_total", "合计", 44.5, GEOMETRY_RULE],
      ["表07", "vehicles_total", "公务用车购置及运行费/小计", 38.5, GEOMETRY_RULE],
      ["表07", "vehicle_operation", "运行费", 38.5, GEOMETRY_RULE],
      ["表07", "official_reception", "公务接待费", 6, GEOMETRY_RULE],
    ]);
    // 表10 项目支出, page 45: 单位资金 beside the funds
    expect(at(1048)).toEqual([
      ["表10", "total", "合计", 10202.5, GEOMETRY_RULE],
      ["表10", "general_public_budget", "一般公共预算", 337, GEOMETRY_RULE],
      ["表10", "government_fund", "政府性基金", 6500, GEOMETRY_RULE],
      ["表10", "unit_funds", "单位资金", 3365.5, GEOMETRY_RULE],
    ]);
    expect(pageOf(pdf, 1048)).toBe(45);
    for (const line of [678, 980, 994, 1034]) expect(pdf.residue.find((r) => r.source_line === line)?.reason).toBe("column numbers (栏次)");
    expect(pdf.tables.filter((t) => t.status === "untrusted")).toEqual([]);
    const twin = read(join(CORPUS, "zj_huz_wjw_2026_dept_budget.txt"));
    expect(pdf.document.numbers_extracted).toBeGreaterThanOrEqual(twin.document.numbers_extracted);
  }, 60_000);

  it("js_wx_yjzfjd_2026_unit_budget: 公开09表's header over two number columns is a group (公务用车购置及运行维护费), 会议费 and 培训费 are columns", () => {
    const pdf = read(join(CORPUS, "js_wx_yjzfjd_2026_unit_budget.pdf"));
    const row = pdf.line_items.filter((i) => i.table_id === "公开09表");
    expect(row.map((i) => [i.measure, i.value, i.source_line])).toEqual([
      ["three_public_total", 0, 315],
      ["overseas_travel", 0, 315],
      ["vehicles_total", 0, 315],
      ["vehicle_purchase", 0, 315],
      ["vehicle_operation", 0, 315],
      ["official_reception", 0, 315],
      ["meeting_fees", 0, 315],
      ["training_fees", 0, 315],
    ]);
    expect(pageOf(pdf, 315)).toBe(15);
    expect(pdf.residue.filter((r) => r.table_id === "公开09表" && /ambiguous|no column reading/.test(r.reason))).toEqual([]);
  }, 60_000);

  it("jl_cc_xfj_2026_dept_budget: 表5's amounts wrapped in narrow cells (1378.4 / 1 above and below the row) joined on the row's line, 11 columns", () => {
    const pdf = read(join(CORPUS, "jl_cc_xfj_2026_dept_budget.pdf"));
    expect(pdf.source!.lines[185]).toBe("201 一般公共服务支出 1378.41   1378.41   903.85 692.85 211.00 474.56 0.00   0.00   0.00 0.00 0.00");
    expect(pageOf(pdf, 186)).toBe(10);
    const row = pdf.line_items.filter((i) => i.source_line === 186);
    expect(row.map((i) => [i.code, i.measure, i.column_label, i.value])).toEqual([
      ["201", "total", "合计", 1378.41],
      ["201", "current_year_appropriation", "当年预算/小计", 1378.41],
      ["201", "basic", "当年预算/基本支出", 903.85],
      ["201", "personnel", "当年预算/人员经费", 692.85],
      ["201", "public_expenses", "当年预算/公用经费", 211],
      ["201", "project", "当年预算/项目支出", 474.56],
      ["201", "carryover_prior", "上年结转结余/小计", 0],
      ["201", "basic", "上年结转结余/基本支出", 0],
      ["201", "personnel", "上年结转结余/人员经费", 0],
      ["201", "public_expenses", "上年结转结余/公用经费", 0],
      ["201", "project", "上年结转结余/项目支出", 0],
    ]);
    const table = pdf.tables.find((t) => t.table_id === "一般公共预算支出表")!;
    expect([table.status, table.numbers]).toEqual(["ok", 176]);
    expect(pdf.residue.filter((r) => r.table_id === "一般公共预算支出表" && /ambiguous|no column reading/.test(r.reason))).toEqual([]);
  }, 60_000);

  it("cn_xfj_2024_dept_final: 公开06表's line closing on a code whose name wrapped around it (`… 工会经费 133.00 39908`, page 12): the code stands in the code column", () => {
    const pdf = read(join(CORPUS, "cn_xfj_2024_dept_final.pdf"));
    const row = pdf.line_items.filter((i) => i.source_line === 297);
    expect(row.map((i) => [i.table_id, i.code, i.row_label, i.measure, i.value])).toEqual([["公开06表", "30228", "工会经费", "public_expenses", 133]]);
    expect(pageOf(pdf, 297)).toBe(12);
    expect(pdf.document.status).toBe("ok");
    const twin = read(join(CORPUS, "cn_xfj_2024_dept_final.txt"));
    expect(twin.residue.find((r) => r.source_text.endsWith("133.00 39908"))?.reason).toBe("ambiguous columns: economic rows split over lines");
  }, 60_000);

  it("gd_sz_sthjj_2026_dept_budget: 138,907.2 / 4 in a narrow 合计 cell is 138,907.24, on the unit's row of page 150", () => {
    const pdf = read(join(CORPUS, "gd_sz_sthjj_2026_dept_budget.pdf"));
    const total = pdf.line_items.find((i) => i.source_line === 4562 && i.measure === "total")!;
    expect([total.table_id, total.row_label, total.value]).toEqual(["表5", "深圳市生态环境局", 138907.24]);
    expect(total.source_text).toContain("深圳市生态环境局 138,907.24   104,340.46");
    expect(pageOf(pdf, 4562)).toBe(150);
    expect(pdf.document.status).toBe("ok");
  }, 120_000);
});

describe.skipIf(!hasCorpus)("real PDFs: a new numbered title ends the table before it", () => {
  const read = (path: string): DocumentExtraction => extractBytes(new Uint8Array(readFileSync(path)), path.split("/").pop()!);
  // a table printed over several pages is one section a page: the last one
  const section = (d: DocumentExtraction, id: string) => d.tables.filter((t) => t.table_id === id).pop()!;

  it("js_wx_yjzfjd_2026_unit_budget: 公开12表 一般公共预算机关运行经费支出预算表 (page 18) is a table of its own, not rows of 公开11表", () => {
    const pdf = read(join(CORPUS, "js_wx_yjzfjd_2026_unit_budget.pdf"));
    expect([section(pdf, "公开11表").end_line, section(pdf, "公开11表").status]).toEqual([343, "no_data"]);
    const t12 = section(pdf, "公开12表");
    // read by economic code since 81b159d (agency-running-costs.test.ts): its lines 348–353 are placed
    expect([t12.table_name, t12.title_line, t12.status, t12.family]).toEqual(["一般公共预算机关运行经费支出预算表", 345, "ok", "budget_agency_running_costs"]);
    expect(pdf.residue.filter((r) => /ambiguous|no column reading/.test(r.reason))).toEqual([]);
    expect(pdf.document.message).not.toContain("numbers not placed");
  }, 60_000);

  it("zj_huz_wjw_2026_dept_budget: 表10 项目支出 ends before 表11 项目支出绩效表 (page 47), and is ok", () => {
    const pdf = read(join(CORPUS, "zj_huz_wjw_2026_dept_budget.pdf"));
    const t10 = section(pdf, "表10");
    // one table over pages 45–46 (its title block repeated on page 46)
    expect([t10.start_line, t10.end_line, t10.status, t10.numbers]).toEqual([1028, 1091, "ok", 90]);
    expect(pdf.residue.filter((r) => r.source_line >= 1092 && /ambiguous|no column reading/.test(r.reason))).toEqual([]);
  }, 60_000);

  it("jl_cc_xfj_2026_dept_budget: 预算表 10 ends before the 项目支出绩效目标表 (预算表 11, page 16), whose weights (40, 20 …) are no table rows", () => {
    const pdf = read(join(CORPUS, "jl_cc_xfj_2026_dept_budget.pdf"));
    const t10 = section(pdf, "国有资本经营预算支出明细表");
    expect([t10.start_line, t10.end_line, t10.status]).toEqual([316, 329, "no_data"]);
    expect(pdf.source!.lines[329]).toBe("长春市信访局 2026 年项目支出绩效目标表预算表（预算表 11）");
    expect(pdf.residue.filter((r) => r.source_line > 329 && /ambiguous|no column reading/.test(r.reason))).toEqual([]);
  }, 60_000);
});
