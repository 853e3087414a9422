/**
 * Text items of a PDF page → positioned lines. Items are grouped into lines
 * by baseline and ordered by x; a moderate gap becomes one space and a wide
 * gap (over about 1.5 character widths, usually a cell boundary) three.
 * This is the recipe the corpus's .txt twins were made with, so the text
 * parsers see the same lines from a PDF as from its extracted text.
 */
import type { PositionedLine, Span } from "../../schema/geometry.ts";

/** One text item as read from the page (PDF user space, y upwards). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  height: number;
  /** True for rotated or skewed text. */
  rotated: boolean;
}

export interface PdfPage {
  page: number;
  width: number;
  height: number;
  items: PdfItem[];
}

/** A white-space separated token of a line with its x-span. */
export type { PositionedLine, Span };

/** Items whose baselines differ by less than this fraction of the font size share a line. */
const BASELINE_TOLERANCE = 0.4;
/** Gaps under this fraction of the font size are no space at all. */
const SPACE_GAP = 0.3;
/** Gaps over this many character widths are a cell boundary (three spaces). */
const WIDE_GAP = 1.5;

/** Average width of one character of an item (its font size for CJK text). */
function charWidth(item: PdfItem): number {
  const n = [...item.str].length;
  return n > 0 && item.width > 0 && item.str.trim() !== "" ? item.width / n : item.height;
}

/** The lines of one page, top to bottom. */
export function pageLines(page: PdfPage): PositionedLine[] {
  const items = page.items.slice().sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  let baseline = Number.NaN;
  for (const item of items) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(item.y - baseline) < BASELINE_TOLERANCE * item.height) row.push(item);
    else {
      rows.push([item]);
      baseline = item.y;
    }
  }
  return joinWrappedNumbers(rows)
    .filter((row) => row.length > 0)
    .map((row) =>
      lineOf(
        page.page,
        row.sort((a, b) => a.x - b.x),
      ),
    );
}

/** A money amount as tables print it: two decimals, with or without thousands separators. */
const AMOUNT = /^(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}$/;
/** The tail of an amount wrapped onto the next line of a narrow cell ("6" of "1682.7" / "6"). */
const TAIL = /^[\d.,]{1,3}$/;
/** An item printing one number, or part of one. */
const NUMBERISH = /^\d[\d,]*\.?\d*$/;

/**
 * Amounts wrapped in narrow cells: a line printing only the tails of
 * amounts ("6   6   0 0   0"), each standing under the head of an amount
 * on a line just above ("1682.7   1682.7   1208.2   0.0   0.0") within its
 * x-extent, the head and tail together an amount with two decimals while
 * the head alone is not one. Each amount is joined ("1682.76") and put on
 * the row's line: the line between head and tail when there is one (the
 * row's label is centred in its cell), else the head's. The tail line is
 * then empty and dropped; so is a head line left empty. Only whole lines of
 * tails are joined, all tails or none.
 */
