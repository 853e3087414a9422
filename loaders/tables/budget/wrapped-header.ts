/**
 * Money columns of a plain-text header whose cells wrap over several lines
 * (广东 收入总体情况表: `一般公共预` / `算`, `附属单` / `位上缴` / `收入`, the
 * lines of the cells interleaved, group headers above them). Each header
 * line lists the fragments of some cells in their left-to-right order; a
 * column's name is the fragments of its cell read down. The columns are
 * rebuilt by meaning:
 * 1. the fragments are joined into names of the income-source vocabulary
 *    (every fragment used once, a cell's fragments on successive lines, the
 *    order of each line kept: no two columns cross);
 * 2. a name whose parts are printed as columns too (财政拨款收入 over
 *    一般公共预算 | 政府性基金预算 | 国有资本经营预算) is a group header: its
 *    parts stand together, in the order of the groups' line;
 * 3. the columns are ordered by the lines' orders, and where the lines leave
 *    two columns unordered, by the order in which the document's 收支总表
 *    lists the income sources (`sourceOrder`), else the standard form's.
 * Read only when the names rebuilt give exactly as many columns as the rows
 * print amounts; else null.
 */
import { foldHeader, measureOfHeader } from "./columns.ts";
import type { TextColumn } from "./text-columns.ts";
import type { Measure } from "../../schema/measures.ts";

/** Names a cell of a by-source header may print (folded), in the standard form's order; label columns have no measure. */
const NAMES = [
  "单位名称", "单位编码", "单位代码", "项目", "科目编码", "科目名称",
  "合计", "总计",
  "财政拨款收入", "财政拨款", "一般公共预算", "一般公共预算拨款", "政府性基金预算", "政府性基金", "国有资本经营预算",
  "财政专户拨款收入", "财政专户拨款", "财政专户管理资金", "教育收费", "其他专户收入拨款", "其他专户收入",
  "其他资金收入", "单位资金", "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入",
  "上年结转结余", "上年结转",
];
const LABELS = new Set(["单位名称", "单位编码", "单位代码", "项目", "科目编码", "科目名称"]);
/** Group headers: the measures printed under them. 其他资金 (单位资金) is the money other than appropriations and special accounts. */
const GROUPS: Partial<Record<Measure, Measure[]>> = {
  fiscal_appropriation: ["general_public_budget", "government_fund", "state_capital"],
  fiscal_special_account: ["special_account_education", "special_account_other"],
  unit_funds: ["business_income", "operating_income", "superior_subsidy", "subordinate_remittance", "other_income"],
};
/** The standard form's order of the measures (the order of NAMES). */
const STANDARD: Measure[] = [...new Set(NAMES.map((n) => measureOf(n)).filter((m): m is Measure => m !== null))];

function measureOf(name: string): Measure | null {
  return name === "其他资金收入" ? "unit_funds" : measureOfHeader(name);
}

const isPrefix = (s: string) => NAMES.some((n) => n.startsWith(s));

interface Chain {
  text: string;
  /** [line index, fragment index] of each fragment. */
  at: Array<[number, number]>;
}

/** Search budget: a header the search cannot settle quickly is not read this way. */
const MAX_STEPS = 20_000;

/**
 * Join the fragments into names: every fragment opens a chain or extends a
 * chain whose last fragment stands on an earlier line. The first cover that
 * leaves every chain a whole name and the chains' order acyclic wins.
 */
function chainsOf(lines: string[][]): Chain[] | null {
  const frags: Array<[number, number]> = lines.flatMap((l, i) => l.map((_, j) => [i, j] as [number, number]));
  const chains: Chain[] = [];
  let steps = 0;
  const visit = (k: number): boolean => {
    if (++steps > MAX_STEPS) return false;
    if (k === frags.length) return chains.every((c) => NAMES.includes(c.text)) && orderOf(chains, lines) !== null;
    const [i, j] = frags[k];
    const f = lines[i][j];
    for (const c of chains) {
      const last = c.at[c.at.length - 1];
      if (last[0] >= i || !isPrefix(c.text + f)) continue;
      const before = c.text;
      c.text += f;
      c.at.push([i, j]);
      if (visit(k + 1)) return true;
      c.text = before;
      c.at.pop();
    }
    if (!isPrefix(f)) return false;
    chains.push({ text: f, at: [[i, j]] });
    if (visit(k + 1)) return true;
    chains.pop();
    return false;
  };
  return visit(0) ? chains : null;
}

