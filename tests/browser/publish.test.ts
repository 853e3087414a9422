// Publishing and sharing (issue 15): every main page printed to PDF by Chromium (no
// sidebar, no cut table, a known figure in the PDF's text, a sane page count); a
// figure's copied link reopens the page at that figure; a three-cell notebook shared by
// its URL reopens with the same results and chart, and its exported page builds and
// shows the same numbers; links made on other data warn. PDFs are read with pdftotext /
// pdfinfo (poppler-utils, installed by scripts/ensure-chromium.sh). Screenshots and PDFs
// go to tests/artifacts/.
import {execFileSync} from "node:child_process";
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {encodeNotebook} from "../../src/components/notebook/state.ts";
import {ARTIFACTS, buildNotebookPage, openContext, serveDist, settle, type PageLog} from "./harness.ts";
import {browser, server, useSite} from "./site.ts";

useSite();

const OTHER = "0000000000000000";
const GUIZHOU = "贵州省医疗保障局（本级） 2022";
const IT_SQL = `SELECT d.entity || ' ' || d.year AS document, l.doc_id, l.source_line, l.amount_wan
FROM line_items l JOIN documents d USING (doc_id)
WHERE l.code = '2101504' AND l.measure = 'total' AND d.kind = 'final'
ORDER BY l.amount_wan DESC, l.source_line`;
const HOSTILE = `<img src=x onerror="window.__pwned=1"> [bad](javascript:window.__pwned=2) <script>window.__pwned=3</script>`;
const TEXT = `## Finding\n\nThe largest 2101504 line is **{{q1.document}}**: {{q1.amount_wan}} 万元 ({{q1.rows}} rows). ${HOSTILE}`;

let context: BrowserContext;
let log: PageLog;
let newPage: () => Promise<Page>;

beforeAll(async () => {
  ({context, log, newPage} = await openContext(browser));
  await context.grantPermissions(["clipboard-read", "clipboard-write"], {origin: server.url});
});
afterAll(async () => {
  await context?.close();
});

const version = (page: Page) => page.$eval('meta[name="bn-data-version"]', (m) => m.getAttribute("content") ?? "");

/** Rows of a result grid as cell texts. */
const gridRows = (page: Page, id: string) =>
  page.$$eval(`#${id} tbody tr:not(.bn-grid-pad)`, (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
const chartData = (page: Page, id: string) =>
  page.evaluate((sel) => (document.querySelector(sel) as HTMLElement & {__view: {data(n: string): unknown[]}}).__view.data("result"), `#${id}`);

async function waitRuns(page: Page, runs: number): Promise<void> {
  await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>(".bn-nb")?.dataset.runs ?? 0) >= n, runs, {timeout: 90_000});
  await settle(page);
}

