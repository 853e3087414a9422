// Browser tests of the analysis pages: /source?doc=<doc_id>, /document?doc=<doc_id>, /audit and
// /performance, on the built site with every non-loopback request blocked. Real values
// from the real documents; screenshots in tests/artifacts/. The XSS case builds a second
// site (a temporary copy of the project with a hostile document) and checks that its
// markup shows as text and never runs.
import {spawnSync} from "node:child_process";
import {cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {docIds} from "../../scripts/doc-ids.ts";
import {ARTIFACTS, PROJECT_ROOT, openContext, serveDist, settle, type PageLog, type Server} from "./harness.ts";
import {browser, server, useSite} from "./site.ts";

const DOC_001 = "d91e076bfac0c"; // 达州市医疗保障局（汇总） 2023 决算, 11,881 lines
const DOC_003 = "d69ecb35edef2"; // 乐山市医疗保障局 2021 决算
const DOC_004 = "dcf8d1ae580c8"; // 贵州省医疗保障局（本级） 2022 决算

useSite();

const CLEAN: PageLog = {blocked: [], failed: [], pageErrors: [], consoleErrors: [], httpErrors: []};
const expectClean = (log: PageLog) => expect(log).toEqual(CLEAN);

/** Opens `path` in a fresh context, waits until it has settled, runs `body`, checks the log. */
async function onPage(path: string, body: (page: Page, log: PageLog) => Promise<void>, {base = () => server.url} = {}): Promise<void> {
  const {context, log, newPage} = await openContext(browser);
  try {
    const page = await newPage();
    const response = await page.goto(`${base()}${path}`, {waitUntil: "load"});
    expect(response?.status()).toBe(200);
    await settle(page);
    await body(page, log);
    expectClean(log);
  } finally {
    await context.close();
  }
}

function shot(name: string): string {
  return join(ARTIFACTS, `pages-b-${name}.png`);
}

const ids = docIds();

describe("every document's pages", () => {
  test("the five samples have pages", () => {
    expect(ids).toEqual(["d798c9225f602", DOC_001, "d81ce88aeaf3a", DOC_003, DOC_004]);
  });

  test.each(ids)("/source?doc=%s draws the lines in view, with no errors, at most 8,000 px tall", async (id) => {
    await onPage(`/source?doc=${id}`, async (page) => {
      const lines = Number(await page.locator("#source-view").getAttribute("data-lines"));
      const drawn = await page.locator("#source-view .bn-src-line").count();
      expect(drawn).toBeGreaterThan(20);
      expect(drawn).toBeLessThanOrEqual(Math.min(lines, 200)); // a window, not the whole text
      expect(await page.locator(".bn-src-line").first().getAttribute("data-n")).toBe("1");
      const status = await page.locator("#source-status").textContent();
      expect(status).toMatch(new RegExp(`^${lines.toLocaleString("en-US")} lines`));
      expect(await page.locator("#source-view").getAttribute("data-marked")).toMatch(/^[1-9]\d*$/);
      expect(await page.locator(".observablehq--error, .bn-error").count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(8000);
      await page.screenshot({path: shot(`source-${id}`)});
    });
  });

  test.each(ids)("/document?doc=%s renders with no errors, at most 8,000 px tall", async (id) => {
    await onPage(`/document?doc=${id}`, async (page) => {
      expect(await page.locator("#doc-meta").count()).toBe(1);
      expect(await page.locator(".observablehq--error, .bn-error").count()).toBe(0);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`[pages-b] /document?doc=${id}: ${height} px`);
      expect(height).toBeLessThanOrEqual(8000);
      await page.screenshot({path: shot(`document-${id}`), fullPage: id === DOC_003});
    });
  });
});

describe("source page", () => {
  test("001: 11,881 lines, #L120-L125 highlights 6 lines, hashchange without reload", async () => {
    await onPage(`/source?doc=${DOC_001}#L120-L125`, async (page) => {
      expect(await page.locator("#source-view").getAttribute("data-lines")).toBe("11881");
      expect(await page.locator("#source-view .bn-src-line").count()).toBeLessThan(200); // the lines in view, not 11,881
      const rendered = await page.evaluate(() => ({
        status: document.querySelector("#source-status")?.textContent,
        ms: (document.querySelector("#source-view") as HTMLElement).dataset.renderMs,
        mark: performance.getEntriesByName("bn:source-rendered")[0]?.startTime
      }));
      console.log(`[pages-b] /source?doc=${DOC_001}: ${rendered.status}; lines built in ${rendered.ms} ms, navigation → text on screen ${rendered.mark?.toFixed(0)} ms (not asserted)`);
      const highlighted = page.locator("#source-view .bn-src-hl");
      expect(await highlighted.count()).toBe(6);
      expect(await highlighted.evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.n)))).toEqual([120, 121, 122, 123, 124, 125]);
      await expect.poll(() => highlighted.first().isVisible()).toBe(true);
      expect(await page.evaluate(() => {
        const r = document.querySelector('.bn-src-line[data-n="120"]')!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      })).toBe(true);
      // A new fragment is applied without a reload.
      await page.evaluate(() => ((window as unknown as {__sameDocument: boolean}).__sameDocument = true));
      await page.evaluate(() => (location.hash = "#L10816"));
      await expect.poll(() => page.locator("#source-view").getAttribute("data-highlight")).toBe("10816");
      expect(await highlighted.count()).toBe(1);
      expect(await page.locator('.bn-src-line[data-n="10816"] .bn-src-text').textContent()).toBe("类 款 项 合计 1358.87 1198.41 160.45 "); // as printed, trailing space included
      expect(await page.locator('.bn-src-line[data-n="10816"]').isVisible()).toBe(true);
      expect(await page.evaluate(() => (window as unknown as {__sameDocument?: boolean}).__sameDocument)).toBe(true);
      // Clicking a line number updates the hash; shift-click selects a range.
      await page.locator('.bn-src-line[data-n="10818"] .bn-src-ln').click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe("#L10818");
      await page.locator('.bn-src-line[data-n="10822"] .bn-src-ln').click({modifiers: ["Shift"]});
      await expect.poll(() => page.evaluate(() => location.hash)).toBe("#L10818-L10822");
      expect(await highlighted.count()).toBe(5);
      // The margin marks say what the line carries.
      const mark = page.locator('.bn-src-line[data-n="10816"] .bn-src-mark');
      expect(await mark.textContent()).toContain("表");
      expect(await mark.getAttribute("title")).toMatch(/table number/);
      await page.screenshot({path: shot("source-001-range")});
    });
  });

  test("001: a deep link to the last lines lands on them and highlights them; the page stays one screen tall", async () => {
    await onPage(`/source?doc=${DOC_001}#L11879`, async (page) => {
      const line = page.locator('.bn-src-line[data-n="11879"]');
      expect(await line.getAttribute("class")).toContain("bn-src-hl");
      expect(await page.locator("#source-view").getAttribute("data-highlight")).toBe("11879");
      expect(await line.locator(".bn-src-text").textContent()).toMatch(/实际支出。$/);
      const onScreen = () =>
        page.evaluate(() => {
          const r = document.querySelector(".bn-src-hl")!.getBoundingClientRect();
          const box = document.querySelector(".bn-src-viewport")!.getBoundingClientRect();
          return r.top >= Math.max(0, box.top) - 1 && r.bottom <= Math.min(innerHeight, box.bottom) + 1 && r.height > 0; // within a pixel (fractional heights)
        });
      expect(await onScreen()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(8000);
      // the very last line (empty), by a hash change
      await page.evaluate(() => (location.hash = "#L11881"));
      await expect.poll(() => page.locator("#source-view").getAttribute("data-highlight")).toBe("11881");
      expect(await page.locator('.bn-src-line[data-n="11881"]').getAttribute("class")).toContain("bn-src-hl");
      expect(await onScreen()).toBe(true);
      // back to the top: line 1 drawn again, line 11881 no longer in the DOM
      await page.evaluate(() => (location.hash = "#L1"));
      await expect.poll(() => page.locator('.bn-src-line[data-n="1"]').count()).toBe(1);
      expect(await page.locator('.bn-src-line[data-n="11881"]').count()).toBe(0);
      // Find searches every line, not only those drawn: "合计 1358.87 1198.41" is printed on line 10816 alone
      await page.fill(".bn-src-find", "合计 1358.87 1198.41");
      await page.press(".bn-src-find", "Enter");
      await expect.poll(() => page.evaluate(() => location.hash)).toBe("#L10816");
      expect(await page.locator('.bn-src-line[data-n="10816"]').getAttribute("class")).toContain("bn-src-hl");
      expect(await page.locator(".bn-src-find-status").textContent()).toBe("line 10816 · match 1 of 1");
      // Printed, every line is on paper; back on screen, the window again
      await page.emulateMedia({media: "print"});
      await expect.poll(() => page.locator("#source-view .bn-src-line").count()).toBe(11881);
      await page.emulateMedia({media: "screen"});
      await expect.poll(() => page.locator("#source-view .bn-src-line").count()).toBeLessThan(200);
      await page.screenshot({path: shot("source-001-last-line")});
    });
  });
});

