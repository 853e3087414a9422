/**
 * The code book: the one list of national classification codes and names,
 * used by the table parsers (类 printed by name), the prose (类/款/项 named
 * in sentences) and the audit. English names are written by us for
 * international readers: the national 支出功能分类科目 (functional: 类 3 digits, 款 5, 项 7)
 * and 支出经济分类科目 (economic: 部门预算 301…399 and 政府预算 501…599,
 * 类 3 digits, 款 5, provincial sub-items 7).
 *
 * Each entry keeps the national Chinese name beside the English one, so that
 * a name printed in a document can be recognised (`englishName`'s optional
 * `nameZh`). Codes not listed get a fallback where the national scheme makes
 * the name predictable: 项 xx01 行政运行, xx02 一般行政管理事务, xx03 机关服务,
 * xx50 事业运行, and xx99 其他…支出 composed from the parent's English name.
 */
import type { CodeSystem } from "./types.ts";
import { removeLeadingNumbering, removeSpaces, removeTrailingLevelMark, spacelessFullWidth } from "../base/fold.ts";

/* code | national Chinese name | English name — one per line. */
const FUNCTIONAL_TABLE = `
201 | 一般公共服务支出 | General public services
202 | 外交支出 | Foreign affairs
203 | 国防支出 | National defense
204 | 公共安全支出 | Public security
205 | 教育支出 | Education
206 | 科学技术支出 | Science and technology
207 | 文化旅游体育与传媒支出 | Culture, tourism, sports and media
208 | 社会保障和就业支出 | Social security and employment
209 | 社会保险基金支出 | Social insurance funds
210 | 卫生健康支出 | Health
211 | 节能环保支出 | Energy conservation and environmental protection
212 | 城乡社区支出 | Urban and rural community affairs
213 | 农林水支出 | Agriculture, forestry and water affairs
214 | 交通运输支出 | Transportation
215 | 资源勘探工业信息等支出 | Resource exploration, industry and information
216 | 商业服务业等支出 | Commerce and services
217 | 金融支出 | Finance
219 | 援助其他地区支出 | Assistance to other regions
220 | 自然资源海洋气象等支出 | Natural resources, oceans and meteorology
221 | 住房保障支出 | Housing security
222 | 粮油物资储备支出 | Grain, oil and material reserves
223 | 国有资本经营预算支出 | State capital operations budget expenditure
224 | 灾害防治及应急管理支出 | Disaster prevention and emergency management
227 | 预备费 | Reserve fund
229 | 其他支出 | Other expenditure
230 | 转移性支出 | Transfer expenditure
231 | 债务还本支出 | Debt principal repayment
232 | 债务付息支出 | Debt interest payments
233 | 债务发行费用支出 | Debt issuance costs
234 | 抗疫特别国债安排的支出 | Expenditure financed by special treasury bonds for COVID-19 response

20101 | 人大事务 | People's congress affairs
20102 | 政协事务 | CPPCC affairs
20103 | 政府办公厅（室）及相关机构事务 | Government general offices and related agencies
2010399 | 其他政府办公厅（室）及相关机构事务支出 | Other expenditure on government general offices and related agencies
20104 | 发展与改革事务 | Development and reform affairs
20105 | 统计信息事务 | Statistics and information affairs
2010504 | 信息事务 | Information affairs
2010505 | 专项统计业务 | Special statistical operations
2010506 | 统计管理 | Statistics management
2010507 | 专项普查活动 | Special census activities
2010508 | 统计抽样调查 | Statistical sample surveys
20106 | 财政事务 | Fiscal affairs
2010601 | 行政运行 | Administrative operation
2010602 | 一般行政管理事务 | General administrative affairs
2010604 | 预算改革业务 | Budget reform operations
2010605 | 财政国库业务 | Treasury operations
2010606 | 财政监察 | Fiscal supervision
2010607 | 信息化建设 | Information technology development
2010608 | 财政委托业务支出 | Fiscal commissioned services
20107 | 税收事务 | Taxation affairs
20108 | 审计事务 | Audit affairs
2010804 | 审计业务 | Audit operations
2010805 | 审计管理 | Audit management
20109 | 海关事务 | Customs affairs
20110 | 人力资源事务 | Human resources affairs
20111 | 纪检监察事务 | Discipline inspection and supervision affairs
20113 | 商贸事务 | Commerce and trade affairs
2011301 | 行政运行 | Administrative operation
2011302 | 一般行政管理事务 | General administrative affairs
2011304 | 对外贸易管理 | Foreign trade administration
2011305 | 国际经济合作 | International economic cooperation
2011306 | 外资管理 | Foreign investment administration
2011307 | 国内贸易管理 | Domestic trade administration
2011308 | 招商引资 | Investment promotion
2011350 | 事业运行 | Operation of public institutions
2011399 | 其他商贸事务支出 | Other commerce and trade affairs expenditure
20114 | 知识产权事务 | Intellectual property affairs
20123 | 民族事务 | Ethnic affairs
20125 | 港澳台事务 | Hong Kong, Macao and Taiwan affairs
20126 | 档案事务 | Archives affairs
20128 | 民主党派及工商联事务 | Democratic parties and federations of industry and commerce
20129 | 群众团体事务 | Mass organization affairs
2012902 | 一般行政管理事务 | General administrative affairs
2012906 | 工会事务 | Trade union affairs
20131 | 党委办公厅（室）及相关机构事务 | Party committee general offices and related agencies
20132 | 组织事务 | Organization affairs
2013202 | 一般行政管理事务 | General administrative affairs
2013204 | 公务员事务 | Civil service affairs
20133 | 宣传事务 | Publicity affairs
2013302 | 一般行政管理事务 | General administrative affairs
20134 | 统战事务 | United front affairs
2013402 | 一般行政管理事务 | General administrative affairs
2013404 | 宗教事务 | Religious affairs
2013405 | 华侨事务 | Overseas Chinese affairs
20135 | 对外联络事务 | External liaison affairs
20136 | 其他共产党事务支出 | Other Communist Party affairs expenditure
20137 | 网信事务 | Cyberspace affairs
20138 | 市场监督管理事务 | Market regulation affairs
2013802 | 一般行政管理事务 | General administrative affairs
20199 | 其他一般公共服务支出 | Other general public services expenditure
2019901 | 国家赔偿费用支出 | State compensation
2019999 | 其他一般公共服务支出 | Other general public services expenditure

20401 | 武装警察部队 | Armed police forces
20402 | 公安 | Public security (police)
20403 | 国家安全 | National security
20404 | 检察 | Procuratorates
20405 | 法院 | Courts

20406 | 司法 | Justice
2040607 | 公共法律服务 | Public legal services
20407 | 监狱 | Prisons
20408 | 强制隔离戒毒 | Compulsory isolated drug rehabilitation
20409 | 国家保密 | Protection of state secrets
20410 | 缉私警察 | Anti-smuggling police
20499 | 其他公共安全支出 | Other public security expenditure
2049999 | 其他公共安全支出 | Other public security expenditure

20501 | 教育管理事务 | Education administration
20502 | 普通教育 | General education
2050201 | 学前教育 | Preschool education
2050202 | 小学教育 | Primary education
2050203 | 初中教育 | Junior secondary education
2050204 | 高中教育 | Senior secondary education
2050205 | 高等教育 | Higher education
2050299 | 其他普通教育支出 | Other general education expenditure
20503 | 职业教育 | Vocational education
2050302 | 中等职业教育 | Secondary vocational education
2050305 | 高等职业教育 | Higher vocational education
20504 | 成人教育 | Adult education
20505 | 广播电视教育 | Radio and television education
20506 | 留学教育 | Education for studying abroad
20507 | 特殊教育 | Special education
20508 | 进修及培训 | Further studies and training
2050801 | 教师进修 | Teacher further studies
2050802 | 干部教育 | Cadre education
2050803 | 培训支出 | Training expenditure
2050804 | 退役士兵能力提升 | Skills improvement for discharged soldiers
2050899 | 其他进修及培训 | Other further studies and training
20509 | 教育费附加安排的支出 | Expenditure financed by the education surcharge
20599 | 其他教育支出 | Other education expenditure
2059999 | 其他教育支出 | Other education expenditure

20601 | 科学技术管理事务 | Science and technology administration
20602 | 基础研究 | Basic research
20603 | 应用研究 | Applied research
20604 | 技术研究与开发 | Technology research and development
20605 | 科技条件与服务 | Science and technology infrastructure and services
2060503 | 科技条件专项 | Special programs for science and technology infrastructure
20607 | 科学技术普及 | Popularization of science
2060702 | 科普活动 | Science popularization activities
20608 | 科技交流与合作 | Science and technology exchange and cooperation
20609 | 科技重大项目 | Major science and technology projects
20699 | 其他科学技术支出 | Other science and technology expenditure

20701 | 文化和旅游 | Culture and tourism
2070109 | 群众文化 | Mass culture
20702 | 文物 | Cultural relics
20703 | 体育 | Sports
2070308 | 群众体育 | Mass sports
20706 | 新闻出版电影 | Press, publishing and film
20708 | 广播电视 | Radio and television
20799 | 其他文化旅游体育与传媒支出 | Other culture, tourism, sports and media expenditure

20801 | 人力资源和社会保障管理事务 | Human resources and social security administration
2080101 | 行政运行 | Administrative operation
2080104 | 综合业务管理 | General business administration
2080105 | 劳动保障监察 | Labor security inspection
2080106 | 就业管理事务 | Employment administration
2080107 | 社会保险业务管理事务 | Social insurance business administration
2080108 | 信息化建设 | Information technology development
2080109 | 社会保险经办机构 | Social insurance agencies
2080110 | 劳动关系和维权 | Labor relations and rights protection
2080111 | 公共就业服务和职业技能鉴定机构 | Public employment service and vocational skill appraisal agencies
2080112 | 劳动人事争议调解仲裁 | Mediation and arbitration of labor and personnel disputes
2080199 | 其他人力资源和社会保障管理事务支出 | Other human resources and social security administration expenditure
20802 | 民政管理事务 | Civil affairs administration
20804 | 补充全国社会保障基金 | Supplementing the National Social Security Fund
20805 | 行政事业单位养老支出 | Pensions of government agencies and public institutions
2080501 | 行政单位离退休 | Retirees of administrative units
2080502 | 事业单位离退休 | Retirees of public institutions
2080503 | 离退休人员管理机构 | Retiree management agencies
2080505 | 机关事业单位基本养老保险缴费支出 | Basic pension insurance contributions of government agencies and public institutions
2080506 | 机关事业单位职业年金缴费支出 | Occupational annuity contributions of government agencies and public institutions
2080507 | 对机关事业单位基本养老保险基金的补助 | Subsidies to the basic pension insurance fund of government agencies and public institutions
2080599 | 其他行政事业单位养老支出 | Other pension expenditure of government agencies and public institutions
20806 | 企业改革补助 | Subsidies for enterprise reform
20807 | 就业补助 | Employment subsidies
2080701 | 就业创业服务补贴 | Employment and entrepreneurship service subsidies
2080702 | 职业培训补贴 | Vocational training subsidies
2080704 | 社会保险补贴 | Social insurance subsidies
2080705 | 公益性岗位补贴 | Public-welfare job subsidies
2080711 | 就业见习补贴 | Employment internship subsidies
2080712 | 高技能人才培养补助 | Subsidies for training highly skilled workers
2080799 | 其他就业补助支出 | Other employment subsidies
20808 | 抚恤 | Compensation for martyrs' families and disabled service members
2080801 | 死亡抚恤 | Death compensation
2080802 | 伤残抚恤 | Disability compensation
20809 | 退役安置 | Resettlement of retired service members
20810 | 社会福利 | Social welfare
2081001 | 儿童福利 | Child welfare
2081002 | 老年福利 | Elderly welfare
2081004 | 殡葬 | Funeral and interment services
2081005 | 社会福利事业单位 | Social welfare institutions
2081006 | 养老服务 | Elderly care services
2081099 | 其他社会福利支出 | Other social welfare expenditure
20811 | 残疾人事业 | Services for persons with disabilities
20816 | 红十字事业 | Red Cross services
2081602 | 一般行政管理事务 | General administrative affairs
20819 | 最低生活保障 | Minimum living allowance
2081901 | 城市最低生活保障金支出 | Urban minimum living allowance
2081902 | 农村最低生活保障金支出 | Rural minimum living allowance
20820 | 临时救助 | Temporary assistance
2082001 | 临时救助支出 | Temporary assistance payments
2082002 | 流浪乞讨人员救助支出 | Assistance to vagrants and beggars
20821 | 特困人员救助供养 | Support for persons in extreme poverty
2082101 | 城市特困人员救助供养支出 | Support for urban persons in extreme poverty
2082102 | 农村特困人员救助供养支出 | Support for rural persons in extreme poverty
20825 | 其他生活救助 | Other living assistance
2082501 | 其他城市生活救助 | Other urban living assistance
2082502 | 其他农村生活救助 | Other rural living assistance
20826 | 财政对基本养老保险基金的补助 | Government subsidies to basic pension insurance funds
2082601 | 财政对企业职工基本养老保险基金的补助 | Government subsidies to the enterprise employees' basic pension insurance fund
2082602 | 财政对城乡居民基本养老保险基金的补助 | Government subsidies to the urban and rural residents' basic pension insurance fund
20827 | 财政对其他社会保险基金的补助 | Government subsidies to other social insurance funds
20828 | 退役军人管理事务 | Veterans affairs administration
20830 | 财政代缴社会保险费支出 | Social insurance premiums paid by government on behalf of individuals
20899 | 其他社会保障和就业支出 | Other social security and employment expenditure
2089999 | 其他社会保障和就业支出 | Other social security and employment expenditure

21001 | 卫生健康管理事务 | Health administration
2100102 | 一般行政管理事务 | General administrative affairs
21002 | 公立医院 | Public hospitals
2100201 | 综合医院 | General hospitals
2100202 | 中医（民族）医院 | Traditional Chinese (ethnic) medicine hospitals
2100203 | 传染病医院 | Infectious disease hospitals
2100204 | 职业病防治医院 | Occupational disease hospitals
2100205 | 精神病医院 | Psychiatric hospitals
2100206 | 妇幼保健医院 | Maternal and child health hospitals
2100207 | 儿童医院 | Children's hospitals
2100208 | 其他专科医院 | Other specialized hospitals
2100299 | 其他公立医院支出 | Other public hospital expenditure
21003 | 基层医疗卫生机构 | Primary health care institutions
2100301 | 城市社区卫生机构 | Urban community health institutions
2100302 | 乡镇卫生院 | Township health centers
2100399 | 其他基层医疗卫生机构支出 | Other primary health care institution expenditure
21004 | 公共卫生 | Public health
2100401 | 疾病预防控制机构 | Disease prevention and control institutions
2100402 | 卫生监督机构 | Health supervision institutions
2100403 | 妇幼保健机构 | Maternal and child health institutions
2100404 | 精神卫生机构 | Mental health institutions
2100405 | 应急救治机构 | Emergency treatment institutions
2100406 | 采供血机构 | Blood collection and supply institutions
2100407 | 其他专业公共卫生机构 | Other specialized public health institutions
2100408 | 基本公共卫生服务 | Basic public health services
2100409 | 重大公共卫生服务 | Major public health services
2100410 | 突发公共卫生事件应急处理 | Response to public health emergencies
2100499 | 其他公共卫生支出 | Other public health expenditure
21006 | 中医药 | Traditional Chinese medicine
21007 | 计划生育事务 | Family planning affairs
2100716 | 计划生育机构 | Family planning institutions
2100717 | 计划生育服务 | Family planning services
2100799 | 其他计划生育事务支出 | Other family planning affairs expenditure
21011 | 行政事业单位医疗 | Medical care of government agencies and public institutions
2101101 | 行政单位医疗 | Medical care of administrative units
2101102 | 事业单位医疗 | Medical care of public institutions
2101103 | 公务员医疗补助 | Medical subsidies for civil servants
2101199 | 其他行政事业单位医疗支出 | Other medical care expenditure of government agencies and public institutions
21012 | 财政对基本医疗保险基金的补助 | Government subsidies to basic medical insurance funds
2101201 | 财政对职工基本医疗保险基金的补助 | Government subsidies to the employees' basic medical insurance fund
2101202 | 财政对城乡居民基本医疗保险基金的补助 | Government subsidies to the urban and rural residents' basic medical insurance fund
2101299 | 财政对其他基本医疗保险基金的补助 | Government subsidies to other basic medical insurance funds
21013 | 医疗救助 | Medical assistance
2101301 | 城乡医疗救助 | Urban and rural medical assistance
2101302 | 疾病应急救助 | Emergency medical assistance
2101399 | 其他医疗救助支出 | Other medical assistance expenditure
21014 | 优抚对象医疗 | Medical care for entitled groups
2101401 | 优抚对象医疗补助 | Medical subsidies for entitled groups
21015 | 医疗保障管理事务 | Medical security administration
2101501 | 行政运行 | Administrative operation
2101502 | 一般行政管理事务 | General administrative affairs
2101503 | 机关服务 | Agency services
2101504 | 信息化建设 | Information technology development
2101505 | 医疗保障政策管理 | Medical security policy management
2101506 | 医疗保障经办事务 | Medical security handling services
2101550 | 事业运行 | Operation of public institutions
2101599 | 其他医疗保障管理事务支出 | Other medical security administration expenditure
21016 | 老龄卫生健康事务 | Elderly health affairs
21099 | 其他卫生健康支出 | Other health expenditure

21101 | 环境保护管理事务 | Environmental protection administration
21102 | 环境监测与监察 | Environmental monitoring and inspection
21103 | 污染防治 | Pollution prevention and control
21104 | 自然生态保护 | Protection of natural ecosystems
21105 | 天然林保护 | Natural forest protection
21106 | 退耕还林还草 | Returning farmland to forest and grassland
21110 | 能源节约利用 | Energy conservation
21111 | 污染减排 | Pollution reduction
21113 | 循环经济 | Circular economy
21114 | 能源管理事务 | Energy administration
21199 | 其他节能环保支出 | Other energy conservation and environmental protection expenditure

21201 | 城乡社区管理事务 | Urban and rural community administration
2120101 | 行政运行 | Administrative operation
2120102 | 一般行政管理事务 | General administrative affairs
21202 | 城乡社区规划与管理 | Urban and rural community planning and management
21203 | 城乡社区公共设施 | Urban and rural community public facilities
2120399 | 其他城乡社区公共设施支出 | Other urban and rural community public facilities expenditure
21205 | 城乡社区环境卫生 | Urban and rural community sanitation
2120501 | 城乡社区环境卫生 | Urban and rural community sanitation
21206 | 建设市场管理与监督 | Construction market administration and supervision
21208 | 国有土地使用权出让收入安排的支出 | Expenditure financed by state-owned land use right transfer proceeds
2120803 | 城市建设支出 | Urban construction
21299 | 其他城乡社区支出 | Other urban and rural community affairs expenditure
2129999 | 其他城乡社区支出 | Other urban and rural community affairs expenditure

21301 | 农业农村 | Agriculture and rural affairs
21302 | 林业和草原 | Forestry and grassland
21303 | 水利 | Water conservancy
21305 | 巩固脱贫攻坚成果衔接乡村振兴 | Consolidating poverty alleviation gains and rural revitalization
21307 | 农村综合改革 | Comprehensive rural reform
21308 | 普惠金融发展支出 | Inclusive finance development
21399 | 其他农林水支出 | Other agriculture, forestry and water affairs expenditure

21401 | 公路水路运输 | Road and waterway transport
21402 | 铁路运输 | Railway transport
21403 | 民用航空运输 | Civil aviation
21499 | 其他交通运输支出 | Other transportation expenditure

21505 | 工业和信息产业监管 | Regulation of industry and the information industry
21507 | 国有资产监管 | State-owned assets supervision
21508 | 支持中小企业发展和管理支出 | Support for the development and administration of small and medium-sized enterprises
2150899 | 其他支持中小企业发展和管理支出 | Other support for the development and administration of small and medium-sized enterprises
21599 | 其他资源勘探工业信息等支出 | Other resource exploration, industry and information expenditure
21602 | 商业流通事务 | Commercial circulation affairs
21606 | 涉外发展服务支出 | Foreign-related development services
21699 | 其他商业服务业等支出 | Other commerce and services expenditure
2169999 | 其他商业服务业等支出 | Other commerce and services expenditure

22001 | 自然资源事务 | Natural resources affairs
22005 | 气象事务 | Meteorological affairs
22099 | 其他自然资源海洋气象等支出 | Other natural resources, oceans and meteorology expenditure

22101 | 保障性安居工程支出 | Government-subsidized housing projects
2210103 | 棚户区改造 | Shantytown redevelopment
2210105 | 农村危房改造 | Renovation of dilapidated rural housing
2210106 | 公共租赁住房 | Public rental housing
2210107 | 保障性住房租金补贴 | Rent subsidies for government-subsidized housing
2210108 | 老旧小区改造 | Renovation of old residential compounds
2210110 | 保障性租赁住房 | Affordable rental housing
2210199 | 其他保障性安居工程支出 | Other government-subsidized housing project expenditure
22102 | 住房改革支出 | Housing reform expenditure
2210201 | 住房公积金 | Housing provident fund
2210202 | 提租补贴 | Rent increase subsidies
2210203 | 购房补贴 | Housing purchase subsidies
22103 | 城乡社区住宅 | Urban and rural community housing
2210301 | 公有住房建设和维修改造支出 | Construction, maintenance and renovation of public housing
2210302 | 住房公积金管理 | Housing provident fund management
2210399 | 其他城乡社区住宅支出 | Other urban and rural community housing expenditure
22198 | 其他住房保障支出 | Other housing security expenditure
2219899 | 其他住房保障支出 | Other housing security expenditure

22201 | 粮油物资事务 | Grain, oil and material reserves affairs
22204 | 粮油储备 | Grain and oil reserves
22205 | 重要商品储备 | Reserves of important commodities

22401 | 应急管理事务 | Emergency management affairs
22402 | 消防救援事务 | Fire and rescue affairs
2240299 | 其他消防救援事务支出 | Other fire and rescue affairs expenditure
22405 | 地震事务 | Earthquake affairs
22406 | 自然灾害防治 | Natural disaster prevention and control
22407 | 自然灾害救灾及恢复重建支出 | Natural disaster relief and reconstruction
22499 | 其他灾害防治及应急管理支出 | Other disaster prevention and emergency management expenditure

22902 | 年初预留 | Reserved at the beginning of the year
22904 | 其他政府性基金及对应专项债务收入安排的支出 | Expenditure financed by other government funds and related special bond revenue
22908 | 彩票发行销售机构业务费安排的支出 | Expenditure financed by the operating fees of lottery issuing and sales agencies
22960 | 彩票公益金安排的支出 | Expenditure financed by lottery public welfare funds
22999 | 其他支出 | Other expenditure

23203 | 地方政府一般债务付息支出 | Interest on local government general bonds
23303 | 地方政府一般债务发行费用支出 | Issuance costs of local government general bonds
`;

