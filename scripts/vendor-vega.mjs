#!/usr/bin/env node
// Pre-build step (npm run build / npm run dev): Vega, Vega-Lite and vega-embed from
// node_modules as ONE minified ES module, src/components/vendor/vega.js (not committed:
// .gitignore; its types are vendor/vega.d.ts). Framework serves each npm package as its
// own module under _node/ — about sixty requests and module evaluations (d3-*, vega-*)
// before a page can draw its first chart, the largest part of the time to first chart;
// one file is one request, evaluated at once. Nothing is fetched: esbuild (Framework's own)
// bundles the installed packages. Rewritten only when the bytes change, so a rebuild
// leaves the module's hash alone.
// Usage: node scripts/vendor-vega.mjs [out]
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {dirname, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {build} from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = process.argv[2] ?? fileURLToPath(new URL("../src/components/vendor/vega.js", import.meta.url));

// What the pages use: embed (src/components/chart.ts). Keep the list short: every name
// exported here is kept by the bundler whether a page calls it or not.
const ENTRY = `export {default as embed} from "vega-embed";\n`;

const started = performance.now();
const cpu = process.cpuUsage();
const result = await build({
  stdin: {contents: ENTRY, resolveDir: root, sourcefile: "vendor-vega-entry.js", loader: "js"},
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: ["es2022"],
  define: {"process.env.NODE_ENV": '"production"'},
  legalComments: "eof",
  write: false,
  logLevel: "warning"
});
const code = result.outputFiles[0].contents;
const same = existsSync(out) && Buffer.compare(readFileSync(out), code) === 0;
if (!same) {
  mkdirSync(dirname(out), {recursive: true});
  writeFileSync(out, code);
}
const used = process.cpuUsage(cpu);
console.log(
  `vendor-vega: ${relative(root, out)} ${(code.length / 1024).toFixed(0)} KiB ${same ? "(unchanged)" : "written"} in ${Math.round(performance.now() - started)} ms (${Math.round((used.user + used.system) / 1000)} ms CPU)`
);
