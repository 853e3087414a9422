import { describe, expect, it } from "vitest";
import {
  englishName,
  namedCodes,
  nationalChineseName,
  normaliseName,
} from "../../../loaders/schema/classification-names.ts";
import type { CodeSystem } from "../../../loaders/schema/types.ts";

/**
 * Every classification code printed with its name in the tables of the
 * sample documents (data/documents/000…004) and the Shanghai external
 * documents, with the name as printed (first spelling met). Collected with a
 * throwaway grep over `code name`, split `210 15 01` and glued `2010506统计管理`.
 */
const PRINTED = `
201 一般公共服务支出
2010399 其他政府办公厅(室)及相关机构事务支出
20105 统计信息事务
2010506 统计管理
2010507 专项普查活动
20106 财政事务
2010601 行政运行
2010602 一般行政管理事务
2010607 信息化建设
2010608 财政委托业务支出
20113 商贸事务
2011301 行政运行
2011302 一般行政管理事务
2011350 事业运行
2011399 其他商贸事务支出
20129 群众团体事务
2012902 一般行政管理事务
20132 组织事务
2013202 一般行政管理事务
20133 宣传事务
2013302 一般行政管理事务
20134 统战事务
2013402 一般行政管理事务
20138 市场监督管理事务
2013802 一般行政管理事务
204 公共安全支出
20406 司法
2040607 公共法律服务
20499 其他公共安全支出
2049999 其他公共安全支出
205 教育支出
2050803 培训支出
20599 其他教育支出
2059999 其他教育支出
206 科学技术支出
20605 科技条件与服务
2060503 科技条件专项
20607 科学技术普及
2060702 科普活动
207 文化旅游体育与传媒支出
20701 文化和旅游
2070109 群众文化
20703 体育
2070308 群众体育
208 社会保障和就业支出
20801 人力资源和社会保障管理事务
2080101 行政运行
2080109 社会保险经办机构
20805 行政事业单位养老支出
2080501 行政单位离退休
2080502 事业单位离退休
2080505 机关事业单位基本养老保险缴费支出
2080506 机关事业单位职业年金缴费支出
2080599 其他行政事业单位养老支出
20807 就业补助
2080705 公益性岗位补贴
20810 社会福利
2081005 社会福利事业单位
20816 红十字事业
2081602 一般行政管理事务
20825 其他生活救助
2082501 其他城市生活救助
20899 其他社会保障和就业支出
2089999 其他社会保障和就业支出
210 卫生健康支出
21007 计划生育事务
2100717 计划生育服务
21011 行政事业单位医疗
2101101 行政单位医疗
2101102 事业单位医疗
2101103 公务员医疗补助
21012 财政对基本医疗保险基金的补助
2101202 财政对城乡居民基本医疗保险基金的补助
21015 医疗保障管理事务
2101501 行政运行
2101502 一般行政管理事务
2101504 信息化建设
2101505 医疗保障政策管理
2101506 医疗保障经办事务
2101550 事业运行
2101599 其他医疗保障管理事务支出
212 城乡社区支出
21201 城乡社区管理事务
2120101 行政运行
2120102 一般行政管理事务
21203 城乡社区公共设施
2120399 其他城乡社区公共设施支出
21205 城乡社区环境卫生
2120501 城乡社区环境卫生
21208 国有土地使用权出让收入安排的支出
2120803 城市建设支出
21299 其他城乡社区支出
2129999 其他城乡社区支出
215 资源勘探工业信息等支出
21508 支持中小企业发展和管理支出
2150899 其他支持中小企业发展和管理支出
216 商业服务业等支出
21699 其他商业服务业等支出
2169999 其他商业服务业等支出
221 住房保障支出
22102 住房改革支出
2210201 住房公积金
2210203 购房补贴
22103 城乡社区住宅
2210399 其他城乡社区住宅支出
22198 其他住房保障支出
2219899 其他住房保障支出
224 灾害防治及应急管理支出
22402 消防救援事务
2240299 其他消防救援事务支出
301 工资福利支出
30101 基本工资
30102 津贴补贴
3010201 国家出台津贴补贴
3010202 地方出台的津贴补贴(机关)
3010203 其他津贴补贴
30103 奖金
3010301 年终一次性奖金(机关)
3010303 基础绩效奖
30106 伙食补助费
30107 绩效工资
30108 机关事业单位基本养老保险缴费
30109 职业年金缴费
30110 职工基本医疗保险缴费
30111 公务员医疗补助缴费
30112 其他社会保障缴费
3011201 失业保险
3011202 工伤保险
30113 住房公积金
30114 医疗费
30199 其他工资福利支出
3019999 其他工资福利支出
302 商品和服务支出
30201 办公费
30202 印刷费
30203 咨询费
30204 手续费
30205 水费
30206 电费
30207 邮电费
30208 取暖费
30209 物业管理费
30211 差旅费
30212 因公出国（境）费用
30213 维修(护)费
30214 租赁费
30215 会议费
30216 培训费
30217 公务接待费
30218 专用材料费
30224 被装购置费
30225 专用燃料费
30226 劳务费
30227 委托业务费
30228 工会经费
30229 福利费
30231 公务用车运行维护费
30239 其他交通费用
3023901 公务交通费用
30240 税金及附加费用
30299 其他商品和服务支出
3029901 离退休公用经费
3029903 机幼经费
3029909 其他商品和服务支出
303 对个人和家庭的补助
30301 离休费
30302 退休费
30303 退职（役）费
30304 抚恤金
30305 生活补助
3030503 其他生活补助
30306 救济费
30307 医疗费补助
30308 助学金
30309 奖励金
3030901 独生子女父母奖励
30310 个人农业生产补贴
30311 代缴社会保险费
30399 其他对个人和家庭的补助
307 债务利息及费用支出
30701 国内债务付息
30702 国外债务付息
30703 国内债务发行费用
30704 国外债务发行费用
309 资本性支出（基本建设）
30901 房屋建筑物购建
30902 办公设备购置
30903 专用设备购置
30905 基础设施建设
30906 大型修缮
30907 信息网络及软件购置更新
30908 物资储备
30913 公务用车购置
30919 其他交通工具购置
30921 文物和陈列品购置
30922 无形资产购置
30999 其他基本建设支出
310 资本性支出
31001 房屋建筑物购建
31002 办公设备购置
31003 专用设备购置
31005 基础设施建设
31006 大型修缮
31007 信息网络及软件购置更新
31008 物资储备
31009 土地补偿
31010 安置补助
31011 地上附着物和青苗补偿
31012 拆迁补偿
31013 公务用车购置
31019 其他交通工具购置
31021 文物和陈列品购置
31022 无形资产购置
31099 其他资本性支出
311 对企业补助（基本建设）
31101 资本金注入
31199 其他对企业补助
312 对企业补助
31201 资本金注入
31203 政府投资基金股权投资
31204 费用补贴
31205 利息补贴
31299 其他对企业补助
313 对社会保障基金补助
31302 对社会保险基金补助
31303 补充全国社会保障基金
31304 对机关事业单位职业年金的补助
399 其他支出
39907 国家赔偿费用支出
39908 对民间非营利组织和群众性自治组织补贴
39909 经常性赠与
39910 资本性赠与
39999 其他支出
`;