describe("document page", () => {
  test("004: 公开02表 rebuilt from line_items; a figure links to its source line", async () => {
    await onPage(`/document?doc=${DOC_004}`, async (page) => {
      // tables are folded under their summary, the first one open
      expect(await page.locator("#doc-tables details").evaluateAll((els) => els.map((el) => (el as HTMLDetailsElement).open))).toEqual([true, false, false, false, false, false, false, false, false]);
      await page.locator('details[data-table-id="公开02表"] > summary').click({position: {x: 4, y: 6}}); // the marker, not the lines link in the summary
      const t02 = page.locator('table[data-table-id="公开02表"]');
      const headers = await t02.locator("thead th").allTextContents();
      expect(headers.slice(1, 4)).toEqual(["本年收入合计", "财政拨款收入", "上级补助收入"]);
      const row208 = t02.locator('tr[data-code="208"]');
      expect(await row208.locator("td").first().textContent()).toContain("社会保障和就业支出");
      expect(await row208.locator("td").first().textContent()).toContain("Social security and employment");
      const cell = row208.locator("td.bn-num").first();
      expect(await cell.textContent()).toBe("1,535.95");
      // ▾ folds the 款 and 项 below 208, and unfolds them again.
      const child = t02.locator('tr[data-code="2080505"]');
      expect(await child.isVisible()).toBe(true);
      await row208.locator("button.bn-toggle").click();
      expect(await child.isVisible()).toBe(false);
      await row208.locator("button.bn-toggle").click();
      expect(await child.isVisible()).toBe(true);
      // The known figures of the other sections.
      expect(await page.locator("#doc-residue").textContent()).toMatch(/^489 lines/);
      expect(await page.locator("#doc-performance tr.bn-row-unmet").count()).toBeGreaterThan(0);
      await page.screenshot({path: shot("document-004-top")});
      // Click → /source?doc=<doc>#L171, line highlighted and on screen.
      await Promise.all([page.waitForURL(`**/source?doc=${DOC_004}#L171`), cell.locator("a").click()]);
      await settle(page);
      const line = page.locator('.bn-src-line[data-n="171"]');
      await expect.poll(() => line.getAttribute("class")).toContain("bn-src-hl");
      expect(await line.isVisible()).toBe(true);
      expect(await line.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      })).toBe(true);
      expect(await line.locator(".bn-src-text").textContent()).toContain("1,535.95");
      await page.screenshot({path: shot("document-004-click-source")});
    });
  });

  test("002: the untrusted 表2-1 shows its message, 表1 keeps income and expenditure apart", async () => {
    await onPage("/document?doc=d81ce88aeaf3a", async (page) => {
      const untrusted = page.locator('details[data-table-id="表2-1"]');
      expect(await untrusted.getAttribute("data-status")).toBe("untrusted");
      expect(await untrusted.locator(".bn-message").textContent()).toMatch(/67 of 80 rows break the column identities/);
      expect(await untrusted.locator("table").count()).toBe(0);
      const t1 = page.locator('table[data-table-id="表1"]');
      expect(await t1.locator("thead th").allTextContents()).toEqual(["收入 income", "预算数", "支出 expenditure", "预算数"]);
      expect(await t1.locator("tbody tr").first().locator("td").allTextContents()).toEqual(["一、一般公共预算拨款收入", "14,842.01", "一、一般公共服务支出", "338.83"]);
      expect(await t1.locator("tbody tr").last().locator("td").allTextContents()).toEqual(["收入总计", "17,863.04", "支出总计", "17,863.04"]);
      expect(await page.locator('details[data-table-id="表4"] .bn-message').textContent()).toMatch(/无此项内容/);
    });
  });

  test("001: inferred cells carry their rule", async () => {
    await onPage(`/document?doc=${DOC_001}`, async (page) => {
      const inferred = page.locator("td.bn-inferred");
      expect(await inferred.count()).toBeGreaterThan(0);
      expect(await inferred.first().getAttribute("title")).toMatch(/^inferred: \S+/);
    });
  });
});

