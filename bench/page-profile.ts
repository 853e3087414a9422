// Where a page's time to first chart goes (not a test): per page, the resources loaded
// before the first chart (count, bytes, last response end), the CPU profile until
// the first chart grouped by script, and the main thread's busy time (CDP Performance).
// Usage: npx tsx bench/page-profile.ts [--dist DIR] [path...]
import {launchChromium, openContext, serveDist, DIST} from "../tests/browser/harness.ts";

const args = process.argv.slice(2);
const di = args.indexOf("--dist");
const dist = di >= 0 ? args[di + 1] : DIST;
const paths = args.filter((a, i) => a.startsWith("/") && (di < 0 || i !== di + 1));
const server = await serveDist(dist);
const browser = await launchChromium();
try {
  for (const path of paths.length ? paths : ["/", "/compare", "/audit", "/performance", "/sql"]) {
    const {newPage, context} = await openContext(browser);
    const page = await newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", {interval: 200});
    await cdp.send("Profiler.start");
    await page.goto(`${server.url}${path}`, {waitUntil: "commit"});
    await page.waitForFunction(() => performance.getEntriesByName("bn:chart-rendered").length > 0, null, {timeout: 60_000, polling: 50});
    const {profile} = await cdp.send("Profiler.stop");
    const metrics = (await cdp.send("Performance.getMetrics")).metrics;
    const info = await page.evaluate(() => {
      const chart = performance.getEntriesByName("bn:chart-rendered")[0].startTime;
      const res = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      const marks = performance.getEntriesByType("mark").map((m) => `${m.name}@${m.startTime.toFixed(0)}`);
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return {
        chart,
        marks,
        domContentLoaded: nav.domContentLoadedEventEnd,
        resources: res.map((r) => ({name: r.name.replace(/^https?:\/\/[^/]+/, ""), start: r.startTime, end: r.responseEnd, size: r.encodedBodySize}))
      };
    });
    const all = info.resources;
    info.resources = all.filter((r) => r.start < info.chart);
    // CPU self-time per script until the first chart
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    const dts = profile.timeDeltas ?? [];
    (profile.samples ?? []).forEach((id, i) => {
      const n = nodes.get(id)!;
      const url = n.callFrame.url.replace(/^https?:\/\/[^/]+/, "") || `(${n.callFrame.functionName || "program"})`;
      self.set(url, (self.get(url) ?? 0) + (dts[i + 1] ?? 0) / 1000);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 14);
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    console.log(
      `\n${path}: first chart ${info.chart.toFixed(0)} ms, DOMContentLoaded ${info.domContentLoaded.toFixed(0)} ms; ${info.resources.length} resources before it (${(info.resources.reduce((s, r) => s + r.size, 0) / 1024).toFixed(0)} KiB), last ends ${Math.max(...info.resources.map((r) => r.end)).toFixed(0)} ms`
    );
    console.log(
      `  main thread: script ${(m.ScriptDuration * 1000).toFixed(0)} ms, layout ${(m.LayoutDuration * 1000).toFixed(0)} ms, style ${(m.RecalcStyleDuration * 1000).toFixed(0)} ms, task ${(m.TaskDuration * 1000).toFixed(0)} ms`
    );
    console.log(`  marks: ${info.marks.join(" ")}`);
    for (const [url, ms] of top) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${url}`);
    if (process.env.RES)
      for (const r of all.sort((a, b) => a.start - b.start))
        console.log(`    ${r.start.toFixed(0).padStart(5)}–${r.end.toFixed(0).padStart(5)} ${String(r.size).padStart(8)} ${r.name}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
