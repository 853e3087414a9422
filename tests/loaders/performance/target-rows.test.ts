/**
 * 绩效目标表 (one value column: 指标值) in plain text: 西安's 表14 项目 and 表15 部门整体
 * (../shared/corpus/sn_xa_ybj_2022_dept_budget.txt, pages 46–49), whose 二级 headings are
 * centred on their rows, and a table whose headings open their rows.
 */
import { describe, expect, it } from "vitest";
import { BlockText } from "../../../loaders/performance/block-text.ts";
import { readTextRows } from "../../../loaders/performance/text-rows.ts";
import { parseValue } from "../../../loaders/performance/values.ts";
import { corpusDocument } from "../corpus-document.ts";
import { hasCorpus, SHARED_ABSENT } from "../helpers.ts";

if (!hasCorpus) console.warn(SHARED_ABSENT);

const text = corpusDocument("sn_xa_ybj_2022_dept_budget.txt");
const pdf = corpusDocument("sn_xa_ybj_2022_dept_budget.pdf");
const on = (line: number) => text().performance_indicators.find((i) => i.source_line === line);

describe.skipIf(!hasCorpus)("西安 表14 其他履职尽责专项业务费 (page 46–47)", () => {
  it("the project: its name, department and funds (实施期资金总额： 3075.23, 其中：财政拨款 3075.23, in 万元)", () => {
    const p = text().performance_projects.find((x) => x.source_line === 871);
    expect(p).toMatchObject({
      project_name: "其他履职尽责专项业务费",
      department: "西安市医疗保障局",
      budget: 3075.23,
      budget_fiscal: 3075.23,
      unit: "万元",
      amount_wan: 3075.23,
    });
  }, 120_000);

  it("every row of 指标内容 | 指标值: 54, in seven 二级 groups found by their centred headings", () => {
    const rows = text().performance_indicators.filter((i) => i.project_id.endsWith(":871"));
    expect(rows.length).toBe(54);
    const groups = new Map<string, number>();
    for (const r of rows) groups.set(`${r.level1}/${r.level2}`, (groups.get(`${r.level1}/${r.level2}`) ?? 0) + 1);
    expect([...groups]).toEqual([
      ["产出指标/数量指标", 14],
      ["产出指标/质量指标", 12],
      ["产出指标/时效指标", 2],
      ["产出指标/成本指标", 10],
      ["效益指标/社会效益指标", 14],
      ["效益指标/可持续影响指标", 1],
      ["满意度指标/服务对象满意度指标", 1],
    ]);
    // the seven rows above 数量指标 (line 890) are in its group; 智能识别审核 (line 901) is its last
    expect(on(883)).toMatchObject({
      indicator: "媒体宣传等",
      target_text: "10-15项",
      target_value: null,
      unit: "项",
      level2: "数量指标",
      rule: "二级指标 by its heading centred on its rows",
    });
    expect(on(901)).toMatchObject({ indicator: "智能识别审核", target_text: "21800份", target_value: 21800, unit: "份", level2: "数量指标" });
    // 质量指标 goes on to page 47, where its heading is printed again (line 916): one group
    expect(on(902)).toMatchObject({ indicator: "综合运行服务工作保障率", target_value: 100, unit: "%", level2: "质量指标" });
    expect(on(920)).toMatchObject({ indicator: "设备到货通过率", operator: "≥", target_value: 96, level2: "质量指标" });
    expect(on(921)).toMatchObject({ indicator: "按质按量完成各专项业务工作", target_text: "全年", target_value: null, level2: "时效指标" });
    expect(on(935)).toMatchObject({ indicator: "医疗保障基金监管工作", target_value: 713, unit: "万元", level2: "成本指标", level1: "产出指标" });
    // a heading cut over two lines on rows' lines (`效 社会效益 降低…` / `益 指标 加强…`)
    expect(on(945)).toMatchObject({ level1: "效益指标", level2: "社会效益指标", target_text: "社会反响较好" });
    expect(on(958)).toMatchObject({
      indicator: "服务对象满意度",
      operator: ">",
      target_value: 80,
      unit: "%",
      level2: "服务对象满意度指标",
      level1: "满意度指标",
    });
  }, 120_000);

  it("the page markers and the vertical heading characters are no indicator", () => {
    const d = text();
    expect(d.performance_indicators.some((i) => /PAGE|===/.test(`${i.indicator} ${i.target_text}`))).toBe(false);
    const residue = new Map(d.residue.filter((r) => r.source_line >= 882 && r.source_line <= 960).map((r) => [r.source_line, r.reason]));
    expect(residue.get(912)).toBe("page marker");
    expect(residue.get(893)).toBe("indicator heading"); // 年
    expect(residue.get(916)).toBe("indicator heading"); // 标 质量指标
  }, 120_000);
});

