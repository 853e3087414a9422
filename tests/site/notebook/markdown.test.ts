// Link targets in Markdown cells (src/components/notebook/markdown.ts): only the web,
// mail and this site; never script or data URLs. (The rendering itself is tested in
// Chromium: tests/browser/publish.test.ts, with a hostile text.)
import {expect, test} from "vitest";
import {safeHref} from "../../../src/components/notebook/markdown.ts";

test("safe link targets", () => {
  expect(safeHref("https://example.org/a")).toBe("https://example.org/a");
  expect(safeHref("mailto:a@b.c")).toBe("mailto:a@b.c");
  expect(safeHref("../sources/d69ecb35edef2#L116")).toBe("../sources/d69ecb35edef2#L116");
  expect(safeHref("#fig-focus-table")).toBe("#fig-focus-table");
  for (const bad of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "vbscript:x", "//evil.example/x"]) expect(safeHref(bad), bad).toBeNull();
});
