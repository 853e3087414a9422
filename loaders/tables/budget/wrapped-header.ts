/**
 * Column headers whose cells wrap over several lines, the lines of different
 * cells interleaved (广东 收入总体情况表: `一般公共预` / `算`, `附属单` /
 * `位上缴` / `收入`; 西安 表2: `政府性` / … / `基金拨` / … / `款`, with
 * `上级补` / `助收入` between them). One reading for a text and a PDF:
 * 1. cells: every fragment of the header belongs to one cell, a chain of
 *    fragments on later and later lines whose words name a column
 *    (columns.ts measureOfHeader), to a group title, or to the row-label
 *    columns (单位编码, 单位名称). Group titles are the lines of one cell
 *    above the first line of several (一般公共预算拨款 over its 小计), and
 *    cells naming a sum whose parts are columns too (财政拨款收入 over
 *    一般公共预算 | 政府性基金预算 | 国有资本经营预算). In a PDF a cell's
 *    fragments stand one under another (their x-spans overlap).
 * 2. orders: the left-to-right order of the fragments on each line orders
 *    the cells they belong to (in a PDF, the cells' x positions); a group's
 *    parts stand together, in the order of the groups; the total is the
 *    first money column. Cells the lines leave unordered give several
 *    orders, all returned: a row is placed where all of them agree
 *    (reading-placement.ts), never by guessing one.
 * 3. `ranked`: where every column is an income source, the order the
 *    document's 收支总表 lists the sources (else the standard form's) ranks
 *    the orders, and the first is the one printed.
 */
import type { Span } from "../../schema/geometry.ts";
import type { Measure } from "../../schema/measures.ts";
import { foldHeader, measureOfHeader } from "./columns.ts";
import type { TextColumn } from "./text-columns.ts";

export interface WrappedHeader {
  columns: TextColumn[];
  /** Every printed order the header allows: orders[o][p] = the column printed p-th. */
  orders: number[][];
  /** Each column's cell, its fragments' x-hull, when the header was read by positions; else null. */
  extents: Array<{ x0: number; x1: number }> | null;
}

/** Fragments of the row-label columns (not money columns). */
const ROW_LABEL = /^(单位|科目|项目|预算单位|功能分类|经济分类)?(编码|代码|名称)$/;
/** The 类 / 款 / 项 cells of a code split over columns, or a fragment of a cell (`政府性` / `基金拨` / `款`). */
const CODE_PART = /^[类款项]$/;
/** Too many orders: the header says too little to read. */
const MAX_ORDERS = 5000;
/** Covers beyond this: the header is too ambiguous to read. */
const MAX_COVERS = 200;
/** Fragments of one cell at the most. */
const MAX_CELL_LINES = 5;
/** Search budget of the fragment cover. */
const MAX_STEPS = 50_000;

/** Group titles: the measures printed under them. 其他资金 (单位资金) is the money other than appropriations and special accounts. */
const GROUPS: Partial<Record<Measure, Measure[]>> = {
  fiscal_appropriation: ["general_public_budget", "government_fund", "state_capital"],
  fiscal_special_account: ["special_account_education", "special_account_other"],
  unit_funds: ["business_income", "operating_income", "superior_subsidy", "subordinate_remittance", "other_income"],
};
/** The income sources in the standard form's order (收入总表 by source). */
const STANDARD: Measure[] = [
  "total",
  "fiscal_appropriation",
  "general_public_budget",
  "government_fund",
  "state_capital",
  "fiscal_special_account",
  "special_account_education",
  "special_account_other",
  "unit_funds",
  "business_income",
  "operating_income",
  "superior_subsidy",
  "subordinate_remittance",
  "other_income",
  "carryover_prior",
];

interface Fragment {
  line: number;
  pos: number;
  text: string;
  x0?: number;
  x1?: number;
}

/** The header's fragments: each line's words (folded), with their x-spans when every line's spans are its words. */
function fragmentsOf(headerLines: string[], spans?: Array<Span[] | null>): Fragment[][] {
  const words = headerLines.map((l) =>
    l
      .trim()
      .split(/[\s\u3000]+/)
      .filter(Boolean),
  );
  const placed = spans?.length === words.length && words.every((w, i) => spans[i] && spans[i]!.map((s) => s.text.trim()).join("\u0000") === w.join("\u0000"));
  return words.map((w, line) =>
    w.map((text, pos) => ({ line, pos, text: foldHeader(text), ...(placed ? { x0: spans![line]![pos].x0, x1: spans![line]![pos].x1 } : {}) })),
  );
}

const overlaps = (a: { x0?: number; x1?: number }, b: { x0?: number; x1?: number }) => Math.min(a.x1!, b.x1!) - Math.max(a.x0!, b.x0!) > 0;

/**
 * The columns of a wrapped header and every order it allows, or null when
 * a fragment belongs to no cell or the covers disagree. `spans`: each header
 * line's spans in a PDF (positions then join a cell's fragments and order
 * the cells).
 */
