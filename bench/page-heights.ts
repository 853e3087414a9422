// Benchmark (not a test): the height of every main page of the built site (dist/), and of
// every document's document and source pages, in headless Chromium (1200 × 900, every
// non-loopback request blocked). Target (issue #14): no page taller than 8,000 px.
// Usage: npx tsx bench/page-heights.ts [dist-dir]   (build first: npm run build)
import {existsSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {DIST, launchChromium, openContext, serveDist, settle} from "../tests/browser/harness.ts";

const dist = process.argv[2] ?? DIST;
const docs = join(dist, "_file/data/corpus/docs");
const ids = existsSync(docs)
  ? readdirSync(docs)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => f.replace(/\.txt$/, ""))
      .sort()
  : [];
const pages = ["/", "/catalogue", "/compare", "/regions", "/entity", "/audit", "/performance", "/data", "/sql"];
for (const id of ids) pages.push(`/document?doc=${id}`, `/source?doc=${id}`, `/source?doc=${id}#L999999`);

const server = await serveDist(dist);
const browser = await launchChromium();
try {
  console.log("page".padEnd(40), "height px", " ≤ 8,000", "  settled");
  let over = 0;
  for (const path of pages) {
    const {context, newPage} = await openContext(browser);
    const page = await newPage();
    const started = Date.now();
    await page.goto(`${server.url}${path}`, {waitUntil: "load"});
    await settle(page, {quietMs: 500, timeout: 180_000});
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    if (height > 8000) over++;
    console.log(
      path.slice(0, 40).padEnd(40),
      String(height).padStart(9),
      (height <= 8000 ? "yes" : "NO").padStart(8),
      `${Date.now() - started} ms`.padStart(9)
    );
    await context.close();
  }
  console.log(`${pages.length} pages, ${over} taller than 8,000 px`);
} finally {
  await browser.close();
  await server.close();
}
