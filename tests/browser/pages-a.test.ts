// Overview, Compare and Data pages in headless Chromium, network blocked: no page or
// console errors, no failed or blocked requests; real figures from the sample documents
// in the tables (linked to their source lines) and in the charts' Vega datasets; the
// Data page's downloads work. Screenshots go to tests/artifacts/.
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {ARTIFACTS, openContext, settle, type PageLog} from "./harness.ts";
import {browser, server, useSite} from "./site.ts";

const ENTITIES = ["四川省医疗保障局", "达州市医疗保障局（汇总）", "四川省乐山市医疗保障局", "贵州省医疗保障局（本级）"];

useSite();

function expectClean(log: PageLog): void {
  expect(log).toEqual({blocked: [], failed: [], pageErrors: [], consoleErrors: [], httpErrors: []});
}

/** Opens a page, waits until it settles, saves a full-page screenshot. */
async function open(path: string, shot: string): Promise<{page: Page; log: PageLog; close: () => Promise<void>}> {
  const {context, log, newPage} = await openContext(browser, {width: 1280, height: 900});
  const page = await newPage();
  const response = await page.goto(`${server.url}${path}`, {waitUntil: "load"});
  expect(response?.status()).toBe(200);
  await settle(page);
  await page.screenshot({path: join(ARTIFACTS, shot), fullPage: true});
  return {page, log, close: () => context.close()};
}

/** The values of a chart's named Vega dataset. */
function chartData(page: Page, id: string, name: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    ([id, name]) => {
      const el = document.getElementById(id) as (HTMLElement & {__view?: {data(n: string): unknown[]}}) | null;
      return JSON.parse(JSON.stringify(el?.__view?.data(name) ?? null));
    },
    [id, name] as const
  );
}

/** The text and link of the cell in column `key` of the first row of table `id` that contains every text in `has`. */
async function cell(page: Page, id: string, has: string[], key: string): Promise<{text: string; href: string | null}> {
  let row = page.locator(`#${id} tbody tr`);
  for (const text of has) row = row.filter({hasText: text});
  await expect.poll(() => row.count(), {timeout: 10_000}).toBeGreaterThan(0);
  const td = row.first().locator(`td[data-key="${key}"]`);
  const a = td.locator("a");
  return {text: (await td.textContent()) ?? "", href: (await a.count()) ? await a.first().getAttribute("href") : null};
}