/** Precedence between chains from each line's order (a → b: a stands left of b); null if the lines contradict each other. */
function orderOf(chains: Chain[], lines: string[][]): Set<number>[] | null {
  const after = chains.map(() => new Set<number>());
  for (let i = 0; i < lines.length; i++) {
    const on = chains.map((c, k) => [k, c.at.find(([l]) => l === i)?.[1]] as const).filter((x): x is readonly [number, number] => x[1] !== undefined).sort((a, b) => a[1] - b[1]);
    for (let k = 1; k < on.length; k++) after[on[k - 1][0]].add(on[k][0]);
  }
  // acyclic: a topological order exists
  const indegree = chains.map(() => 0);
  for (const s of after) for (const b of s) indegree[b]++;
  const ready = indegree.flatMap((d, k) => (d === 0 ? [k] : []));
  let seen = 0;
  while (ready.length) {
    const a = ready.pop()!;
    seen++;
    for (const b of after[a]) if (--indegree[b] === 0) ready.push(b);
  }
  return seen === chains.length ? after : null;
}

/**
 * The money columns of a wrapped header, left to right, or null. `n` is the
 * number of amounts the rows print; `sourceOrder` the income sources in the
 * order the document's 收支总表 lists them (may be empty).
 */
export function wrappedColumns(headerLines: string[], n: number, sourceOrder: Measure[] = []): TextColumn[] | null {
  const lines = headerLines.map((l) => l.trim().split(/[\s\u3000]+/).filter(Boolean).map(foldHeader)).filter((l) => l.length > 0);
  if (lines.length < 3 || lines.flat().length > 80) return null;
  const chains = chainsOf(lines);
  if (!chains) return null;
  const measures = chains.map((c) => (LABELS.has(c.text) ? null : measureOf(c.text)));
  // group headers: a sum whose parts are columns too
  const present = new Set(measures);
  const isGroup = (m: Measure | null) => m !== null && (GROUPS[m] ?? []).some((p) => present.has(p));
  const after = orderOf(chains, lines)!;
  // a group's parts stand in the groups' order: every part of an earlier group before every part of a later one
  const groups = chains.map((_, k) => k).filter((k) => isGroup(measures[k]));
  for (const a of groups)
    for (const b of groups) {
      if (!after[a].has(b)) continue;
      for (let x = 0; x < chains.length; x++)
        for (let y = 0; y < chains.length; y++)
          if (GROUPS[measures[a]!]!.includes(measures[x]!) && GROUPS[measures[b]!]!.includes(measures[y]!)) after[x].add(y);
    }
  const columns = chains.map((_, k) => k).filter((k) => measures[k] !== null && !isGroup(measures[k]));
  if (columns.length !== n || new Set(columns.map((k) => measures[k])).size !== n) return null;
  // where the lines leave the order open: the 收支总表's order of the sources (a group's parts take the group's place), kept
  // within the standard form's slots those sources take; other measures keep their standard slot
  const listed = sourceOrder.filter((m, k) => STANDARD.includes(m) && sourceOrder.indexOf(m) === k);
  const slots = listed.map((m) => STANDARD.indexOf(m)).sort((a, b) => a - b);
  const rankOf = (m: Measure): number => {
    const standard = STANDARD.indexOf(m);
    const parent = (Object.keys(GROUPS) as Measure[]).find((g) => GROUPS[g]!.includes(m));
    const k = listed.includes(m) ? listed.indexOf(m) : parent ? listed.indexOf(parent) : -1;
    return k < 0 ? standard : slots[k] + standard / 100;
  };
  // topological order over the columns, ranks breaking ties (the closure of `after` restricted to the columns)
  const reach = closure(after);
  const left = new Set(columns);
  const out: number[] = [];
  while (left.size) {
    const ready = [...left].filter((k) => ![...left].some((o) => o !== k && reach[o].has(k)));
    if (!ready.length) return null;
    ready.sort((a, b) => rankOf(measures[a]!) - rankOf(measures[b]!));
    out.push(ready[0]);
    left.delete(ready[0]);
  }
  return out.map((k) => ({ label: chains[k].text, measure: measures[k]! }));
}

/** Everything each chain precedes, directly or not. */
function closure(after: Set<number>[]): Set<number>[] {
  return after.map((_, a) => {
    const seen = new Set<number>();
    const stack = [...after[a]];
    while (stack.length) {
      const b = stack.pop()!;
      if (seen.has(b)) continue;
      seen.add(b);
      stack.push(...after[b]);
    }
    return seen;
  });
}
