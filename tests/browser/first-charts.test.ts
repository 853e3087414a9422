// The build's static picture of each main page's first chart (src/components/first-charts.ts,
// loaders/site/first-charts.ts): in the page's HTML (it paints before any JavaScript), the
// same marks as the interactive chart (each mark's aria-label: its fields and values), in the
// dark scheme the dark file, replaced by the interactive chart once drawn, and never shown
// for a view state that is not the default one (/compare with state in the URL, /sql with a
// query or a chart in the URL).
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {openContext} from "./harness.ts";
import {browser, server, useSite} from "./site.ts";

useSite();

const PAGES = [
  {path: "/", chart: "#documents-chart", mark: "circle", marks: 5},
  {path: "/compare", chart: "#by-class-chart", mark: "bar", marks: 11},
  {path: "/audit", chart: "#audit-chart", mark: "bar", marks: 22},
  {path: "/performance", chart: "#execution-bands", mark: "bar", marks: 0},
  // the workbench's default query (its precomputed result): a bar per year × kind
  {path: "/sql", chart: "#sql-chart", mark: "bar", marks: 4, minWidth: 200}
];

/** The aria-labels of an SVG's marks of one kind (bar, circle), sorted. */
async function markLabels(page: Page, svg: string | null, mark: string): Promise<string[]> {
  return page.evaluate(
    ({svg, mark}) => {
      const root = svg === null ? document : new DOMParser().parseFromString(svg, "image/svg+xml");
      return [...root.querySelectorAll(`[aria-roledescription="${mark}"]`)].map((e) => e.getAttribute("aria-label") ?? "").sort();
    },
    {svg, mark}
  );
}

describe("the first chart's static picture", () => {
  for (const {path, chart, mark, marks, minWidth = 300} of PAGES)
    test(`${path}: in the HTML, the same marks as the interactive chart, replaced by it`, async () => {
      const {context, log, newPage} = await openContext(browser);
      try {
        const page = await newPage();
        // the picture is in the page's static HTML, with its alt text and Element Timing id
        const html = await (await page.request.get(`${server.url}${path}`)).text();
        expect(html).toMatch(
          /<img src="[^"]*first-chart-[a-z]+\.[0-9a-f]+\.svg" alt="Chart drawn when the site was built: [^"]+" elementtiming="bn-first-chart" fetchpriority="high">/
        );
        // and preloaded at the top of the head (scripts/preload-first-chart.mjs), before the page's modules
        const imgSrc = /<img src="([^"]+)"[^>]* elementtiming="bn-first-chart"/.exec(html)![1];
        const preload = html.indexOf(`<link rel="preload" as="image" href="${imgSrc}" fetchpriority="high" media="not all and (prefers-color-scheme: dark)">`);
        expect(preload).toBeGreaterThan(0);
        expect(preload).toBeLessThan(html.indexOf('<link rel="modulepreload"'));
        const pictures: string[] = [];
        page.on("request", (request) => {
          if (/first-chart-[\w-]+\.[0-9a-f]+\.svg$/.test(request.url())) pictures.push(request.url().split("/").pop()!);
        });
        // drawing the interactive chart is held back until the picture has been read
        let release = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        await page.route("**/components/vendor/vega*.js", async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(`${server.url}${path}`, {waitUntil: "domcontentloaded"});
        const img = page.locator("img[elementtiming='bn-first-chart']");
        await img.waitFor({state: "visible"});
        await page.waitForFunction(() => (document.querySelector("img[elementtiming='bn-first-chart']") as HTMLImageElement | null)?.complete);
        const {src, width, height} = await img.evaluate((el: HTMLImageElement) => ({src: el.currentSrc, width: el.naturalWidth, height: el.naturalHeight}));
        expect(src).not.toContain("-dark");
        // the light picture only, requested once (the preload serves the <img>)
        expect(pictures).toEqual([src.split("/").pop()]);
        expect(width).toBeGreaterThan(minWidth);
        expect(height).toBeGreaterThan(100);
        const svg = await page.evaluate((url) => fetch(url).then((r) => r.text()), src);
        const pictured = await markLabels(page, svg, mark);
        if (marks) expect(pictured).toHaveLength(marks);
        else expect(pictured.length).toBeGreaterThan(0);
        release();
        await page.waitForSelector(`${chart}[data-chart-ready]`, {timeout: 60_000});
        // replaced: the picture is gone, the chart draws the same marks with the same values
        expect(await img.count()).toBe(0);
        const drawn = await page.evaluate(
          ({chart, mark}) => [...document.querySelectorAll(`${chart} [aria-roledescription="${mark}"]`)].map((e) => e.getAttribute("aria-label") ?? "").sort(),
          {chart, mark}
        );
        expect(drawn).toEqual(pictured);
        expect(log.pageErrors).toEqual([]);
        expect(log.blocked).toEqual([]);
      } finally {
        await context.close();
      }
    });

  test("dark scheme: the dark picture", async () => {
    const {context, newPage} = await openContext(browser, {colorScheme: "dark"});
    try {
      const page = await newPage();
      await page.route("**/components/vendor/vega*.js", (route) => route.abort());
      await page.goto(`${server.url}/audit`, {waitUntil: "domcontentloaded"});
      await page.waitForFunction(() => (document.querySelector("img[elementtiming='bn-first-chart']") as HTMLImageElement | null)?.complete);
      const src = await page.evaluate(() => (document.querySelector("img[elementtiming='bn-first-chart']") as HTMLImageElement).currentSrc);
      expect(src).toMatch(/first-chart-audit-dark\.[0-9a-f]+\.svg$/);
    } finally {
      await context.close();
    }
  });

  test("/compare with its state in the URL: no picture of the default view", async () => {
    const {context, newPage} = await openContext(browser);
    try {
      const page = await newPage();
      await page.route("**/components/vendor/vega*.js", (route) => route.abort());
      await page.goto(`${server.url}/compare?group=province&top=3`, {waitUntil: "domcontentloaded"});
      expect(await page.locator("img[elementtiming='bn-first-chart']").count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  for (const hash of ["#sql=SELECT+42+AS+answer", "#mark=line&x=kind"])
    test(`/sql with ${hash.slice(1, 4)}… in the URL: no picture of the default query, not even once the workbench runs`, async () => {
      const {context, log, newPage} = await openContext(browser);
      try {
        const page = await newPage();
        let release = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        await page.route("**/components/vendor/vega*.js", async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(`${server.url}/sql${hash}`, {waitUntil: "domcontentloaded"});
        expect(await page.locator("img[elementtiming='bn-first-chart']").count()).toBe(0);
        release();
        await page.waitForSelector("#sql-chart[data-chart-ready]", {timeout: 90_000});
        expect(await page.locator(".bn-static-chart").count()).toBe(0);
        expect(log.pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
});