const ECONOMIC_TABLE = `
301 | 工资福利支出 | Wages and benefits
30101 | 基本工资 | Basic wages
30102 | 津贴补贴 | Allowances and subsidies
3010201 | 国家出台津贴补贴 | Allowances and subsidies set by the central government
3010202 | 地方出台的津贴补贴（机关） | Allowances and subsidies set by the local government (agencies)
3010203 | 其他津贴补贴 | Other allowances and subsidies
30103 | 奖金 | Bonuses
3010301 | 年终一次性奖金（机关） | Year-end one-off bonus (agencies)
3010303 | 基础绩效奖 | Basic performance bonus
30106 | 伙食补助费 | Meal subsidies
30107 | 绩效工资 | Performance-related pay
30108 | 机关事业单位基本养老保险缴费 | Basic pension insurance contributions of government agencies and public institutions
30109 | 职业年金缴费 | Occupational annuity contributions
30110 | 职工基本医疗保险缴费 | Employees' basic medical insurance contributions
30111 | 公务员医疗补助缴费 | Civil servants' medical subsidy contributions
30112 | 其他社会保障缴费 | Other social security contributions
3011201 | 失业保险 | Unemployment insurance
3011202 | 工伤保险 | Work injury insurance
30113 | 住房公积金 | Housing provident fund
30114 | 医疗费 | Medical expenses
30199 | 其他工资福利支出 | Other wages and benefits
3019999 | 其他工资福利支出 | Other wages and benefits

302 | 商品和服务支出 | Goods and services
30201 | 办公费 | Office expenses
30202 | 印刷费 | Printing expenses
30203 | 咨询费 | Consulting fees
30204 | 手续费 | Service charges
30205 | 水费 | Water charges
30206 | 电费 | Electricity charges
30207 | 邮电费 | Postal and telecommunications charges
30208 | 取暖费 | Heating expenses
30209 | 物业管理费 | Property management fees
30211 | 差旅费 | Travel expenses
30212 | 因公出国（境）费用 | Official travel abroad (outside the mainland)
30213 | 维修（护）费 | Repair and maintenance
30214 | 租赁费 | Rental expenses
30215 | 会议费 | Meeting expenses
30216 | 培训费 | Training expenses
30217 | 公务接待费 | Official reception expenses
30218 | 专用材料费 | Special materials
30224 | 被装购置费 | Uniforms and bedding
30225 | 专用燃料费 | Special fuel
30226 | 劳务费 | Labor service fees
30227 | 委托业务费 | Commissioned services
30228 | 工会经费 | Trade union funds
30229 | 福利费 | Welfare expenses
30231 | 公务用车运行维护费 | Official vehicle operation and maintenance
30239 | 其他交通费用 | Other transportation expenses
3023901 | 公务交通费用 | Official transportation expenses
30240 | 税金及附加费用 | Taxes and surcharges
30299 | 其他商品和服务支出 | Other goods and services
3029901 | 离退休公用经费 | Operating funds for retirees
3029903 | 机幼经费 | Agency kindergarten funds
3029909 | 其他商品和服务支出 | Other goods and services

303 | 对个人和家庭的补助 | Subsidies to individuals and households
30301 | 离休费 | Retirement pay for veteran cadres (lixiu)
30302 | 退休费 | Retirement pay
30303 | 退职（役）费 | Severance and demobilization pay
30304 | 抚恤金 | Survivor and disability benefits
30305 | 生活补助 | Living subsidies
3030503 | 其他生活补助 | Other living subsidies
30306 | 救济费 | Relief payments
30307 | 医疗费补助 | Medical expense subsidies
30308 | 助学金 | Student grants
30309 | 奖励金 | Rewards
3030901 | 独生子女父母奖励 | Rewards for parents of only children
30310 | 个人农业生产补贴 | Agricultural production subsidies to individuals
30311 | 代缴社会保险费 | Social insurance premiums paid on behalf of individuals
30399 | 其他对个人和家庭的补助 | Other subsidies to individuals and households

307 | 债务利息及费用支出 | Debt interest and charges
30701 | 国内债务付息 | Domestic debt interest
30702 | 国外债务付息 | Foreign debt interest
30703 | 国内债务发行费用 | Domestic debt issuance costs
30704 | 国外债务发行费用 | Foreign debt issuance costs

309 | 资本性支出（基本建设） | Capital expenditure (capital construction)
30901 | 房屋建筑物购建 | Purchase and construction of buildings
30902 | 办公设备购置 | Office equipment
30903 | 专用设备购置 | Special equipment
30905 | 基础设施建设 | Infrastructure construction
30906 | 大型修缮 | Major repairs
30907 | 信息网络及软件购置更新 | Information networks and software
30908 | 物资储备 | Material reserves
30913 | 公务用车购置 | Official vehicle purchases
30919 | 其他交通工具购置 | Other transport equipment
30921 | 文物和陈列品购置 | Cultural relics and exhibits
30922 | 无形资产购置 | Intangible assets
30999 | 其他基本建设支出 | Other capital construction

310 | 资本性支出 | Capital expenditure
31001 | 房屋建筑物购建 | Purchase and construction of buildings
31002 | 办公设备购置 | Office equipment
31003 | 专用设备购置 | Special equipment
31005 | 基础设施建设 | Infrastructure construction
31006 | 大型修缮 | Major repairs
31007 | 信息网络及软件购置更新 | Information networks and software
31008 | 物资储备 | Material reserves
31009 | 土地补偿 | Land compensation
31010 | 安置补助 | Resettlement subsidies
31011 | 地上附着物和青苗补偿 | Compensation for ground attachments and young crops
31012 | 拆迁补偿 | Demolition compensation
31013 | 公务用车购置 | Official vehicle purchases
31019 | 其他交通工具购置 | Other transport equipment
31021 | 文物和陈列品购置 | Cultural relics and exhibits
31022 | 无形资产购置 | Intangible assets
31099 | 其他资本性支出 | Other capital expenditure

311 | 对企业补助（基本建设） | Subsidies to enterprises (capital construction)
31101 | 资本金注入 | Capital injections
31199 | 其他对企业补助 | Other subsidies to enterprises

312 | 对企业补助 | Subsidies to enterprises
31201 | 资本金注入 | Capital injections
31203 | 政府投资基金股权投资 | Equity investment through government investment funds
31204 | 费用补贴 | Cost subsidies
31205 | 利息补贴 | Interest subsidies
31299 | 其他对企业补助 | Other subsidies to enterprises

313 | 对社会保障基金补助 | Subsidies to social security funds
31302 | 对社会保险基金补助 | Subsidies to social insurance funds
31303 | 补充全国社会保障基金 | Supplementing the National Social Security Fund
31304 | 对机关事业单位职业年金的补助 | Subsidies to occupational annuities of government agencies and public institutions

399 | 其他支出 | Other expenditure
39907 | 国家赔偿费用支出 | State compensation
39908 | 对民间非营利组织和群众性自治组织补贴 | Subsidies to private non-profit organizations and community self-governing organizations
39909 | 经常性赠与 | Current donations
39910 | 资本性赠与 | Capital donations
39999 | 其他支出 | Other expenditure

501 | 机关工资福利支出 | Wages and benefits of government agencies
50101 | 工资奖金津补贴 | Wages, bonuses, allowances and subsidies
50102 | 社会保障缴费 | Social security contributions
50103 | 住房公积金 | Housing provident fund
50199 | 其他工资福利支出 | Other wages and benefits

502 | 机关商品和服务支出 | Goods and services of government agencies
50201 | 办公经费 | Office operating expenses
50202 | 会议费 | Meeting expenses
50203 | 培训费 | Training expenses
50204 | 专用材料购置费 | Special materials
50205 | 委托业务费 | Commissioned services
50206 | 公务接待费 | Official reception expenses
50207 | 因公出国（境）费用 | Official travel abroad (outside the mainland)
50208 | 公务用车运行维护费 | Official vehicle operation and maintenance
50209 | 维修（护）费 | Repair and maintenance
50299 | 其他商品和服务支出 | Other goods and services

503 | 机关资本性支出（一） | Capital expenditure of government agencies (I)
50301 | 房屋建筑物购建 | Purchase and construction of buildings
50302 | 基础设施建设 | Infrastructure construction
50303 | 公务用车购置 | Official vehicle purchases
50305 | 土地征迁补偿和安置支出 | Land acquisition, relocation compensation and resettlement
50306 | 设备购置 | Equipment purchases
50307 | 大型修缮 | Major repairs
50399 | 其他资本性支出 | Other capital expenditure

504 | 机关资本性支出（二） | Capital expenditure of government agencies (II)
50401 | 房屋建筑物购建 | Purchase and construction of buildings
50402 | 基础设施建设 | Infrastructure construction
50403 | 公务用车购置 | Official vehicle purchases
50499 | 其他资本性支出 | Other capital expenditure

505 | 对事业单位经常性补助 | Current transfers to public institutions
50501 | 工资福利支出 | Wages and benefits
50502 | 商品和服务支出 | Goods and services
50599 | 其他对事业单位补助 | Other transfers to public institutions

506 | 对事业单位资本性补助 | Capital transfers to public institutions
50601 | 资本性支出（一） | Capital expenditure (I)
50602 | 资本性支出（二） | Capital expenditure (II)

507 | 对企业补助 | Subsidies to enterprises
50701 | 费用补贴 | Cost subsidies
50702 | 利息补贴 | Interest subsidies
50799 | 其他对企业补助 | Other subsidies to enterprises

508 | 对企业资本性支出 | Capital expenditure on enterprises
50801 | 对企业资本性支出（一） | Capital expenditure on enterprises (I)
50802 | 对企业资本性支出（二） | Capital expenditure on enterprises (II)

509 | 对个人和家庭的补助 | Subsidies to individuals and households
50901 | 社会福利和救助 | Social welfare and assistance
50902 | 助学金 | Student grants
50903 | 个人农业生产补贴 | Agricultural production subsidies to individuals
50905 | 离退休费 | Retirement pay
50999 | 其他对个人和家庭补助 | Other subsidies to individuals and households

510 | 对社会保障基金补助 | Subsidies to social security funds
51002 | 对社会保险基金补助 | Subsidies to social insurance funds
51003 | 补充全国社会保障基金 | Supplementing the National Social Security Fund

511 | 债务利息及费用支出 | Debt interest and charges
51101 | 国内债务付息 | Domestic debt interest
51102 | 国外债务付息 | Foreign debt interest
51103 | 国内债务发行费用 | Domestic debt issuance costs
51104 | 国外债务发行费用 | Foreign debt issuance costs

512 | 债务还本支出 | Debt principal repayment
51201 | 国内债务还本 | Domestic debt principal repayment
51202 | 国外债务还本 | Foreign debt principal repayment

513 | 转移性支出 | Transfer expenditure
51301 | 上下级政府间转移性支出 | Transfers between levels of government
51302 | 援助其他地区支出 | Assistance to other regions
51303 | 债务转贷 | On-lending of debt
51304 | 调出资金 | Funds transferred out

514 | 预备费及预留 | Reserve fund and reservations
51401 | 预备费 | Reserve fund
51402 | 预留 | Reservations

599 | 其他支出 | Other expenditure
59907 | 国家赔偿费用支出 | State compensation
59908 | 对民间非营利组织和群众性自治组织补贴 | Subsidies to private non-profit organizations and community self-governing organizations
59909 | 经常性赠与 | Current donations
59910 | 资本性赠与 | Capital donations
59999 | 其他支出 | Other expenditure
`;