function joinWrappedNumbers(rows: PdfItem[][]): PdfItem[][] {
  const printed = (row: PdfItem[]) => row.filter((i) => i.str.trim() !== "");
  const onlyNumbers = (row: PdfItem[]) => printed(row).length > 0 && printed(row).every((i) => NUMBERISH.test(i.str.trim()));
  for (let r = 1; r < rows.length; r++) {
    const tails = printed(rows[r]);
    if (tails.length === 0 || !tails.every((i) => TAIL.test(i.str.trim()))) continue;
    const joins: Array<{ head: PdfItem; from: number; tail: PdfItem }> = [];
    for (const tail of tails) {
      for (const from of [r - 1, r - 2]) {
        if (from < 0) break;
        const head = printed(rows[from]).find((h) => {
          const text = h.str.trim();
          const near = h.y - tail.y < 2.6 * Math.max(h.height, tail.height);
          const within = tail.x >= h.x - 1 && tail.x + tail.width <= h.x + h.width + 1;
          return near && within && NUMBERISH.test(text) && !AMOUNT.test(text) && AMOUNT.test(text + tail.str.trim());
        });
        if (head) {
          joins.push({ head, from, tail });
          break;
        }
      }
    }
    if (joins.length !== tails.length || new Set(joins.map((j) => j.head)).size !== joins.length) continue;
    for (const { head, from, tail } of joins) {
      // the row's line: the one between head and tail, when the head's line prints numbers only
      const into = from === r - 2 && onlyNumbers(rows[from]) && !onlyNumbers(rows[r - 1]) ? r - 1 : from;
      const x1 = Math.max(head.x + head.width, tail.x + tail.width);
      const joined: PdfItem = {
        ...head,
        str: head.str.trim() + tail.str.trim(),
        x: Math.min(head.x, tail.x),
        width: x1 - Math.min(head.x, tail.x),
        y: into === from ? head.y : printed(rows[into])[0].y,
      };
      rows[from] = rows[from].filter((i) => i !== head);
      rows[into] = [...rows[into], joined];
    }
    rows[r] = [];
    for (const from of [r - 1, r - 2]) if (from >= 0 && printed(rows[from]).length === 0) rows[from] = [];
  }
  return rows;
}

function lineOf(page: number, row: PdfItem[]): PositionedLine {
  let text = "";
  let prev: PdfItem | null = null;
  const placed: Array<{ item: PdfItem; start: number }> = [];
  for (const item of row) {
    if (prev) {
      const gap = item.x - (prev.x + prev.width);
      const size = Math.max(prev.height, item.height) || 1;
      if (gap > WIDE_GAP * Math.max(charWidth(prev), charWidth(item))) text += "   ";
      else if (gap > SPACE_GAP * size) text += " ";
    }
    placed.push({ item, start: text.length });
    text += item.str;
    prev = item;
  }
  const lead = text.length - text.trimStart().length;
  const printed = row.filter((i) => i.str.trim() !== "");
  const top = Math.max(...printed.map((i) => i.y + i.height));
  return {
    text: text.trim(),
    page,
    x0: Math.min(...printed.map((i) => i.x)),
    x1: Math.max(...printed.map((i) => i.x + i.width)),
    y: printed[0].y,
    top,
    spans: joinTouching(placed.flatMap(({ item, start }) => tokenSpans(item, start - lead))),
  };
}

/** Tokens of neighbouring items with no space between them are one token ("预算" + "数"). */
function joinTouching(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && last.start + last.text.length === span.start) {
      last.text += span.text;
      last.x1 = Math.max(last.x1, span.x1);
    } else out.push({ ...span });
  }
  return out;
}

/** Relative advance of a character: full-width (CJK) 1, others 0.5. */
const advance = (ch: string): number => (ch.charCodeAt(0) >= 0x2e80 ? 1 : 0.5);

/**
 * The white-space separated tokens of an item with their x-spans. pdf.js
 * merges runs into one item ("9,433.72 一、一般公共服务支出"), so a token's
 * span is estimated from the item's width shared by character advance.
 */
function tokenSpans(item: PdfItem, start: number): Span[] {
  const chars = [...item.str];
  const total = chars.reduce((s, c) => s + advance(c), 0) || 1;
  const unit = item.width / total;
  const spans: Span[] = [];
  let x = item.x;
  let offset = start;
  let current: Span | null = null;
  for (const ch of chars) {
    const w = advance(ch) * unit;
    if (/\s/.test(ch)) {
      if (current) spans.push(current);
      current = null;
    } else {
      if (!current) current = { text: "", start: offset, x0: x, x1: x };
      current.text += ch;
      current.x1 = x + w;
    }
    x += w;
    offset += ch.length;
  }
  if (current) spans.push(current);
  return spans.filter((s) => s.start >= 0);
}

/** The marker line that starts each page of a PDF's text. */
export const pageMarker = (page: number): string => `=== PAGE ${page} ===`;