describe("print and PDF", () => {
  const PAGES = [
    {path: "/", name: "overview", figure: "1,358.87", table: "totals-table"},
    {path: "/compare", name: "compare", figure: "4,825.77", table: "focus-table"},
    {path: "/audit", name: "audit", figure: "prose_share", table: null},
    {path: "/performance", name: "performance", figure: "4,849.38", table: "projects-table"}, // the first project of the page shown (the table prints the page on screen: one file a page)
    {path: "/data", name: "data", figure: "amount_wan", table: "downloads"},
    {path: "/notebooks/it-spending", name: "notebook-it-spending", figure: "4,825.77", table: null, wait: "#it-targets"}
  ] as {path: string; name: string; figure: string; table: string | null; wait?: string}[];
  for (const {path, name, figure, table, wait} of PAGES) {
    test(`${path}: no sidebar, no cut table, "${figure}" in the PDF, a sane page count`, async () => {
      const page = await newPage();
      try {
        await page.goto(`${server.url}${path}`, {waitUntil: "load"});
        if (wait) await page.waitForSelector(wait, {timeout: 90_000}); // a hand-written notebook has no loading marker
        await settle(page);
        const v = await version(page);
        expect(v).toMatch(/^[0-9a-f]{16}$/);
        expect(await page.locator("#observablehq-footer").textContent()).toContain(`Data version ${v}`);
        expect(await page.locator("button.bn-print-button").textContent()).toBe("Download PDF");

        // The print layout at A4's printable width (186 mm ≈ 703 CSS px): nothing wider than the page.
        await page.setViewportSize({width: 703, height: 1000});
        await page.emulateMedia({media: "print"});
        const layout = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const visible = (el: Element) => getComputedStyle(el).display !== "none" && (el as HTMLElement).offsetParent !== null;
          return {
            sidebar: getComputedStyle(document.getElementById("observablehq-sidebar")!).display,
            buttons: [...document.querySelectorAll("button, select, fieldset.bn-picker")].filter(visible).length,
            cut: [...document.querySelectorAll("table")].filter(visible).filter((t) => t.getBoundingClientRect().right > width + 1).map((t) => t.closest("[id]")?.id ?? "?"),
            wideSvg: [...document.querySelectorAll(".bn-chart svg")].filter((s) => s.getBoundingClientRect().right > width + 1).length,
            tables: document.querySelectorAll("table").length
          };
        });
        expect(layout).toMatchObject({sidebar: "none", buttons: 0, cut: [], wideSvg: 0});
        if (table) expect(await page.locator(`div#${table} table`).isVisible()).toBe(true);

        const pdfPath = join(ARTIFACTS, `print-${name}.pdf`);
        writeFileSync(pdfPath, await page.pdf({format: "A4", preferCSSPageSize: true}));
        const text = execFileSync("pdftotext", [pdfPath, "-"], {encoding: "utf-8"}).replace(/\s+/g, " ");
        const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [pdfPath], {encoding: "utf-8"}))![1]);
        expect(text).toContain(figure);
        expect(text).toContain(`Data version ${v}`);
        expect(text).not.toContain("Notebook editor"); // a sidebar entry
        expect(text).not.toContain("Download PDF");
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(pages).toBeLessThanOrEqual(name === "data" ? 40 : 25);
        if (name === "compare") {
          // Figures are numbered and each printed figure cites its source.
          // 11 charts and 8 tables (collapsed on screen, printed in full), numbered in page order.
          expect(await page.$$eval(".bn-figure-number", (els) => els.map((e) => e.textContent))).toEqual([
            ...["Figure 1.", "Figure 2.", "Table 1.", "Figure 3.", "Table 2.", "Figure 4.", "Figure 5.", "Table 3.", "Figure 6.", "Table 4."],
            ...["Figure 7.", "Table 5.", "Figure 8.", "Figure 9.", "Table 6.", "Figure 10.", "Table 7.", "Figure 11.", "Table 8."]
          ]);
          expect(text).toContain("Figure 11.");
          expect(text).toContain("Table 8.");
          expect(text).toMatch(/公开03表.*L245/);
        }
        execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "2", pdfPath, join(ARTIFACTS, `print-${name}`)]);
      } finally {
        await page.close();
      }
    }, 180_000);
  }
});

describe("citable figures", () => {
  test("copy link reopens /compare scrolled to the figure; cite names documents, table, lines, URL and data version", async () => {
    const page = await newPage();
    try {
      await page.goto(`${server.url}/compare`, {waitUntil: "load"});
      await settle(page);
      const v = await version(page);
      for (const id of ["fig-by-class-chart", "fig-by-class-table", "fig-focus-chart", "fig-focus-shares-chart", "fig-focus-table", "fig-yoy-table"]) {
        expect(await page.locator(`figure#${id} .bn-figure-link`).count(), id).toBe(1);
      }
      await page.click("#focus-section details.bn-table-details > summary"); // the table is collapsed under its charts
      await page.click("#fig-focus-table .bn-figure-link");
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link).toBe(`${server.url}/compare?v=${v}#fig-focus-table`);
      await page.click("#fig-focus-table .bn-figure-cite");
      const citation = await page.locator("#fig-focus-table .bn-figure-citation").inputValue();
      expect(citation).toContain(`${GUIZHOU} 决算 L219, L239, L245, L247`);
      expect(citation).toContain("公开03表");
      expect(citation).toContain(link);
      expect(citation).toContain(`Data version ${v}`);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(citation);

      const again = await newPage();
      try {
        await again.goto(link, {waitUntil: "load"});
        await again.waitForSelector("#fig-focus-table[data-scrolled=true]", {timeout: 90_000});
        await settle(again);
        const box = await again.evaluate(() => {
          const r = document.getElementById("fig-focus-table")!.getBoundingClientRect();
          return {top: r.top, scrollY: window.scrollY, height: window.innerHeight};
        });
        expect(box.scrollY).toBeGreaterThan(500);
        expect(box.top).toBeGreaterThanOrEqual(-2);
        expect(box.top).toBeLessThan(box.height / 2);
        expect(await again.locator("#bn-page-version-warning").count()).toBe(0);
        await again.screenshot({path: join(ARTIFACTS, "figure-link.png")});
      } finally {
        await again.close();
      }
    } finally {
      await page.close();
    }
  }, 180_000);
});

