/**
 * The project part of a 绩效 block: 项目名称 (with its code), 主管部门,
 * 实施单位, the money unit, the budget row (年初预算 / 调整后预算 / 执行数 /
 * 执行率 / 权重 / 得分, columns taken from the printed header in its order)
 * and the 合计 / 总分 row. Every line used is reported in `used`.
 */
import { cells } from "../ingest/layout.ts";
import { parseNumber } from "../ingest/numbers.ts";
import { FUNDING_NOT_EXTRACTED, readFunding, type FundingRow } from "./funding.ts";
import type { PerformanceProject } from "./types.ts";
import { removeSpaces } from "../base/fold.ts";
import type { BlockText } from "./block-text.ts";

/** What a block's project part gives: the project's columns, plus name, code and the lines used. */
export type ProjectFields = Pick<
  PerformanceProject,
  | "department"
  | "department_code"
  | "implementing_unit"
  | "budget_initial"
  | "budget_adjusted"
  | "budget"
  | "budget_fiscal"
  | "budget_other"
  | "executed"
  | "execution_rate"
  | "weight"
  | "score"
  | "total_score"
  | "total_weight"
  | "self_rating"
> & {
  name: string | null;
  name_line: number | null;
  code: string | null;
  /** Money unit as printed, null until one is seen. */
  unit: string | null;
  /** 1-based lines consumed, with what they gave. */
  used: Map<number, string>;
  /** The funding sub-rows below the budget row (funding.ts). */
  funding: FundingRow[];
  /** 1-based lines read but giving no figure, with why (their residue reason). */
  notes: Map<number, string>;
};

export function emptyFields(): ProjectFields {
  return {
    name: null,
    name_line: null,
    code: null,
    department: null,
    department_code: null,
    implementing_unit: null,
    unit: null,
    budget_initial: null,
    budget_adjusted: null,
    budget: null,
    budget_fiscal: null,
    budget_other: null,
    executed: null,
    execution_rate: null,
    weight: null,
    score: null,
    total_score: null,
    total_weight: null,
    self_rating: null,
    used: new Map(),
    funding: [],
    notes: new Map(),
  };
}

/** `51000021T000000011590-继续实施项目-…` → code and name. */
export function splitCode(text: string): { code: string | null; name: string } {
  const m = text.trim().match(/^(\d{6,}[A-Z]\d{6,})\s*[-—－]+\s*(.+)$/);
  return m ? { code: m[1], name: m[2].trim() } : { code: null, name: text.trim() };
}

/** `[261]贵州省医疗保障局` / `乐山市医疗保障局 315001` → name and code. */
export function splitDeptCode(text: string): { name: string; code: string | null } {
  const t = text.trim();
  let m = t.match(/^[[【](\d+)[\]】]\s*(.+)$/);
  if (m) return { name: m[2].trim(), code: m[1] };
  m = t.match(/^(.+?)\s+(\d{3,})$/);
  if (m) return { name: m[1].trim(), code: m[2] };
  return { name: t, code: null };
}

/** A number cell as printed in budget rows: `4,891.78`, `86.16%`, `55.07`. */
export function amountCell(cell: string): number | null {
  const last = cell.charCodeAt(cell.length - 1);
  return parseNumber(last === 0x25 || last === 0xff05 ? cell.slice(0, -1) : cell); // a trailing % or ％ dropped
}

type BudgetKey = "budget_initial" | "budget_adjusted" | "executed" | "execution_rate" | "weight" | "score" | "budget" | "budget_fiscal" | "budget_other";
// a header cell may wrap after its third character (`年初预` / `算数`): the first three name the column
// (sticky: each is tried at the scan position, without slicing the header)
const BUDGET_WORDS: [RegExp, BudgetKey][] = [
  [/年初预(算数?)?/y, "budget_initial"],
  [/(调整后预算数?|全年预算[（(]A[)）]|全年预(算数?)?)/y, "budget_adjusted"],
  [/(预算执行数|全年执行数|执行数)/y, "executed"],
  [/(预算执行率|执行率)/y, "execution_rate"],
  [/(权重|分值)/y, "weight"],
  [/得分/y, "score"],
  [/资金总额/y, "budget"],
  [/财政拨款/y, "budget_fiscal"],
  [/其他资金/y, "budget_other"],
];
/** First characters of the BUDGET_WORDS: no word starts at another position. */
const BUDGET_WORD_STARTS = new Set([..."年调全预执权分得资财其"].map((ch) => ch.charCodeAt(0)));

/** Budget column keys in the order printed in a (compacted, possibly wrapped) header. */
export function budgetSchema(header: string): BudgetKey[] {
  const t = removeSpaces(header);
  const out: BudgetKey[] = [];
  for (let i = 0; i < t.length; ) {
    if (!BUDGET_WORD_STARTS.has(t.charCodeAt(i))) {
      i++;
      continue;
    }
    let hit = false;
    for (const [re, key] of BUDGET_WORDS) {
      re.lastIndex = i;
      const m = re.exec(t);
      if (m) {
        if (!out.includes(key)) out.push(key);
        i += m[0].length;
        hit = true;
        break;
      }
    }
    if (!hit) i++;
  }
  return out;
}

