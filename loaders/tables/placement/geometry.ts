/**
 * Placement by position (a PDF's geometry): the first choice of the
 * placement seam where the document keeps its positions. A table's columns
 * are its header cells' x-extents; each printed number goes to the column
 * its x-span falls in, so no vanished-cell reasoning is needed.
 *
 * Header cells: the tokens of the header lines, a token spanning two or more
 * tokens of another header line dropped (收入 over 项目 / 预算数, 财政拨款 over
 * its funds), tokens that overlap in x joined into one cell (a header wrapped
 * over two or three lines, one character per line). The money columns are
 * the cells numbers are printed under (label cells hold text). A column's
 * range reaches to the middle of the gap to its neighbours.
 *
 * With `rightmost` (tables whose label columns all stand left of the money
 * columns) a column left empty in every row is still found: the money
 * columns are then the rightmost cells.
 *
 * A grid holds on its header's page and on later pages that repeat a header
 * line (a table continued after a page break); elsewhere rows are placed
 * from the text.
 *
 * The grid is trusted only when it is clear: as many money cells as the
 * parser's columns, and every row printed full (a number in every column)
 * placed in printed order. Otherwise `sectionGrid` gives null and the text
 * placement (row.ts, groups.ts) decides, as for text input.
 */
import { removeQuotes, spacelessFullWidth } from "../../base/fold.ts";
import type { Span } from "../../ingest/pdf/lines.ts";
import type { SourceDocument } from "../../schema/types.ts";

/** A money amount as printed: decimals, or thousands separators. */
const MONEY = /^[-−]?(?:\d+\.\d{1,2}|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?)$/;

interface Cell {
  x0: number;
  x1: number;
  label: string;
}

/** The money columns of a table: x-ranges in order, and the header cell above each. */
export interface Grid {
  /** Range [from, to) of each money column, left to right. */
  ranges: Array<{ from: number; to: number }>;
  labels: string[];
  /** Pages the grid holds on: the header's, and later ones that repeat a header line. */
  pages: Set<number>;
}

const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }): number => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

/** Width of one character of a token (a CJK character is about the font size, a digit half of it). */
const charWidth = (s: Span): number => (s.x1 - s.x0) / Math.max(1, [...s.text].length);

/** Tokens of one header line closer than most of a character are one cell ("2026" "年预算数"). */
function lineCells(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.x0 - last.x1 < 0.8 * Math.max(charWidth(last), charWidth(s))) out[out.length - 1] = { ...last, text: last.text + s.text, x1: Math.max(last.x1, s.x1) };
    else out.push({ ...s });
  }
  return out;
}

/** Header tokens → cells: spanning tokens dropped, overlapping ones joined. */
export function headerCells(header: Span[][]): Cell[] {
  const lines = header.map(lineCells);
  const tokens = lines.flatMap((spans, li) => spans.map((s) => ({ ...s, li })));
  // spanning: over two or more side-by-side tokens of the other lines (收入 over 项目 / 预算数)
  const leaves = tokens.filter((t) => {
    const under = tokens
      .filter((o) => o.li !== t.li && overlap(o, t) > 0.2 * Math.min(o.x1 - o.x0, t.x1 - t.x0))
      .sort((a, b) => a.x0 - b.x0);
    let apart = 0;
    let end = Number.NEGATIVE_INFINITY;
    for (const o of under)
      if (o.x0 >= end) {
        apart++;
        end = o.x1;
      }
    return apart < 2;
  });
  const cells: Cell[] = [];
  for (const t of leaves.sort((a, b) => a.x0 - b.x0)) {
    const hit = cells.find((c) => overlap(c, t) > 0);
    if (hit) {
      hit.x0 = Math.min(hit.x0, t.x0);
      hit.x1 = Math.max(hit.x1, t.x1);
      hit.label += t.text;
    } else cells.push({ x0: t.x0, x1: t.x1, label: t.text });
  }
  // joining may make two cells overlap: join again until stable
  cells.sort((a, b) => a.x0 - b.x0);
  for (let i = 1; i < cells.length; i++)
    if (overlap(cells[i - 1], cells[i]) > 0) {
      cells[i - 1].x1 = Math.max(cells[i - 1].x1, cells[i].x1);
      cells[i - 1].label += cells[i].label;
      cells.splice(i--, 1);
    }
  return cells;
}

/** Ranges reaching to the middle of the gaps between neighbouring cells (the outer ones to the page's edges). */
function rangesOf(cells: Cell[]): Array<{ from: number; to: number }> {
  return cells.map((c, i) => ({
    from: i > 0 ? (cells[i - 1].x1 + c.x0) / 2 : Number.NEGATIVE_INFINITY,
    to: i < cells.length - 1 ? (c.x1 + cells[i + 1].x0) / 2 : Number.POSITIVE_INFINITY,
  }));
}

const centre = (s: { x0: number; x1: number }) => (s.x0 + s.x1) / 2;

function columnAt(ranges: Array<{ from: number; to: number }>, s: { x0: number; x1: number }): number {
  const x = centre(s);
  return ranges.findIndex((r) => x >= r.from && x < r.to);
}

/** The money-shaped tokens of a line with their spans. */
const moneySpans = (doc: SourceDocument, line: number): Span[] => (doc.geometry?.[line - 1]?.spans ?? []).filter((s) => MONEY.test(s.text));

const fold = (text: string): string => removeQuotes(spacelessFullWidth(text));

