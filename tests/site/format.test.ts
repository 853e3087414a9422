// The one number formatter (src/components/format.ts): pure functions, no DOM.
import {describe, expect, test} from "vitest";
import {fixed, formatValue, grouped, int, money, pct, percent} from "../../src/components/format.ts";

describe("formats", () => {
  test("money: thousands separators and two decimals", () => {
    expect(money(1234567.891)).toBe("1,234,567.89");
    expect(money(0)).toBe("0.00");
    expect(money(-5634.1)).toBe("-5,634.10");
    expect(money(null)).toBe("");
    expect(money(Number.NaN)).toBe("");
    expect(money("n/a")).toBe("n/a");
  });

  test("int, percent, pct, text, fixed and bigint", () => {
    expect(int(196058)).toBe("196,058");
    expect(percent(0.1234)).toBe("12.34%");
    expect(pct(67.589)).toBe("67.59%");
    expect(pct(null)).toBe("");
    expect(formatValue(12n, "int")).toBe("12");
    expect(formatValue("<b>x</b>", "text")).toBe("<b>x</b>");
    expect(formatValue(3, (v) => `#${v}`)).toBe("#3");
    expect(fixed(1234.5, 3)).toBe("1,234.500");
    expect(grouped(0.1234567)).toBe("0.123457");
  });
});