describe("notebooks in the browser", () => {
  let shared = "";
  let grid: string[][] = [];
  let data: unknown[] = [];
  let prose = "";

  test("a three-cell notebook (SQL, chart, text quoting the result) runs; text is inert", async () => {
    const page = await newPage();
    try {
      await page.goto(`${server.url}/notebook`, {waitUntil: "load"});
      await waitRuns(page, 1);
      await page.click("#c0-delete");
      await page.click("#c1 .cm-content");
      await page.keyboard.press("Control+A");
      await page.keyboard.insertText(IT_SQL);
      await page.click("#nb-run");
      await waitRuns(page, 2);
      await page.click("#nb-add-chart");
      await page.selectOption("#c2 .bn-nb-x", "document");
      await page.selectOption("#c2 .bn-nb-y", "amount_wan");
      await page.click("#nb-add-md");
      await page.fill("#c3 .bn-nb-text", TEXT);
      await page.fill("#nb-title", "IT lines <b>test</b>");
      await page.dispatchEvent("#nb-title", "change");
      // Order: text up, then back down.
      await page.click("#c3-up");
      expect(await page.$$eval("#nb-cells > section", (s) => s.map((x) => x.id))).toEqual(["c1", "c3", "c2"]);
      await page.click("#c3-down");
      expect(await page.$$eval("#nb-cells > section", (s) => s.map((x) => x.id))).toEqual(["c1", "c2", "c3"]);
      await page.click("#nb-run");
      await waitRuns(page, 3);

      grid = await gridRows(page, "c1-grid");
      expect(grid[0]).toEqual([`${GUIZHOU}`, "dcf8d1ae580c8", "245", "4,825.77"]);
      expect(grid).toHaveLength(3);
      data = await chartData(page, "c2-chart");
      expect(data).toContainEqual(expect.objectContaining({document: GUIZHOU, amount_wan: 4825.77}));
      prose = (await page.locator("#c3-output").textContent()) ?? "";
      expect(prose).toContain(`The largest 2101504 line is ${GUIZHOU}: 4,825.77 万元 (3 rows).`);
      // The quoted figure links to its source line; the hostile markup is text.
      expect(await page.locator('#c3-output a[href$="#L245"]').allTextContents()).toEqual([GUIZHOU, "4,825.77"]);
      expect(prose).toContain('<img src=x onerror="window.__pwned=1">');
      expect(await page.locator("#c3-output img, #c3-output script").count()).toBe(0);
      expect(await page.locator("#c3-output a", {hasText: "bad"}).count()).toBe(0); // a javascript: link stays text
      expect(prose).toContain("[bad](javascript:window.__pwned=2)");
      expect(await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned)).toBeUndefined();
      await page.click("#nb-share");
      shared = await page.evaluate(() => navigator.clipboard.readText());
      expect(shared).toMatch(/\/notebook#nb=[\w-]+$/);
      await page.screenshot({path: join(ARTIFACTS, "notebook-made.png"), fullPage: true});
    } finally {
      await page.close();
    }
  }, 180_000);

  test("shared by its URL, it reopens with the same results, chart and text", async () => {
    expect(shared).not.toBe("");
    const page = await newPage();
    try {
      await page.goto(shared, {waitUntil: "load"});
      await waitRuns(page, 1);
      expect(await page.inputValue("#nb-title")).toBe("IT lines <b>test</b>");
      expect(await gridRows(page, "c1-grid")).toEqual(grid);
      expect(await chartData(page, "c2-chart")).toEqual(data);
      expect(await page.locator("#c3-output").textContent()).toBe(prose);
      expect(await page.locator("#nb-version-warning").count()).toBe(0);
      await page.screenshot({path: join(ARTIFACTS, "notebook-reopened.png"), fullPage: true});
    } finally {
      await page.close();
    }
  }, 180_000);

  test("its exported page builds and shows the same numbers", async () => {
    const page = await newPage();
    let text = "";
    let name = "";
    try {
      await page.goto(shared, {waitUntil: "load"});
      await waitRuns(page, 1);
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#nb-export")]);
      name = download.suggestedFilename();
      text = readFileSync((await download.path())!, "utf-8");
    } finally {
      await page.close();
    }
    expect(name).toBe("it-lines-b-test-b.md");
    expect(text).toContain(`title: "IT lines <b>test</b>"`);
    const built = buildNotebookPage(name, text);
    try {
      writeFileSync(join(ARTIFACTS, "exported-notebook-build.log"), built.log);
      expect(built.status, built.log.slice(-2000)).toBe(0);
      const nbServer = await serveDist(built.dist);
      const opened = await openContext(browser);
      try {
        const nb = await opened.newPage();
        await nb.goto(`${nbServer.url}${built.path}`, {waitUntil: "load"});
        await nb.waitForSelector("#c2-chart[data-chart-ready]", {timeout: 90_000});
        await settle(nb);
        expect(await gridRows(nb, "c1-grid")).toEqual(grid);
        expect(await chartData(nb, "c2-chart")).toEqual(data);
        expect(await nb.locator("#c3-output").textContent()).toBe(prose);
        expect(await nb.locator("h1").first().textContent()).toBe("IT lines <b>test</b>");
        await nb.screenshot({path: join(ARTIFACTS, "notebook-exported.png"), fullPage: true});
        expect(opened.log.pageErrors).toEqual([]);
        expect(opened.log.blocked).toEqual([]);
      } finally {
        await opened.context.close();
        await nbServer.close();
      }
    } finally {
      built.cleanup();
    }
  }, 300_000);

  test("the notebooks of src/notebooks/ are listed by themselves and open in the editor", async () => {
    const page = await newPage();
    try {
      await page.goto(`${server.url}/notebooks/`, {waitUntil: "load"});
      await settle(page);
      const titles = await page.$$eval("#notebooks-list > li > a:first-child", (as) => as.map((a) => a.textContent));
      expect(titles).toEqual(["Where the documents contradict themselves", "信息化建设 spending across the four bureaus"]);
      await page.goto(`${server.url}/notebook`, {waitUntil: "load"});
      await waitRuns(page, 1);
      await page.selectOption("#nb-open", "/notebooks/it-spending");
      await waitRuns(page, 2);
      const sqlCells = await page.$$eval("#nb-cells > section[data-kind=sql] .bn-nb-name", (inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      expect(sqlCells).toContain("it");
      const itGrid = await page.$$eval("#nb-cells > section[data-kind=sql]", (sections) => sections.map((s) => s.id));
      const rows = await gridRows(page, `${itGrid[sqlCells.indexOf("it")]}-grid`);
      expect(rows.some((r) => r.join(" ").includes("4,825.77"))).toBe(true);
      await page.screenshot({path: join(ARTIFACTS, "notebook-opened-it-spending.png"), fullPage: true});
    } finally {
      await page.close();
    }
  }, 180_000);
});

describe("data version", () => {
  test("datapackage.json carries the version every page shows", async () => {
    const page = await newPage();
    try {
      await page.goto(`${server.url}/data`, {waitUntil: "load"});
      await settle(page);
      const pkg = await page.evaluate(async () => (await fetch((document.getElementById("datapackage") as HTMLAnchorElement).href)).json());
      expect(pkg.version).toBe(await version(page));
    } finally {
      await page.close();
    }
  }, 120_000);

  test("a notebook link, a workbench link and a figure link made on other data warn", async () => {
    const page = await newPage();
    try {
      const notebook = {title: "Old", v: OTHER, cells: [{id: "c1", kind: "sql", name: "q1", sql: "SELECT 1 AS one"}]};
      await page.goto(`${server.url}/notebook#${encodeNotebook(notebook as never)}`, {waitUntil: "load"});
      await waitRuns(page, 1);
      const v = await version(page);
      const warning = await page.locator("#nb-version-warning").textContent();
      expect(warning).toContain(`data version ${OTHER}`);
      expect(warning).toContain(`data version ${v}`);
      await page.screenshot({path: join(ARTIFACTS, "notebook-other-data.png")});

      await page.goto(`${server.url}/sql#sql=SELECT+1&v=${OTHER}`, {waitUntil: "load"});
      await page.waitForSelector("#sql-version-warning");
      expect(await page.locator("#sql-version-warning").textContent()).toContain(OTHER);

      await page.goto(`${server.url}/compare?v=${OTHER}#fig-focus-table`, {waitUntil: "load"});
      await page.waitForSelector("#bn-page-version-warning", {timeout: 90_000});
      expect(await page.locator("#bn-page-version-warning").textContent()).toContain(OTHER);
      await settle(page);
    } finally {
      await page.close();
    }
  }, 180_000);

  test("no page errors, console errors or blocked requests", () => {
    expect(log.blocked).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
  });
});
