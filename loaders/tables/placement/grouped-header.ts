/**
 * A grouped header read from positions: group headers over runs of leaf
 * columns, at one or more levels (当年预算 | 上年结转结余 over the same fund
 * columns; 因公出国（境）费 over its 小计 and parts), each leaf column named
 * by its groups and its own header (`当年预算/因公出国（境）费/小计`).
 *
 * The columns are the printed numbers' x-bands (numbers of one column
 * overlap down the table); a column's range reaches to the middle of the
 * gap to its neighbours, the outer ones as far out as half the step to
 * their neighbour. A header token is a group header when it is centred over
 * a run of two or more columns (within a quarter of the run's narrowest
 * column) whose headers all start below it, and either it crosses a column
 * boundary or the words under it in its own column name a column on their
 * own while with it they do not (本年财政拨款 over 政府性基金预算, not 公务 over
 * 接待费). Tokens of one line take runs side by side (the fit nearest in
 * total); a lower group lies within an upper one. A leaf column's header is
 * the other tokens over it, top to bottom.
 *
 * This is the placement for a table whose header the parser's columns do
 * not describe (sectionGrid found no clear grid); null unless every column
 * has a header and every row prints at most one number per column.
 */
import { removeQuotes, spacelessFullWidth } from "../../base/fold.ts";
import type { SourceDocument } from "../../schema/types.ts";
import type { Span } from "../../ingest/pdf/lines.ts";
import { type Cell, type Grid, lineCells, numberColumns, tableSpans } from "./geometry.ts";

/** A grid whose columns are the header's own leaves. */
export interface GroupedGrid extends Grid {
  /** The group headers over each money column, outermost first. */
  paths: string[][];
  /** Each money column's own header. */
  leaves: string[];
}

/** Whether a header text names a column of the table's form on its own (政府性基金预算 does, 接待费 does not). */
export type Names = (label: string) => boolean;

interface Token extends Span {
  /** Header line index (top = 0). */
  li: number;
}

const centre = (s: { x0: number; x1: number }) => (s.x0 + s.x1) / 2;

/** A sum column's header: 合计 / 小计 / 总计, or a header ending in one (“三公”经费合计). */
export const isSumHeader = (label: string): boolean => /(合计|小计|总计)$/.test(removeQuotes(spacelessFullWidth(label)));

/** Column boundaries from the bands' centres: n + 1 x positions. */
function boundaries(bands: Array<{ x0: number; x1: number }>): number[] {
  const c = bands.map(centre);
  const n = c.length;
  const mid = c.slice(1).map((x, i) => (c[i] + x) / 2);
  return [c[0] - (c[1] - c[0]) / 2, ...mid, c[n - 1] + (c[n - 1] - c[n - 2]) / 2];
}

/** Index of the column holding x, or -1. */
const columnOf = (b: number[], x: number): number => {
  for (let i = 0; i + 1 < b.length; i++) if (x >= b[i] && x < b[i + 1]) return i;
  return -1;
};

interface Run {
  from: number;
  to: number;
  miss: number;
}

/** The runs of ≥ 2 columns a token may head: centred within a quarter of the run's narrowest column, the token inside. */
function runsOf(t: Token, b: number[]): Run[] {
  const out: Run[] = [];
  const slack = 1;
  for (let i = 0; i + 1 < b.length; i++)
    for (let j = i + 1; j + 1 < b.length; j++) {
      if (b[i] > t.x0 + slack || b[j + 1] < t.x1 - slack) continue;
      let narrowest = Number.POSITIVE_INFINITY;
      for (let k = i; k <= j; k++) narrowest = Math.min(narrowest, b[k + 1] - b[k]);
      const miss = Math.abs(centre(t) - (b[i] + b[j + 1]) / 2);
      if (miss <= narrowest / 4) out.push({ from: i, to: j, miss });
    }
  return out;
}

/** The header of a column: tokens centred in it, top to bottom. */
const wordsIn = (tokens: Token[], b: number[], k: number): string =>
  tokens
    .filter((t) => columnOf(b, centre(t)) === k)
    .sort((p, q) => p.li - q.li || p.x0 - q.x0)
    .map((t) => t.text)
    .join("");