describe.skipIf(!hasCorpus)("西安 表15 部门整体支出绩效目标表 (page 48–49)", () => {
  it("the department, the tasks' total and names wrapped around a value printed alone", () => {
    const d = text();
    expect(d.performance_projects.find((x) => x.source_line === 962)).toMatchObject({
      project_name: "部门整体",
      department: "西安市医疗保障局",
      budget: 5386.42,
      budget_fiscal: 5386.42,
      unit: "万元",
    });
    // line 1033 the name, 1034 `绩 顺利开展`, 1035 `重点工作`
    expect(on(1034)).toMatchObject({
      indicator: "加快服务型机关建设，保障政务运行、行政工作、对外宣传、确保依法行政、医保扶贫等各项重点工作",
      target_text: "顺利开展",
      source_lines: [1033, 1034, 1035],
      level2: "社会效益指标",
    });
    // a name going on after its value's line: `、获得感` (line 1040)
    expect(on(1039)?.indicator).toBe("促进各类医疗保障互补衔接，积极应对人口老龄化，助推医养结合服务体系建设，群众幸福感、获得感");
    expect(on(1048)).toMatchObject({
      indicator: "落实结余留用政策，确保医保资金结余留用金额按政策准确核算。提高医保基金使用效率，推动集采工作",
      target_text: "顺利进行",
    });
    // 时效指标 centred on three rows (line 1027), 成本指标 on two (line 1030)
    expect([1026, 1027, 1028, 1029, 1031].map((l) => on(l)?.level2)).toEqual(["时效指标", "时效指标", "时效指标", "成本指标", "成本指标"]);
    expect(d.performance_indicators.filter((i) => i.project_id.endsWith(":962")).length).toBe(47);
  }, 120_000);

  it("表16, a blank form, gives no project; its lines are residue saying so", () => {
    const d = text();
    expect(d.performance_projects.map((p) => p.project_name)).toEqual(["其他履职尽责专项业务费", "部门整体"]);
    const reasons = new Map(d.residue.map((r) => [r.source_line, r.reason]));
    expect(reasons.get(1066)).toBe("empty form: no project printed in it"); // 项目名称
    expect(reasons.get(1081)).toBe("empty form: placeholder"); // 数量指标   指标2：
  }, 120_000);

  it("the PDF gives the same indicators as its text", () => {
    const key = (d: ReturnType<typeof text>) => d.performance_indicators.map((i) => [i.level1, i.level2, i.indicator, i.target_text].join("|"));
    expect(key(pdf())).toEqual(key(text()));
  }, 120_000);
});

describe("headings that open their rows (not centred)", () => {
  const lines = [
    "一级指标 二级指标 三级指标 指标值",
    "产出指标 数量指标 培训人数 ≥300人",
    "培训班次 ≥4次",
    "质量指标 培训合格率 ≥98%",
    "效益指标 社会效益指标 群众知晓度 持续提升",
  ];
  it("each heading gives its 二级 to the rows from it on", () => {
    const r = readTextRows(new BlockText(lines, 1, lines.length));
    expect(r.indicators.map((i) => [i.name, i.values.target, i.level1, i.level2, i.rule])).toEqual([
      ["培训人数", "≥300人", "产出指标", "数量指标", null],
      ["培训班次", "≥4次", "产出指标", "数量指标", null],
      ["培训合格率", "≥98%", "产出指标", "质量指标", null],
      ["群众知晓度", "持续提升", "效益指标", "社会效益指标", null],
    ]);
  });
});

