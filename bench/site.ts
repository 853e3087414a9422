// Benchmark (not a test): every page of the built site in headless Chromium.
// Usage: npm run bench:site [-- --build] [runs=3]
// Prints per page (fresh browser context each run = cold HTTP cache): navigation → first
// chart (performance mark "bn:chart-rendered"), navigation → settled (no loading marker,
// charts drawn, network idle), bytes transferred, requests; then the build time (with
// --build) and the WebAssembly bundles shipped in dist/.
import {spawnSync} from "node:child_process";
import {readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {configuredPages, DIST, launchChromium, openContext, PROJECT_ROOT, serveDist, settle} from "../tests/browser/harness.ts";

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);

if (args.includes("--build")) {
  const started = performance.now();
  const result = spawnSync("npm", ["run", "build"], {cwd: PROJECT_ROOT, encoding: "utf-8", maxBuffer: 64 << 20});
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stderr}`);
  console.log(`build: ${((performance.now() - started) / 1000).toFixed(1)} s (npm run build, data loaders included)`);
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}
const wasm = [...files(DIST)].filter((f) => f.endsWith(".wasm"));
console.log(`wasm bundles in dist/: ${wasm.length} (${wasm.map((f) => `${relative(DIST, f)} ${(statSync(f).size / 2 ** 20).toFixed(1)} MiB`).join(", ")})`);

/** Configured pages, plus the first document and source page found in dist/. */
const pages = (await configuredPages()).map((p) => p.path);
for (const dir of ["documents", "sources"]) {
  try {
    const first = readdirSync(join(DIST, dir)).filter((f) => f.endsWith(".html")).sort()[0];
    if (first) pages.push(`/${dir}/${first.replace(/\.html$/, "")}`);
  } catch {
    // not built: skip
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serveDist();
const browser = await launchChromium();
try {
  console.log(`page`.padEnd(36), "first chart", "  settled", "      bytes", "requests", `(median of ${runs})`);
  for (const path of pages) {
    const rows: {chart: number; settled: number; bytes: number; requests: number}[] = [];
    for (let i = 0; i < runs; ++i) {
      const {context, newPage} = await openContext(browser);
      const page = await newPage();
      let bytes = 0;
      let requests = 0;
      page.on("requestfinished", async (request) => {
        requests++;
        const sizes = await request.sizes().catch(() => null);
        if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      });
      const started = Date.now();
      await page.goto(`${server.url}${path}`, {waitUntil: "load"});
      await settle(page, {quietMs: 500});
      const settled = Date.now() - started;
      const chart = await page.evaluate(() => performance.getEntriesByName("bn:chart-rendered")[0]?.startTime ?? NaN);
      rows.push({chart, settled, bytes, requests});
      await context.close();
    }
    const c = median(rows.map((r) => r.chart));
    console.log(
      path.padEnd(36),
      (Number.isNaN(c) ? "no chart" : `${c.toFixed(0)} ms`).padStart(11),
      `${median(rows.map((r) => r.settled))} ms`.padStart(9),
      `${(median(rows.map((r) => r.bytes)) / 1e6).toFixed(2)} MB`.padStart(11),
      String(median(rows.map((r) => r.requests))).padStart(8)
    );
  }
} finally {
  await browser.close();
  await server.close();
}
