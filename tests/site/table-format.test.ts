// Number formats of src/components/table.js (pure functions; no DOM needed).
import {describe, expect, test} from "vitest";
import {formatInt, formatMoney, formatValue} from "../../src/components/table.js";

describe("table formats", () => {
  test("money: thousands separators and two decimals", () => {
    expect(formatMoney(1234567.891)).toBe("1,234,567.89");
    expect(formatMoney(0)).toBe("0.00");
    expect(formatMoney(-5634.1)).toBe("-5,634.10");
    expect(formatMoney(null)).toBe("");
    expect(formatMoney(Number.NaN)).toBe("");
  });

  test("int, percent, text and bigint", () => {
    expect(formatInt(196058)).toBe("196,058");
    expect(formatValue(0.1234, "percent")).toBe("12.34%");
    expect(formatValue(12n, "int")).toBe("12");
    expect(formatValue("<b>x</b>", "text")).toBe("<b>x</b>");
    expect(formatValue(3, (v) => `#${v}`)).toBe("#3");
  });
});
