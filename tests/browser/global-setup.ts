// Builds the site once before the browser tests, so they never run against a stale dist/.
// Set BROWSER_TEST_SKIP_BUILD=1 to reuse an existing dist/ (e.g. right after `npm run build`).
// The build log goes to tests/artifacts/build.log; its tail is printed if the build fails.
import {spawnSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {ARTIFACTS, DIST, PROJECT_ROOT} from "./harness.ts";

export default function setup(): void {
  mkdirSync(ARTIFACTS, {recursive: true});
  if (process.env.BROWSER_TEST_SKIP_BUILD === "1" && existsSync(join(DIST, "index.html"))) {
    console.log("[browser tests] BROWSER_TEST_SKIP_BUILD=1: using the existing dist/");
    return;
  }
  const started = performance.now();
  const result = spawnSync("npm", ["run", "build"], {cwd: PROJECT_ROOT, encoding: "utf-8", maxBuffer: 64 << 20});
  const logPath = join(ARTIFACTS, "build.log");
  writeFileSync(logPath, `${result.stdout ?? ""}\n${result.stderr ?? ""}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    const tail = readFileSync(logPath, "utf-8").split("\n").slice(-40).join("\n");
    throw new Error(`npm run build failed (exit ${result.status}) after ${seconds} s; see ${logPath}:\n${tail}`);
  }
  console.log(`[browser tests] npm run build: ${seconds} s (log: ${logPath})`);
}
