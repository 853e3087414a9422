// A Chromium trace of one page until its first chart (not a test): the main thread's top
// events by total duration. Usage: npx tsx bench/page-trace.ts [--dist DIR] path
import {launchChromium, openContext, serveDist, DIST} from "../tests/browser/harness.ts";

const args = process.argv.slice(2);
const di = args.indexOf("--dist");
const dist = di >= 0 ? args[di + 1] : DIST;
const path = args.filter((a, i) => a.startsWith("/") && (di < 0 || i !== di + 1))[0] ?? "/";
const server = await serveDist(dist);
const browser = await launchChromium();
try {
  const {newPage, context} = await openContext(browser);
  const page = await newPage();
  const cdp = await context.newCDPSession(page);
  const events: any[] = [];
  cdp.on("Tracing.dataCollected", (e: any) => events.push(...e.value));
  const done = new Promise<void>((r) => cdp.once("Tracing.tracingComplete", () => r()));
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,v8,v8.execute,blink,loading,disabled-by-default-devtools.timeline",
    transferMode: "ReportEvents"
  });
  await page.goto(`${server.url}${path}`, {waitUntil: "commit"});
  await page.waitForFunction(() => performance.getEntriesByName("bn:chart-rendered").length > 0, null, {timeout: 60_000, polling: 50});
  const chart = await page.evaluate(() => performance.getEntriesByName("bn:chart-rendered")[0].startTime);
  await cdp.send("Tracing.end");
  await done;
  // main thread of the renderer: the thread with CrRendererMain name
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur);
  const nav = events.find((e) => e.name === "navigationStart" || e.name === "NavigationBodyLoader::StartLoadingBody");
  const t0 = Math.min(...onMain.map((e) => e.ts));
  const byName = new Map<string, {n: number; ms: number}>();
  for (const e of onMain) {
    const key =
      e.name === "EvaluateScript" || e.name === "v8.compile" || e.name === "v8.compileModule" || e.name === "v8.evaluateModule"
        ? `${e.name} ${(e.args?.data?.url ?? e.args?.fileName ?? "").replace(/^https?:\/\/[^/]+/, "")}`
        : e.name;
    const v = byName.get(key) ?? {n: 0, ms: 0};
    v.n++;
    v.ms += e.dur / 1000;
    byName.set(key, v);
  }
  console.log(`${path}: first chart ${chart.toFixed(0)} ms; main-thread events (total, nested events counted in each):`);
  for (const [k, v] of [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(process.env.TOP ?? 40)))
    console.log(`  ${v.ms.toFixed(0).padStart(6)} ms ×${String(v.n).padStart(4)}  ${k}`);
  if (process.env.TIMELINE) {
    for (const e of onMain.filter((e) => e.dur > 5000 && ["RunTask", "ThreadControllerImpl::RunTask"].includes(e.name) === false).sort((a, b) => a.ts - b.ts))
      console.log(
        `  @${((e.ts - t0) / 1000).toFixed(0).padStart(5)} +${(e.dur / 1000).toFixed(0).padStart(4)} ${e.name} ${(e.args?.data?.url ?? e.args?.data?.functionName ?? e.args?.fileName ?? "").toString().replace(/^https?:\/\/[^/]+/, "")}`
      );
  }
  void nav;
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
