#!/usr/bin/env node
// `npm run build`: the build's steps in order, each timed. Prints one line per step,
// "build step <name>: <wall> s wall, <cpu> s CPU", CPU being user + sys of the step's
// processes (children's times from /proc/self/stat, Linux; wall only elsewhere), so a
// cold build's time splits into Framework's build (the data loaders included: the corpus
// loader prints its own time), the document files, the CDN scrub, the first charts'
// preloads and the precompression.
// bench/site.ts reads these lines. Stops at the first step that fails, with its status.
// Usage: node scripts/build.mjs [dist]
import {spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {delimiter} from "node:path";
import {fileURLToPath} from "node:url";

const dist = process.argv[2] ?? "dist";
// observable and tsx from this project's node_modules, as npm run puts them on the PATH
const env = {...process.env, PATH: [fileURLToPath(new URL("../node_modules/.bin", import.meta.url)), process.env.PATH].join(delimiter)};
const STEPS = [
  ["observable build", "observable", ["build"]],
  ["doc-files", "tsx", ["scripts/doc-files.ts", dist]],
  ["scrub-cdn", process.execPath, ["scripts/scrub-cdn.mjs", dist]],
  ["preload-first-chart", process.execPath, ["scripts/preload-first-chart.mjs", dist]],
  ["precompress", process.execPath, ["scripts/precompress.mjs", dist]]
];

/** CPU seconds (user + sys) of the children this process has waited for, or null off Linux. */
function childrenCpu() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf-8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // after the command: state is field 3, so cutime (16) and cstime (17) are at 13 and 14
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

for (const [name, command, args] of STEPS) {
  const started = performance.now();
  const cpuBefore = childrenCpu();
  const result = spawnSync(command, args, {stdio: "inherit", env, shell: process.platform === "win32"});
  const wall = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpu();
  const cpu = cpuBefore == null || cpuAfter == null ? "" : `, ${(cpuAfter - cpuBefore).toFixed(1)} s CPU`;
  console.log(`build step ${name}: ${wall.toFixed(1)} s wall${cpu}`);
  if (result.status !== 0) {
    console.error(`build step ${name} failed (${result.error?.message ?? `status ${result.status ?? result.signal}`})`);
    process.exit(result.status || 1);
  }
}
