#!/usr/bin/env node
// Post-build step: neutralise CDN URLs that third-party bundles carry as dead code.
// @duckdb/duckdb-wasm ships getJsDelivrBundles(), which builds jsdelivr URLs; we never
// call it (src/components/db.js uses the local "eh" bundle), but the URL would still be
// in dist/. Only vendor code under dist/_node/ is rewritten; anything our own pages
// reference is left alone, so tests/browser/dist-offline.test.ts still catches it.
// Usage: node scripts/scrub-cdn.mjs [dist]
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";

const dist = process.argv[2] ?? "dist";
const root = join(dist, "_node");
const REPLACEMENTS = [["https://cdn.jsdelivr.net/npm/", "./cdn-disabled/"]];

function* walk(dir) {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.name.endsWith(".js")) yield path;
  }
}

let count = 0;
for (const path of walk(root)) {
  let text = readFileSync(path, "utf-8");
  let changed = false;
  for (const [from, to] of REPLACEMENTS) {
    if (!text.includes(from)) continue;
    const n = text.split(from).length - 1;
    text = text.split(from).join(to);
    changed = true;
    count += n;
    console.log(`scrub-cdn: ${relative(dist, path)}: ${n} × ${from}`);
  }
  if (changed) writeFileSync(path, text);
}
console.log(`scrub-cdn: ${count} replacement(s) in ${root}`);
