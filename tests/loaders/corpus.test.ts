// Templates the parser was not built on (../shared/corpus): tables found by what their
// titles and headers mean, their 收支总表 totals, metadata and honest status.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coverageOf } from "../../loaders/coverage.ts";
import { extractFile, type DocumentExtraction } from "../../loaders/extract.ts";
import { documentFigures } from "../../loaders/panel/figures.ts";
import type { LineItem } from "../../loaders/schema/types.ts";
import { CORPUS, hasCorpus, SHARED_ABSENT } from "./helpers.ts";

if (!hasCorpus) console.warn(SHARED_ABSENT);

const cache = new Map<string, DocumentExtraction>();
const doc = (name: string) => {
  let d = cache.get(name);
  if (!d) cache.set(name, (d = extractFile(join(CORPUS, `${name}.txt`))));
  return d;
};
const at = (d: DocumentExtraction, line: number, measure: string, side: string | null = null): LineItem => {
  const hit = d.line_items.find((i) => i.source_line === line && i.measure === measure && i.side === side);
  if (!hit) throw new Error(`no ${measure} on line ${line}`);
  return hit;
};

describe.skipIf(!hasCorpus)("templates of other provinces", () => {
  it("广州: 收支总体情况表 (表1, over two pages) gives 收入总计 9,483.72 on line 125", () => {
    const d = doc("gd_gz_tjj_2026_dept_budget");
    const t = at(d, 125, "budget", "income");
    expect([t.table_id, t.row_label, t.value, t.unit]).toEqual(["表1", "收入总计", 9483.72, "万元"]);
    expect(d.tables.find((x) => x.table_id === "表1")?.family).toBe("budget_summary");
  }, 60_000);
  it("广州: the wide by-code form of 表3 places 201 by column (合计 | 基本支出 | 项目支出 | …)", () => {
    const d = doc("gd_gz_tjj_2026_dept_budget");
    expect([at(d, 156, "total").value, at(d, 156, "basic").value, at(d, 156, "project").value, at(d, 156, "subsidy_to_subordinate").value]).toEqual([8295.28, 7263.23, 1032.05, 0]);
    expect(at(d, 156, "total").code).toBe("201");
  }, 60_000);
  it("广州 and 珠海: an amount glued to the 绩效目标 text after it (表12: `… 0.00展，为广州…`) is the row's last cell", () => {
    const gz = doc("gd_gz_tjj_2026_dept_budget");
    // line 425: 统计专项经费 195.19 195.19 195.19 0.00 0.00 0.00 0.00展，为广州在推进…
    const row = gz.line_items.filter((i) => i.source_line === 425);
    expect(row.map((i) => [i.measure, i.value])).toEqual([
      ["total", 195.19], ["fiscal_appropriation", 195.19], ["general_public_budget", 195.19], ["government_fund", 0], ["state_capital", 0], ["fiscal_special_account", 0], ["other_income", 0],
    ]);
    expect([row[0].table_id, row[0].row_label, row[6].source_text.slice(0, 48)]).toEqual(["表12", "统计专项经费", "统计专项经费 195.19 195.19 195.19 0.00 0.00 0.00 0.00展"]);
    // 珠海 line 709: a label before the amounts and the 绩效目标 text glued after them
    const zh = at(doc("gd_zh_swj_2026_dept_budget"), 709, "general_public_budget");
    expect([zh.table_id, zh.value]).toEqual(["表12", 500]);
    expect(at(doc("gd_zh_swj_2026_dept_budget"), 709, "other_income").value).toBe(0);
  }, 60_000);
  it("广州 and 珠海: 表2 收入总体情况表, its header wrapped over seven lines, read in twelve columns in the order of 表1's sources", () => {
    // 珠海 line 157: 合计 66,307.98 46,402.33 0.00 ×6 1.64 0.00 0.00 19,904.01 — 1.64 is 其他收入 (表1 line 116: 五、其他收入 1.64)
    const zh = doc("gd_zh_swj_2026_dept_budget");
    const row = zh.line_items.filter((i) => i.source_line === 157);
    expect(row.map((i) => [i.measure, i.value])).toEqual([
      ["total", 66307.98], ["general_public_budget", 46402.33], ["government_fund", 0], ["state_capital", 0], ["special_account_education", 0], ["special_account_other", 0],
      ["business_income", 0], ["operating_income", 0], ["other_income", 1.64], ["superior_subsidy", 0], ["subordinate_remittance", 0], ["carryover_prior", 19904.01],
    ]);
    expect([row[0].table_id, row[0].row_label, row[11].column_label]).toEqual(["表2", "合计", "上年结转结余"]);
    expect(zh.tables.find((t) => t.table_id === "表2")?.status).toBe("ok");
    // 广州 line 141: 广州市统计局 6,748.28 6,698.28 … 50.00 (其他收入, as 表1 line 95 says) … 0.00
    const gz = doc("gd_gz_tjj_2026_dept_budget");
    expect([at(gz, 141, "total").value, at(gz, 141, "general_public_budget").value, at(gz, 141, "other_income").value, at(gz, 141, "superior_subsidy").value]).toEqual([6748.28, 6698.28, 50, 0]);
    expect(gz.line_items.filter((i) => i.table_id === "表2")).toHaveLength(48);
  }, 60_000);
  it("深圳: a “三公” table crossed by fund (6 measures × 一般公共预算 | 政府性基金 | 国有资本经营) reads 2026 年 on line 659", () => {
    const d = doc("gd_sz_ybj_2026_dept_budget");
    const gpb = (m: string) => at(d, 659, m, "一般公共预算").value;
    expect(["three_public_total", "overseas_travel", "official_reception", "vehicles_total", "vehicle_purchase", "vehicle_operation"].map(gpb)).toEqual([66.04, 34.4, 1.44, 30.2, 0, 30.2]);
    expect(at(d, 659, "three_public_total", "政府性基金预算").value).toBe(0);
    expect(at(d, 658, "overseas_travel", "一般公共预算").row_label).toBe("深圳市医疗保障局（本级） 2025 年");
    expect(d.tables.find((t) => t.table_id === "表9")?.status).toBe("ok");
    expect(d.line_items.filter((i) => i.table_id === "表9")).toHaveLength(54);
    // the panel takes the document's year (2026 年, not 2025 年 or 增减变化金额), its funds summed
    const fig = documentFigures({ document: d.document, tables: d.tables, items: d.line_items, facts: d.narrative_facts }).find((f) => f.measure === "three_public_total" && f.year === 2026);
    expect([fig?.amount_wan, fig?.source_line, fig?.basis]).toEqual([66.04, 659, "sum over funds"]);
  }, 60_000);
  it("国家信访局: 项目绩效自评表 with wrapped headers (一级指 / 标, 年初预 / 算数) read, figures under their own columns", () => {
    const d = doc("cn_xfj_2024_dept_final");
    expect(d.segments?.performance.map((b) => b.title_line)).toEqual([645, 738, 828, 902]);
    const p = (line: number) => d.performance_projects.find((x) => x.source_line === line);
    // line 654: 年度资金总额： 180.61 180.03 180.03 10.0 100.00% 10
    expect([p(647)?.budget_initial, p(647)?.budget_adjusted, p(647)?.executed, p(647)?.weight, p(647)?.execution_rate, p(647)?.score]).toEqual([180.61, 180.03, 180.03, 10, 100, 10]);
    // line 909: 1638.67 1639.34 1032.99 10.0 63.01% 6.3 (年初预 / 全年预算 / 全年执行数 …), no longer shifted by the unread 年初预
    expect([p(904)?.budget_initial, p(904)?.budget_adjusted, p(904)?.executed, p(904)?.execution_rate, p(904)?.score]).toEqual([1638.67, 1639.34, 1032.99, 63.01, 6.3]);
  }, 60_000);
  it("国家信访局: the 自评表's funding sub-rows (其中：财政拨款 | 上年结转 | 其他资金), their names wrapped around the numbers", () => {
    const d = doc("cn_xfj_2024_dept_final");
    const p = (line: number) => d.performance_projects.find((x) => x.source_line === line)!;
    // lines 656 / 659 / 662: 140.61 140.61 140.61 | 40.00 39.42 39.42 | 0.00 0.00 0.00 (年初预算数 | 全年预算数 | 全年执行数)
    const a = p(647);
    expect([a.fiscal_budget_initial, a.fiscal_budget_adjusted, a.fiscal_executed, a.carryover_budget_initial, a.carryover_budget_adjusted, a.carryover_executed, a.other_executed]).toEqual([140.61, 140.61, 140.61, 40, 39.42, 39.42, 0]);
    expect(a.funding_lines).toBe('{"fiscal":656,"carryover":659,"other":662}');
    // line 911: 1357.67 1357.67 751.32; line 914: 281.00 281.67 281.67
    expect([p(904).fiscal_executed, p(904).carryover_budget_initial, p(904).carryover_budget_adjusted]).toEqual([751.32, 281, 281.67]);
    expect(d.residue.some((r) => [656, 659, 662, 911, 914, 917].includes(r.source_line))).toBe(false);
  }, 60_000);
  it("无锡: blank cells of 支出总表 read from 公开05表's rows of the same 合计; a unit row equal to 合计; 栏次 is no row", () => {
    const d = doc("js_wx_yjzfjd_2026_unit_budget");
    // line 143: 208 社会保障和就业支出 135.06 135.06 — 合计 | 基本支出 (公开05表 line 213 prints 135.06 under 基本支出)
    expect([at(d, 143, "total").value, at(d, 143, "basic").value, at(d, 143, "basic").rule]).toEqual([135.06, 135.06, "shift:cross-table (公开05表 prints the row with the same 合计)"]);
    expect(d.line_items.some((i) => i.source_line === 143 && i.measure === "project")).toBe(false);
    // line 131: 328002 1,136.23 ×3 under 无锡市应急管理综合行政 / 执法监督局
    expect([at(d, 131, "general_public_budget").value, at(d, 131, "general_public_budget").unit_code, at(d, 131, "general_public_budget").row_label]).toEqual([1136.23, "328002", "无锡市应急管理综合行政执法监督局"]);
    // line 338: 栏次 1 2 3
    expect(d.line_items.filter((i) => i.source_line === 338)).toEqual([]);
  }, 60_000);
  it("长春: a summary printing 本年预算 | 编制预算 | 上年结转 on each side", () => {
    const d = doc("jl_cc_xfj_2026_dept_budget");
    expect(at(d, 87, "budget", "income").row_label).toBe("收入总计");
    expect(at(d, 87, "budget", "income").value).toBe(1682.76);
    expect(at(d, 87, "carryover_prior", "expenditure").value).toBe(0);
    expect(d.document.entity).toBe("长春市信访局（本级）");
  }, 60_000);
  it("长春: 支出总表 split into 当年预算 and 上年结转结余 groups", () => {
    const d = doc("jl_cc_xfj_2026_dept_budget");
    const basic = d.line_items.filter((i) => i.source_line === 120 && i.measure === "basic").map((i) => [i.column_label, i.value]);
    expect(basic).toEqual([["当年预算/基本支出", 903.85], ["上年结转结余/基本支出", 0]]);
  }, 60_000);
  it("湖州 and 西安: totals of titles the catalogue never listed (2026年市级部门收支预算总表, 2022年部门综合预算收支总表)", () => {
    expect(at(doc("zj_huz_wjw_2026_dept_budget"), 642, "budget", "income").value).toBe(515313.35);
    const xa = at(doc("sn_xa_ybj_2022_dept_budget"), 450, "budget", "income");
    expect([xa.row_label, xa.value, xa.unit]).toEqual(["收入总计", 480544221.62, "元"]);
  }, 60_000);
  it("无锡: the entity from the cover split over three lines and the running header", () => {
    const d = doc("js_wx_yjzfjd_2026_unit_budget");
    expect([d.document.entity, d.document.year, d.document.kind]).toEqual(["无锡市应急管理综合行政执法监督局", 2026, "budget"]);
  }, 60_000);
  it("无锡: 公开09表 “三公”经费合计 | 因公出国 | 公务用车 (小计 购置 运行维护) | 公务接待 | 会议费 | 培训费 reads line 315's eight 0.00; the document is ok", () => {
    const d = doc("js_wx_yjzfjd_2026_unit_budget");
    const row = d.line_items.filter((i) => i.source_line === 315);
    expect(row.map((i) => [i.measure, i.value])).toEqual([
      ["three_public_total", 0],
      ["overseas_travel", 0],
      ["vehicles_total", 0],
      ["vehicle_purchase", 0],
      ["vehicle_operation", 0],
      ["official_reception", 0],
      ["meeting_fees", 0],
      ["training_fees", 0],
    ]);
    expect([row[0].table_id, d.document.status]).toEqual(["公开09表", "ok"]);
  }, 60_000);
  it("无锡 (PDF): 公开13表 政府采购支出表, its header not one the parser reads but no amount printed (注：本单位无政府采购支出), is no_data, not partial", () => {
    const d = extractFile(join(CORPUS, "js_wx_yjzfjd_2026_unit_budget.pdf"));
    const t = d.tables.find((x) => x.table_id === "公开13表");
    expect([t?.family, t?.status, t?.message]).toEqual(["budget_procurement", "no_data", "no data: 注：本单位无政府采购支出，故本表无数据。"]);
    expect(d.document.status).toBe("ok");
  }, 60_000);
  it("西安: 表10 专项业务经费支出表 (项目支出 by another name; 单位编码 | 单位（项目）名称 | 项目金额 | 项目简介) is read, its units by their codes", () => {
    const d = doc("sn_xa_ybj_2022_dept_budget");
    const t = d.tables.find((x) => x.table_id === "表10");
    expect([t?.family, t?.status, t?.rows]).toEqual(["budget_project", "ok", 45]);
    const row = (n: number) => at(d, n, "project");
    // line 726: 245 西安市医疗保障局 457432345 — the department (245 is its code, not a 类)
    expect([row(726).row_label, row(726).code, row(726).unit_code, row(726).value]).toEqual(["西安市医疗保障局", null, null, 457432345]);
    // line 736: 245002 西安市医疗保障经办服务中心 439793845; line 737: 医保关系转移邮寄经费 68500, one of its projects
    expect([row(736).row_label, row(736).unit_code, row(736).value]).toEqual(["西安市医疗保障经办服务中心", "245002", 439793845]);
    expect([row(737).row_label, row(737).value, row(737).unit]).toEqual(["医保关系转移邮寄经费", 68500, "元"]);
    // 合计 = Σ the units (245001, 245002, 245003): no finding
    expect(d.checks.filter((c) => c.rule === "hierarchy" && c.table_ids.includes("表10"))).toEqual([]);
  }, 60_000);
  it("西安: 表1 收支总表 prints three expenditure views beside the income side; each half of line 416 goes to its own side", () => {
    const d = doc("sn_xa_ybj_2022_dept_budget");
    // line 416: (1)一般公共预算拨款 480544221.62 2、外交支出 0.00 (1)工资福利支出 20368125.45 2、机关商品和服务支出 25280256.17
    const sides = d.line_items.filter((i) => i.table_id === "表1" && i.source_line === 416).map((i) => [i.side, i.row_label, i.value]);
    expect(sides).toEqual([
      ["income", "(1)一般公共预算拨款", 480544221.62],
      ["expenditure", "2、外交支出", 0],
      ["部门预算经济科目（按大类）", "(1)工资福利支出", 20368125.45],
      ["政府预算经济分类科目（按大类）", "2、机关商品和服务支出", 25280256.17],
    ]);
    // line 430: 16、商业服务业等支出 0.00 (10)其他支出 0.00 — the income side and the third view have ended
    expect(d.line_items.filter((i) => i.table_id === "表1" && i.source_line === 430).map((i) => i.side)).toEqual(["expenditure", "部门预算经济科目（按大类）"]);
    // 本年支出合计 480544221.62 = Σ the 功能 view's rows under 一、部门预算: no totals finding is left
    expect(d.checks.filter((c) => c.rule === "totals" && c.severity === "error")).toEqual([]);
  }, 60_000);
  it("西安: 表13's 合计 (“三公” + 会议费 + 培训费: 551,800 元 in 2021) is not compared with 表1's 本年支出合计", () => {
    const d = doc("sn_xa_ybj_2022_dept_budget");
    expect(d.line_items.find((i) => i.table_id === "表13" && i.source_line === 863 && i.measure === "total")?.value).toBe(551800);
    expect(d.checks.filter((c) => c.rule === "cross_table" && c.table_ids.includes("表13"))).toEqual([]);
  }, 60_000);
  it("珠海: 表12's project on line 676, its name wrapped into the 绩效目标 text (no label read), is no second 合计: only line 443 is compared", () => {
    const d = doc("gd_zh_swj_2026_dept_budget");
    expect(at(d, 676, "total").value).toBe(120);
    expect(d.checks.filter((c) => c.rule === "cross_table" && c.source_lines.includes(676))).toEqual([]);
    expect(d.checks.filter((c) => c.rule === "cross_table" && c.table_ids.includes("表3") && c.severity === "error")).toEqual([]);
  }, 60_000);
  it("深圳: a name wrapped around its amounts (表4 lines 4318–4320) is the row's name; its lines stay in residue naming the row", () => {
    const d = doc("gd_sz_sthjj_2026_dept_budget");
    expect(d.line_items.find((i) => i.source_line === 4319 && i.table_id === "表4")?.row_label).toBe("机关事业单位基本养老保险缴费");
    const reasons = new Map(d.residue.map((r) => [r.source_line, r.reason]));
    expect([reasons.get(4318), reasons.get(4320)]).toEqual([
      "label wrapped around its amounts: joined into the row of line 4319",
      "label wrapped around its amounts: joined into the row of line 4319",
    ]);
  });
  it("no document is ok with zero tables while it prints table-like blocks", () => {
    for (const name of ["gd_gz_tjj_2026_dept_budget", "gd_zh_swj_2026_dept_budget", "jl_cc_xfj_2026_dept_budget", "sn_xa_ybj_2022_dept_budget", "zj_huz_wjw_2026_dept_budget"]) {
      const d = doc(name);
      expect(d.document.tables_found, name).toBeGreaterThan(0);
      if (d.document.status === "ok") expect(coverageOf(d).printed, name).toBe(coverageOf(d).placed);
    }
  }, 120_000);
  it("the coverage report counts the amounts of table-like blocks and where they went", () => {
    const c = coverageOf(doc("gd_gz_tjj_2026_dept_budget"));
    expect(c.printed).toBe(523); // 525 amount-like tokens (3 of them glued to 表12's 绩效目标 text), two of them codes on wrapped-label lines (2080505, 2080506)
    expect(c.placed + [...c.residue.values()].reduce((a, n) => a + n, 0) + c.unaccounted).toBe(c.printed);
    expect(c.total).toBe("收入总计 = 9483.72 (line 125)");
  }, 60_000);
});
