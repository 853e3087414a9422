// Benchmark (not a test): the site's build time and every main page in headless Chromium.
// Usage: npm run bench:site -- [--docs N] [--build] [--keep] [--dist DIR] [--pages /,/sql] [runs=3]
//   --docs N  build a site from N synthetic documents (bench/synthetic.ts) in a temporary
//             copy of the project, twice: cold (empty extraction and precompress caches)
//             and warm (the same caches, unchanged documents); then measure its pages.
//   --build   without --docs: time `npm run build` of this project (its own caches).
//   --keep    keep the temporary project (its path is printed).
//   --dist DIR  measure a site built already in DIR (e.g. one kept with --docs N --keep), no build.
//   --pages P   only these pages (comma-separated paths).
// Prints the build times (wall and CPU, from /usr/bin/time) and the load average; then per
// page (fresh browser context each run = cold HTTP cache, every non-loopback request
// blocked; median of the runs): navigation → first chart painted (the build's static picture
// of the first chart, `<img elementtiming="bn-first-chart">`, by the Element Timing API; or the
// interactive chart if it comes first or the page has no picture), → first interactive chart
// (performance mark "bn:chart-rendered"), → first content (first chart, table row or source line on screen),
// → settled, bytes transferred besides the DuckDB wasm, the wasm's bytes, requests, and
// the page's height in px. Targets (issue #14): first chart < 1.5 s at 1,000 documents
// (< 0.5 s with the five samples), ≤ 5 MB besides the wasm, height ≤ 8,000 px.
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync} from "node:fs";
import {availableParallelism, loadavg, tmpdir} from "node:os";
import {join, relative, resolve} from "node:path";
import {DIST, launchChromium, openContext, PROJECT_ROOT, serveDist, settle} from "../tests/browser/harness.ts";
import {generate} from "./synthetic.ts";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const docs = option("--docs") ? Number(option("--docs")) : null;
const runs = Number(args.filter((a, i) => /^\d+$/.test(a) && !["--docs", "--dist", "--pages"].includes(args[i - 1]))[0] ?? 3);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

/** `npm run build` in `root`, timed; CPU time (user + sys of every process) from GNU time. */
function build(root: string, env: Record<string, string> = {}, label = "build"): void {
  const time = existsSync("/usr/bin/time");
  const started = performance.now();
  const loadBefore = load();
  const result = spawnSync(time ? "/usr/bin/time" : "npm", [...(time ? ["-f", "bn-time %U %S %M", "npm"] : []), "run", "build"], {
    cwd: root,
    encoding: "utf-8",
    maxBuffer: 256 << 20,
    env: {...process.env, ...env}
  });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`npm run build failed in ${root}:\n${(result.stderr ?? "").slice(-3000)}`);
  const log = `${result.stdout}\n${result.stderr}`;
  const cpu = /bn-time ([\d.]+) ([\d.]+) (\d+)/.exec(log);
  const loader = /load \/data\/corpus\.tar → \[\w+\] success ([\d.]+ \w+) in (\d+)ms/.exec(log);
  const steps = [
    // the pre-build step (scripts/vendor-vega.mjs), then each build step timed by scripts/build.mjs
    /vendor-vega: [^\n]*/.exec(log)?.[0],
    ...[...log.matchAll(/^build step [^\n]*/gm)].map((m) => m[0]),
    loader ? `corpus.tar loader ${(Number(loader[2]) / 1000).toFixed(1)} s (${loader[1]})` : null,
    // the loader's own steps, wall and CPU (loaders/site/archive.ts)
    /corpus archive: [^\n]*/.exec(log)?.[0],
    /doc files: [^\n]*/.exec(log)?.[0],
    /precompressed [^\n]*/.exec(log)?.[0]
  ].filter(Boolean);
  console.log(
    `${label}: ${wall.toFixed(1)} s wall${cpu ? `, CPU ${(Number(cpu[1]) + Number(cpu[2])).toFixed(1)} s (user ${cpu[1]} + sys ${cpu[2]}), peak RSS ${Math.round(Number(cpu[3]) / 1024)} MiB` : ""}; load average ${loadBefore} → ${load()}`
  );
  for (const step of steps) console.log(`  ${step}`);
}

/** A copy of the project (src, scripts, config; loaders and node_modules linked) whose data/documents holds N synthetic documents. */
function syntheticProject(n: number): string {
  const root = mkdtempSync(join(tmpdir(), `bench-site-${n}-`));
  for (const name of ["src", "scripts", "observablehq.config.ts", "package.json", "tsconfig.json"])
    cpSync(join(PROJECT_ROOT, name), join(root, name), {recursive: true, filter: (src) => !src.includes(".observablehq/cache/data")});
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(root, "node_modules"));
  symlinkSync(join(PROJECT_ROOT, "loaders"), join(root, "loaders"));
  mkdirSync(join(root, "data/documents"), {recursive: true});
  const t = performance.now();
  generate(n, join(root, "data/documents"), join(PROJECT_ROOT, "data/documents"));
  console.log(`${n} synthetic documents in ${join(root, "data/documents")} (${Math.round(performance.now() - t)} ms)`);
  // Framework's bundles of the npm packages come with src/ when this project has built them: they do not
  // depend on the documents, and bundling them afresh costs ~20 s CPU (1,000 documents, 2026-12-02).
  const npmBundles = existsSync(join(root, "src/.observablehq/cache/_node"));
  console.log(
    `Framework's npm bundles (src/.observablehq/cache/_node): ${npmBundles ? "copied from this project (not rebuilt)" : "none (the cold build bundles them)"}`
  );
  return root;
}