/** Labels of a 绩效 form's project part: no department is named so. */
const FORM_LABEL = /^(实施期限|实施单位|项目期限|项目类型|项目属性|资金金额|预算金额)/;
const PLANNED_TOTAL = /^(实施期|年度)资金总额[:：]?$/;
const PLANNED_PART = /^(其中[:：]?)?(当年财政拨款|财政拨款|其他资金)[:：]?$/;

/**
 * The funds of a 绩效目标表 (no budget header: the label is the cell before
 * its amount): 实施期资金总额 and 年度资金总额 side by side, then 其中：财政拨款 and
 * 其他资金 under each. `budget` is the year's (年度), else the implementation
 * period's where the year's is not printed; its parts are read from the same
 * column. False where line `i` prints no amount after its label (an empty form).
 */
function readPlannedFunds(text: BlockText, i: number, f: ProjectFields): boolean {
  /** Label → amount pairs of a line, in printed order (null: a label with no amount). */
  const pairs = (line: number): Array<{ label: string; value: number | null }> => {
    const out: Array<{ label: string; value: number | null }> = [];
    for (const cell of text.trimmed(line).split(/\s+/)) {
      const v = parseNumber(cell);
      if (v !== null && out.length > 0 && out[out.length - 1].value === null) out[out.length - 1].value = v;
      else out.push({ label: removeSpaces(cell), value: v });
    }
    return out;
  };
  const totals = pairs(i).filter((p) => PLANNED_TOTAL.test(p.label));
  const column = totals.findIndex((p) => p.label.startsWith("年度") && p.value !== null);
  const at = column >= 0 ? column : totals.findIndex((p) => p.value !== null);
  if (at < 0) return false;
  f.budget = totals[at].value;
  f.used.set(i, "budget row");
  for (let j = i + 1; j <= Math.min(text.end, i + 4); j++) {
    const parts = pairs(j).filter((p) => PLANNED_PART.test(p.label));
    if (parts.length === 0) continue;
    const part = parts.length === totals.length ? parts[at] : parts.length === 1 ? parts[0] : null;
    if (part?.value != null) {
      if (part.label.includes("财政拨款")) f.budget_fiscal = part.value;
      else f.budget_other = part.value;
    }
    f.used.set(j, "funding sub-row");
  }
  return true;
}

const TOTAL_ROW = /^(总额|年度资金总额[:：]?)$/;
const SUM_ROW = /^(合计|总分)$/;
/** A spaceless line whose first cell (after a Markdown row's pipes) can be a TOTAL_ROW or SUM_ROW label. */
const TOTAL_OR_SUM_START = /^\|*(总额|年度资金总额|合计|总分)/;