/** Vertical extents of the header over the money columns. */
interface Rows {
  /** Baseline of each header line. */
  y: number[];
  /** The header lines printing over the money columns, top to bottom. */
  lines: number[];
  /** Middle of the region the token's own group (or the whole header) spans: a column outside the token's run is centred there. */
  outer: number;
}

/**
 * Whether a token heads the run: every column's header lies below it and is
 * centred in the lines below it rather than in the whole region of the
 * token's own group (a header cell beside the group spans that region, its
 * text centred in it: 合计 beside 编制预算's columns); and the token crosses
 * a column boundary or is no part of its column's own header.
 */
function heads(t: Token, run: Run, tokens: Token[], b: number[], names: Names, rows: Rows): boolean {
  const own = new Set<number>();
  for (let k = run.from; k <= run.to; k++) if (Math.min(t.x1, b[k + 1]) - Math.max(t.x0, b[k]) > 0) own.add(k);
  const bottom = rows.y[rows.lines[rows.lines.length - 1]];
  const next = rows.lines.find((li) => li > t.li);
  if (next === undefined) return false;
  const inner = (rows.y[next] + bottom) / 2;
  for (let k = run.from; k <= run.to; k++) {
    const there = tokens.filter((o) => o !== t && columnOf(b, centre(o)) === k);
    if (!there.some((o) => o.li > t.li)) return false;
    if (there.some((o) => o.li <= t.li)) return false;
    const ys = there.map((o) => rows.y[o.li]);
    const middle = (Math.max(...ys) + Math.min(...ys)) / 2;
    if (Math.abs(middle - inner) >= Math.abs(middle - rows.outer)) return false;
  }
  if (own.size >= 2) return true;
  const k = [...own][0];
  const below = wordsIn(
    tokens.filter((o) => o.li > t.li),
    b,
    k,
  );
  return names(below) && !names(t.text + below);
}

/** Side-by-side runs for the group tokens of one line: the widest in total, then the nearest; null when they cannot stand apart. */
function placeLine(options: Run[][]): Run[] | null {
  let best: Run[] | null = null;
  let bestWidth = -1;
  let bestMiss = Number.POSITIVE_INFINITY;
  const pick = (k: number, chosen: Run[], width: number, miss: number) => {
    if (k === options.length) {
      if (width > bestWidth || (width === bestWidth && miss < bestMiss)) [best, bestWidth, bestMiss] = [chosen.slice(), width, miss];
      return;
    }
    for (const r of options[k]) {
      const last = chosen[chosen.length - 1];
      if (last && r.from <= last.to) continue;
      chosen.push(r);
      pick(k + 1, chosen, width + r.to - r.from + 1, miss + r.miss);
      chosen.pop();
    }
  };
  pick(0, [], 0, 0);
  return best;
}

