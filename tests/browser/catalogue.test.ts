// The Documents index (/catalogue) in headless Chromium, network blocked: every document
// with links to its document and source pages, facet counts that follow the other
// facets, the search in the URL (a copied link reopens the same list), and table pages.
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {openContext, settle, type PageLog} from "./harness.ts";
import {browser, server, useSite} from "./site.ts";

useSite();

describe("Documents index (/catalogue)", () => {
  let page: Page;
  let log: PageLog;
  let close: () => Promise<void>;
  const requests: string[] = [];

  beforeAll(async () => {
    const opened = await openContext(browser, {width: 1280, height: 900});
    ({log} = opened);
    close = () => opened.context.close();
    page = await opened.newPage();
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${server.url}/catalogue`, {waitUntil: "load"});
    await settle(page);
  });
  afterAll(() => close?.());

  const rows = () => page.locator("#catalogue-table tbody tr");
  const summary = () => page.locator(".bn-facets-summary").textContent();

  test("every document, linked to its document page and its source text; no DuckDB-WASM", async () => {
    expect(await rows().count()).toBe(5);
    const guizhou = rows().filter({hasText: "贵州省医疗保障局（本级）"});
    const doc = await guizhou.locator("td[data-key=entity_label] a").getAttribute("href");
    expect(doc).toMatch(/^\/document\?doc=[0-9a-z]+$/);
    const id = doc!.split("=").pop();
    expect(await guizhou.locator("td[data-key=source_label] a").getAttribute("href")).toBe(`/source?doc=${id}`);
    expect(requests.filter((u) => /\.wasm|duckdb|\.arrows/.test(u))).toEqual([]);
  });

  test("facet counts: provinces 4 + 1, years and kinds; a choice narrows the list and the other facets", async () => {
    const count = (facet: string, value: string) => page.locator(`.bn-facet[data-facet=${facet}] label[data-value="${value}"]`).getAttribute("data-count");
    expect(await count("province", "四川省")).toBe("4");
    expect(await count("province", "贵州省")).toBe("1");
    expect(await count("kind", "final")).toBe("4");
    expect(await count("kind", "budget")).toBe("1");
    await page.locator('.bn-facet[data-facet=province] label[data-value="贵州省"] input').check();
    await expect.poll(summary).toBe("1 of 5 documents");
    expect(await rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain("贵州省医疗保障局（本级）");
    expect(await count("kind", "budget")).toBe("0");
    expect(await count("province", "四川省")).toBe("4");
    expect(new URL(page.url()).searchParams.getAll("province")).toEqual(["贵州省"]);
  });

  test("a copied link reopens the same list; free text searches entity and file", async () => {
    const again = await page.context().newPage();
    try {
      await again.goto(`${server.url}/catalogue?province=${encodeURIComponent("四川省")}&q=${encodeURIComponent("达州")}`, {waitUntil: "load"});
      await settle(again);
      expect(await again.locator(".bn-facets-summary").textContent()).toBe("1 of 5 documents");
      expect(await again.locator(".bn-facets-text").inputValue()).toBe("达州");
      expect(await again.locator("#catalogue-table tbody tr").first().textContent()).toContain("达州市医疗保障局（汇总）");
    } finally {
      await again.close();
    }
  });

  test("no errors, failed or blocked requests", () => {
    expect(log).toEqual({blocked: [], failed: [], pageErrors: [], consoleErrors: [], httpErrors: []});
  });
});