/*
 * Names printed in place of a national name (local schemes number their own
 * 款, e.g. Shanghai's `302 10 车辆运行费`): printed name | English name.
 */
const ECONOMIC_ALIASES = `
机关事业单位基本养老保险费 | Basic pension insurance contributions of government agencies and public institutions
办公设备购置费 | Office equipment
车辆运行费 | Vehicle operation expenses
事业单位离退休人员福利费 | Welfare expenses for retirees of public institutions
机关事业单位退休人员活动费 | Activity expenses for retirees of government agencies and public institutions
离退休人员经费 | Funds for retirees
其他个人和家庭的补助支出 | Other subsidies to individuals and households
`;

/** 项 whose name is the same under every 款 that has them (functional only). */
const GENERIC_XIANG: Record<string, { zh: string; en: string }> = {
  "01": { zh: "行政运行", en: "Administrative operation" },
  "02": { zh: "一般行政管理事务", en: "General administrative affairs" },
  "03": { zh: "机关服务", en: "Agency services" },
  "50": { zh: "事业运行", en: "Operation of public institutions" },
};

/**
 * 款 whose 项 are not the administrative series (their xx01 is e.g. 行政单位离退休,
 * 住房公积金, 综合医院): no generic fallback under them.
 */
const NOT_ADMINISTRATIVE_KUAN = new Set([
  "20502", "20503", "20508", "20605", "20607", "20805", "20807", "20808", "20810",
  "20819", "20820", "20821", "20825", "20826", "20827", "21002", "21003", "21004",
  "21011", "21012", "21013", "21014", "21203", "21205", "21208", "22101", "22102",
  "22103", "20602", "20603", "20604", "20606", "20608", "20609", "21103", "21104",
  "21105", "21106", "21110", "21111", "21113", "21202", "21206", "21307", "21308",
  "22204", "22205", "22406", "22407", "23203", "23303",
]);

