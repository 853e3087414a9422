/**
 * Page geometry of a PDF text layer, as ingest reads it and later stages
 * (layout, placement by position) use it: lines with their spans and boxes.
 */

export interface Span {
  text: string;
  /** Offset of the span's first character in the line's text. */
  start: number;
  x0: number;
  x1: number;
}

/** A line of a page: its text, page, bounding box and the spans it is made of. */
export interface PositionedLine {
  text: string;
  page: number;
  x0: number;
  x1: number;
  /** Baseline (PDF user space: y grows upwards). */
  y: number;
  /** Top of the tallest item. */
  top: number;
  spans: Span[];
}
