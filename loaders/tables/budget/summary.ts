/**
 * Two-sided tables (收支总表, 财政拨款收支总表): income items on the left,
 * expenditure items on the right, on the same printed line. Each number
 * becomes an item with `side` income / expenditure and the row label of its
 * own side.
 */
import type { LineItem, ResidueRow, TableContext, TableParse } from "../../schema/types.ts";
import { cells } from "../../ingest/layout.ts";
import { parseNumber } from "../../ingest/numbers.ts";
import { makeResidue } from "../item.ts";
import { ordinalOf, removeLeadingNumbering, removeSpaces } from "../../base/fold.ts";
import { isClassificationName } from "../../schema/classification-names.ts";
import { foldHeader, identitiesOf } from "./columns.ts";
import { reasonFor } from "./header-lines.ts";
import { GEOMETRY_RULE, placeByGeometry, resolveGroups, rowCandidates, sectionGrid, valueAt } from "../placement/index.ts";
import { withinRounding } from "../../base/money.ts";
import { placedItems, placeReading } from "./reading-placement.ts";
import { incomeSources } from "./evidence.ts";

const FUNDS = ["general_public_budget", "government_fund", "state_capital"];
import { gridLines, repeatedReason, splitSection } from "./section-parts.ts";
import { textSideColumns } from "./text-columns.ts";
import { readTsvHeader } from "./tsv-header.ts";
import { isPageMarker } from "../../document/line-kinds.ts";
import type { Measure } from "../../schema/measures.ts";

type Side = "income" | "expenditure";

interface Column {
  label: string;
  measure: Measure;
  index?: number;
}

interface Half {
  line: number;
  row_index: number;
  side: Side;
  /** The expenditure view a half belongs to beyond the first (expenditureViews): its items' side. */
  view?: string;
  label: string;
  values: number[];
  texts: string[];
  cands: number[][];
  resolvedBy?: string;
}

function sideOf(text: string): Side {
  return /支\s*出/.test(text) ? "expenditure" : "income";
}

/**
 * The expenditure views a summary header prints side by side after the
 * income side, each a label column and its 预算数 (西安 2022 部门综合预算收支总表:
 * 项目 预算数 | 支出功能分科目（按大类） 预算数 | 部门预算支出经济科目（按大类） 预算数 |
 * 政府预算支出经济分类科目（按大类） 预算数): their names, `支出` taken out (a side
 * naming 支出 is read as the expenditure side), when there are two or more.
 */
function expenditureViews(headerText: string): string[] {
  const views = removeSpaces(headerText).split("预算数").slice(1).filter((v) => /科目|分类/.test(v));
  return views.length >= 2 ? views.map((v) => v.replace(/支出/g, "")) : [];
}

/**
 * The sides of a line's halves in a summary of several expenditure views:
 * one half per view, the income half first while the income side runs (its
 * wording says so when the line has fewer halves than columns); the views end
 * from the right, so a line's halves are the first views. Null when the line
 * prints more halves than the header has columns.
 */
function viewSides(halves: Array<{ label: string }>, views: string[]): Array<{ side: Side; view?: string }> | null {
  const withIncome = halves.length === views.length + 1 || (halves.length > 0 && halves.length <= views.length && halfSide(halves[0].label) === "income" && !/合计|总计/.test(halves[0].label));
  const spent = halves.length - (withIncome ? 1 : 0);
  if (spent > views.length) return null;
  return halves.map((_, k) => {
    if (withIncome && k === 0) return { side: "income" };
    const j = k - (withIncome ? 1 : 0);
    return j === 0 ? { side: "expenditure" } : { side: "expenditure", view: views[j] };
  });
}

/**
 * What only the income side's rows say: a source of money (收入, 拨款, 资金, a fund's
 * 预算 named alone, 上级补助, 附属单位上缴), a balance brought forward, a total of income.
 */
const INCOME_WORDS = /收入|拨款|资金|结转|结余|差额|上级补助|附属单位上缴|^(其中[:：])?(一般公共|政府性基金|国有资本经营|部门)预算$/;

/**
 * The side of a half printed alone on its line, by its wording: 支出, 年末
 * and 结余分配 are spent; a source of money is income; any other name is an
 * expenditure class or item (`行政单位医疗`, `住房公积金`: the expenditure
 * side runs on after the income side has ended). A bare label (`总计`) or
 * none stays on the income side.
 */
function halfSide(label: string): Side {
  const t = removeLeadingNumbering(removeSpaces(label));
  // a 类, 款 or 项 name (就业补助, 对个人和家庭的补助) is spent, whatever its words
  if (/支出|年末|结余分配/.test(t) || (t !== "" && isClassificationName(t))) return "expenditure";
  if (t === "" || INCOME_WORDS.test(t) || /^(总计|合计)$/.test(t)) return "income";
  return "expenditure";
}

/** The halves of a plain-text line with their sides: two labels = income then expenditure, else by wording (halfSide). */
export function textSides(text: string): Array<{ side: Side; label: string; nums: string[] }> {
  const hs = textHalves(text);
  return hs.map((h, k) => ({ side: hs.length === 2 ? (k === 0 ? "income" : "expenditure") : halfSide(h.label), label: h.label, nums: h.nums }));
}