interface Entry {
  zh: string;
  en: string;
}

interface NameTable {
  byCode: Record<string, Entry>;
  /** normalised printed variant → English name */
  aliases: Record<string, string>;
  /** normalised Chinese name → English names of the codes bearing it, by code length */
  byName: Record<string, Record<number, string[]>>;
}

function buildTable(text: string, aliasText = ""): NameTable {
  const byCode: Record<string, Entry> = {};
  const aliases: Record<string, string> = {};
  for (const parts of rows(aliasText, 2)) aliases[normaliseName(parts[0])] = parts[1];
  const byName: Record<string, Record<number, string[]>> = {};
  for (const [code, zh, en] of rows(text, 3)) {
    if (!/^\d{3}(\d{2}){0,2}$/.test(code)) throw new Error(`classification-names: malformed code "${code}"`);
    if (byCode[code]) throw new Error(`classification-names: duplicate code ${code}`);
    byCode[code] = { zh, en };
    const key = normaliseName(zh);
    const lengths = (byName[key] ??= {});
    const names = (lengths[code.length] ??= []);
    if (!names.includes(en)) names.push(en);
  }
  return { byCode, aliases, byName };
}

/** Non-blank lines of a `a | b | c` table, each with exactly `width` non-empty fields. */
function rows(text: string, width: number): string[][] {
  const out: string[][] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const parts = line.split("|").map((p) => p.trim());
    if (parts.length !== width || parts.some((p) => !p)) throw new Error(`classification-names: malformed entry "${line}"`);
    out.push(parts);
  }
  return out;
}

