// Navigation → first chart on the Overview page, in headless Chromium.
// Usage: npm run build && npx tsx bench/first-chart.ts [runs=5]
// Prints, per run (fresh browser context = cold HTTP cache): time to the first rendered
// Vega chart (performance mark "bn:chart-rendered", relative to navigation start), time
// until the DuckDB-backed table is on the page, and the load event.
import {configuredPages, launchChromium, openContext, serveDist} from "../tests/browser/harness.ts";

const runs = Number(process.argv[2] ?? 5);
const server = await serveDist();
const browser = await launchChromium();
const results: {firstChart: number; duckdb: number; load: number}[] = [];
try {
  await configuredPages(); // fail early if the config does not load
  for (let i = 0; i < runs; ++i) {
    const {context, log, newPage} = await openContext(browser);
    const page = await newPage();
    await page.goto(`${server.url}/`, {waitUntil: "load"});
    await page.waitForSelector("#documents-table[data-source=duckdb]", {timeout: 60_000});
    const timing = await page.evaluate(() => {
      const mark = performance.getEntriesByName("bn:chart-rendered")[0];
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return {firstChart: mark?.startTime ?? NaN, duckdb: performance.now(), load: nav.loadEventEnd};
    });
    results.push(timing);
    const problems = [...log.blocked, ...log.pageErrors, ...log.consoleErrors, ...log.failed, ...log.httpErrors];
    console.log(
      `run ${i + 1}: first chart ${timing.firstChart.toFixed(0)} ms · duckdb table by ≤${timing.duckdb.toFixed(0)} ms · load ${timing.load.toFixed(0)} ms${problems.length ? ` · problems: ${problems.join("; ")}` : ""}`
    );
    await context.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `median of ${runs}: first chart ${median(results.map((r) => r.firstChart)).toFixed(0)} ms, duckdb table ≤${median(results.map((r) => r.duckdb)).toFixed(0)} ms`
  );
} finally {
  await browser.close();
  await server.close();
}
