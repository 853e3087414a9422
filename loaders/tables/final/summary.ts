/**
 * Two-sided 总表 tables: 收入支出决算总表 (final_summary) and
 * 财政拨款收入支出决算总表 (final_fiscal_summary). Each printed line holds an
 * income row and an expenditure row side by side: `label 行次 value label
 * 行次 values…`. Every printed number becomes one item.
 *
 * Rules:
 *  - A line is cut into segments at each label (a numbered label 一、…
 *    starts a new segment, as does a 行次 after values or a second 行次).
 *    Two segments: income then expenditure. One segment: the side is told
 *    by its name (…支出, 结余分配, 年末… are expenditure).
 *  - A label wrapped over text-only lines before a line whose first
 *    segment has no label is joined to that segment.
 *  - Income rows have one value column; their measure is the income source
 *    the row names. Expenditure rows have one column (决算数: measure
 *    amount, 类 code resolved from the name) or four (合计 and the three
 *    funds). With fewer numbers than four: the first is the 合计; the rest
 *    go to the funds that have income or carry-over on the income side
 *    ("shift:funds-with-income", inferred) — else the line is ambiguous.
 *  - When the section keeps column positions (layout extraction), the fund
 *    columns are read from the positions of their header words.
 *  - A line of numbers only, right above a line of labels, holds cells of
 *    that line's rows (the labels are vertically centred lower): its
 *    numbers go in order to the income row when that row has no number
 *    (one each), the rest before the numbers of the expenditure row. Each
 *    way of splitting them is tried; it is used only when exactly one way
 *    keeps every row within its columns and 合计 = Σ funds on the
 *    expenditure row ("attach:line-above", inferred; source_line stays the
 *    line where the number is printed). Otherwise the line goes to residue.
 */
import type { LineItem, ResidueRow, TableContext, TableParse } from "../../schema/types.ts";
import { makeItem, makeResidue } from "../item.ts";
import { isInteger, isMoneyToken, joinLabel, keepsColumns, tokenize, tokenValue, type Token } from "../rows.ts";
import { headerAnchors, nearestAnchor } from "../placement/index.ts";
import { sortLines } from "./section-lines.ts";
import { removeLeadingNumbering, removeSpaces } from "../../base/fold.ts";
import { withinRounding } from "../../base/money.ts";
import { functionalClassCode } from "../../schema/classification-names.ts";
import type { Measure } from "../../schema/measures.ts";

interface Segment {
  label: string;
  lineNo: number | null;
  values: Token[];
  /** Line of each value when some stand on another line (see attachAbove). */
  valueLines?: number[];
}

const FUND_COLUMNS: Array<{ measure: Measure; label: string; keys: string[] }> = [
  { measure: "total", label: "合计", keys: ["合计"] },
  { measure: "general_public_budget", label: "一般公共预算财政拨款", keys: ["一般公共预算"] },
  { measure: "government_fund", label: "政府性基金预算财政拨款", keys: ["政府性基金"] },
  { measure: "state_capital", label: "国有资本经营预算财政拨款", keys: ["国有资本经营"] },
];

const NEW_SEGMENT = /^(?:[一二三四五六七八九十]+、|本年收入|本年支出|年初|年末|使用非财政|结余分配|收入总计|支出总计|总计$|合计$)/;

function segmentsOf(text: string, withLineNo: boolean): Segment[] {
  const segs: Segment[] = [];
  let cur: Segment | null = null;
  let prevEnd = -1;
  const open = (label: string, lineNo: number | null): Segment => {
    cur = { label, lineNo, values: [] };
    segs.push(cur);
    return cur;
  };
  for (const t of tokenize(text)) {
    const gap = prevEnd < 0 ? 0 : t.x0 - prevEnd;
    prevEnd = t.x1;
    const c = cur as Segment | null;
    if (isMoneyToken(t.text) || (!withLineNo && isInteger(t.text))) {
      (c ?? open("", null)).values.push(t);
    } else if (isInteger(t.text)) {
      if (c && c.lineNo === null && c.values.length === 0) c.lineNo = Number(t.text);
      else open("", Number(t.text));
    } else if (!c || c.lineNo !== null || c.values.length > 0 || (c.label && (NEW_SEGMENT.test(t.text) || gap >= 4))) {
      open(t.text, null);
    } else {
      c.label = joinLabel([c.label, t.text]);
    }
  }
  return segs;
}

