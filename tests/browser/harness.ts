// Shared browser-test plumbing: serve dist/ on a free loopback port, launch the
// system Chromium through playwright-core, and block + count every request that
// is not to this machine. Used by tests/browser/*.test.ts and bench/site.ts.
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";
// @ts-expect-error -- plain ESM script without type declarations
import {serve} from "../../scripts/serve.mjs";

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic"
];

export interface Server {
  url: string;
  close(): Promise<void>;
}

/** Serves dist/ (built already) on 127.0.0.1 with an OS-chosen free port. */
export async function serveDist(dir = DIST): Promise<Server> {
  if (!existsSync(`${dir}/index.html`)) throw new Error(`${dir}index.html is missing: run npm run build`);
  const {url, close} = await serve(dir, 0);
  return {url, close};
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true});
}

function isLocal(url: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:")) return true;
  try {
    const {hostname} = new URL(url);
    return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
  } catch {
    return false;
  }
}

/** What happened on one page while it was open. */
export interface PageLog {
  blocked: string[];
  failed: string[];
  pageErrors: string[];
  consoleErrors: string[];
  httpErrors: string[];
}

/**
 * A new context whose requests are all routed: anything not to loopback is aborted and
 * recorded in `log.blocked`. Page errors, console errors, failed requests and HTTP >= 400
 * responses are recorded too.
 */
export async function openContext(
  browser: Browser,
  {colorScheme = "light" as "light" | "dark", width = 1200, height = 900} = {}
): Promise<{context: BrowserContext; log: PageLog; newPage: () => Promise<Page>}> {
  const context = await browser.newContext({colorScheme, viewport: {width, height}});
  const log: PageLog = {blocked: [], failed: [], pageErrors: [], consoleErrors: [], httpErrors: []};
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    log.blocked.push(url);
    return route.abort("blockedbyclient");
  });
  // Records the time of the last DOM change, for settle() in the tests.
  await context.addInitScript(() => {
    const w = window as unknown as {__bnLastMutation: number};
    w.__bnLastMutation = performance.now();
    new MutationObserver(() => (w.__bnLastMutation = performance.now())).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true
    });
  });
  const newPage = async () => {
    const page = await context.newPage();
    page.on("pageerror", (error) => log.pageErrors.push(`${error.name}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") log.consoleErrors.push(message.text());
    });
    page.on("requestfailed", (request) => {
      const url = request.url();
      if (isLocal(url)) log.failed.push(`${url}: ${request.failure()?.errorText ?? "failed"}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400) log.httpErrors.push(`${response.status()} ${response.url()}`);
    });
    return page;
  };
  return {context, log, newPage};
}

/** Page paths ("/", "/compare", …) from observablehq.config.ts, in sidebar order. */
export async function configuredPages(): Promise<{name: string; path: string}[]> {
  const config = (await import("../../observablehq.config.ts")).default as {
    pages: ({name: string; path: string} | {name: string; pages: {name: string; path: string}[]})[];
  };
  const flat: {name: string; path: string}[] = [];
  for (const entry of config.pages) {
    if ("pages" in entry) flat.push(...entry.pages);
    else flat.push(entry);
  }
  if (!flat.some((p) => p.path === "/")) flat.unshift({name: "Overview", path: "/"});
  return flat;
}

/**
 * Waits until a page has settled: nothing marked "bn-loading", every chart rendered
 * (or failed), no DOM change for `quietMs`, and the network idle.
 */
export async function settle(page: Page, {quietMs = 750, timeout = 90_000} = {}): Promise<void> {
  // Network first: until the page's modules and first data have arrived, its cells have
  // not run, and an empty page would look "settled".
  await page.waitForLoadState("networkidle", {timeout});
  await page.waitForFunction(
    (quiet) =>
      document.readyState === "complete" &&
      !document.querySelector(".bn-loading") &&
      !document.querySelector(".bn-chart:not([data-chart-ready]):not([data-chart-error])") &&
      performance.now() - (window as unknown as {__bnLastMutation: number}).__bnLastMutation > quiet,
    quietMs,
    {timeout, polling: 100}
  );
  await page.waitForLoadState("networkidle", {timeout});
}

/**
 * Builds one notebook page (as downloaded from the site) in a throwaway project: the
 * site's components, style and cached data loaders plus this page, built with the same
 * Framework. Returns the built dist/ folder, the build log and a cleanup.
 */
export function buildNotebookPage(fileName: string, text: string): {dist: string; path: string; log: string; status: number | null; cleanup(): void} {
  const dir = mkdtempSync(join(tmpdir(), "notebook-page-"));
  mkdirSync(join(dir, "src/notebooks"), {recursive: true});
  for (const part of ["components", "data", "style.css", ".observablehq"]) {
    const from = join(PROJECT_ROOT, "src", part);
    if (existsSync(from)) cpSync(from, join(dir, "src", part), {recursive: true, preserveTimestamps: true});
  }
  for (const part of ["node_modules", "loaders", "scripts"]) symlinkSync(join(PROJECT_ROOT, part), join(dir, part));
  cpSync(join(PROJECT_ROOT, "package.json"), join(dir, "package.json"));
  writeFileSync(join(dir, "src/notebooks", fileName), text);
  writeFileSync(join(dir, "src/index.md"), "# Test\n");
  const path = `/notebooks/${fileName.replace(/\.md$/, "")}`;
  writeFileSync(
    join(dir, "observablehq.config.js"),
    `export default {root: "src", title: "t", globalStylesheets: [], style: "style.css", search: false, pages: [{name: "n", path: ${JSON.stringify(path)}}]};\n`
  );
  const build = spawnSync(join(PROJECT_ROOT, "node_modules/.bin/observable"), ["build"], {cwd: dir, encoding: "utf-8", maxBuffer: 64 << 20});
  if (build.status === 0) spawnSync("node", [join(PROJECT_ROOT, "scripts/scrub-cdn.mjs"), join(dir, "dist")]);
  return {dist: join(dir, "dist"), path, log: `${build.stdout}\n${build.stderr}`, status: build.status, cleanup: () => rmSync(dir, {recursive: true, force: true})};
}