describe("a 备注 column with something printed in it", () => {
  const lines = ["一级指标 二级指标 三级指标 指标值 备注", "产出指标 数量指标 培训人数 ≥300人 按年度计划", "培训班次 ≥4次", "效益指标 社会效益指标 群众知晓度 持续提升"];
  it("the value is the number before the remark; a row without one reads as before", () => {
    const r = readTextRows(new BlockText(lines, 1, lines.length));
    expect(r.indicators.map((i) => [i.name, i.values.target, i.level2, i.rule])).toEqual([
      ["培训人数", "≥300人", "数量指标", "备注 not extracted: 按年度计划"],
      ["培训班次", "≥4次", "数量指标", null],
      ["群众知晓度", "持续提升", "社会效益指标", null],
    ]);
  });
});

describe("target values", () => {
  it("a range has no one target number; its unit is kept", () => {
    expect(parseValue("10-15项")).toMatchObject({ operator: null, value: null, unit: "项" });
    expect(parseValue("3～5个")).toMatchObject({ value: null, unit: "个" });
    expect(parseValue("≥3项")).toMatchObject({ operator: "≥", value: 3, unit: "项" });
    expect(parseValue("≥95%-100%")).toMatchObject({ operator: "≥", value: null, unit: "%" });
  });
  it("operators written as words, `余` (more than), `约` (about), and dates as text", () => {
    expect(parseValue("不低于90%")).toMatchObject({ operator: "≥", value: 90, unit: "%" });
    expect(parseValue("不超过5万元")).toMatchObject({ operator: "≤", value: 5, unit: "万元" });
    expect(parseValue("20余次")).toMatchObject({ operator: ">", value: 20, unit: "次" });
    expect(parseValue("约6类")).toMatchObject({ operator: null, value: 6, unit: "类" });
    // 004 line 1764: 医保信息平台验收 2022年12月31日前 (before: 2022 with the unit 年12月31日前)
    expect(parseValue("2022年12月31日前")).toMatchObject({ operator: null, value: null, unit: null });
    expect(parseValue("2024-12-31")).toMatchObject({ value: null, unit: null });
  });
});

describe.skipIf(!hasCorpus)("国家信访局 项目支出绩效自评表 (central template, text)", () => {
  const xfj = corpusDocument("cn_xfj_2024_dept_final.txt");
  const row = (line: number) => xfj().performance_indicators.find((i) => i.source_line === line);
  it("年度指标 above the header and 值 below it name the target column; units printed apart are joined to their numbers", () => {
    // line 786: 成本指标 每本刊物印刷成本 ≤1.4 元 1.4 元 20 20
    expect(row(786)).toMatchObject({ indicator: "每本刊物印刷成本", target_text: "≤1.4元", operator: "≤", target_value: 1.4, unit: "元", actual_value: 1.4, weight: 20, score: 20, met: true });
    // line 799: 微信发稿量（篇） ≥350 篇 335 篇 6 4
    expect(row(799)).toMatchObject({ indicator: "微信发稿量（篇）", target_value: 350, unit: "篇", actual_value: 335, weight: 6, score: 4, met: false });
    const reasons = new Map(xfj().residue.map((r) => [r.source_line, r.reason]));
    expect([reasons.get(780), reasons.get(781), reasons.get(803), reasons.get(804)]).toEqual(["indicator table header", "indicator table header", "page number", "page marker"]);
  }, 120_000);
  it("a page's number and marker are never read as a row (`30` / `=== PAGE 33 ===`)", () => {
    expect(xfj().performance_indicators.some((i) => /PAGE|===/.test(`${i.indicator} ${i.target_text} ${i.actual_text}`))).toBe(false);
  }, 120_000);
});