/**
 * The cells whose headers are the parser's column labels, in order (a cell
 * joined from a wrapped header may hold more: 公务用车购置及运行费 over 购置费);
 * null unless every label is found.
 */
function byLabel(cells: Cell[], labels: string[]): number[] | null {
  const out: number[] = [];
  let from = 0;
  for (const label of labels.map(fold)) {
    const same = (c: Cell) => fold(c.label) === label;
    const near = (c: Cell) => fold(c.label).includes(label) || (fold(c.label).length >= 2 && label.includes(fold(c.label)));
    let i = cells.findIndex((c, j) => j >= from && same(c));
    if (i < 0) i = cells.findIndex((c, j) => j >= from && near(c));
    if (i < 0) return null;
    out.push(i);
    from = i + 1;
  }
  return out;
}

/** The cells numbers are printed under (label cells hold text); with `rightmost`, the last cells. */
function byNumbers(doc: SourceDocument, cells: Cell[], ranges: Array<{ from: number; to: number }>, bodyLines: number[], columns: number, rightmost = false): number[] | null {
  const hits = new Array<number>(cells.length).fill(0);
  for (const n of bodyLines)
    for (const s of moneySpans(doc, n)) {
      const c = columnAt(ranges, s);
      if (c >= 0) hits[c]++;
    }
  let money = cells.map((_, i) => i).filter((i) => hits[i] > 0);
  // a column empty in every row: with `rightmost`, the money columns are the last cells
  if (money.length < columns && rightmost && money.every((i) => i >= cells.length - columns)) money = cells.map((_, i) => i).slice(cells.length - columns);
  if (money.length > columns) money = [...money].sort((a, b) => hits[b] - hits[a] || a - b).slice(0, columns).sort((a, b) => a - b);
  return money.length === columns ? money : null;
}

/**
 * The grid of a table from its header lines and body lines, for `columns`
 * money columns; null unless the geometry is clear (see above).
 */
export function sectionGrid(doc: SourceDocument, headerLines: number[], bodyLines: number[], labels: string[], options: { rightmost?: boolean } = {}): Grid | null {
  const columns = labels.length;
  if (!doc.geometry || columns === 0) return null;
  const header = headerLines.map((n) => doc.geometry![n - 1]).filter((g) => g !== null && g !== undefined);
  if (header.length === 0) return null;
  const page = header[0].page;
  const spans = header.filter((g) => g.page === page).map((g) => g.spans);
  // the cells of the whole header; else those of its fullest line (a row of 预算数 / 决算数
  // leaves under group headers too narrow to be seen spanning them)
  const fullest = spans.reduce((a, b) => (lineCells(b).length > lineCells(a).length ? b : a));
  const onPage = bodyLines.filter((n) => doc.geometry![n - 1]?.page === page);
  let cells: Cell[] = [];
  let money: number[] | null = null;
  for (const [k, candidate] of [headerCells(spans), headerCells([fullest])].entries()) {
    if (candidate.length < columns) continue;
    const ranges = rangesOf(candidate);
    // a line with one cell per column (栏次 1 2 … 12, or 预算数 决算数 … ) is the columns
    const whole = k === 1 && candidate.length === columns ? candidate.map((_, i) => i) : null;
    money = byLabel(candidate, labels) ?? whole ?? byNumbers(doc, candidate, ranges, onPage, columns, options.rightmost);
    cells = candidate;
    if (money) break;
  }
  if (!money) return null;
  const ranges = rangesOf(cells);
  const moneyCells = money.map((i) => cells[i]);
  // a money column's range reaches to its neighbours among all cells (label cells bound it too)
  const headerTexts = new Set(header.map((g) => g.text));
  const pages = new Set([page]);
  for (const n of bodyLines) {
    const g = doc.geometry[n - 1];
    if (g && g.page > page && headerTexts.has(g.text)) pages.add(g.page);
  }
  const grid: Grid = { ranges: money.map((i) => ranges[i]), labels: moneyCells.map((c) => c.label), pages };
  // clear only if every full row reads in printed order
  for (const n of bodyLines) {
    const spans = moneySpans(doc, n);
    if (spans.length !== columns || !pages.has(doc.geometry[n - 1]!.page)) continue;
    const at = spans.map((s) => columnAt(grid.ranges, s));
    if (at.some((c, k) => c !== k)) return null;
  }
  return grid;
}

/**
 * The money column of each printed number of a line (texts as the parser
 * read them, in printed order), or null when a number is not found on the
 * line, is not money-shaped (栏次 1 2 3, a count), stands in no column, or
 * two share one.
 */
export function placeByGeometry(doc: SourceDocument, grid: Grid, line: number, texts: string[]): number[] | null {
  const g = doc.geometry?.[line - 1];
  if (!g || !grid.pages.has(g.page) || !texts.every((t) => MONEY.test(t))) return null;
  const spans = g.spans;
  // match the numbers from the right: they are the trailing tokens of a row
  const found: Span[] = [];
  let j = spans.length - 1;
  for (let k = texts.length - 1; k >= 0; k--) {
    while (j >= 0 && spans[j].text !== texts[k]) j--;
    if (j < 0) return null;
    found.unshift(spans[j--]);
  }
  const cols = found.map((s) => columnAt(grid.ranges, s));
  if (cols.some((c, k) => c < 0 || (k > 0 && c <= cols[k - 1]))) return null;
  return cols;
}

/** The rule a placement by geometry is reported with (line_items.rule). */
export const GEOMETRY_RULE = "geometry: x-span under the column header";