describe("audit page", () => {
  test("lists the known break of 003 (住房保障支出 0.58% vs 4.14%, prose_share) with a link to its line", async () => {
    await onPage("/audit", async (page) => {
      // 128 findings (see the count below), 20 a page: the first page holds the errors; 003's findings are one filter away
      // (the counts come from the aggregates; the list from the checks table, or from 003's own file once it is picked)
      expect(await page.locator("#audit-findings-pages .bn-pager-status").textContent()).toBe("rows 1–20 of 128 · page 1 of 7");
      expect(await page.locator("#audit-findings").getAttribute("data-state")).toBe("ready");
      expect(await page.locator("#audit-findings tr.bn-check").count()).toBe(20);
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(8000);
      await page.selectOption("#filter-doc", DOC_003);
      const row = page.locator(`tr.bn-check[data-doc-id="${DOC_003}"][data-rule="prose_share"][data-severity="warning"]`);
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.locator('td[data-key="expected"]').textContent()).toBe("4.1392");
      expect(await row.locator('td[data-key="actual"]').textContent()).toBe("0.58");
      const message = await page.locator(`tr.bn-check-message[data-check-id="${await row.getAttribute("data-check-id")}"]`).textContent();
      expect(message).toContain("住房保障支出");
      expect(message).toContain("4.14%");
      expect(message).toContain("0.58%");
      expect(await row.locator("a.bn-source-link").getAttribute("href")).toBe(`/source?doc=${DOC_003}#L149`);
      // Summary: the chart's data and the table beside it hold the same count.
      const data = await page.evaluate(() => (document.querySelector("#audit-chart") as HTMLElement & {__view?: {data(n: string): unknown[]}}).__view?.data("findings"));
      expect(data).toContainEqual({rule: "prose_share", severity: "warning", findings: 1, documents: 1});
      expect(await page.locator('#audit-summary tr[data-rule="prose_share"] td[data-key="warning"]').textContent()).toBe("1");
      await page.screenshot({path: shot("audit")});
      // Filters: document 003 and rule prose_share.
      await page.selectOption("#filter-doc", DOC_003);
      await page.selectOption("#filter-rule", "prose_share");
      const rows = page.locator("#audit-findings tr.bn-check");
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.evaluateAll((els) => els.every((el) => (el as HTMLElement).dataset.rule === "prose_share" && (el as HTMLElement).dataset.docId === "d69ecb35edef2"))).toBe(true);
      // every row of tests/output/*/checks.csv: 119 before the `repeated` rule, which adds 003's 基本支出 printed as 1069.04 (line 116) and 1069.05 (line 366);
      // performance_cost adds 8 (001: 3, 002: 2, 003: 3 — cost indicators above their project's budget or execution)
      expect(await page.locator("#audit-count").textContent()).toBe("2 of 128 findings");
      await page.selectOption("#filter-severity", "warning");
      await expect.poll(() => rows.count()).toBe(1);
      expect(await page.evaluate(() => location.search)).toBe(`?doc=${DOC_003}&rule=prose_share&severity=warning`);
      await page.screenshot({path: shot("audit-filtered")});
      // The families of issue 13 are filter options; family=repeated shows that one finding of 003.
      for (const family of ["repeated", "units", "naming"]) expect(await page.locator(`#filter-family option[value="${family}"]`).count()).toBe(1);
      await page.selectOption("#filter-severity", "");
      await page.selectOption("#filter-rule", "");
      await page.selectOption("#filter-family", "repeated");
      await expect.poll(() => rows.count()).toBe(1);
      expect(await page.evaluate(() => location.search)).toBe(`?doc=${DOC_003}&family=repeated`);
      // The rule list comes from loaders/audit/rules.ts.
      expect(await page.locator('#audit-rules tr[data-rule="prose_share"]').textContent()).toMatch(/share/);
    });
  });
});