/** A compacted line that can print the money unit: (年度预算数 / 项目资金 / a bracket) then （万元） or （元）. */
const UNIT_LABEL = /^(年度预算数|项目资金|预算金额|资金金额|（|\()/;
const UNIT_IN_BRACKETS = /[（(](万元|元)[)）]/;
/** Words of the budget row's header. */
const BUDGET_HEADER = /年初预|全年预|资金总额/;
/**
 * A compacted line readTextProject can read something from: one starting as the lines it reads by their
 * start do (项目名称, 主管部门, UNIT_LABEL, TOTAL_OR_SUM_START, 总 分), or holding a BUDGET_HEADER word or
 * 等级 (the self rating). One test, so that the indicator rows, most of a block, are passed over at once.
 */
const MAY_HOLD_FIELD = /^[项主年（(|总合]|^预算金额|^资金金额|年初预|全年预|资金总额|等级/;

/** Read the project fields of a plain-text block (000, 001, 004). */
export function readTextProject(text: BlockText, defaultUnit: string): ProjectFields {
  const { lines, start, end } = text;
  const f = emptyFields();
  let budgetHeaderFrom: number | null = null;
  for (let i = start; i <= end; i++) {
    const raw = lines[i - 1];
    const t = text.trimmed(i);
    const c = text.compact(i);
    // blank lines and most others (indicator rows: they start otherwise and hold no budget header word and no 等级) are passed over
    if (c === "" || !MAY_HOLD_FIELD.test(c)) continue;
    let m: RegExpMatchArray | null;
    // each pattern tried only where the line starts as it must (startsWith) and its field is still missing: most lines are indicator rows
    if (f.name === null && t.startsWith("项目名称") && (m = t.match(/^项目名称\s*(.+)$/))) {
      const sc = splitCode(m[1]);
      f.name = sc.name;
      f.code = sc.code;
      f.name_line = i;
      f.used.set(i, "project name");
      continue;
    }
    if (f.department === null && t.startsWith("主管部门") && (m = t.match(/^主管部门(?:及代码)?\s*(.+)$/))) {
      const parts = m[1].split(/\s*实施单位(?:[（(]盖章[)）])?\s*/);
      const d = splitDeptCode(parts[0]);
      // an empty cell: the next label was read as its value (主管部门 实施期限)
      f.department = d.name && !FORM_LABEL.test(d.name) ? d.name : null;
      f.department_code = d.code;
      if (parts.length > 1 && parts[1].trim()) f.implementing_unit = parts[1].trim();
      f.used.set(i, "department");
      if (f.implementing_unit === null) {
        // 实施单位 / （盖章） / name wrapped over lines, up to the 项目基本情况 / 项目资金 label
        const pieces: number[] = [];
        let j = i + 1;
        for (; j <= end && j <= i + 14; j++) {
          const cj = text.compact(j);
          if (cj === "") continue;
          if (/^项目/.test(cj)) break;
          pieces.push(j);
        }
        const joined = pieces.map((p) => text.compact(p)).join("");
        const um = joined.match(/^实施单位(?:[（(]盖章[)）]|[（(]盖章?|章[)）])*(.+)$/);
        if (um) {
          f.implementing_unit = um[1].replace(/^[（(]?盖?章[)）]/, "");
          for (const p of pieces) f.used.set(p, "implementing unit");
        }
      }
      continue;
    }
    if (f.unit === null && UNIT_LABEL.test(c) && (m = c.match(UNIT_IN_BRACKETS))) {
      f.unit = m[1];
    }
    if (budgetHeaderFrom === null && BUDGET_HEADER.test(c)) budgetHeaderFrom = i;
    // (its merged label may come first: 项目资金 实施期资金总额： 300)
    if (c.includes("实施期资金总额") || (c.includes("年度资金总额") && budgetHeaderFrom === i)) {
      if (readPlannedFunds(text, i, f)) continue;
    }
    // the cells matter only to the 总额 / 合计 / 总分 rows below, whose first cell the spaceless line starts with
    const cs = TOTAL_OR_SUM_START.test(c) ? cells(raw).cells.filter((x) => x !== "") : [];
    if (cs.length >= 2 && TOTAL_ROW.test(removeSpaces(cs[0])) && f.budget_adjusted === null && f.executed === null) {
      const header = lines.slice((budgetHeaderFrom ?? i) - 1, i - 1).join("");
      const schema = budgetSchema(header);
      const nums: number[] = [];
      const rates: number[] = [];
      for (const x of cs.slice(1)) {
        const v = amountCell(x);
        if (v === null) break;
        if (/[%％]$/.test(x)) rates.push(nums.length);
        nums.push(v);
      }
      // a header read with a column missing would shift every figure: the cell printed with % must fall under 执行率
      const rateAt = schema.indexOf("execution_rate");
      if (rates.every((k) => k === rateAt))
        schema.forEach((key, k) => {
          if (k < nums.length) f[key] = nums[k];
        });
      f.used.set(i, "budget row");
      const funding = readFunding(lines, i + 1, end, schema);
      f.funding = funding.rows;
      for (const l of funding.used) f.used.set(l, "funding sub-row");
      for (const l of funding.unextracted) f.notes.set(l, FUNDING_NOT_EXTRACTED);
      continue;
    }
    if (cs.length >= 2 && SUM_ROW.test(removeSpaces(cs[0])) && f.total_score === null) {
      const nums = cs
        .slice(1)
        .map(amountCell)
        .filter((v): v is number => v !== null);
      if (nums.length > 0) {
        f.total_score = nums[nums.length - 1];
        if (nums.length >= 2) f.total_weight = nums[0];
        f.used.set(i, "total score");
      }
      continue;
    }
    if (f.total_score === null && t.startsWith("总") && /^总\s+分\s/.test(t)) {
      const nums = t
        .replace(/^总\s+分/, "")
        .trim()
        .split(/\s+/)
        .map(amountCell)
        .filter((v): v is number => v !== null);
      if (nums.length > 0) {
        f.total_score = nums[nums.length - 1];
        if (nums.length >= 2) f.total_weight = nums[0];
        f.used.set(i, "total score");
      }
      continue;
    }
    // 自评等级：良 / 评价等级为“优” / 绩效等级：中 (a score band is printed as 优 ≥ 90 …, not a grade)
    if (c.includes("等级") && (m = c.match(/(?:自评|评价|绩效)等级(?:为|是)?[:：]?[“"]?(优|良|中|差)(?![≥>＞（(\d])/))) {
      f.self_rating = m[1];
      f.used.set(i, "self rating");
    }
  }
  if (f.unit === null) f.unit = defaultUnit;
  return f;
}
