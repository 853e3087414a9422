// The geometry of a virtual list of lines of different heights (source-view.ts): each
// line's height (estimated until it has been drawn and measured), the offset of each
// line's top, the line at a given offset and the window of lines to draw for a scroll
// position. Pure (no DOM): tested in Node (tests/site/line-window.test.ts).

export class LineWindow {
  /** Height of each line in px (estimated, or measured once drawn). */
  readonly heights: Float64Array;
  /** tops[i] = offset of line i (0-based); tops[count] = total height. */
  private tops: Float64Array;
  private dirtyFrom: number;

  constructor(
    readonly count: number,
    estimate: (index: number) => number
  ) {
    this.heights = new Float64Array(count);
    for (let i = 0; i < count; ++i) this.heights[i] = estimate(i);
    this.tops = new Float64Array(count + 1);
    this.dirtyFrom = 0;
  }

  /** Replaces every height by a new estimate (e.g. after the width changed). */
  reestimate(estimate: (index: number) => number): void {
    for (let i = 0; i < this.count; ++i) this.heights[i] = estimate(i);
    this.dirtyFrom = 0;
  }

  /** Sets the measured height of line `index`; true when it changed. */
  measure(index: number, height: number): boolean {
    if (Math.abs(this.heights[index] - height) < 0.01) return false;
    this.heights[index] = height;
    this.dirtyFrom = Math.min(this.dirtyFrom, index);
    return true;
  }

  private update(): void {
    if (this.dirtyFrom > this.count) return;
    let y = this.tops[this.dirtyFrom];
    for (let i = this.dirtyFrom; i < this.count; ++i) {
      this.tops[i] = y;
      y += this.heights[i];
    }
    this.tops[this.count] = y;
    this.dirtyFrom = this.count + 1;
  }

  /** Offset of the top of line `index` (0-based; `count` gives the total height). */
  top(index: number): number {
    this.update();
    return this.tops[Math.max(0, Math.min(index, this.count))];
  }

  /** Total height of the lines. */
  get total(): number {
    return this.top(this.count);
  }

  /** The line (0-based) that covers offset y (the first or last line beyond the ends). */
  indexAt(y: number): number {
    this.update();
    if (this.count === 0) return 0;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.tops[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The lines [first, last] (0-based, inclusive) to draw for a viewport at `scrollTop` of `height`, with `overscan` px above and below. */
  range(scrollTop: number, height: number, overscan: number): [number, number] {
    if (this.count === 0) return [0, -1];
    return [this.indexAt(scrollTop - overscan), this.indexAt(scrollTop + height + overscan)];
  }
}

/**
 * About the width of a line in columns of a monospace font: CJK and full-width
 * characters (from U+2E80 on) take two, the others one. Only an estimate of how many
 * rows a wrapped line takes before it is drawn (then it is measured).
 */
export function columns(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; ++i) n += text.charCodeAt(i) >= 0x2e80 ? 2 : 1;
  return n;
}
