/** Money (loaders/base/money.ts): conversion to 万元 and the one rounding tolerance, on sums the samples print. */
import { describe, expect, it } from "vitest";
import { MAX_WAN, plausibleWan, roundingTolerance, toWan, toWanFactor, withinRounding } from "../../../loaders/base/money.ts";

describe("toWan", () => {
  it("keeps 万元 exactly as printed and converts 元 / 千元 / 亿元 to the cent of a yuan", () => {
    expect(toWan(1358.87, "万元")).toBe(1358.87);
    // sthjj (external corpus) prints “18,686.86 元” in a 万元 paragraph: as 元 it is 1.868686 万元
    expect(toWan(18686.86, "元")).toBe(1.868686);
    expect(toWan(5.17, "千元")).toBe(0.517);
    expect(toWan(1.5, "亿元")).toBe(15000);
    expect(toWanFactor("%")).toBeNull();
    expect(toWan(60, "%")).toBeNull();
  });

  it("has no amount beyond 10^15 元", () => {
    expect(plausibleWan(MAX_WAN)).toBe(MAX_WAN);
    expect(plausibleWan(MAX_WAN * 10)).toBeNull();
    expect(plausibleWan(Number.NEGATIVE_INFINITY)).toBeNull();
  });
});

describe("withinRounding: one cent per addend", () => {
  it("accepts 001 财决公开05表 line 11027: 合计 1198.41 against 基本 881.10 + 项目 317.32 = 1198.42", () => {
    expect(withinRounding(1198.41, 881.1 + 317.32, 2)).toBe(true);
  });

  it("accepts 001 财决公开02表 line 10816: 1358.87 against 1198.41 + 160.45 = 1358.86", () => {
    expect(withinRounding(1358.87, 1198.41 + 160.45, 2)).toBe(true);
  });

  it("rejects 001 lines 626-630: 收入合计 708.81 against its parts 370.87 + 177.49 + 160.24 = 708.60", () => {
    expect(withinRounding(708.81, 370.87 + 177.49 + 160.24, 3)).toBe(false);
  });

  it("allows 0.01 for a single figure and 0.03 for three addends", () => {
    expect(roundingTolerance(0)).toBe(0.01);
    expect(roundingTolerance(3)).toBeCloseTo(0.03, 12);
    expect(withinRounding(100.03, 100, 3)).toBe(true);
    expect(withinRounding(100.05, 100, 3)).toBe(false);
  });
});