/** A token that starts a new row label: an ordinal (base/fold.ts ordinalOf) or a 总计 / 合计 label. */
const startsRow = (tok: string): boolean => ordinalOf(tok) !== null || /^(?:收入|支出|本年收入|本年支出)?(?:总计|合计)$/.test(tok);

/** Split a plain-text line into label runs and number runs: `一、X 1 2 二、Y 3` → [[X,[1,2]],[Y,[3]]]. */
function textHalves(text: string): Array<{ label: string; nums: string[] }> {
  const out: Array<{ label: string; nums: string[] }> = [];
  for (const tok of text.trim().split(/[ \u3000]+/).filter(Boolean)) {
    const isNum = parseNumber(tok) !== null && !/^\d+[.、]$/.test(tok);
    const last = out[out.length - 1];
    if (isNum) {
      if (!last) out.push({ label: "", nums: [tok] });
      else last.nums.push(tok);
    } else if (last && last.nums.length === 0 && !startsRow(tok)) last.label += (last.label ? " " : "") + tok;
    else out.push({ label: tok, nums: [] });
  }
  // one half only, its label two names: an income row printing no amount beside an expenditure row
  // (`国有资本经营预算 应用研究 0.50`, `二、财政专户管理资金 社会公益研究 0.50`)
  if (out.length === 1) {
    const cut = incomeThenExpenditure(out[0].label.split(" "));
    if (cut !== null) return [{ label: cut[0], nums: [] }, { label: cut[1], nums: out[0].nums }];
  }
  return out;
}

/** Words (each of two characters or more) that are an income label then an expenditure label, as the two labels; else null. */
function incomeThenExpenditure(words: string[]): [income: string, expenditure: string] | null {
  // one name broken by a space (`国有土地使用权出让收入安排的 支出`): a bare 支出, or a word ending in 的
  if (words.length < 2 || words.some((w) => w.length < 2 || w === "支出") || words.slice(0, -1).some((w) => w.endsWith("的"))) return null;
  if (/^(总计|合计)$/.test(words[0])) return null;
  for (let k = 1; k < words.length; k++) {
    const income = words.slice(0, k);
    const spent = words.slice(k);
    if (halfSide(income.join("")) === "income" && halfSide(spent.join("")) === "expenditure" && !spent.some((w) => INCOME_WORDS.test(w)))
      return [income.join(" "), spent.join(" ")];
  }
  return null;
}

/**
 * One half's side and columns out of the whole line's placement by position
 * (income columns first, then expenditure): the side is where its numbers
 * stand, whatever its wording; null when they stand on both sides.
 */
function sidePlacement(line: number[] | null, halves: Array<{ nums: string[] }>, half: { nums: string[] }, ni: number): { side: Side; cols: number[] } | null {
  if (!line) return null;
  let k = 0;
  for (const h of halves) {
    if (h === half) {
      const cols = line.slice(k, k + h.nums.length);
      if (cols.every((c) => c < ni)) return { side: "income", cols };
      if (cols.every((c) => c >= ni)) return { side: "expenditure", cols: cols.map((c) => c - ni) };
      return null;
    }
    k += h.nums.length;
  }
  return null;
}

