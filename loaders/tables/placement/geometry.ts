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

export interface Cell {
  x0: number;
  x1: number;
  label: string;
  /** Over a label column (the ** of a 栏次 line): never a money column. */
  filler?: boolean;
}

/** The money columns of a table: x-ranges in order, and the header cell above each. */
export interface Grid {
  /** The header cells, left to right (label cells too). */
  cells: Cell[];
  /** The columns as the body's numbers print them, each with its header cell. */
  bands: Band[];
  /** The header cell of each money column, left to right. */
  money: number[];
  labels: string[];
  /** The parser's columns the grid has, by index (all of them unless `unprinted` let it drop some); its columns are these, then `extra`. */
  kept: number[];
  /** The 栏次 line (1 2 3 … under the header), if printed: not a row of the table. */
  numberLine: number | null;
  /** Header labels of the columns the grid added after the parser's (see `extra` of sectionGrid). */
  extra: string[];
  /** Pages the grid holds on: the header's, and later ones that repeat a header line. */
  pages: Set<number>;
}

const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }): number => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

/** Width of one character of a token (a CJK character is about the font size, a digit half of it). */
const charWidth = (s: Span): number => (s.x1 - s.x0) / Math.max(1, [...s.text].length);

/** Tokens of one header line closer than most of a character are one cell ("2026" "年预算数"). */
export function lineCells(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.x0 - last.x1 < 0.8 * Math.max(charWidth(last), charWidth(s))) out[out.length - 1] = { ...last, text: last.text + s.text, x1: Math.max(last.x1, s.x1) };
    else out.push({ ...s });
  }
  return out;
}

