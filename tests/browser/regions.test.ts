// The region view (/regions) and the entity page (/entity) on the built site, every
// non-loopback request blocked: one tile per province, coloured by the panel's figures
// (read here from the samples in Node), a click opening the province's bodies, and the
// entity page linking every figure to its source line.
import type {Page} from "playwright-core";
import {beforeAll, describe, expect, test} from "vitest";
import {extractFiles, type Extraction} from "../../loaders/extract.ts";
import {DOCS, SAMPLE} from "../loaders/helpers.ts";
import {ARTIFACTS, openContext, settle, type PageLog} from "./harness.ts";
import {browser, server, useSite} from "./site.ts";

useSite();

let corpus: Extraction;
beforeAll(() => {
  corpus = extractFiles([DOCS], {root: DOCS});
}, 60_000);

const CLEAN: PageLog = {blocked: [], failed: [], pageErrors: [], consoleErrors: [], httpErrors: []};

async function onPage(path: string, body: (page: Page) => Promise<void>): Promise<void> {
  const {context, log, newPage} = await openContext(browser);
  try {
    const page = await newPage();
    expect((await page.goto(`${server.url}${path}`, {waitUntil: "load"}))?.status()).toBe(200);
    await settle(page);
    await body(page);
    expect(log).toEqual(CLEAN);
  } finally {
    await context.close();
  }
}

/** Tiles with a figure: province code → [value, relative luminance of the tile's colour]. */
async function tilesWithData(page: Page): Promise<Map<string, [number, number]>> {
  const tiles = await page.$$eval("#tile-map .bn-tile-data", (els) =>
    els.map((el) => [(el as HTMLElement).dataset.province!, Number((el as HTMLElement).dataset.value), getComputedStyle(el).backgroundColor] as const)
  );
  const luminance = (rgb: string) => {
    const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  return new Map(tiles.map(([code, value, colour]) => [code, [value, luminance(colour)]]));
}

/** Waits until the region view has drawn this filter (measure.year.phase.level.province): the page fetches the filter's file first. */
const drawn = (page: Page, state: string) => page.waitForSelector(`#region-view[data-state="${state}"]`);

const docId = (path: string) => corpus.documents.find((d) => path.endsWith(d.source_file))!.doc_id;
const entityOf = (path: string) => corpus.documents.find((d) => path.endsWith(d.source_file))!.entity_id!;

describe("/regions", () => {
  test("one tile per province; the provinces with a figure are those of the panel, darker for more", async () => {
    await onPage("/regions#measure=personnel&year=2022&phase=final", async (page) => {
      const codes = await page.$$eval("#tile-map .bn-tile", (els) => els.map((el) => (el as HTMLElement).dataset.province));
      expect(codes).toHaveLength(31);
      expect(new Set(codes).size).toBe(31);
      // 2022 final 人员经费: 四川省医疗保障局 (unit accounts, 000 line 231) and 贵州省医疗保障局（本级） (004 公开06表)
      let tiles = await tilesWithData(page);
      expect([...tiles.keys()].sort()).toEqual(["510000", "520000"]);
      expect(tiles.get("510000")![0]).toBe(1838.45);
      expect(tiles.get("520000")![0]).toBe(1100.33);
      expect(tiles.get("510000")![1]).toBeLessThan(tiles.get("520000")![1]);
      // 收支总计 of the same year: 贵州 (10,693.19) is now the larger, and the darker
      await page.selectOption("#filter-measure", "grand_total");
      await drawn(page, "grand_total.2022.final..");
      tiles = await tilesWithData(page);
      expect(tiles.get("520000")![0]).toBe(10693.19);
      // 四川: the province's unit accounts (7,640.34) plus 达州's 2022 figure that its 2023 accounts imply (1,209.26, derived)
      expect(tiles.get("510000")![0]).toBe(8849.6);
      expect(tiles.get("520000")![1]).toBeLessThan(tiles.get("510000")![1]);
      // province-level bodies only
      await page.selectOption("#filter-level", "province");
      await drawn(page, "grand_total.2022.final.province.");
      tiles = await tilesWithData(page);
      expect(tiles.get("510000")![0]).toBe(7640.34);
      expect(new URL(page.url()).hash).toMatch(/^#measure=grand_total&year=2022&phase=final&level=province&v=[0-9a-f]{16}$/);
      await page.screenshot({path: `${ARTIFACTS}/regions-grand-total.png`});
    });
  });

  test("a click on a province opens its bodies and ranks its cities; the view is in the URL", async () => {
    await onPage("/regions#measure=personnel&year=2023&phase=final", async (page) => {
      await page.click('#tile-map [data-province="510000"]');
      await drawn(page, "personnel.2023.final..510000");
      const listed = await page.$$eval("#province-entities li", (els) => els.map((el) => (el as HTMLElement).dataset.entity).sort());
      const sichuan = [...new Set(corpus.entities.filter((e) => e.province_code === "510000").map((e) => e.entity_id))].sort();
      expect(listed).toEqual(sichuan);
      expect(listed).toHaveLength(4);
      // 2023 final 人员经费 in 四川: only 达州 (001 财决公开08表, 793.87)
      const ranking = await page.locator("#city-ranking li").allTextContents();
      expect(ranking).toHaveLength(1);
      expect(ranking[0]).toMatch(/^达州市: 793\.87 万元/);
      expect(new URL(page.url()).hash).toContain("province=510000");
      const link = page.locator(`#province-entities li[data-entity="${entityOf(SAMPLE.dazhou2023)}"] a`);
      expect(await link.getAttribute("href")).toMatch(new RegExp(`^/entity#id=${entityOf(SAMPLE.dazhou2023)}&v=`));
      // no corpus-wide table was read: the filter's and the province's own files
      const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
      expect(fetched.filter((p) => /\/_file\/data\/corpus\/(panel|entities|documents)\.[0-9a-f]+\.arrows?$/.test(p))).toEqual([]);
      expect(fetched).toContain("/_file/data/corpus/regions/personnel.2023.final.json");
      expect(fetched).toContain("/_file/data/corpus/regions/510000.json");
    });
  });
});

describe("/entity", () => {
  test("the unit accounts of 四川省医疗保障局: parent the department, every figure linked to its line", async () => {
    const unit = entityOf(SAMPLE.sichuan2022unit);
    await onPage(`/entity#id=${unit}`, async (page) => {
      const header = page.locator("#entity-header");
      expect(await header.locator("h2").textContent()).toBe("四川省医疗保障局（单位 unit）");
      const parent = header.locator(`a[href^="/entity#id=${entityOf(SAMPLE.sichuan2023budget)}"]`);
      expect(await parent.count()).toBeGreaterThan(0);
      expect(await page.locator("#entity-documents tbody tr").count()).toBe(1);
      const personnel = page.locator("#entity-panel tbody tr", {hasText: "人员经费"}).locator("a.bn-source-link");
      expect(await personnel.textContent()).toBe("1,838.45");
      expect(await personnel.getAttribute("href")).toBe(`/source?doc=${docId(SAMPLE.sichuan2022unit)}#L231`);
      await page.waitForSelector(".bn-chart[data-chart-ready='true']");
      // one entity's file, no corpus-wide table
      const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
      expect(fetched.filter((p) => /\/_file\/data\/corpus\/(panel|entities|documents)\.[0-9a-f]+\.arrows?$/.test(p))).toEqual([]);
      expect(fetched).toContain(`/_file/data/corpus/entities/${unit}.json`);
      await page.screenshot({path: `${ARTIFACTS}/entity-sichuan-unit.png`, fullPage: true});
    });
  });
});