/** The sides of a line's segments: income then expenditure, or told by the name. */
function sidesOf(segs: Segment[]): Array<"income" | "expenditure"> {
  return segs.map((seg, k) => (segs.length === 2 ? (k === 0 ? "income" : "expenditure") : isExpenditureLabel(seg.label) ? "expenditure" : "income"));
}

/**
 * Attach a line of numbers only (printed above) to the labelled segments
 * of the next line; null unless exactly one split fits (see the rules).
 */
function attachAbove(above: Token[], aboveLine: number, line: number, segs: Segment[], fourColumns: boolean): Segment[] | null {
  if (segs.length === 0 || segs.length > 2 || segs.some((s) => !s.label)) return null;
  const sides = sidesOf(segs);
  const inc = sides.indexOf("income");
  const exp = sides.indexOf("expenditure");
  const fits: Segment[][] = [];
  for (const toIncome of inc >= 0 && segs[inc].values.length === 0 ? [1, 0] : [0]) {
    if (toIncome > above.length) continue;
    const rest = above.slice(toIncome);
    if (rest.length > 0 && exp < 0) continue;
    const out = segs.map((s) => ({ ...s, valueLines: s.values.map(() => line) }));
    if (toIncome) Object.assign(out[inc], { values: above.slice(0, 1), valueLines: [aboveLine] });
    if (exp >= 0 && rest.length) {
      const e = out[exp];
      Object.assign(e, { values: [...rest, ...e.values], valueLines: [...rest.map(() => aboveLine), ...e.valueLines!] });
      const v = e.values.map((t) => tokenValue(t.text)!);
      if (v.length > (fourColumns ? 4 : 1)) continue;
      if (v.length >= 2 && !withinRounding(v[0], v.slice(1).reduce((a, b) => a + b, 0), v.length - 1)) continue;
    }
    fits.push(out);
  }
  return fits.length === 1 ? fits[0] : null;
}

function isExpenditureLabel(label: string): boolean {
  return /支出|结余分配|年末/.test(label);
}

function incomeMeasure(label: string, afterCarryover: boolean): Measure | null {
  const l = removeSpaces(removeLeadingNumbering(label));
  if (/^年初/.test(l)) return "carryover_prior";
  if (afterCarryover && /^(一般公共预算|政府性基金|国有资本经营)/.test(l)) return "carryover_prior";
  if (/^一般公共预算财政拨款/.test(l)) return "general_public_budget";
  if (/^政府性基金预算财政拨款/.test(l)) return "government_fund";
  if (/^国有资本经营预算财政拨款/.test(l)) return "state_capital";
  if (/^上级补助/.test(l)) return "superior_subsidy";
  if (/^事业收入/.test(l)) return "business_income";
  if (/^经营收入/.test(l)) return "operating_income";
  if (/^附属单位上缴/.test(l)) return "subordinate_remittance";
  if (/^其他收入/.test(l)) return "other_income";
  if (/^本年收入合计/.test(l)) return "total";
  if (/^使用非财政拨款结余/.test(l)) return "non_fiscal_balance_used";
  if (/^(收入)?总计$|^合计$/.test(l)) return "grand_total";
  return null;
}

function expenditureMeasure(label: string): Measure | null {
  const l = removeSpaces(removeLeadingNumbering(label));
  if (/^本年支出合计/.test(l)) return "total";
  if (/^结余分配/.test(l)) return "balance_distribution";
  if (/^年末/.test(l)) return "carryover_next";
  if (/^(支出)?总计$|^合计$/.test(l)) return "grand_total";
  if (functionalClassCode(label)) return "amount";
  return null;
}