export function wrappedHeader(headerLines: string[], spans?: Array<Span[] | null>): WrappedHeader | null {
  const lines = fragmentsOf(headerLines, spans)
    .filter((l) => l.length > 0)
    .map((l, line) => l.map((f) => ({ ...f, line })));
  const placed = lines.flat().every((f) => f.x0 !== undefined);
  // group titles: the lines of one cell above the first line of several cells (部门预算 / 一般公共预算拨款)
  let first = 0;
  while (first < lines.length && lines[first].length <= 1) first++;
  if (first >= lines.length) return null;
  const groups = lines
    .slice(0, first)
    .flat()
    .map((f) => f.text);
  const frags = lines.slice(first).flat();
  if (frags.length === 0 || frags.length > 80) return null;
  // a 小计 is the subtotal of the innermost group title naming money
  const groupMeasure =
    [...groups]
      .reverse()
      .map((g) => measureOfHeader(g))
      .find((m) => m !== null) ?? null;
  // the words of a cell are the whole cell: a rule that finds its words anywhere (上年结转) must find them alone
  const measureOf = (text: string): Measure | null => {
    if (/^小计$/.test(text) && groupMeasure) return groupMeasure;
    if (/^其他资金(收入)?$/.test(text)) return "unit_funds";
    const m = measureOfHeader(text);
    return m === "carryover_prior" && !/^上年结[转余](?:和?结[余转])?(?:资金)?$/.test(text) ? null : m;
  };

  // a cell's chain names its column, and neither end fragment is a row label or names another column on its own
  // (`上年结转`, not `单位名称` + `上年结转` nor `上年结转` + `小计`; `事业单位` + `经营收入` is one cell)
  const names = (chain: number[], text: string): boolean => {
    const m = measureOf(text);
    if (m === null) return false;
    const ends = [frags[chain[0]].text, frags[chain[chain.length - 1]].text];
    return chain.length === 1 || ends.every((e) => !ROW_LABEL.test(e) && (measureOf(e) === null || measureOf(e) === m));
  };
  const owner = new Array<number>(frags.length).fill(-2); // -2 free, -1 row label, ≥ 0 chain
  const chains: number[][] = [];
  const covers: number[][][] = [];
  let steps = 0;
  const search = (): boolean => {
    if (++steps > MAX_STEPS) return false;
    const start = owner.indexOf(-2);
    if (start < 0) {
      covers.push(chains.map((c) => [...c]));
      return covers.length < MAX_COVERS;
    }
    if (ROW_LABEL.test(frags[start].text) || CODE_PART.test(frags[start].text)) {
      owner[start] = -1;
      const go = search();
      owner[start] = -2;
      if (!go || !CODE_PART.test(frags[start].text)) return go;
    }
    // extend a chain from `start` with fragments on later lines (in a PDF, under the chain)
    const extend = (chain: number[], text: string): boolean => {
      if (++steps > MAX_STEPS) return false;
      if (names(chain, text)) {
        chains.push([...chain]);
        for (const f of chain) owner[f] = chains.length - 1;
        const go = search();
        chains.pop();
        for (const f of chain) owner[f] = -2;
        if (!go) return false;
      }
      const last = frags[chain[chain.length - 1]];
      if (chain.length >= MAX_CELL_LINES) return true;
      for (let j = 0; j < frags.length; j++) {
        const f = frags[j];
        if (owner[j] !== -2 || chain.includes(j) || f.line <= last.line) continue;
        if (placed && !chain.some((c) => overlaps(frags[c], f))) continue;
        owner[j] = -3;
        const go = extend([...chain, j], text + f.text);
        owner[j] = -2;
        if (!go) return false;
      }
      return true;
    };
    owner[start] = -3;
    const go = extend([start], frags[start].text);
    owner[start] = -2;
    return go;
  };
  search();
  if (covers.length === 0 || covers.length >= MAX_COVERS || steps > MAX_STEPS) return null;
  // every cover must name the same cells; their orders are pooled
  const named = (cover: number[][]) => cover.map((c) => c.map((f) => frags[f].text).join(""));
  const keyOf = (cover: number[][]) => named(cover).map(measureOf).sort().join(",");
  if (new Set(covers.map(keyOf)).size !== 1) return null;
  const cells = named(covers[0]).map((label) => ({ label, measure: measureOf(label)! }));
  // group titles among the cells: a sum whose parts are cells too
  const present = new Set(cells.map((c) => c.measure));
  const isGroup = (m: Measure) => (GROUPS[m] ?? []).some((p) => present.has(p));
  const columnCells = cells.map((_, k) => k).filter((k) => !isGroup(cells[k].measure));
  const columns: TextColumn[] = columnCells.map((k) => cells[k]);
  if (new Set(columns.map((c) => c.measure)).size !== columns.length) return null;
  const orders = new Map<string, number[]>();
  let extents: WrappedHeader["extents"] = null;
  for (const cover of covers) {
    // the cover's chains, as cells of the first cover (the same measures)
    const cell = named(cover).map((t) => cells.findIndex((c) => c.measure === measureOf(t)));
    const after = cells.map(() => new Set<number>());
    if (placed) {
      // by position: a cell stands left of another when its fragments' hull ends before the other's starts
      const hulls = cover.map((c) => ({ x0: Math.min(...c.map((f) => frags[f].x0!)), x1: Math.max(...c.map((f) => frags[f].x1!)) }));
      hulls.forEach((a, i) => hulls.forEach((b, j) => i !== j && !overlaps(a, b) && a.x1 <= b.x0 && after[cell[i]].add(cell[j])));
      extents ??= columnCells.map((k) => hulls[cell.indexOf(k)]);
    } else
      for (let i = 0; i < lines.length; i++) {
        const onLine = frags.flatMap((f, j) => (f.line === i ? [j] : [])).sort((a, b) => frags[a].pos - frags[b].pos);
        const at = onLine
          .map((j) => cover.findIndex((c) => c.includes(j)))
          .filter((c) => c >= 0)
          .map((c) => cell[c]);
        for (let k = 1; k < at.length; k++) after[at[k - 1]].add(at[k]);
      }
    // a group's parts stand in the groups' order: every part of an earlier group before every part of a later one
    const groupCells = cells.map((_, k) => k).filter((k) => isGroup(cells[k].measure));
    for (const a of groupCells)
      for (const b of groupCells) {
        if (!after[a].has(b)) continue;
        for (let x = 0; x < cells.length; x++)
          for (let y = 0; y < cells.length; y++)
            if (GROUPS[cells[a].measure]!.includes(cells[x].measure) && GROUPS[cells[b].measure]!.includes(cells[y].measure)) after[x].add(y);
      }
    // the total is the first money column
    const total = cells.findIndex((c) => c.measure === "total");
    if (total >= 0) for (const k of columnCells) if (k !== total) after[total].add(k);
    // the order between columns, through every cell (the closure), as pairs of columns
    const reach = closure(after);
    const before: Array<[number, number]> = [];
    columnCells.forEach((a, i) => columnCells.forEach((b, j) => i !== j && reach[a].has(b) && before.push([i, j])));
    for (const o of linearOrders(columns.length, before)) orders.set(o.join(","), o);
    if (orders.size > MAX_ORDERS) return null;
  }
  if (orders.size === 0) return null;
  return { columns, orders: [...orders.values()], extents };
}