/** Codes the samples name only in prose (乐山: “卫生健康（类）2100102”). */
const PROSE_ONLY = ["2100102"];

/**
 * 上海市普陀区社会福利院 2024 numbers its own economic 款 (sh_putuo_shfly):
 * code, printed name, the English name of the printed name.
 */
const LOCAL_NUMBERING: [string, string, string][] = [
  ["30202", "咨询费", "Consulting fees"],
  ["30203", "水费", "Water charges"],
  ["30204", "电费", "Electricity charges"],
  ["30205", "邮电费", "Postal and telecommunications charges"],
  ["30206", "办公设备购置费", "Office equipment"],
  ["30207", "工会经费", "Trade union funds"],
  ["30208", "福利费", "Welfare expenses"],
  ["30210", "车辆运行费", "Vehicle operation expenses"],
  ["30211", "事业单位离退休人员福利费", "Welfare expenses for retirees of public institutions"],
  ["30212", "机关事业单位退休人员活动费", "Activity expenses for retirees of government agencies and public institutions"],
  ["30213", "其他商品和服务支出", "Other goods and services"],
  ["303", "离退休人员经费", "Funds for retirees"],
  ["30301", "退休费", "Retirement pay"],
];

const systemOf = (code: string): CodeSystem => (code.startsWith("2") ? "functional" : "economic");

const printed = PRINTED.trim()
  .split("\n")
  .map((line) => {
    const [code, name] = line.split(" ");
    return { code, name };
  });

