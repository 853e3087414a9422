/**
 * The measures of the panel and how a figure stated in the prose is
 * recognised as one of them. One rule table serves both uses of the prose:
 * the document's own-year figures where a table is missing, and the
 * earlier-year figures a document states (上年决算数, 较上年增减).
 */
export { PANEL_MEASURES } from "../schema/measures.ts";

/** Subject (as printed, see measureOfSubject) → measure; first match wins. */
const SUBJECT_RULES: Array<[RegExp, string]> = [
  [/^(?:收支(?:决算|预算)?总(?:计|数)|收入预算|支出预算|预算收入|预算支出)$/u, "grand_total"],
  [/^本年收入合计$/u, "income"],
  [/^本年支出合计$/u, "expenditure"],
  [/^基本支出$/u, "basic"],
  [/^项目支出$/u, "project"],
  [/^人员经费$/u, "personnel"],
  [/^公用经费$/u, "public_expenses"],
  [/三公/u, "three_public_total"],
  [/出国/u, "overseas_travel"],
  [/公务用车购置及运行/u, "vehicles_total"],
  [/公务用车购置/u, "vehicle_purchase"],
  [/公务用车运行/u, "vehicle_operation"],
  [/^公务接待/u, "official_reception"],
  [/^(?:机关)?运行经费/u, "agency_running_costs"],
];

/** The panel measure a prose subject names, else null. Functional 类 codes are read from the fact's code, not here. */
export function measureOfSubject(subject: string): string | null {
  // a leading bracket and trailing 支出 / 安排 / 财政拨款 / 预算 wording are not part of the name;
  // a leading 财政拨款 is (财政拨款收支总计 is not the 收支总计)
  const s = subject.replace(/^[（(“"]+/u, "").replace(/(?:支出|安排|财政拨款|预算)+$/u, "");
  for (const [pattern, measure] of SUBJECT_RULES) if (pattern.test(s) || pattern.test(subject)) return measure;
  return null;
}
