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
  return rows.map((row) => lineOf(page.page, row.sort((a, b) => a.x - b.x)));
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