/** Printed-name variants folded: spaces, half-width brackets, a trailing （类）/（款）/（项）. */
export function normaliseName(name: string): string {
  return removeTrailingLevelMark(spacelessFullWidth(name));
}

const TABLES: Record<"functional" | "economic", NameTable> = {
  functional: buildTable(FUNCTIONAL_TABLE),
  economic: buildTable(ECONOMIC_TABLE, ECONOMIC_ALIASES),
};

/** All codes with a listed name in one system, sorted. */
export function namedCodes(system: CodeSystem): string[] {
  if (system !== "functional" && system !== "economic") return [];
  return Object.keys(TABLES[system].byCode).sort();
}

/** The national Chinese name we list for a code, or null. */
export function nationalChineseName(system: CodeSystem, code: string): string | null {
  if (system !== "functional" && system !== "economic") return null;
  return TABLES[system].byCode[code]?.zh ?? null;
}

/**
 * National Chinese name of a code: the listed name, else — for a functional
 * 项 of the administrative series (xx01 行政运行, xx02 一般行政管理事务,
 * xx03 机关服务, xx50 事业运行) — the generic name; null when unknown.
 */
export function chineseName(system: CodeSystem, code: string): string | null {
  const listed = nationalChineseName(system, code);
  if (listed !== null || system !== "functional" || code.length !== 7) return listed;
  const parent = code.slice(0, 5);
  const generic = GENERIC_XIANG[code.slice(-2)];
  return generic && !NOT_ADMINISTRATIVE_KUAN.has(parent) && !parent.endsWith("99") ? generic.zh : null;
}

