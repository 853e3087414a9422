// Overview, Compare and Data pages in headless Chromium, network blocked: no page or
// console errors, no failed or blocked requests; real figures from the sample documents
// in the tables (linked to their source lines) and in the charts' Vega datasets; the
// Data page's downloads work. Screenshots go to tests/artifacts/.
import {readFileSync} from "node:fs";
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

/** The text and link of the cell in column `key` of the first row of table `id` that contains every text in `has` (paging through a paginated table). */
async function cell(page: Page, id: string, has: string[], key: string): Promise<{text: string; href: string | null}> {
  let row = page.locator(`#${id} tbody tr`);
  for (const text of has) row = row.filter({hasText: text});
  await page.waitForSelector(`#${id} tbody tr`, {state: "attached"});
  const next = page.locator(`#${id} .bn-pager button[aria-label="next page"]`);
  const first = page.locator(`#${id} .bn-pager button[aria-label="first page"]`);
  if ((await row.count()) === 0 && (await first.count()) && !(await first.isDisabled())) await first.evaluate((b) => (b as HTMLButtonElement).click());
  while ((await row.count()) === 0 && (await next.count()) && !(await next.isDisabled())) await next.evaluate((b) => (b as HTMLButtonElement).click());
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

  test("shows each document's entity, from the precomputed aggregates", async () => {
    await page.waitForSelector("#documents-table[data-source=aggregates]");
    const text = await page.locator("#documents-table").textContent();
    for (const entity of ENTITIES) expect(text).toContain(entity);
    expect(await page.locator("#documents-table tbody tr").count()).toBe(5);
    const values = await chartData(page, "documents-chart", "groups");
    expect(values.map((d) => d.province)).toEqual(expect.arrayContaining(["四川省", "贵州省"]));
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
    expect(entity.href).toMatch(/^\/document\?doc=[0-9a-z]+$/);
    for (const href of ["/catalogue", "/compare", "/audit", "/performance", "/data", "/sql"]) {
      // Markdown links: Framework writes them relative to the page (./compare)
      expect(await page.locator(`.bn-next a[href=".${href}"]`).count(), href).toBe(1);
    }
    const lines = await cell(page, "documents-table", ["贵州省医疗保障局（本级）"], "line_count");
    expect(lines.href).toMatch(/^\/source\?doc=[0-9a-z]+$/);
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

  test("faceted search: counts per value, a choice narrows tables and charts and the other facets' counts", async () => {
    const count = (facet: string, value: string) => page.locator(`.bn-facet[data-facet=${facet}] label[data-value="${value}"]`).getAttribute("data-count");
    expect(await count("province", "四川省")).toBe("4");
    expect(await count("province", "贵州省")).toBe("1");
    expect(await page.locator(".bn-facets-summary").textContent()).toBe("5 of 5 documents");
    await page.locator('.bn-facet[data-facet=kind] label[data-value="budget"] input').check();
    await expect.poll(() => page.locator(".bn-facets-summary").textContent()).toBe("1 of 5 documents");
    expect(await count("province", "四川省")).toBe("1"); // the one budget is Sichuan's
    expect(await count("province", "贵州省")).toBe("0");
    expect(await count("kind", "final")).toBe("4"); // a facet's own counts ignore its own choice
    await expect.poll(() => page.locator("#by-class-table tbody tr", {hasText: "达州"}).count()).toBe(0);
    await settle(page);
    const data = await chartData(page, "by-class-chart", "by_class");
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((d) => String(d.doc_label).includes("预算"))).toBe(true);
    expect(new URL(page.url()).searchParams.get("kind")).toBe("budget");
    await page.locator('.bn-facet[data-facet=kind] label[data-value="budget"] input').uncheck();
    await page.fill(".bn-facets-text", "贵州");
    await expect.poll(() => page.locator(".bn-facets-summary").textContent()).toBe("1 of 5 documents");
    await page.click(".bn-facets-clear");
    await expect.poll(() => page.locator(".bn-facets-summary").textContent()).toBe("5 of 5 documents");
    await expect.poll(() => page.locator("#by-class-table tbody tr", {hasText: "达州"}).count()).toBeGreaterThan(0);
    await settle(page);
  });

  test("top N + others: by document with top 3, four bars; by province, two; back to one bar per document", async () => {
    await page.selectOption("#compare-group-by", "document");
    await page.selectOption("#compare-top-n", "3");
    await settle(page);
    const labels = async (id: string, name: string) => [...new Set((await chartData(page, id, name)).map((d) => String(d.doc_label)))];
    const top3 = await labels("basic-project-chart", "basic_project");
    expect(top3).toHaveLength(4);
    expect(top3[3]).toBe("others 其他 (2 groups · 2 documents)");
    // the others bar sums its documents: the chart's total is the same under any grouping
    const sum = (rows: Record<string, unknown>[]) => rows.reduce((s, r) => s + Number(r.amount_wan), 0);
    const perDocument = sum(await chartData(page, "basic-project-chart", "basic_project"));
    await page.selectOption("#compare-group-by", "province");
    await settle(page);
    expect((await labels("basic-project-chart", "basic_project")).sort()).toEqual(["四川省", "贵州省"]);
    expect(sum(await chartData(page, "basic-project-chart", "basic_project"))).toBeCloseTo(perDocument, 6);
    const multiples = await chartData(page, "by-class-multiples", "by_class_multiples");
    expect(multiples.find((d) => d.doc_label === "贵州省" && String(d.part).startsWith("210"))?.amount_wan).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get("group")).toBe("province");
    await page.selectOption("#compare-group-by", "document");
    await page.selectOption("#compare-top-n", "10");
    await settle(page);
    expect(await labels("basic-project-chart", "basic_project")).toHaveLength(5);
  });

  test("tables paginate: 完成预算 has 70 rows in pages of 25", async () => {
    const wrap = page.locator("#completion-table");
    const status = wrap.locator(".bn-pager-status");
    await page.locator("#completion-section details.bn-table-details > summary").click();
    expect(await wrap.getAttribute("data-pages")).toBe("3");
    expect(await status.textContent()).toBe("rows 1–25 of 70 · page 1 of 3");
    expect(await wrap.locator("tbody tr").count()).toBe(25);
    const first = await wrap.locator("tbody tr").first().textContent();
    await wrap.getByRole("button", {name: "next page"}).click();
    expect(await status.textContent()).toBe("rows 26–50 of 70 · page 2 of 3");
    expect(await wrap.locator("tbody tr").first().textContent()).not.toBe(first);
    await wrap.getByRole("button", {name: "last page"}).click();
    expect(await status.textContent()).toBe("rows 51–70 of 70 · page 3 of 3");
    expect(await wrap.locator("tbody tr").count()).toBe(20);
    expect(await wrap.getByRole("button", {name: "next page"}).isDisabled()).toBe(true);
    await wrap.getByRole("button", {name: "first page"}).click();
    expect(await status.textContent()).toBe("rows 1–25 of 70 · page 1 of 3");
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

  test("the Arrow file and the CSV are made in the browser from the table's Arrow stream: 004's row in both", async () => {
    const download = async (format: string) => {
      const [dl] = await Promise.all([page.waitForEvent("download"), page.click(`#downloads a[data-table="documents"][data-format="${format}"]`)]);
      return {name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!)};
    };
    const arrow = await download("arrow");
    expect(arrow.name).toBe("documents.arrow");
    expect(arrow.bytes.subarray(0, 6).toString("latin1")).toBe("ARROW1"); // the IPC file format (read_feather)
    expect(arrow.bytes.subarray(-6).toString("latin1")).toBe("ARROW1");
    const csv = await download("csv");
    expect(csv.name).toBe("documents.csv");
    const lines = csv.bytes
      .toString("utf-8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0].split(",").slice(0, 2)).toEqual(["doc_id", "source_file"]);
    expect(lines.some((l) => l.startsWith("dcf8d1ae580c8,004_3cd6b194bc39a314.txt,"))).toBe(true);
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