export function parseSummary(ctx: TableContext): TableParse {
  const parts = splitSection(ctx);
  const residue: ResidueRow[] = [];
  for (const [n, t] of parts.above) residue.push(makeResidue(ctx, n, reasonFor(t, true)));
  for (const [n] of parts.header) residue.push(makeResidue(ctx, n, "header"));
  const headerText = parts.header.map(([, t]) => t).join(" ");

  const cols: Record<Side, Column[]> = { income: [], expenditure: [] };
  const labelCell: Partial<Record<Side, number>> = {};
  if (parts.exact) {
    const lines = parts.header.map(([, t]) => t).filter((t) => t.includes("\t"));
    const top = lines.length > 1 ? cells(lines[0]).cells : [];
    const sideAt = (i: number) => {
      for (let j = Math.min(i, top.length - 1); j >= 0; j--) if (top[j]) return sideOf(top[j]);
      return "income" as Side;
    };
    const h = readTsvHeader(lines);
    for (const c of h.columns) cols[sideAt(c.index)].push(c);
    for (const [i, role] of [...h.roles.entries()].sort((a, b) => a[0] - b[0]))
      if (role === "name" && labelCell[sideAt(i)] === undefined) labelCell[sideAt(i)] = i;
  } else {
    const headerLines = parts.header.map(([, t]) => t);
    cols.income = textSideColumns(headerText, "income", headerLines);
    cols.expenditure = textSideColumns(headerText, "expenditure", headerLines);
  }
  const ids = { income: identitiesOf(cols.income.map((c) => c.measure)), expenditure: identitiesOf(cols.expenditure.map((c) => c.measure)) };

  // a PDF: both sides' money columns by position where its geometry is clear
  const ni = cols.income.length;
  const grid = parts.exact ? null : sectionGrid(ctx.doc, gridLines(parts).header, gridLines(parts).body, [...cols.income, ...cols.expenditure].map((c) => c.label));

  const views = parts.exact ? [] : expenditureViews(headerText);
  const halves: Half[] = [];
  const incomeHalves: Array<{ label: string; first: string | null }> = [];
  let row_index = 0;
  for (const [n, t] of parts.body) {
    if (t.trim() === "") continue;
    if (isPageMarker(t)) {
      residue.push(makeResidue(ctx, n, "page marker"));
      continue;
    }
    if (parts.repeated.has(n)) {
      residue.push(makeResidue(ctx, n, repeatedReason(t)));
      continue;
    }
    const found: Array<{ side: Side; view?: string; label: string; nums: string[]; cellsAt?: number[] }> = [];
    if (parts.exact) {
      const cs = cells(t).cells;
      for (const side of ["income", "expenditure"] as Side[]) {
        const nums: string[] = [];
        const at: number[] = [];
        for (const c of cols[side]) {
          const v = cs[c.index!] ?? "";
          if (parseNumber(v) !== null) {
            nums.push(v);
            at.push(c.index!);
          }
        }
        const label = labelCell[side] !== undefined ? cs[labelCell[side]!] ?? "" : "";
        if (label || nums.length) found.push({ side, label, nums, cellsAt: at });
      }
    } else if (views.length > 0) {
      const hs = textSides(t);
      const sides = viewSides(hs, views);
      hs.forEach((h, k) => found.push(sides ? { ...h, ...sides[k] } : h));
    } else {
      found.push(...textSides(t));
    }
    for (const f of found) if (f.side === "income") incomeHalves.push({ label: f.label, first: f.nums[0] ?? null });
    const withNums = found.filter((f) => f.nums.length > 0);
    if (withNums.length === 0) {
      residue.push(makeResidue(ctx, n, found.length ? "label row without amounts" : reasonFor(t, false)));
      continue;
    }
    row_index++;
    const linePlacement = grid && placeByGeometry(ctx.doc, grid, n, withNums.flatMap((w) => w.nums));
    for (const f of withNums) {
      const values = f.nums.map((x) => parseNumber(x)!);
      const byPosition = sidePlacement(linePlacement, withNums, f, ni);
      if (byPosition) f.side = byPosition.side;
      const c = cols[f.side];
      const cands = f.cellsAt
        ? [f.cellsAt.map((i) => c.findIndex((x) => x.index === i))]
        : byPosition
          ? [byPosition.cols]
          : rowCandidates(values, { n: c.length, identities: ids[f.side] }, { misprints: "drop" });
      halves.push({ line: n, row_index, side: f.side, ...(f.view ? { view: f.view } : {}), label: f.label, values, texts: f.nums, cands, resolvedBy: byPosition ? GEOMETRY_RULE : undefined });
    }
  }

  // plain text: the expenditure total row = Σ the expenditure rows, column by column
  if (!parts.exact && cols.expenditure.length > 1) {
    // (the first expenditure view only, where several are printed side by side)
    const exp = halves.map((h, i) => [h, i] as const).filter(([h]) => h.side === "expenditure" && !h.view);
    const total = exp.find(([h]) => /总计|合计/.test(foldHeader(h.label)));
    if (total) {
      // 支出总计 by fund = the income rows by fund (一般公共预算 / 政府性基金 / 国有资本经营预算)
      const funds = incomeSources(incomeHalves, FUNDS);
      const t = halves[total[1]];
      if (t.cands.length > 1 && funds.size > 0) {
        const ok = t.cands.filter((p) => cols.expenditure.every((c, j) => !funds.has(c.measure) || withinRounding(valueAt(t.values, p, j), funds.get(c.measure)!)));
        if (ok.length === 1) {
          t.cands = ok;
          t.resolvedBy = "identity (支出总计 by fund = 收入 by fund)";
        }
      }
      const kids = exp.filter(([h]) => !/总计|合计|^一、本年支出$/.test(foldHeader(h.label))).map(([, i]) => i);
      resolveGroups(halves, [{ parent: total[1], children: kids, rule: `hierarchy (支出总计 = Σ of ${kids.length} expenditure rows)` }], cols.expenditure.length);
    }
  }

  const items: LineItem[] = [];
  let ambiguous = 0;
  const badLines = new Set<number>();
  for (const h of halves) {
    const c = cols[h.side];
    const { placed, unresolved } = placeReading(h, c.map((x) => x.label), ids[h.side], parts.exact);
    items.push(...placedItems(ctx, placed, c, h.values, { row_label: h.label, source_line: h.line, row_index: h.row_index, side: h.view ?? h.side }));
    if (!unresolved) continue;
    ambiguous++;
    if (!badLines.has(h.line)) {
      badLines.add(h.line);
      residue.push(makeResidue(ctx, h.line, `${h.side} side: ${unresolved}`));
    }
  }
  residue.sort((a, b) => a.source_line - b.source_line);
  const status = items.length === 0 ? "no_data" : ambiguous ? "partial" : "ok";
  return { items, residue, status, message: `${row_index} rows, ${items.length} numbers${ambiguous ? `, ${ambiguous} row halves with ambiguous columns` : ""}` };
}