/** Whether a label (its numbering left out) is the national name of a functional or economic code (`综合医院`, `就业补助`, `工资福利支出`). */
export function isClassificationName(label: string): boolean {
  const key = normaliseName(removeLeadingNumbering(label));
  return key in TABLES.functional.byName || key in TABLES.economic.byName;
}

/** 支出功能分类 类 (3-digit) national name, without spaces → code. */
const CLASS_BY_NAME = new Map(
  Object.entries(TABLES.functional.byCode)
    .filter(([code]) => code.length === 3)
    .map(([code, { zh }]) => [removeSpaces(zh), code]),
);

/** The 支出功能分类 类 code named by a label (`八、社会保障和就业支出`: numbering and spaces ignored), or null. */
export function functionalClassCode(label: string): string | null {
  return CLASS_BY_NAME.get(removeSpaces(removeLeadingNumbering(label))) ?? null;
}

/**
 * The 支出功能分类 类/款/项 department disclosures name most often: the
 * names prose resolves without a table of the document's own (000 prints
 * none). Names come from the code book above.
 */
const COMMON_FUNCTIONAL_CODES = `
201 20101 20103 2010301 2010302 2010399 20199 2019999 203 204 205 20508 2050801 2050802 2050803 206 207
208 20801 2080101 2080102 2080109 20805 2080501 2080502 2080505 2080506 2080599 20899 2089999
210 21001 2100101 2100102 21011 2101101 2101102 2101103 21012 2101201 2101202
21015 2101501 2101502 2101503 2101504 2101505 2101506 2101550 2101599
211 212 213 214 221 22102 2210201 2210202 2210203 229
`;