describe("performance page", () => {
  test("004 离休人员及遗孀医疗补助资金: 2,635.20 万元 at 55.07% in the table and the chart", async () => {
    await onPage("/performance", async (page) => {
      const data = (await page.evaluate(() => (document.querySelector("#execution-chart") as HTMLElement & {__view?: {data(n: string): unknown[]}}).__view?.data("projects"))) as Record<string, unknown>[];
      const point = data.find((d) => d.project === "离休人员及遗孀医疗补助资金");
      expect(point).toMatchObject({execution_rate: 55.07, budget_wan: 2635.2, total_score: 89.06, rate: "printed"});
      // The first chart: projects by execution-rate band and score band, from the summary file.
      const bands = (await page.evaluate(() => (document.querySelector("#execution-bands") as HTMLElement & {__view?: {data(n: string): unknown[]}}).__view?.data("bands"))) as Record<string, unknown>[];
      expect(bands.find((b) => b.rate_band === "50–60" && b.score_band === "80–90")?.projects).toBeGreaterThanOrEqual(1);
      expect(bands.reduce((s, b) => s + Number(b.projects), 0)).toBe(data.length);
      const row = page.locator("#projects-table tr", {hasText: "离休人员及遗孀医疗补助资金"});
      // 67 projects, 25 a page (one small file each): page on to 004's
      const next = page.locator('#projects-table .bn-pager button[aria-label="next page"]');
      const shown = (list: string, n: number) => page.waitForSelector(`#${list}[data-page="${n}"][data-state="ready"]`);
      await shown("projects-table", 1);
      for (let n = 2; (await row.count()) === 0 && !(await next.isDisabled()); ++n) {
        await next.click();
        await shown("projects-table", n);
      }
      expect(await row.locator('td[data-key="budget"]').textContent()).toBe("2,635.20");
      expect(await row.locator('td[data-key="rate"]').textContent()).toBe("55.07%");
      expect(await row.locator('td[data-key="budget"] a').getAttribute("href")).toMatch(new RegExp(`^/source\\?doc=${DOC_004}#L\\d+$`));
      // Indicators met / unmet per document: chart data and table agree.
      const counts = (await page.evaluate(() => (document.querySelector("#indicators-chart") as HTMLElement & {__view?: {data(n: string): unknown[]}}).__view?.data("indicators"))) as Record<string, unknown>[];
      const unmet004 = counts.find((d) => String(d.document).startsWith("贵州省医疗保障局") && d.status === "unmet");
      expect(unmet004?.indicators).toBe(19);
      expect(await page.locator(`#indicators-counts tr[data-doc-id="${DOC_004}"] td[data-key="unmet"]`).textContent()).toBe("19");
      // Unmet indicators with their reason.
      // 20 unmet indicators a page: page on to 004's
      const video = page.locator("#unmet-indicators tr.bn-row-unmet", {hasText: "提供市级视频会议室高清视频会议终端数量"});
      const nextUnmet = page.locator('#unmet-indicators .bn-pager button[aria-label="next page"]');
      await shown("unmet-indicators", 1);
      for (let n = 2; (await video.count()) === 0 && !(await nextUnmet.isDisabled()); ++n) {
        await nextUnmet.click();
        await shown("unmet-indicators", n);
      }
      expect(await video.count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(8000);
      expect(await video.textContent()).toContain("未完成政府采购");
      // Never the corpus-wide performance tables: the summary and one file per page shown.
      const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
      expect(fetched.filter((u) => /performance_(projects|indicators)/.test(u))).toEqual([]);
      expect(fetched.filter((u) => u.includes("/performance/")).length).toBeGreaterThanOrEqual(3);
      await page.screenshot({path: shot("performance"), fullPage: false});
    });
  });
});

describe("a hostile document", () => {
  const XSS = "<img src=x onerror=alert(1)>";
  let root: string;
  let xssServer: Server;
  let xssId: string;

  beforeAll(async () => {
    // A copy of the project (src, config, scripts; loaders and node_modules linked) whose
    // data/documents holds 003 and a document full of markup; built into its own dist/.
    root = mkdtempSync(join(tmpdir(), "pages-b-xss-"));
    for (const name of ["src", "scripts", "observablehq.config.ts", "package.json", "tsconfig.json"]) {
      cpSync(join(PROJECT_ROOT, name), join(root, name), {recursive: true, filter: (src) => !src.includes(".observablehq/cache/data")});
    }
    symlinkSync(join(PROJECT_ROOT, "node_modules"), join(root, "node_modules"));
    symlinkSync(join(PROJECT_ROOT, "loaders"), join(root, "loaders"));
    mkdirSync(join(root, "data/documents"), {recursive: true});
    cpSync(join(PROJECT_ROOT, "data/documents/003_b4556357f9352ad7.txt"), join(root, "data/documents/003_b4556357f9352ad7.txt"));
    const text = [
      "测试市医疗保障局2023年度部门决算",
      `<script>alert(2)</script>测试市${XSS}医疗保障局`,
      "",
      "一、收入支出决算总体情况说明",
      `2023年度收入总计1,234.56万元${XSS}，比2022年增加100.00万元，增长8.81%。`,
      XSS,
      '<b onmouseover="window.__pwned=1">粗体</b> & &amp; &lt;tag&gt;',
      ""
    ].join("\n");
    writeFileSync(join(root, "data/documents", `${XSS}.txt`), text);
    const started = performance.now();
    const result = spawnSync("npm", ["run", "build"], {cwd: root, encoding: "utf-8", maxBuffer: 64 << 20});
    writeFileSync(join(ARTIFACTS, "pages-b-xss-build.log"), `${result.stdout}\n${result.stderr}`);
    if (result.status !== 0) throw new Error(`XSS build failed (see tests/artifacts/pages-b-xss-build.log):\n${result.stderr.slice(-2000)}`);
    console.log(`[pages-b] XSS site built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const ids = docIds(join(root, "data/documents"));
    expect(ids).toHaveLength(2);
    xssId = ids.find((id) => id !== DOC_003)!;
    xssServer = await serveDist(join(root, "dist"));
  }, 300_000);

  afterAll(async () => {
    await xssServer?.close();
    if (root) rmSync(root, {recursive: true, force: true});
  });

  async function hostile(path: string, body: (page: Page) => Promise<void>): Promise<void> {
    const {context, log, newPage} = await openContext(browser);
    const dialogs: string[] = [];
    try {
      const page = await newPage();
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(`${xssServer.url}${path}`, {waitUntil: "load"});
      await settle(page);
      await body(page);
      expect(dialogs).toEqual([]);
      expect(await page.evaluate(() => "__pwned" in window)).toBe(false);
      expect(await page.locator("main img, main script:not([type]), main b[onmouseover]").count()).toBe(0);
      expectClean(log);
    } finally {
      await context.close();
    }
  }

  test("the source page shows the markup as text and runs none of it", async () => {
    await hostile(`/source?doc=${xssId}#L6`, async (page) => {
      const text = page.locator('.bn-src-line[data-n="6"] .bn-src-text');
      expect(await text.textContent()).toBe(XSS);
      expect(await page.locator('.bn-src-line[data-n="2"] .bn-src-text').textContent()).toBe(`<script>alert(2)</script>测试市${XSS}医疗保障局`);
      expect(await page.locator('.bn-src-line[data-n="7"] .bn-src-text').textContent()).toBe('<b onmouseover="window.__pwned=1">粗体</b> & &amp; &lt;tag&gt;');
      expect(await page.locator("#source-subtitle").textContent()).toContain(`${XSS}.txt`);
      await page.screenshot({path: shot("xss-source")});
    });
  });

  test("the document page shows the file name and the prose as text", async () => {
    await hostile(`/document?doc=${xssId}`, async (page) => {
      expect(await page.locator("#doc-meta").textContent()).toContain(`${XSS}.txt`);
      const subject = page.locator("#doc-facts td", {hasText: "收入总计"}).first();
      expect(await subject.getAttribute("title")).toContain(XSS);
      await page.screenshot({path: shot("xss-document"), fullPage: true});
    });
  });
});
