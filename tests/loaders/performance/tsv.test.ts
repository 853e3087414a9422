/** Tab-separated 绩效 tables: 002 (绩效目标表, targets only) and 003 (Markdown/TSV 项目绩效自评, TeX values). */
import { describe, expect, it } from "vitest";
import { at, sample } from "./helpers.ts";
import { decideMet, parseValue } from "../../../loaders/performance/values.ts";

describe("002 项目支出绩效目标表 and 部门整体支出绩效目标表", () => {
  const r = sample("002");
  it("reads project rows with unit codes and budgets", () => {
    expect(r.projects.length).toBe(17);
    expect(at(r.projects, 665)).toMatchObject({ project_name: "继续实施项目-医疗服务与保障能力提升", implementing_unit_code: "347001", implementing_unit: "四川省医疗保障局", budget: 5078.18, amount_wan: 5078.18, table_kind: "target" });
    expect(at(r.projects, 789)).toMatchObject({ project_name: "继续实施省级预算内基本建设投资项目", implementing_unit_code: null, budget: 118.88 });
    expect(r.residue.find((x) => x.source_line === 664)?.reason).toBe("unit total of project budgets (not a project)");
  });
  it("reads targets, units, weights and polarity from drifting cells", () => {
    expect(at(r.indicators, 667)).toMatchObject({ indicator: "医保电子凭证激活数", operator: "≥", target_value: 3400, unit: "万人次", weight: 10, polarity: "正向", actual_value: null, met: null });
    expect(at(r.indicators, 675)).toMatchObject({ operator: "≤", target_value: 60, unit: "分钟", polarity: "反向" });
    expect(at(r.indicators, 678)).toMatchObject({ operator: "定性", target_text: "达到使用要求", target_value: null, weight: 10 });
  });
  it("reads the 部门整体 table", () => {
    const p = r.projects.find((x) => x.table_kind === "department_overall")!;
    expect(p).toMatchObject({ project_name: "部门整体", department: "四川省医疗保障局", budget: 3751339.04, budget_fiscal: 3751339.04, budget_other: 0 });
    expect(at(r.indicators, 819)).toMatchObject({ project_id: p.project_id, level1: "产出指标", level2: "数量指标", operator: "≥", target_value: 3400, unit: "万" });
    expect(at(r.indicators, 831)).toMatchObject({ level2: "时效指标", operator: "≤", target_value: 60, unit: "分钟" });
    expect(at(r.indicators, 832)).toMatchObject({ level1: "效益指标", target_text: "持续扩大", target_value: null });
  });
});

describe("003 项目绩效自评 (TSV with TeX)", () => {
  const r = sample("003");
  it("names projects from their headings and reads 预算数 / 执行数", () => {
    expect(r.projects.map((p) => [p.project_name, p.budget, p.executed, p.implementing_unit])).toEqual([
      ["乐山市医保局医疗保障相关工作支出", 9.25, 9.25, "乐山市医疗保障局"],
      ["医保骨干网建设", 165, 165, "乐山市医疗保障局"],
      ["乐山市社会保险信息管理系统（核三系统）软硬件运维管理", 33.75, 33.55, "乐山市医疗保障局"],
      ["医保基金审计项目", 18.84, 18.5, "乐山市医疗保障事务中心"],
      ["网络建设和运行维护费用", 7, 6, "乐山市医疗保障事务中心"],
    ]);
    expect(r.projects[0]).toMatchObject({ department: "乐山市医疗保障局", department_code: "315001", unit: "万元" });
    expect(r.indicators.length).toBe(64);
  });
  it("reads TeX and ASCII operators", () => {
    expect(at(r.indicators, 441)).toMatchObject({ operator: "≥", target_value: 400, target_text: "$\\geq 400$", actual_value: 400, met: true });
    expect(at(r.indicators, 444)).toMatchObject({ operator: "=", target_value: 100, unit: "%" });
    expect(at(r.indicators, 460)).toMatchObject({ operator: "≤", target_value: 30 });
    expect(at(r.indicators, 452)).toMatchObject({ indicator: "医保政策知晓度覆盖完成时间", target_text: "12月底之前", met: true });
    expect(at(r.indicators, 480)).toMatchObject({ level1: "效益指标", level2: "社会效益指标", indicator: "医保业务办结便捷程度" });
    expect(at(r.indicators, 498)).toMatchObject({ indicator: "系统正常运行率 (%)", operator: "≥", target_value: 90 });
  });
});

describe("values", () => {
  it("parses printed values", () => {
    expect(parseValue("≤2635.2万元")).toMatchObject({ operator: "≤", value: 2635.2, unit: "万元" });
    expect(parseValue("$\\geq 98\\%$")).toMatchObject({ operator: "≥", value: 98, unit: "%" });
    expect(parseValue("＝100%")).toMatchObject({ operator: "=", value: 100, unit: "%" });
    expect(parseValue("12月底之前")).toMatchObject({ operator: null, value: null });
    expect(parseValue("2022年底前")).toMatchObject({ value: null });
    expect(parseValue("逐步提高")).toMatchObject({ value: null, text: "逐步提高" });
  });
  it("decides met only where the values decide it", () => {
    expect(decideMet("≥", 95, "95", 98, "98", "%", null).met).toBe(true);
    expect(decideMet("≤", 60, "60", 70, "70", null, null).met).toBe(false);
    expect(decideMet("定性", null, "逐步提高", null, null, null, null).met).toBe(null);
    expect(decideMet(null, null, "有效保障", null, "达成年度指标", null, null).met).toBe(true);
    expect(decideMet(null, null, "优良中低差", null, "优", null, null).met).toBe(null);
  });
});
