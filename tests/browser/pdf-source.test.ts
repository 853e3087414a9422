// A PDF document on the site: its source page (/source?doc=<id>) shows the PDF's lines
// with page separators, each "page N of the PDF" link opens the original (shipped in
// dist/ as the document's own file) at #page=N, and a figure's link from the document
// page (/document?doc=<id>) lands on its line —
// with every non-loopback request blocked. The site is a temporary copy of the
// project whose data/documents holds one PDF written from a sample's text
// (tests/fixtures/pdf.ts), built into its own dist/.
import {spawn} from "node:child_process";
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {docIds} from "../../scripts/doc-ids.ts";
import {linesPdf} from "../fixtures/pdf.ts";
import {ARTIFACTS, PROJECT_ROOT, launchChromium, openContext, serveDist, settle, type Server} from "./harness.ts";

const SAMPLE = join(PROJECT_ROOT, "data/documents/004_3cd6b194bc39a314.txt"); // 贵州省医疗保障局（本级） 2022 决算

let root: string;
let server: Server;
let browser: Browser;
let id: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "pdf-site-"));
  for (const name of ["src", "scripts", "observablehq.config.ts", "package.json", "tsconfig.json"])
    cpSync(join(PROJECT_ROOT, name), join(root, name), {recursive: true, filter: (src) => !src.includes(".observablehq/cache/data")});
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(root, "node_modules"));
  symlinkSync(join(PROJECT_ROOT, "loaders"), join(root, "loaders"));
  mkdirSync(join(root, "data/documents"), {recursive: true});
  writeFileSync(join(root, "data/documents/guizhou-2022.pdf"), linesPdf(readFileSync(SAMPLE, "utf8").split("\n")));
  const started = performance.now();
  // asynchronously: a build of a minute or two must not block the test worker's event loop
  const result = await new Promise<{status: number | null; log: string}>((done) => {
    const child = spawn("npm", ["run", "build"], {cwd: root});
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    child.on("close", (status) => done({status, log}));
  });
  mkdirSync(ARTIFACTS, {recursive: true});
  writeFileSync(join(ARTIFACTS, "pdf-source-build.log"), result.log);
  if (result.status !== 0) throw new Error(`PDF site build failed (see tests/artifacts/pdf-source-build.log):\n${result.log.slice(-2000)}`);
  console.log(`[pdf-source] site with a PDF document built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  [id] = docIds(join(root, "data/documents"));
  [server, browser] = await Promise.all([serveDist(join(root, "dist")), launchChromium()]);
}, 600_000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
  if (root) rmSync(root, {recursive: true, force: true});
});

describe("a PDF document's pages", () => {
  test("the source page shows page separators whose links open the original PDF at #page=N", async () => {
    const {context, log, newPage} = await openContext(browser);
    try {
      const page = await newPage();
      expect((await page.goto(`${server.url}/source?doc=${id}#L60`, {waitUntil: "load"}))?.status()).toBe(200);
      await settle(page);
      expect(await page.locator("#source-subtitle").textContent()).toMatch(/guizhou-2022\.pdf · PDF, \d+ pages · /);
      // the PDF's lines: page 2 starts at line 42 (40 lines a page, after page 1's marker and lines)
      // the separators of the lines drawn (a window of the text), and every page in the page list
      const pages = Number(await page.locator("#source-view").getAttribute("data-pages"));
      expect(pages).toBeGreaterThan(10);
      expect(await page.locator("#source-view .bn-src-page").count()).toBeGreaterThan(0);
      expect(await page.locator("#source-view select.bn-src-pages option[value]:not([value=''])").count()).toBe(pages);
      const second = page.locator('.bn-src-line[data-n="42"]');
      expect(await second.getAttribute("class")).toContain("bn-src-page");
      expect(await second.locator(".bn-src-text").textContent()).toBe("=== PAGE 2 === page 2 of the PDF");
      const href = await second.locator("a.bn-src-pdf").getAttribute("href");
      expect(href).toBe(`/_file/data/corpus/docs/${id}.pdf#page=2`);
      // the hash still lands on its line
      expect(await page.locator("#source-view").getAttribute("data-highlight")).toBe("60");
      await page.screenshot({path: join(ARTIFACTS, "pdf-source.png")});
      // the page list lands on the last page's separator, drawn and on screen
      const last = page.locator("#source-view select.bn-src-pages option").last();
      const lastLine = (await last.getAttribute("value"))!;
      await page.selectOption("#source-view select.bn-src-pages", lastLine);
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#L${lastLine}`);
      const separator = page.locator(`.bn-src-line[data-n="${lastLine}"]`);
      expect(await separator.getAttribute("class")).toMatch(/bn-src-page.*bn-src-hl|bn-src-hl.*bn-src-page/);
      expect(await separator.locator("a.bn-src-pdf").getAttribute("href")).toBe(`/_file/data/corpus/docs/${id}.pdf#page=${pages}`);
      expect(log.blocked).toEqual([]);
      expect(log.pageErrors).toEqual([]);
      expect(log.consoleErrors).toEqual([]);
      expect(log.httpErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a page link opens the original PDF in dist/ at #page=N", async () => {
    const {context, log, newPage} = await openContext(browser);
    try {
      const page = await newPage();
      // the real PDF is fetched and checked; the page gets a stand-in, since headless
      // Chromium downloads a PDF instead of showing it
      let served: {url: string; status: number; type: string; head: string} | null = null;
      await context.route("**/_file/data/corpus/docs/*.pdf", async (route) => {
        const response = await route.fetch();
        served = {url: route.request().url(), status: response.status(), type: response.headers()["content-type"] ?? "", head: (await response.body()).subarray(0, 5).toString("latin1")};
        await route.fulfill({status: 200, contentType: "text/html", body: "<p>the PDF</p>"});
      });
      await page.goto(`${server.url}/source?doc=${id}#L60`, {waitUntil: "load"});
      await settle(page);
      const link = page.locator('.bn-src-line[data-n="42"] a.bn-src-pdf');
      // the link opens a new tab (target=_blank) on the PDF at its page
      const [tab] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
      await tab.waitForURL(/\/_file\/data\/corpus\/docs\/[^/]+\.pdf#page=2$/);
      expect(served).toMatchObject({status: 200, type: expect.stringMatching(/application\/pdf/), head: "%PDF-"});
      expect(new URL(served!.url).hostname).toBe("127.0.0.1");
      expect(log.blocked).toEqual([]);
      expect(log.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a figure's link on the document page lands on its line of the PDF's text", async () => {
    const {context, log, newPage} = await openContext(browser);
    try {
      const page = await newPage();
      expect((await page.goto(`${server.url}/document?doc=${id}`, {waitUntil: "load"}))?.status()).toBe(200);
      await settle(page);
      const link = page.locator(`a[href^="/source?doc=${id}#L"]`).first();
      const href = (await link.getAttribute("href"))!;
      const [, first, last] = /#L(\d+)(?:-L(\d+))?$/.exec(href)!;
      await Promise.all([page.waitForURL(/\/source\?doc=/), link.click()]);
      await settle(page);
      expect(await page.locator("#source-view").getAttribute("data-highlight")).toBe(last ? `${first}-${last}` : first);
      expect(await page.locator(`.bn-src-line[data-n="${first}"]`).getAttribute("class")).toContain("bn-src-hl");
      expect(log.blocked).toEqual([]);
      expect(log.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
