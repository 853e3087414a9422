// Opens every page of the built site in headless Chromium with all non-loopback
// requests blocked, and checks that nothing broke. The Overview paints from the
// precomputed aggregates (no DuckDB-WASM); /compare hosts the db.js checks (Arrow → DuckDB-WASM).
//
// Page convention (for later pages): an element with class "bn-loading" means "still
// working"; charts from src/components/chart.js carry data-chart-ready/-error. A page
// counts as settled (harness.ts settle()) when neither is pending, the DOM has been
// quiet for a moment and the network is idle.
import {statSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {int as formatInt} from "../../src/components/format.ts";
import {
  ARTIFACTS,
  PROJECT_ROOT,
  configuredPages,
  openContext,
  settle,
  type PageLog
} from "./harness.ts";
import {browser, server, useSite} from "./site.ts";

const SAMPLE = "001_a0d178c95672dbf5.txt";
const SAMPLE_BYTES = statSync(join(PROJECT_ROOT, "data/documents", SAMPLE)).size;

useSite();

function screenshotName(path: string, suffix = ""): string {
  const base = path === "/" ? "index" : path.replace(/^\//, "").replace(/[^\w-]+/g, "_");
  return join(ARTIFACTS, `${base}${suffix}.png`);
}

/** Every kind of problem the harness records must be empty (all shown at once on failure). */
function expectClean(log: PageLog): void {
  expect(log).toEqual({blocked: [], failed: [], pageErrors: [], consoleErrors: [], httpErrors: []});
}

const pages = await configuredPages();

describe.each(["light", "dark"] as const)("every configured page (%s)", (colorScheme) => {
  test.each(pages)("$path ($name) loads offline with no errors", async ({path}) => {
    const {context, log, newPage} = await openContext(browser, {colorScheme});
    try {
      const page = await newPage();
      const response = await page.goto(`${server.url}${path}`, {waitUntil: "load"});
      expect(response?.status()).toBe(200);
      await settle(page);
      expect(await page.locator(".observablehq--error, .bn-error").count(), "error boxes on the page").toBe(0);
      await page.screenshot({path: screenshotName(path, colorScheme === "dark" ? "-dark" : ""), fullPage: true});
      expectClean(log);
    } finally {
      await context.close();
    }
  });
});

describe("Overview page (aggregates) and db.js (in a notebook)", () => {
  let page: Page;
  let log: PageLog;
  let close: () => Promise<void>;
  const overviewRequests: string[] = [];

  beforeAll(async () => {
    const opened = await openContext(browser);
    log = opened.log;
    close = () => opened.context.close();
    page = await opened.newPage();
    page.on("request", (r) => overviewRequests.push(r.url()));
    await page.goto(`${server.url}/`, {waitUntil: "load"});
    await page.waitForSelector("#documents-table[data-source=aggregates]", {timeout: 90_000});
    await settle(page);
    const firstChart = await page.evaluate(() => performance.getEntriesByName("bn:chart-rendered")[0]?.startTime);
    console.log(`[browser tests] Overview: navigation → first chart ${firstChart?.toFixed(0)} ms (not asserted)`);
  });

  afterAll(async () => {
    await close?.();
  });

  test("the table (from the precomputed aggregates) shows the byte size of the sample document", async () => {
    expect(SAMPLE_BYTES).toBe(196058);
    const row = page.locator("#documents-table tbody tr", {hasText: SAMPLE});
    await expect.poll(() => row.count()).toBe(1);
    const cell = row.locator("td[data-key=bytes]");
    expect(await cell.textContent()).toBe(formatInt(SAMPLE_BYTES));
    expect(formatInt(SAMPLE_BYTES)).toBe("196,058");
    expect(await cell.evaluate((td) => getComputedStyle(td).textAlign)).toBe("right");
    const rows = await page.locator("#documents-table tbody tr").count();
    expect(rows).toBe(5);
  });

  test("the chart has one mark per province × year × kind, counting the five documents; no DuckDB-WASM started", async () => {
    const data = await page.evaluate(() => {
      const el = document.querySelector("#documents-chart") as HTMLElement & {__view?: {data(name: string): unknown[]}};
      return {source: el?.dataset.source, values: el?.__view?.data("groups") ?? null};
    });
    expect(data.source).toBe("aggregates");
    const values = data.values as {province: string; year: number; kind: string; documents: number}[];
    expect(values.reduce((s, g) => s + g.documents, 0)).toBe(5);
    expect(values.filter((g) => g.province === "四川省").reduce((s, g) => s + g.documents, 0)).toBe(4);
    expect(await page.locator("#documents-chart svg .mark-symbol.role-mark path").count()).toBe(values.length);
    expect(overviewRequests.filter((u) => /\.wasm|duckdb|\.arrows/.test(u))).toEqual([]);
  });

  test("a notebook starts DuckDB-WASM and loads the tables it names (/compare no longer needs it)", async () => {
    await page.goto(`${server.url}/notebooks/it-spending`, {waitUntil: "load"});
    await page.waitForFunction(() => document.body.textContent?.includes("4,825.77"), null, {timeout: 90_000});
    await settle(page);
    const loaded = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((r) => r.name)
        .filter((u) => u.endsWith(".arrows"))
        .map((u) => u.split("/").pop()?.split(".")[0])
        .sort()
    );
    expect(loaded).toEqual(["documents", "line_items", "narrative_facts", "performance_indicators"]);
  });

  /** Runs `body` in the page with `db` bound to the page's own db.js module instance. */
  async function withDb<T>(body: string): Promise<T> {
    // A string, not a function: vitest would rewrite import() inside a function's source.
    return page.evaluate(`(async () => {
      const href = document.querySelector('link[rel=modulepreload][href*="components/db."]').href;
      const db = await import(href);
      ${body}
    })()`) as Promise<T>;
  }

  test("db.js query(): prepared parameters and plain JS types", async () => {
    const result = await withDb<{row: Record<string, unknown>; types: Record<string, string>}>(`
      const [row] = await db.query(
        "SELECT 42::BIGINT AS big, 1234.56::DECIMAL(12,2) AS dec, -0.05::DECIMAL(6,2) AS neg, " +
        "DATE '2023-01-02' AS day, TIMESTAMP '2023-01-02 03:04:05' AS ts, " +
        "?::INTEGER AS param, ?::VARCHAR AS text, NULL::BIGINT AS nothing, " +
        "(SELECT count(*) FROM documents) AS n",
        [7, "达州市医疗保障局"]
      );
      const types = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? "null" : typeof v]));
      return {row, types};
    `);
    expect(result.row).toEqual({
      big: 42,
      dec: 1234.56,
      neg: -0.05,
      day: "2023-01-02",
      ts: "2023-01-02T03:04:05.000Z",
      param: 7,
      text: "达州市医疗保障局",
      nothing: null,
      n: 5
    });
    expect(result.types).toMatchObject({big: "number", dec: "number", n: "number"});
  });

  test("db.js loadArrow() is memoised per table name and source", async () => {
    const result = await withDb<{same: string; other: string; arrowRequests: number}>(`
      const isDocuments = (r) => r.name.includes("/documents.") && r.name.endsWith(".arrows");
      const arrowUrl = performance.getEntriesByType("resource").find(isDocuments).name;
      const same = await db.loadArrow("documents", arrowUrl);
      const other = await db.loadArrow("documents", arrowUrl + "?other").then(() => "loaded", (e) => e.message);
      const arrowRequests = performance.getEntriesByType("resource").filter(isDocuments).length;
      return {same, other, arrowRequests};
    `);
    expect(result.same).toBe("documents");
    expect(result.other).toMatch(/already loaded/);
    expect(result.arrowRequests).toBe(1); // painted from and loaded into DuckDB with one fetch
  });

  test("errorBox() renders messages as text, never as HTML", async () => {
    const result = await withDb<{text: string; children: number; role: string; pwned: boolean}>(`
      const box = db.errorBox(new Error('<img src="x" onerror="window.__pwned=1">'));
      document.body.append(box);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const out = {text: box.textContent, children: box.children.length, role: box.getAttribute("role"), pwned: "__pwned" in window};
      box.remove();
      return out;
    `);
    expect(result).toEqual({text: 'Error: <img src="x" onerror="window.__pwned=1">', children: 0, role: "alert", pwned: false});
  });

  test("no blocked requests, page errors, console errors or failed requests", () => {
    expectClean(log);
  });
});