/** Header tokens → cells: spanning tokens dropped, overlapping ones joined. */
export function headerCells(header: Span[][], columns: Array<{ x0: number; x1: number }> = []): Cell[] {
  const lines = header.map(lineCells);
  const tokens = lines.flatMap((spans, li) => spans.map((s) => ({ ...s, li })));
  // spanning: over two or more side-by-side tokens of the other lines (收入 over 项目 / 预算数),
  // or over two or more columns of printed numbers (公务用车购置及运行维护费 over 购置费 | 运行维护费)
  const leaves = tokens.filter((t) => {
    if (columns.filter((c) => overlap(c, t) > 0.5 * (c.x1 - c.x0)).length >= 2) return false;
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

const centre = (s: { x0: number; x1: number }) => (s.x0 + s.x1) / 2;

/**
 * The header cell a printed number (or a column of them) stands under: the
 * cell it overlaps most; overlapping none, the cell whose centre is nearest
 * (a right-aligned number under a short centred header: 合计 over 3,363.93).
 */
function cellOf(cells: Cell[], s: { x0: number; x1: number }): number {
  let best = -1;
  let most = 0;
  cells.forEach((c, i) => {
    const o = overlap(c, s);
    if (o > most) {
      most = o;
      best = i;
    }
  });
  if (best >= 0) return best;
  const x = centre(s);
  let near = Number.POSITIVE_INFINITY;
  cells.forEach((c, i) => {
    const d = Math.abs(centre(c) - x);
    if (d < near) {
      near = d;
      best = i;
    }
  });
  return best;
}

/** A printed column: the x-hull of numbers that overlap one another down the table, and the header cell above it. */
export interface Band {
  x0: number;
  x1: number;
  cell: number;
}

/**
 * The columns as the numbers print them: numbers of one column are aligned
 * (right, left or centred), so their x-spans overlap down the table, and
 * those of neighbouring columns do not. Each band of overlapping spans takes
 * the header cell over its widest extent. A band holding two numbers of one
 * line (columns too narrow to keep apart) is not a column: its numbers are
 * placed one by one.
 */
function bandsOf(cells: Cell[], lines: Span[][]): Band[] {
  return numberColumns(lines).map((g) => ({ x0: g.x0, x1: g.x1, cell: cellOf(cells, g) }));
}

/** The x-extents of the printed number columns (see bandsOf). */
export function numberColumns(lines: Span[][]): Array<{ x0: number; x1: number }> {
  const spans = lines.flatMap((l, li) => l.map((s) => ({ x0: s.x0, x1: s.x1, li })));
  spans.sort((a, b) => a.x0 - b.x0);
  const groups: Array<{ x0: number; x1: number; lines: Set<number>; crowded: boolean }> = [];
  for (const s of spans) {
    const last = groups[groups.length - 1];
    if (last && s.x0 < last.x1) {
      last.x1 = Math.max(last.x1, s.x1);
      if (last.lines.has(s.li)) last.crowded = true;
      last.lines.add(s.li);
    } else groups.push({ x0: s.x0, x1: s.x1, lines: new Set([s.li]), crowded: false });
  }
  return groups.filter((g) => !g.crowded).map((g) => ({ x0: g.x0, x1: g.x1 }));
}

/** The header cell of a number: its band's, else its own (cellOf). */
function cellAt(cells: Cell[], bands: Band[], s: { x0: number; x1: number }): number {
  const x = centre(s);
  const band = bands.find((b) => x >= b.x0 && x <= b.x1);
  return band ? band.cell : cellOf(cells, s);
}

/** The money-shaped tokens of a line with their spans. */
const moneySpans = (doc: SourceDocument, line: number): Span[] => (doc.geometry?.[line - 1]?.spans ?? []).filter((s) => MONEY.test(s.text));

const fold = (text: string): string => removeQuotes(spacelessFullWidth(text));

/**
 * The cells whose headers are the parser's column labels (a cell joined from
 * a wrapped header may hold more: 公务用车购置及运行费 over 购置费): in the
 * parser's order when the header prints them so, else each label's own cell
 * (a template printing 公务接待费 after the vehicle columns); null unless
 * every label is found in a cell of its own.
 */
function byLabel(cells: Cell[], labels: string[], meaning?: Meaning): number[] | null {
  const out = matchLabels(cells, labels, meaning);
  return out.every((i) => i >= 0) ? out : null;
}

/** What a header cell names, as the parser's columns: `(cell label) → indices of the parser's columns it may be`. */
export type Meaning = (label: string) => number[];

/** byLabel's matching: -1 for a label found in no cell. */
function matchLabels(cells: Cell[], labels: string[], meaning?: Meaning): number[] {
  const same = (c: Cell, label: string) => fold(c.label) === label;
  const near = (c: Cell, label: string) => fold(c.label).includes(label) || (fold(c.label).length >= 2 && label.includes(fold(c.label)));
  const folded = labels.map(fold);
  const ordered: number[] = [];
  let from = 0;
  for (const label of folded) {
    let i = cells.findIndex((c, j) => j >= from && same(c, label));
    if (i < 0) i = cells.findIndex((c, j) => j >= from && near(c, label));
    if (i < 0) break;
    ordered.push(i);
    from = i + 1;
  }
  if (ordered.length === labels.length) return ordered;
  // any order: exact labels first, then the rest by inclusion, then by the header's meaning (人员支出 is 人员经费), one cell each
  const out = new Array<number>(labels.length).fill(-1);
  const used = new Set<number>();
  const named = (c: Cell, _label: string, k: number) => {
    const m = meaning?.(c.label) ?? [];
    return m.length === 1 && m[0] === k;
  };
  for (const test of [same, near, named])
    folded.forEach((label, k) => {
      if (out[k] >= 0) return;
      const i = cells.findIndex((c, j) => !used.has(j) && !c.filler && test(c, label, k));
      if (i >= 0) {
        out[k] = i;
        used.add(i);
      }
    });
  return out;
}

/** The header word printed over x on one line: the token there with the tokens touching it (2026 年预算数), or "". */
function wordAt(line: Span[], x: number): string {
  const i = line.findIndex((w) => w.x0 <= x && x <= w.x1);
  if (i < 0) return "";
  const touching = (a: Span, b: Span) => b.x0 - a.x1 < 0.25 * Math.min(charWidth(a), charWidth(b));
  let a = i;
  let b = i;
  while (a > 0 && touching(line[a - 1], line[a])) a--;
  while (b < line.length - 1 && touching(line[b], line[b + 1])) b++;
  return line.slice(a, b + 1).map((w) => w.text).join("");
}

/** A token of a 栏次 line: a column number, or the filler printed over label columns (** 栏次 甲 乙). */
const COLUMN_NUMBER = /^\d{1,2}$/;
const COLUMN_FILLER = /^(\*+|栏次|行次|[甲乙丙丁]|[-—]+)$/;

/**
 * The cells of a 栏次 line (`** ** 1 2 3 4 5 6`: each column's number printed
 * at its centre), labelled by the header words above each number; null when
 * the lines hold no such line. The numbers run 1, 2, … from the left.
 */
function columnNumberCells(doc: SourceDocument, header: Span[][], lines: number[]): { line: number; cells: Cell[] } | null {
  for (const n of lines) {
    const spans = doc.geometry?.[n - 1]?.spans ?? [];
    const numbers = spans.filter((s) => COLUMN_NUMBER.test(s.text));
    if (numbers.length < 2 || !spans.every((s) => COLUMN_NUMBER.test(s.text) || COLUMN_FILLER.test(s.text))) continue;
    if (!numbers.every((s, i) => Number(s.text) === i + 1)) continue;
    const cells = spans.map((s): Cell => {
      const c = centre(s);
      const label = header.map((line) => wordAt(line, c)).join("");
      return COLUMN_NUMBER.test(s.text) ? { x0: s.x0, x1: s.x1, label } : { x0: s.x0, x1: s.x1, label: `${label}${s.text}`, filler: true };
    });
    return { line: n, cells };
  }
  return null;
}

/**
 * The parser's columns among the cells of a 栏次 line, which names every
 * printed column: with `unprinted`, a parser column no cell names was not
 * printed (基本支出 over 人员经费 | 公用经费, with no column of its own) and
 * is dropped (-1); every numbered cell must be a parser column or one
 * `extra` reads. Null otherwise.
 */
function printedColumns(cells: Cell[], bands: Band[], labels: string[], options: { meaning?: Meaning; unprinted?: boolean; extra?: (label: string) => boolean }): number[] | null {
  if (!options.unprinted) return null;
  const matched = matchLabels(cells, labels, options.meaning);
  if (!matched.some((i) => i >= 0)) return null;
  // a cell no number stands under may stay unread (上年结转结余 by fund, empty in every row)
  const ok = cells.every((c, i) => c.filler || matched.includes(i) || options.extra?.(c.label) || !bands.some((b) => b.cell === i));
  return ok ? matched : null;
}

/** The cells numbers are printed under (label cells hold text); with `rightmost`, the last cells. */
function byNumbers(cells: Cell[], bands: Band[], body: Span[][], columns: number, rightmost = false): number[] | null {
  const hits = new Array<number>(cells.length).fill(0);
  for (const spans of body) for (const s of spans) hits[cellAt(cells, bands, s)]++;
  const open = cells.map((_, i) => i).filter((i) => !cells[i].filler);
  let money = open.filter((i) => hits[i] > 0);
  // a column empty in every row: with `rightmost`, the money columns are the last cells
  if (money.length < columns && rightmost && money.every((i) => open.indexOf(i) >= open.length - columns)) money = open.slice(open.length - columns);
  // numbers under more cells than the parser has columns: its columns are not the printed ones
  return money.length === columns ? money : null;
}

/** The money column (index into the grid's columns) a number stands in, or -1. */
function columnAt(grid: Grid, s: { x0: number; x1: number }): number {
  return grid.money.indexOf(cellAt(grid.cells, grid.bands, s));
}

/**
 * A table's positioned text: its header lines on the header's page (spans
 * and baseline per line, top to bottom), the pages a grid holds on (the
 * header's, and later ones that repeat a header line: a table continued
 * after a page break), and the money-shaped spans of each body line on
 * those pages. Null without geometry or header lines.
 */
export function tableSpans(doc: SourceDocument, headerLines: number[], bodyLines: number[]): { page: number; header: Span[][]; headerY: number[]; pages: Set<number>; body: Span[][] } | null {
  if (!doc.geometry) return null;
  const header = headerLines.map((n) => doc.geometry![n - 1]).filter((g) => g !== null && g !== undefined);
  if (header.length === 0) return null;
  const page = header[0].page;
  const headerTexts = new Set(header.map((g) => g.text));
  const pages = new Set([page]);
  for (const n of bodyLines) {
    const g = doc.geometry[n - 1];
    if (g && g.page > page && headerTexts.has(g.text)) pages.add(g.page);
  }
  const body = bodyLines.filter((n) => pages.has(doc.geometry![n - 1]?.page ?? -1)).map((n) => moneySpans(doc, n));
  const onPage = header.filter((g) => g.page === page);
  return { page, header: onPage.map((g) => g.spans), headerY: onPage.map((g) => g.y), pages, body };
}

/**
 * The grid of a table from its header lines and body lines, for `columns`
 * money columns; null unless the geometry is clear (see above).
 */
export function sectionGrid(
  doc: SourceDocument,
  headerLines: number[],
  bodyLines: number[],
  labels: string[],
  options: { rightmost?: boolean; extra?: (label: string) => boolean; meaning?: Meaning; unprinted?: boolean } = {},
): Grid | null {
  const columns = labels.length;
  const at = columns === 0 ? null : tableSpans(doc, headerLines, bodyLines);
  if (!at || !doc.geometry) return null;
  const { page, pages, body } = at;
  const spans = at.header;
  // the cells of the whole header; else those of its fullest line (a row of 预算数 / 决算数
  // leaves under group headers too narrow to be seen spanning them)
  const fullest = spans.reduce((a, b) => (lineCells(b).length > lineCells(a).length ? b : a));
  let cells: Cell[] = [];
  let bands: Band[] = [];
  let money: number[] | null = null;
  // the 栏次 line, if printed: among the header lines or the body lines before the first amount
  const firstAmount = bodyLines.findIndex((n) => moneySpans(doc, n).length > 0);
  const numberLine = columnNumberCells(doc, spans, [...headerLines, ...bodyLines.slice(0, Math.max(firstAmount, 0))].filter((n) => doc.geometry![n - 1]?.page === page));
  const numbered = numberLine?.cells ?? null;
  const printed = numberColumns(body);
  const candidates = [...(numbered ? [numbered] : []), headerCells(spans, printed), headerCells([fullest], printed)];
  for (const [k, candidate] of candidates.entries()) {
    if (candidate.length < columns) continue;
    bands = bandsOf(candidate, body);
    // a line with one cell per column (栏次 1 2 … 12, or 预算数 决算数 … ) is the columns
    const whole = k === candidates.length - 1 && candidate.length === columns ? candidate.map((_, i) => i) : null;
    money = byLabel(candidate, labels, options.meaning) ?? (candidate === numbered ? printedColumns(candidate, bands, labels, options) : null) ?? whole ?? byNumbers(candidate, bands, body, columns, options.rightmost);
    cells = candidate;
    if (money) break;
  }
  if (process.env.GEO_DEBUG && headerLines.includes(+process.env.GEO_DEBUG)) console.error(JSON.stringify({ labels, money, cells: cells.map((c) => c.label), bands }));
  if (!money) return null;
  const kept = money.map((c, j) => (c >= 0 ? j : -1)).filter((j) => j >= 0);
  money = money.filter((c) => c >= 0);
  // numbers under a header the parser has no column for (单位资金 beside the funds): its own column when `extra` reads the header
  const unread = [...new Set(bands.map((b) => b.cell))].filter((i) => !money!.includes(i)).sort((a, b) => a - b);
  const extra = options.extra ? unread.filter((i) => options.extra!(cells[i].label)) : [];
  money = [...money, ...extra];
  const grid: Grid = { cells, bands, money, labels: money.map((i) => cells[i].label), pages, kept, extra: extra.map((i) => cells[i].label), numberLine: numberLine?.line ?? null };
  // clear only if every full row reads one number per column, left to right as the header prints them
  const byX = grid.money.map((_, j) => j).sort((a, b) => grid.money[a] - grid.money[b]);
  for (const spans of body) {
    if (spans.length !== grid.money.length) continue;
    const at = spans.map((s) => columnAt(grid, s));
    if (at.some((c, k) => c !== byX[k])) return null;
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
  const cols = found.map((s) => columnAt(grid, s));
  if (cols.some((c, k) => c < 0 || cols.indexOf(c) !== k)) return null;
  return cols;
}

/** The rule a placement by geometry is reported with (line_items.rule). */
export const GEOMETRY_RULE = "geometry: x-span under the column header";