/** [code, national Chinese name] of the commonly named functional codes. */
export function commonFunctionalNames(): Array<[string, string]> {
  return COMMON_FUNCTIONAL_CODES.trim()
    .split(/\s+/)
    .map((code) => {
      const zh = chineseName("functional", code);
      if (zh === null) throw new Error(`code book: no name for common functional code ${code}`);
      return [code, zh];
    });
}

/**
 * English name of a classification code. With `nameZh` (the name printed
 * beside the code) the answer follows the printed name when the document
 * numbers an item differently from the national scheme (e.g. `30202 咨询费`),
 * and unlisted codes get a better fallback.
 */
export function englishName(system: CodeSystem, code: string, nameZh?: string): string | null {
  if (system !== "functional" && system !== "economic") return null;
  const table = TABLES[system];
  const printed = nameZh === undefined ? "" : normaliseName(nameZh);
  const entry = table.byCode[code];
  if (entry) {
    if (printed && printed !== normaliseName(entry.zh)) {
      const other = englishOfPrintedName(table, printed, code.length);
      if (other) return other;
    }
    return entry.en;
  }
  if (printed) {
    const named = englishOfPrintedName(table, printed, code.length);
    if (named) return named;
  }
  return genericEnglish(system, table, code, printed);
}

/** The English name shared by every listed code bearing this Chinese name, preferring codes of the same length. */
function englishOfPrintedName(table: NameTable, printed: string, length: number): string | null {
  const lengths = table.byName[printed];
  if (!lengths) return table.aliases[printed] ?? null;
  const same = lengths[length];
  if (same) return same.length === 1 ? same[0] : null;
  const all = [...new Set(Object.keys(lengths).sort().flatMap((l) => lengths[Number(l)]))];
  return all.length === 1 ? all[0] : null;
}