describe("classification names", () => {
  it("lists the sample codes", () => {
    expect(printed.length).toBe(233);
    expect(printed.filter((p) => systemOf(p.code) === "functional").length).toBe(110);
  });

  it("names every code printed in the samples' tables, with and without the printed name", () => {
    const missing = [...printed.map((p) => p.code), ...PROSE_ONLY].filter(
      (code) => englishName(systemOf(code), code) === null,
    );
    expect(missing).toEqual([]);
    for (const { code, name } of printed) expect(englishName(systemOf(code), code, name)).not.toBeNull();
  });

  it("lists the national Chinese name the samples print for each code", () => {
    const differing = printed.filter(
      ({ code, name }) => normaliseName(nationalChineseName(systemOf(code), code) ?? "") !== normaliseName(name),
    );
    expect(differing).toEqual([]);
  });

  it("gives the standard English names", () => {
    const cases: [CodeSystem, string, string][] = [
      ["functional", "210", "Health"],
      ["functional", "21015", "Medical security administration"],
      ["functional", "2101501", "Administrative operation"],
      ["functional", "2101504", "Information technology development"],
      ["functional", "2101505", "Medical security policy management"],
      ["functional", "2101506", "Medical security handling services"],
      ["functional", "2080505", "Basic pension insurance contributions of government agencies and public institutions"],
      ["functional", "2010506", "Statistics management"],
      ["functional", "2210201", "Housing provident fund"],
      ["functional", "2050803", "Training expenditure"],
      ["economic", "30101", "Basic wages"],
      ["economic", "30201", "Office expenses"],
      ["economic", "30231", "Official vehicle operation and maintenance"],
      ["economic", "3010201", "Allowances and subsidies set by the central government"],
      ["economic", "39908", "Subsidies to private non-profit organizations and community self-governing organizations"],
      ["economic", "502", "Goods and services of government agencies"],
      ["economic", "50905", "Retirement pay"],
    ];
    for (const [system, code, en] of cases) expect(englishName(system, code), code).toBe(en);
  });

  it("covers every functional 类 201–234 and the economic 类 301–313, 399, 501–514, 599", () => {
    const functional = namedCodes("functional").filter((c) => c.length === 3);
    expect(functional).toEqual(
      "201 202 203 204 205 206 207 208 209 210 211 212 213 214 215 216 217 219 220 221 222 223 224 227 229 230 231 232 233 234".split(" "),
    );
    const economic = namedCodes("economic").filter((c) => c.length === 3);
    expect(economic).toEqual(
      "301 302 303 307 309 310 311 312 313 399 501 502 503 504 505 506 507 508 509 510 511 512 513 514 599".split(" "),
    );
  });

  it("falls back to the nationally uniform 项 01/02/03/50 of administrative 款", () => {
    expect(englishName("functional", "2130101")).toBe("Administrative operation");
    expect(englishName("functional", "2070202")).toBe("General administrative affairs");
    expect(englishName("functional", "2040103")).toBe("Agency services");
    expect(englishName("functional", "2060150")).toBe("Operation of public institutions");
    // printed name confirms the generic item
    expect(englishName("functional", "2130101", "行政运行")).toBe("Administrative operation");
    // under 款 whose 项 are not the administrative series, or 其他 款: no guess
    expect(englishName("functional", "2210204")).toBeNull();
    expect(englishName("functional", "2100250")).toBeNull();
    expect(englishName("functional", "2019902")).toBeNull();
    // printed name contradicts the generic item: no guess
    expect(englishName("functional", "2130101", "某某专项")).toBeNull();
    // unknown code of another shape
    expect(englishName("functional", "2139")).toBeNull();
    expect(englishName("budget_unit", "347001")).toBeNull();
  });

  it("composes 其他…支出 from the parent's English name", () => {
    expect(englishName("functional", "2010499")).toBe("Other development and reform affairs expenditure");
    expect(englishName("functional", "2010499", "其他发展与改革事务支出")).toBe(
      "Other development and reform affairs expenditure",
    );
    expect(englishName("functional", "2139999", "其他农林水支出")).toBe(
      "Other agriculture, forestry and water affairs expenditure",
    );
    expect(englishName("functional", "2010299")).toBe("Other CPPCC affairs expenditure");
    expect(englishName("functional", "2081699")).toBe("Other Red Cross services expenditure");
    expect(englishName("functional", "20299")).toBe("Other foreign affairs expenditure");
    expect(englishName("economic", "3010299", "其他津贴补贴")).toBe("Other allowances and subsidies");
    // a 99 code whose printed name is not 其他…: no guess
    expect(englishName("functional", "2010499", "价格监测")).toBeNull();
  });

  it("follows the printed name where a document numbers items its own way", () => {
    for (const [code, name, en] of LOCAL_NUMBERING) expect(englishName("economic", code, name), code).toBe(en);
    // printed variants of the national name keep the code's English name
    expect(englishName("economic", "30213", "维修(护)费")).toBe("Repair and maintenance");
    expect(englishName("economic", "30108", "机关事业单位基本养老保险缴")).toBe(
      "Basic pension insurance contributions of government agencies and public institutions",
    );
    expect(englishName("functional", "2101505", "编印医疗服务价格项目规范专项经费")).toBe("Medical security policy management");
    expect(englishName("functional", "21015", "医疗保障管理事务（款）")).toBe("Medical security administration");
  });
});