let dist = DIST;
let root: string | null = null;
console.log(`load average (1, 5, 15 min): ${load()} on ${availableParallelism()} cores`);
if (docs) {
  root = syntheticProject(docs);
  const caches = mkdtempSync(join(tmpdir(), "bench-site-cache-"));
  const env = {BN_CACHE_DIR: join(caches, "extract"), BN_PRECOMPRESS_CACHE: join(caches, "precompress")};
  build(root, env, `build, ${docs} documents, cold (empty extraction and precompress caches)`);
  build(root, env, `build, ${docs} documents, warm (same documents, caches filled)`);
  rmSync(caches, {recursive: true, force: true});
  dist = join(root, "dist");
} else if (option("--dist")) {
  dist = resolve(option("--dist")!);
} else if (flag("--build")) {
  build(PROJECT_ROOT, {}, "build (npm run build, data loaders included)");
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}
const wasm = [...files(dist)].filter((f) => f.endsWith(".wasm"));
console.log(`wasm bundles in dist/: ${wasm.length} (${wasm.map((f) => `${relative(dist, f)} ${(statSync(f).size / 2 ** 20).toFixed(1)} MiB`).join(", ")})`);
const docFiles = join(dist, "_file/data/corpus/docs");
const ids = existsSync(docFiles)
  ? readdirSync(docFiles)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => f.replace(/\.txt$/, ""))
  : [];
console.log(
  `documents with their own files in dist/: ${ids.length}; dist/ ${([...files(dist)].reduce((s, f) => s + statSync(f).size, 0) / 2 ** 20).toFixed(0)} MiB`
);

// The main pages, then one document's page and its source page (the largest document: the worst case).
const largest = ids.map((id) => [id, statSync(join(docFiles, `${id}.json`)).size] as const).sort((a, b) => b[1] - a[1])[0]?.[0];
const pages = option("--pages")?.split(",") ?? ["/", "/compare", "/regions", "/audit", "/performance", "/data", "/sql"];
if (largest && !option("--pages")) pages.push(`/document?doc=${largest}`, `/source?doc=${largest}#L100`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : "—");
const server = await serveDist(dist);
const browser = await launchChromium();
try {
  console.log(
    "page".padEnd(34),
    "first chart",
    "interactive",
    "first content",
    "  settled",
    "  bytes (no wasm)",
    " wasm bytes",
    "requests",
    "height px",
    `(median of ${runs}; load ${load()})`
  );
  for (const path of pages) {
    const rows: {
      chart: number;
      static: number;
      interactive: number;
      content: number;
      settled: number;
      bytes: number;
      wasm: number;
      requests: number;
      height: number;
    }[] = [];
    for (let i = 0; i < runs; ++i) {
      const {context, newPage} = await openContext(browser);
      // the static first chart painted (Element Timing: render time of the <img elementtiming>)
      await context.addInitScript(() => {
        const w = window as unknown as {__bnStaticChart?: number};
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {identifier?: string; renderTime?: number; loadTime?: number})[])
            if (entry.identifier === "bn-first-chart" && w.__bnStaticChart === undefined) w.__bnStaticChart = entry.renderTime || entry.loadTime;
        }).observe({type: "element", buffered: true});
      });
      // the first chart drawn, table row or source line shown (whichever comes first)
      await context.addInitScript(() => {
        const w = window as unknown as {__bnFirstContent?: number};
        new MutationObserver((_, observer) => {
          if (document.querySelector("main table tbody tr td, main .bn-chart[data-chart-ready], #source-view .bn-src-line")) {
            w.__bnFirstContent = performance.now();
            observer.disconnect();
          }
        }).observe(document, {subtree: true, childList: true, attributes: true});
      });
      const page = await newPage();
      let bytes = 0;
      let wasmBytes = 0;
      let requests = 0;
      const pending: Promise<void>[] = [];
      page.on("requestfinished", (request) => {
        requests++;
        pending.push(
          request.sizes().then(
            (sizes) => {
              const n = sizes.responseBodySize + sizes.responseHeadersSize;
              if (/\.wasm(\?|$)/.test(request.url())) wasmBytes += n;
              else bytes += n;
            },
            () => {}
          )
        );
      });
      const started = Date.now();
      await page.goto(`${server.url}${path}`, {waitUntil: "load"});
      await settle(page, {quietMs: 500, timeout: 180_000});
      const settled = Date.now() - started;
      await Promise.all(pending);
      const measured = await page.evaluate(() => ({
        interactive: performance.getEntriesByName("bn:chart-rendered")[0]?.startTime ?? Number.NaN,
        static: (window as unknown as {__bnStaticChart?: number}).__bnStaticChart ?? Number.NaN,
        content: (window as unknown as {__bnFirstContent?: number}).__bnFirstContent ?? Number.NaN,
        height: document.documentElement.scrollHeight
      }));
      // the first chart on screen: the static picture or the interactive chart, whichever painted first
      const chart = Math.min(...[measured.static, measured.interactive].filter(Number.isFinite));
      rows.push({...measured, chart, settled, bytes, wasm: wasmBytes, requests});
      await context.close();
    }
    const m = (key: keyof (typeof rows)[number]) => median(rows.map((r) => r[key]));
    console.log(
      path.slice(0, 34).padEnd(34),
      fmt(m("chart")).padStart(11),
      fmt(m("interactive")).padStart(11),
      fmt(m("content")).padStart(13),
      `${m("settled")} ms`.padStart(9),
      `${(m("bytes") / 1e6).toFixed(2)} MB`.padStart(17),
      `${(m("wasm") / 1e6).toFixed(2)} MB`.padStart(11),
      String(m("requests")).padStart(8),
      String(m("height")).padStart(9)
    );
  }
} finally {
  await browser.close();
  await server.close();
  if (root && !flag("--keep")) rmSync(root, {recursive: true, force: true});
  else if (root) console.log(`kept ${root}`);
}