function genericEnglish(system: CodeSystem, table: NameTable, code: string, printed: string): string | null {
  if (code.length !== 5 && code.length !== 7) return null;
  const parent = code.slice(0, code.length - 2);
  const suffix = code.slice(-2);
  const generic = GENERIC_XIANG[suffix];
  if (
    system === "functional" &&
    code.length === 7 &&
    generic &&
    !NOT_ADMINISTRATIVE_KUAN.has(parent) &&
    !parent.endsWith("99") &&
    (!printed || printed === generic.zh)
  ) {
    return generic.en;
  }
  if (printed.startsWith("其他")) return composeOther(table, code, printed);
  if (!printed && suffix === "99") {
    const p = table.byCode[parent];
    if (!p) return null;
    return p.zh.startsWith("其他") ? p.en : otherOf(p.en);
  }
  return null;
}

/** `其他X支出` / `其他X` under an ancestor named X → "Other x expenditure". */
function composeOther(table: NameTable, code: string, printed: string): string | null {
  const body = printed.slice(2);
  const core = body.replace(/支出$/, "");
  for (let len = code.length - 2; len >= 3; len -= 2) {
    const ancestor = table.byCode[code.slice(0, len)];
    if (!ancestor) continue;
    const zh = normaliseName(ancestor.zh).replace(/支出$/, "");
    if (zh === core) return body.endsWith("支出") ? otherOf(ancestor.en) : `Other ${lowerFirst(ancestor.en)}`;
  }
  return null;
}

function otherOf(en: string): string {
  const name = lowerFirst(en);
  return /expenditure$/.test(name) ? `Other ${name}` : `Other ${name} expenditure`;
}

const PROPER_FIRST_WORDS = new Set(["Party", "Hong", "Red", "Communist", "Overseas", "Chinese"]);

function lowerFirst(en: string): string {
  const first = en.split(" ")[0];
  if (PROPER_FIRST_WORDS.has(first) || /^[A-Z]{2,}/.test(first)) return en;
  return en.charAt(0).toLowerCase() + en.slice(1);
}
