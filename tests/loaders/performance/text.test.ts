/** Plain-text 项目支出绩效自评表: 000 (Sichuan 2022), 001 (Dazhou 2023, one-char-per-line headers), 004 (Guizhou, 元). */
import { describe, expect, it } from "vitest";
import { at, sample } from "./helpers.ts";

describe("000 项目支出绩效自评表", () => {
  const r = sample("000");
  it("finds the seven projects with codes, amounts and scores", () => {
    expect(r.projects.map((p) => p.project_code)).toEqual([
      "51000021T000000011590", "51000021T000000011595", "51000022T000004913252", "51000022T000004998805",
      "51000022T000006862099", "51000022T000007081244", "51000022T000007081684",
    ]);
    const p = at(r.projects, 474);
    expect(p).toMatchObject({
      project_name: "继续实施项目-医疗服务与保障能力提升", department: "四川省医疗保障局部门", implementing_unit: "四川省医疗保障局",
      budget_initial: 4891.78, budget_adjusted: 4849.38, executed: 4178.02, execution_rate: 86.16, weight: 10, score: 8.62,
      total_score: 92.62, unit: "万元", amount_wan: 4849.38, table_kind: "self_evaluation",
    });
    expect(at(r.projects, 1128)).toMatchObject({ implementing_unit: "四川省医疗保障局", executed: 16.16, total_score: 88.5 });
    expect(r.indicators.length).toBe(52);
  });
  it("reads operators, targets, actuals and met", () => {
    expect(at(r.indicators, 595)).toMatchObject({ indicator: "定点医药机构联网接入率", level1: "产出指标", level2: "数量指标", operator: "≥", target_value: 95, unit: "%", actual_value: 98, weight: 5, score: 5, met: true });
    // name wrapped over nine lines above a values-only line
    expect(at(r.indicators, 612).indicator).toMatch(/^持续完善一体化大数据平台核心经办子系统.*应用功能$/);
    expect(at(r.indicators, 612)).toMatchObject({ operator: "≥", target_value: 10, unit: "套", actual_value: 14 });
    const unmet = at(r.indicators, 631);
    expect(unmet).toMatchObject({ level1: "效益指标", level2: "社会效益指标", target_value: 50, actual_value: 40, score: 24, met: false });
    expect(unmet.reason_unmet).toBe("受疫情影响部分市（州）医保电子凭证宣传推广活动未开展，激活率未达到预期。");
    expect(at(r.indicators, 822)).toMatchObject({ operator: "=", target_value: 100, met: true });
    expect(at(r.indicators, 1245)).toMatchObject({ operator: "≤", target_value: 18000, unit: "元/户（套）", actual_value: 18800, met: false, level1: "成本指标" });
    expect(at(r.indicators, 855)).toMatchObject({ operator: "定性", target_text: "优良中低差", actual_text: "优", target_value: null, weight: 30, score: 30 });
    expect(at(r.indicators, 983).reason_unmet).toBe("2022年度未完成政府采购工作，无法开展项目建设。");
    expect(at(r.indicators, 990).indicator).toBe("提供区县级视频会议室一体化高清终端数量");
  });
  it("puts unplaced lines in residue with a reason", () => {
    expect(r.residue.every((x) => x.reason.length > 0 && x.table_id?.startsWith("绩效:"))).toBe(true);
    expect(r.residue.find((x) => x.source_line === 589)?.reason).toBe("indicator table header");
  });
});