/** The grouped grid of a table (see above), or null. */
export function groupedGrid(doc: SourceDocument, headerLines: number[], bodyLines: number[], names: Names): GroupedGrid | null {
  const at = tableSpans(doc, headerLines, bodyLines);
  if (!at) return null;
  const widest = Math.max(0, ...at.body.map((l) => l.length));
  const printed = numberColumns(at.body);
  if (widest < 2 || printed.length !== widest) return null;
  // one number per column on every line
  for (const line of at.body) {
    const cols = line.map((s) => printed.findIndex((p) => centre(s) >= p.x0 && centre(s) <= p.x1));
    if (cols.some((c, k) => c < 0 || cols.indexOf(c) !== k)) return null;
  }
  const b = boundaries(printed);
  const tokens: Token[] = at.header
    .flatMap((spans, li) => lineCells(spans).map((s) => ({ ...s, li })))
    .filter((t) => centre(t) >= b[0] && centre(t) < b[b.length - 1]);
  // group headers, line by line from the top
  const groups: Array<{ token: Token; run: Run }> = [];
  const lines = [...new Set(tokens.map((t) => t.li))].sort((p, q) => p - q);
  const y = at.headerY;
  for (const li of lines) {
    const heading = tokens
      .filter((t) => t.li === li)
      .map((t) => {
        // the region of the token's own group: the lines below that group's header (or the whole header)
        const within = groups.filter((g) => g.token.li < li && g.run.from <= columnOf(b, centre(t)) && columnOf(b, centre(t)) <= g.run.to).pop();
        const top = within ? lines.find((l) => l > within.token.li)! : lines[0];
        const rows: Rows = { y, lines, outer: (y[top] + y[lines[lines.length - 1]]) / 2 };
        const rest = tokens.filter((o) => !groups.some((g) => g.token === o));
        return { t, runs: runsOf(t, b).filter((r) => heads(t, r, rest, b, names, rows)) };
      })
      .filter((h) => h.runs.length > 0)
      .sort((p, q) => p.t.x0 - q.t.x0);
    if (heading.length === 0) continue;
    const runs = placeLine(heading.map((h) => h.runs));
    if (!runs) return null;
    // a lower group lies within an upper one, never across one
    for (const r of runs)
      for (const g of groups) {
        const inside = r.from >= g.run.from && r.to <= g.run.to;
        const apart = r.to < g.run.from || r.from > g.run.to;
        if (!inside && !apart) return null;
      }
    heading.forEach((h, k) => groups.push({ token: h.t, run: runs[k] }));
  }
  if (groups.length === 0) return null;
  const grouping = new Set(groups.map((g) => g.token));
  const leafTokens = tokens.filter((t) => !grouping.has(t));
  const leaves = printed.map((_, k) => wordsIn(leafTokens, b, k));
  if (leaves.some((l) => l === "")) return null;
  const paths = printed.map((_, k) => groups.filter((g) => g.run.from <= k && k <= g.run.to).map((g) => g.token.text));
  const cells: Cell[] = printed.map((_, k) => ({ x0: b[k], x1: b[k + 1], label: [...paths[k], leaves[k]].join("/") }));
  return {
    cells,
    bands: printed.map((p, k) => ({ x0: p.x0, x1: p.x1, cell: k })),
    money: cells.map((_, k) => k),
    labels: cells.map((c) => c.label),
    kept: [],
    numberLine: null,
    extra: [],
    pages: at.pages,
    paths,
    leaves,
  };
}

/**
 * The sums of a grouped header, as [sum column, part columns]: in each
 * group (and over the whole header), its own sum column (合计 / 小计) =
 * its other columns, a group within it counting by its own sum column, or
 * by its parts when it prints none.
 */
export function groupSums(paths: string[][], leaves: string[]): Array<{ sum: number; parts: number[] }> {
  const key = (p: string[]) => p.join("\u0000");
  const nodes = new Map<string, string[]>();
  for (const p of paths) for (let d = 0; d <= p.length; d++) nodes.set(key(p.slice(0, d)), p.slice(0, d));
  const sumOf = (node: string[]): number => paths.findIndex((p, k) => key(p) === key(node) && isSumHeader(leaves[k]));
  // the columns a node counts with: its sum column, else its parts
  const counted = (node: string[]): number[] => {
    const s = sumOf(node);
    return s >= 0 ? [s] : partsOf(node);
  };
  const partsOf = (node: string[]): number[] => {
    const out: number[] = [];
    const children = new Set<string>();
    paths.forEach((p, k) => {
      if (key(p) === key(node)) {
        if (k !== sumOf(node)) out.push(k);
      } else if (p.length > node.length && key(p.slice(0, node.length)) === key(node)) {
        const child = key(p.slice(0, node.length + 1));
        if (!children.has(child)) {
          children.add(child);
          out.push(...counted(p.slice(0, node.length + 1)));
        }
      }
    });
    return out.sort((x, y) => x - y);
  };
  const out: Array<{ sum: number; parts: number[] }> = [];
  for (const node of nodes.values()) {
    const s = sumOf(node);
    const parts = s >= 0 ? partsOf(node) : [];
    if (parts.length > 0) out.push({ sum: s, parts });
  }
  return out.sort((x, y) => x.sum - y.sum);
}
