/**
 * Column headers of a plain-text table whose cells wrap over several lines,
 * the lines of different cells interleaved by the extraction (西安 表2:
 * `政府性` / … / `基金拨` / … / `款`, with `上级补` / `助收入` between them).
 * Each cell is rebuilt as a chain of fragments on later and later lines,
 * evenly spaced (a cell's lines share one pitch), whose words name a column
 * (columns.ts measureOfHeader); every fragment of the header must belong to
 * one cell, to a group title above the columns (`一般公共预算拨款` over its
 * 小计), or to the row-label columns (单位编码, 单位名称). The left-to-right
 * order of fragments on each line orders the cells they belong to; cells
 * that never share a line are not ordered by the text, so every order the
 * lines allow is returned — a row is placed where all of them agree (see
 * reading-placement.ts), never by guessing one.
 */
import type { Measure } from "../../schema/measures.ts";
import { foldHeader, measureOfHeader } from "./columns.ts";
import type { TextColumn } from "./text-columns.ts";

export interface FragmentColumns {
  columns: TextColumn[];
  /** Every printed order the header allows: orders[o][p] = the column printed p-th. */
  orders: number[][];
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

interface Fragment {
  line: number;
  pos: number;
  text: string;
}

export function fragmentColumns(headerLines: string[]): FragmentColumns | null {
  const lines = headerLines.map((l) =>
    l
      .trim()
      .split(/[\s\u3000]+/)
      .filter(Boolean)
      .map(foldHeader),
  );
  // group titles: the lines of one cell above the first line of several cells (部门预算 / 一般公共预算拨款)
  let first = 0;
  while (first < lines.length && lines[first].length <= 1) first++;
  if (first >= lines.length) return null;
  const groups = lines.slice(0, first).flat();
  const frags: Fragment[] = [];
  for (let i = first; i < lines.length; i++) lines[i].forEach((text, pos) => frags.push({ line: i, pos, text }));
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
    // extend a chain from `start` with fragments on later lines at one pitch
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
  // every cover must name the same columns; their orders are pooled
  const named = (cover: number[][]) => cover.map((c) => c.map((f) => frags[f].text).join(""));
  const keyOf = (cover: number[][]) => named(cover).map(measureOf).sort().join(",");
  if (new Set(covers.map(keyOf)).size !== 1) return null;
  const labels = named(covers[0]);
  const columns: TextColumn[] = labels.map((label) => ({ label, measure: measureOf(label)! }));
  if (new Set(columns.map((c) => c.measure)).size !== columns.length) return null;
  const orders = new Map<string, number[]>();
  for (const cover of covers) {
    // the cover's chains, as columns of the first cover (the same measures)
    const col = named(cover).map((t) => columns.findIndex((c) => c.measure === measureOf(t)));
    const before: Array<[number, number]> = [];
    for (let i = first; i < lines.length; i++) {
      const onLine = frags.flatMap((f, j) => (f.line === i ? [j] : [])).sort((a, b) => frags[a].pos - frags[b].pos);
      const cols = onLine
        .map((j) => cover.findIndex((c) => c.includes(j)))
        .filter((c) => c >= 0)
        .map((c) => col[c]);
      for (let k = 1; k < cols.length; k++) before.push([cols[k - 1], cols[k]]);
    }
    // the total is the first money column
    columns.forEach((c, j) => {
      if (c.measure === "total") columns.forEach((_, o) => o !== j && before.push([j, o]));
    });
    for (const o of linearOrders(columns.length, before)) orders.set(o.join(","), o);
    if (orders.size > MAX_ORDERS) return null;
  }
  if (orders.size === 0) return null;
  return { columns, orders: [...orders.values()] };
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