describe("001 绩效评价报告 tables", () => {
  const r = sample("001");
  it("finds 28 project tables and two 部门整体 tables", () => {
    expect(r.projects.filter((p) => p.table_kind === "department_overall").map((p) => [p.project_name, p.department, p.budget])).toEqual([
      ["部门整体", "达州市医疗保障局", 370.87],
      ["部门整体", "达州市医疗保障事务中心", 650.06],
    ]);
    expect(at(r.projects, 2405)).toMatchObject({
      project_code: "51170023T000009099837", implementing_unit: "达州市医疗保障局",
      budget_initial: 2, budget_adjusted: 2, executed: 2, execution_rate: 100, weight: 10, score: 10, total_weight: 100, total_score: 80,
    });
  });
  it("reads rows under one-character-per-line headers", () => {
    expect(at(r.indicators, 2535)).toMatchObject({ indicator: "调研次数", operator: "≥", target_value: 5, unit: "次", actual_value: 7, weight: 5, score: 5, met: true });
    expect(at(r.indicators, 2556)).toMatchObject({ indicator: "聘请三方机构及时率", level2: "时效指标", target_value: 99, actual_value: 0, met: false });
    // 部门整体: 权重 before 实际完成指标值
    expect(at(r.indicators, 2138)).toMatchObject({ project_name: "部门整体", operator: "≥", target_value: 10, unit: "家", weight: 10, actual_value: 36, met: true });
    expect(at(r.indicators, 2287)).toMatchObject({ indicator: "法制医保建设机制健全性", operator: "定性", target_text: "优", actual_text: "优", met: true });
    expect(at(r.indicators, 2169)).toMatchObject({ indicator: "培训场次", target_value: 14, actual_value: 3, met: false });
    // grid header (指标 / 性质 on two rows)
    expect(at(r.indicators, 9581)).toMatchObject({ indicator: "DRG 支付准确率", level2: "质量指标", operator: "≥", target_value: 100, actual_value: 100, weight: 30, score: 30 });
  });
  it("a 转移支付 table without 分值 / 得分 (三级指标 | 年度指标值 | 全年完成值 | 未完成原因和改进措施): rows end in their target and actual", () => {
    // line 10461 `≥90% 98.69%` under its name's two lines (10458, 10460)
    expect(at(r.indicators, 10461)).toMatchObject({ indicator: "医保基金结算清算单上传率", operator: "≥", target_value: 90, actual_value: 98.69, unit: "%", met: true, weight: null });
    expect(at(r.indicators, 10461).source_lines).toEqual([10458, 10460, 10461]);
    const unmet = at(r.indicators, 10463);
    expect(unmet).toMatchObject({ indicator: "医保电子凭证激活率", target_value: 90, actual_value: 66.78, met: false });
    expect(unmet.reason_unmet).toMatch(/^一是老人和小孩没有手机或者没有智能手机，.*真正做到医保电子凭证全覆盖。$/);
    // a target and an actual printed with their units apart (`≥1 次 2 次`)
    expect(at(r.indicators, 10432)).toMatchObject({ target_text: "≥1次", actual_text: "2次", operator: "≥", target_value: 1, actual_value: 2, unit: "次", met: true });
  });
});

describe("004 项目支出绩效目标自评表 (元)", () => {
  const r = sample("004");
  it("reads amounts in 元 and converts to 万元", () => {
    expect(r.projects.length).toBe(8);
    expect(at(r.projects, 1102)).toMatchObject({
      project_name: "离休人员及遗孀医疗补助资金", department: "贵州省医疗保障局", department_code: "261", implementing_unit: "贵州省医疗保障局本级",
      budget_initial: 26352000, budget_adjusted: 26352000, executed: 14513100, weight: 10, execution_rate: 55.07, score: 5.51,
      unit: "元", amount_wan: 2635.2, executed_wan: 1451.31, total_weight: 90, total_score: 89.06,
    });
  });
  it("reads attached operators, text targets and reasons", () => {
    expect(at(r.indicators, 1172)).toMatchObject({ operator: "≤", target_value: 2635.2, unit: "万元", actual_value: 1451.31, met: true, weight: 5, score: 5 });
    expect(at(r.indicators, 1146)).toMatchObject({ indicator: "保障省属国有困难企业离休人员", target_value: 233, actual_value: 211, met: false, score: 9.06 });
    expect(at(r.indicators, 1146).reason_unmet).toBe("离休人员大部分已进入生命终末期，人数逐年自然减少，根据实有申请人数进行保障执行。");
    expect(at(r.indicators, 1166)).toMatchObject({ indicator: "保障离休人员及无工作遗孀待遇完成时间", level2: "时效指标", actual_text: "达成年度指标", met: true });
    expect(at(r.indicators, 1174)).toMatchObject({ operator: "=", target_value: 100, unit: "%" });
    expect(at(r.indicators, 1362)).toMatchObject({ target_text: "有效保障", actual_text: "部分达成年度指标并具有一定效果", met: false });
    expect(at(r.indicators, 1322)).toMatchObject({ weight: 2, score: null });
  });
});
