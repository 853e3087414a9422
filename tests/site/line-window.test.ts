// The virtual scroller's geometry (src/components/line-window.ts): offsets of lines of
// estimated and measured heights, the line at an offset and the window drawn.
import {describe, expect, test} from "vitest";
import {columns, LineWindow} from "../../src/components/line-window.ts";

describe("LineWindow", () => {
  test("offsets follow the estimates, then the measured heights", () => {
    const w = new LineWindow(5, () => 20);
    expect(w.total).toBe(100);
    expect(w.top(3)).toBe(60);
    expect(w.measure(1, 50)).toBe(true);
    expect(w.measure(1, 50)).toBe(false);
    expect(w.top(1)).toBe(20);
    expect(w.top(2)).toBe(70);
    expect(w.total).toBe(130);
  });

  test("the line at an offset, and the window drawn with overscan", () => {
    const w = new LineWindow(1000, (i) => (i % 2 ? 40 : 20)); // pairs of 60 px
    expect(w.indexAt(0)).toBe(0);
    expect(w.indexAt(19.9)).toBe(0);
    expect(w.indexAt(20)).toBe(1);
    expect(w.indexAt(59.9)).toBe(1);
    expect(w.indexAt(60)).toBe(2);
    expect(w.indexAt(-5)).toBe(0);
    expect(w.indexAt(1e9)).toBe(999);
    // 600 px of viewport at 6,000 px, 120 px above and below: 5,880 .. 6,720 px, lines 196 .. 224 (224 starts at 6,720)
    expect(w.range(6000, 600, 120)).toEqual([196, 224]);
    expect(new LineWindow(0, () => 20).range(0, 600, 120)).toEqual([0, -1]);
  });

  test("re-estimating (a new width) replaces every height", () => {
    const w = new LineWindow(3, () => 20);
    w.measure(0, 33);
    w.reestimate(() => 10);
    expect(w.total).toBe(30);
  });
});

test("columns: CJK and full-width characters take two", () => {
  expect(columns("abc 123")).toBe(7);
  expect(columns("合计 1358.87")).toBe(12);
  expect(columns("（一）")).toBe(6);
});