/**
 * The order printed, where every column is an income source: of the orders
 * the header allows, the first by rank, a source ranked by the order the
 * document's 收支总表 lists it (`sourceOrder`: a group's parts take the
 * group's place, kept within the standard form's slots those sources take),
 * other measures by the standard form's; null when a column is no source.
 */
export function rankedOrder(header: WrappedHeader, sourceOrder: Measure[] = []): number[] | null {
  const measures = header.columns.map((c) => c.measure);
  if (!measures.every((m) => STANDARD.includes(m))) return null;
  const listed = sourceOrder.filter((m, k) => STANDARD.includes(m) && sourceOrder.indexOf(m) === k);
  const slots = listed.map((m) => STANDARD.indexOf(m)).sort((a, b) => a - b);
  const rankOf = (m: Measure): number => {
    const standard = STANDARD.indexOf(m);
    const parent = (Object.keys(GROUPS) as Measure[]).find((g) => GROUPS[g]!.includes(m));
    const k = listed.includes(m) ? listed.indexOf(m) : parent ? listed.indexOf(parent) : -1;
    return k < 0 ? standard : slots[k] + standard / 100;
  };
  const ranks = (o: number[]) => o.map((j) => rankOf(measures[j]));
  const earlier = (a: number[], b: number[]) => {
    const k = a.findIndex((r, i) => r !== b[i]);
    return k >= 0 && a[k] < b[k];
  };
  let best = header.orders[0];
  for (const o of header.orders) if (earlier(ranks(o), ranks(best))) best = o;
  return best;
}

/** Everything each cell precedes, directly or not. */
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

/** Every order of n items keeping the given `a before b` pairs (at most MAX_ORDERS + 1). */
function linearOrders(n: number, before: Array<[number, number]>): number[][] {
  const preds = Array.from({ length: n }, () => new Set<number>());
  for (const [a, b] of before) if (a !== b) preds[b].add(a);
  const out: number[][] = [];
  const placed: number[] = [];
  const used = new Array<boolean>(n).fill(false);
  const walk = () => {
    if (out.length > MAX_ORDERS) return;
    if (placed.length === n) {
      out.push([...placed]);
      return;
    }
    for (let i = 0; i < n; i++) {
      if (used[i] || [...preds[i]].some((p) => !used[p])) continue;
      used[i] = true;
      placed.push(i);
      walk();
      placed.pop();
      used[i] = false;
    }
  };
  walk();
  return out;
}