describe("Overview (/)", () => {
  let page: Page;
  let log: PageLog;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({page, log, close} = await open("/", "pages-a-index.png"));
  });
  afterAll(() => close?.());

  test("shows each document's entity, from DuckDB", async () => {
    await page.waitForSelector("#documents-table[data-source=duckdb]");
    const text = await page.locator("#documents-table").textContent();
    for (const entity of ENTITIES) expect(text).toContain(entity);
    expect(await page.locator("#documents-table tbody tr").count()).toBe(5);
    const values = await chartData(page, "documents-chart", "documents");
    expect(values.map((d) => d.entity)).toEqual(expect.arrayContaining(ENTITIES));
  });

  test("headline totals link to their source lines", async () => {
    // 达州 2023 决算: 收入总计 1,358.87 on the 收入支出决算总表's 总计 line
    const total = await cell(page, "totals-table", ["达州市医疗保障局（汇总）"], "income_total");
    expect(total.text).toBe("1,358.87");
    expect(total.href).toMatch(/^\/source\?doc=[^#]+#L10796$/);
    // 四川 2023 预算: 本年收入合计 14,842.01 from the 部门收支总表
    const budget = await cell(page, "totals-table", ["预算"], "year_income");
    expect(budget.text).toBe("14,842.01");
    expect(budget.href).toMatch(/#L110$/);
  });

  test("audit counts link to /audit; documents link to their pages", async () => {
    const errors = await cell(page, "status-table", ["达州市医疗保障局（汇总）"], "checks_error");
    expect(Number(errors.text)).toBeGreaterThan(0);
    expect(errors.href).toMatch(/^\/audit\?doc=/);
    const entity = await cell(page, "documents-table", ["贵州省医疗保障局（本级）"], "entity");
    expect(entity.href).toMatch(/^\/documents\/[0-9a-z]+$/);
    for (const href of ["/compare", "/audit", "/performance", "/data", "/sql"]) {
      // Markdown links: Framework writes them relative to the page (./compare)
      expect(await page.locator(`.bn-next a[href=".${href}"]`).count(), href).toBe(1);
    }
    expect(await page.locator('.bn-next a[href^="/source?doc="]').count()).toBe(5);
  });

  test("no errors, failed or blocked requests", () => expectClean(log));
});

describe("Compare (/compare)", () => {
  let page: Page;
  let log: PageLog;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({page, log, close} = await open("/compare", "pages-a-compare.png"));
  });
  afterAll(() => close?.());

  test("达州 2023 决算: 210 卫生健康支出 580.80 in the table (linked) and the chart", async () => {
    const c = await cell(page, "by-class-table", ["达州市医疗保障局（汇总）", "卫生健康支出"], "amount_wan");
    expect(c.text).toBe("580.80");
    expect(c.href).toMatch(/#L10900$/);
    const data = await chartData(page, "by-class-chart", "by_class");
    const row = data.find((d) => String(d.doc_label).startsWith("达州") && d.code === "210");
    expect(row?.amount_wan).toBeCloseTo(580.8, 6);
  });

  test("贵州 2022 决算: 2101504 信息化建设 4,825.77 = 72.80% of 款 21015, in the table and the charts", async () => {
    const amount = await cell(page, "focus-table", ["贵州省医疗保障局（本级）", "2101504"], "amount_wan");
    expect(amount.text).toBe("4,825.77");
    expect(amount.href).toMatch(/#L245$/);
    const share = await cell(page, "focus-table", ["贵州省医疗保障局（本级）", "2101504"], "share_of_21015");
    expect(share.text).toBe("72.80%");
    const data = await chartData(page, "focus-chart", "focus");
    expect(data.find((d) => String(d.doc_label).startsWith("贵州") && d.code === "2101504")?.amount_wan).toBeCloseTo(4825.77, 6);
    const shares = await chartData(page, "focus-shares-chart", "focus_shares");
    expect(shares.some((d) => String(d.doc_label).startsWith("贵州") && Math.abs(Number(d.share) - 4825.77 / 6628.39) < 1e-9)).toBe(true);
  });

  test("四川 2023 预算: 基本支出 4,584.79 and “三公” budget 49.76 in the tables and charts", async () => {
    const basic = await cell(page, "basic-project-table", ["四川省医疗保障局 2023 预算", "基本支出"], "amount_wan");
    expect(basic.text).toBe("4,584.79");
    expect(basic.href).toMatch(/#L145$/);
    const bp = await chartData(page, "basic-project-chart", "basic_project");
    expect(bp.find((d) => String(d.doc_label).includes("2023 预算") && d.part === "basic")?.amount_wan).toBeCloseTo(4584.79, 6);
    const three = await cell(page, "three-public-table", ["四川省医疗保障局 2023 预算", "Total"], "budget_wan");
    expect(three.text).toBe("49.76");
    expect(three.href).toMatch(/#L600$/);
    const tp = await chartData(page, "three-public-chart", "three_public");
    expect(tp.find((d) => String(d.doc_label).includes("2023 预算") && String(d.value_kind).startsWith("预算"))?.amount_wan).toBeCloseTo(49.76, 6);
  });

  test("completion and year-on-year come from the prose, derived figures included", async () => {
    const c = await cell(page, "completion-table", ["贵州省医疗保障局（本级）", "2101504"], "completion_pct");
    expect(c.text).toBe("67.59%");
    const completion = await chartData(page, "completion-chart", "completion");
    expect(completion.some((d) => d.code === "2101504" && d.completion_pct === 67.59)).toBe(true);
    const earlier = await cell(page, "yoy-table", ["贵州省医疗保障局（本级）", "一般公共预算财政拨款支出"], "earlier_wan");
    expect(earlier.text).toBe("11,587.36");
    const yoy = await chartData(page, "yoy-chart", "yoy");
    expect(yoy.some((d) => d.year === 2021 && d.amount_wan === 11587.36 && String(d.derived_label).startsWith("推算"))).toBe(true);
  });

  test("unticking a document removes it from tables and charts", async () => {
    const label = page.locator(".bn-picker label", {hasText: "达州"});
    await label.locator("input").uncheck();
    await expect.poll(() => page.locator("#by-class-table tbody tr", {hasText: "达州"}).count()).toBe(0);
    await settle(page);
    const data = await chartData(page, "by-class-chart", "by_class");
    expect(data.some((d) => String(d.doc_label).startsWith("达州"))).toBe(false);
    expect(data.length).toBeGreaterThan(0);
    await label.locator("input").check();
    await expect.poll(() => page.locator("#by-class-table tbody tr", {hasText: "达州"}).count()).toBeGreaterThan(0);
    await settle(page);
  });

  test("every chart rendered, every amount in the tables is linked to a source line", async () => {
    expect(await page.locator(".bn-chart[data-chart-error]").count()).toBe(0);
    expect(await page.locator(".bn-chart[data-chart-ready]").count()).toBeGreaterThanOrEqual(10);
    const unlinked = await page.$$eval("table td[data-key=amount_wan]", (tds) => tds.filter((td) => td.textContent && !td.querySelector("a[href^='/source?doc=']")).length);
    expect(unlinked).toBe(0);
  });

  test("no errors, failed or blocked requests", () => expectClean(log));
});

describe("Data (/data)", () => {
  let page: Page;
  let log: PageLog;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({page, log, close} = await open("/data", "pages-a-data.png"));
  });
  afterAll(() => close?.());

  test("offers every table as Parquet, Arrow and CSV, and the Parquet download works", async () => {
    expect(await page.locator("#downloads a[download]").count()).toBe(33); // 11 tables × 3 formats
    const href = await page.locator('#downloads a[data-table="line_items"][data-format="parquet"]').getAttribute("href");
    const head = await page.evaluate(async (url) => {
      const bytes = new Uint8Array(await (await fetch(url!)).arrayBuffer());
      return {start: String.fromCharCode(...bytes.slice(0, 4)), end: String.fromCharCode(...bytes.slice(-4)), size: bytes.length};
    }, href);
    expect(head.start).toBe("PAR1");
    expect(head.end).toBe("PAR1");
    expect(head.size).toBeGreaterThan(1000);
    const pkg = await page.evaluate(async () => (await fetch((document.getElementById("datapackage") as HTMLAnchorElement).href)).json());
    expect(pkg.resources.map((r: {name: string}) => r.name)).toContain("line_items");
  });

  test("the dictionary lists every column, the measures, the rules and the classification codes", async () => {
    const columns = await page.locator("#table-line_items tbody tr").allTextContents();
    expect(columns.some((t) => t.startsWith("amount_wan") && t.includes("万元"))).toBe(true);
    expect(await page.locator("#measures-table").textContent()).toContain("three_public_total");
    expect(await page.locator("#rules-table").textContent()).toContain("cross_table");
    const health = page.locator("#classifications-table tbody tr", {hasText: "2101504"});
    expect(await health.first().textContent()).toContain("Information technology development");
  });

  test("no errors, failed or blocked requests", () => expectClean(log));
});