interface Pending {
  seg: Segment;
  side: "income" | "expenditure";
  line: number;
  row_index: number;
}

export function parseSummary(ctx: TableContext): TableParse {
  const sorted = sortLines(ctx, (t) => tokenize(t).some((k) => isMoneyToken(k.text)));
  const residue: ResidueRow[] = [...sorted.residue];
  const header = sorted.header.join("");
  const withLineNo = header.includes("行次") || /^行$/.test(sorted.header.find((h) => h === "行") ?? "");
  const incomeColumn = header.includes("决算数") ? "决算数" : header.includes("金额") ? "金额" : "决算数";
  const fourColumns = ctx.section.family === "final_fiscal_summary" || header.includes("政府性基金预算财政拨款合计");
  const layout = keepsColumns(sorted.headerRaw.concat(sorted.body.map(([, t]) => t)));
  const anchors = layout ? headerAnchors(sorted.headerRaw, FUND_COLUMNS.map((c) => c.keys)) : [];
  const byPosition = layout && anchors.every((a) => a !== null);

  const rows: Pending[] = [];
  const problems = new Map<number, string>();
  let pendingLabel: Array<[number, string]> = [];
  let rowIndex = 0;
  let held: { line: number; values: Token[] } | null = null;
  const dropHeld = () => {
    if (held) problems.set(held.line, "numbers without row label");
    held = null;
  };
  for (const [n, text] of sorted.body) {
    let segs = segmentsOf(text, withLineNo);
    if (held) {
      const h: { line: number; values: Token[] } = held;
      const joined = attachAbove(h.values, h.line, n, segs, fourColumns);
      if (joined) {
        segs = joined;
        held = null;
      } else dropHeld();
    }
    const hasValues = segs.some((s) => s.values.length > 0);
    const textOnly = segs.every((s) => s.lineNo === null && s.values.length === 0);
    if (textOnly) {
      pendingLabel.push([n, text]);
      continue;
    }
    // a wrapped label: its later lines continue it rather than start a numbered row
    const wrapped = pendingLabel.length > 0 && pendingLabel.slice(1).every(([, t]) => !NEW_SEGMENT.test(t.trim()));
    if (segs[0] && segs[0].label === "" && wrapped) {
      segs[0].label = joinLabel(pendingLabel.map(([, t]) => t.trim()));
      for (const [m] of pendingLabel) residue.push(makeResidue(ctx, m, "label continues on next line"));
    } else for (const [m] of pendingLabel) residue.push(makeResidue(ctx, m, "row without values"));
    pendingLabel = [];
    if (!hasValues) {
      residue.push(makeResidue(ctx, n, "row without values"));
      continue;
    }
    if (segs.length > 2) {
      problems.set(n, `ambiguous columns: ${segs.length} row segments on one line`);
      continue;
    }
    if (segs.length === 1 && !segs[0].label && segs[0].lineNo === null) {
      held = { line: n, values: segs[0].values };
      continue;
    }
    const sides = sidesOf(segs);
    segs.forEach((seg, k) => {
      if (seg.values.length === 0) return;
      const side = sides[k];
      if (!seg.label) {
        problems.set(n, "numbers without row label");
        return;
      }
      rows.push({ seg, side, line: n, row_index: ++rowIndex });
    });
  }
  for (const [m] of pendingLabel) residue.push(makeResidue(ctx, m, "row without values"));
  dropHeld();

  // funds with income or carry-over, for placing shifted fund columns
  const fundActive = [false, false, false];
  let afterCarry = false;
  for (const r of rows) {
    if (r.side !== "income") continue;
    const m = incomeMeasure(r.seg.label, afterCarry);
    if (/^年初/.test(removeSpaces(removeLeadingNumbering(r.seg.label)))) afterCarry = true;
    const l = removeSpaces(removeLeadingNumbering(r.seg.label));
    const f = /^一般公共预算/.test(l) ? 0 : /^政府性基金/.test(l) ? 1 : /^国有资本经营/.test(l) ? 2 : -1;
    if (f >= 0 && m && r.seg.values.some((v) => tokenValue(v.text) !== 0)) fundActive[f] = true;
  }

  const items: LineItem[] = [];
  afterCarry = false;
  /** Where value i of a row was printed, and its rule with the attachment named. */
  const at = (r: Pending, i: number, rule: string | null) => {
    const line = r.seg.valueLines?.[i] ?? r.line;
    const full = line !== r.line ? ["attach:line-above", rule].filter((x) => x).join("+") : rule;
    return { source_line: line, inferred: full !== null, rule: full };
  };
  const fail = (r: Pending, reason: string) => {
    for (const m of new Set([r.line, ...(r.seg.valueLines ?? [])])) problems.set(m, reason);
  };
  /** The item of value i of a row (fields spelled out: no object spread on this path). */
  const itemOf = (r: Pending, i: number, rule: string | null, measure: Measure, column_label: string, code?: string | null) => {
    const where = at(r, i, rule);
    return makeItem(ctx, {
      row_label: r.seg.label,
      row_index: r.row_index,
      side: r.side,
      line_no: r.seg.lineNo,
      measure,
      column_label,
      value: tokenValue(r.seg.values[i].text)!,
      code,
      code_system: code === undefined ? undefined : code ? "functional" : "none",
      source_line: where.source_line,
      inferred: where.inferred,
      rule: where.rule,
    });
  };
  for (const r of rows) {
    const { seg } = r;
    if (r.side === "income") {
      const measure = incomeMeasure(seg.label, afterCarry);
      if (/^年初/.test(removeSpaces(removeLeadingNumbering(seg.label)))) afterCarry = true;
      if (seg.values.length !== 1 || !measure) {
        fail(r, measure ? `ambiguous columns: ${seg.values.length} numbers for one income column` : `unknown income row: ${seg.label}`);
        continue;
      }
      items.push(itemOf(r, 0, null, measure, incomeColumn));
      continue;
    }
    if (!fourColumns) {
      const measure = expenditureMeasure(seg.label);
      if (seg.values.length !== 1 || !measure) {
        fail(r, measure ? `ambiguous columns: ${seg.values.length} numbers for one expenditure column` : `unknown expenditure row: ${seg.label}`);
        continue;
      }
      const code = functionalClassCode(seg.label);
      items.push(itemOf(r, 0, null, measure, incomeColumn, code));
      continue;
    }
    // four columns: 合计 + three funds
    let cols: number[] | null = null;
    let rule: string | null = null;
    const k = seg.values.length;
    if (byPosition) {
      cols = seg.values.map((t) => nearestAnchor(t, anchors as number[]));
      if (new Set(cols).size !== cols.length) cols = null;
    } else if (k === 4) cols = [0, 1, 2, 3];
    else if (k === 1) [cols, rule] = [[0], "shift:single=total"];
    else {
      const act = [1, 2, 3].filter((c) => fundActive[c - 1]);
      if (act.length === k - 1) [cols, rule] = [[0, ...act], "shift:funds-with-income"];
    }
    if (!cols) {
      fail(r, `ambiguous columns: ${k} numbers for 4 columns`);
      continue;
    }
    const code = functionalClassCode(seg.label);
    cols.forEach((c, i) => items.push(itemOf(r, i, rule, FUND_COLUMNS[c].measure, FUND_COLUMNS[c].label, code)));
  }
  for (const [n, reason] of [...problems].sort((a, b) => a[0] - b[0])) residue.push(makeResidue(ctx, n, reason));
  residue.sort((a, b) => a.source_line - b.source_line);
  const status = items.length === 0 && sorted.noDataNote ? "no_data" : problems.size > 0 ? "partial" : "ok";
  return { items, residue, status, message: sorted.noDataNote ?? (problems.size > 0 ? `${problems.size} line(s) not placed` : "") };
}
