#!/usr/bin/env node
// Post-build step: a gzip (.gz) and a Brotli (.br) copy beside every large
// compressible file of the built site (the 32.7 MiB duckdb-eh.wasm above all,
// the bundles, the Arrow streams), so that scripts/serve.mjs — or any static
// host that serves precompressed files (nginx gzip_static/brotli_static,
// Caddy precompressed) — sends a fraction of the bytes. Deterministic: the
// same input gives the same .gz/.br bytes (no timestamps, fixed levels).
// Usage: node scripts/precompress.mjs [dist]
import {readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {extname, join} from "node:path";
import {brotliCompressSync, constants, gzipSync} from "node:zlib";

export const COMPRESSIBLE = new Set([".wasm", ".js", ".mjs", ".css", ".html", ".json", ".arrows", ".arrow", ".csv", ".txt", ".svg", ".map"]);
const MIN_BYTES = 1024;

function* walk(dir) {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (COMPRESSIBLE.has(extname(entry.name).toLowerCase()) && statSync(path).size >= MIN_BYTES) yield path;
  }
}

export function precompress(dist) {
  let raw = 0;
  let br = 0;
  let files = 0;
  for (const path of walk(dist)) {
    const bytes = readFileSync(path);
    const brotli = brotliCompressSync(bytes, {params: {[constants.BROTLI_PARAM_QUALITY]: bytes.length > 4 << 20 ? 9 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length}});
    writeFileSync(`${path}.br`, brotli);
    writeFileSync(`${path}.gz`, gzipSync(bytes, {level: 9}));
    raw += bytes.length;
    br += brotli.length;
    files++;
  }
  return {files, raw, br};
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const dist = process.argv[2] ?? "dist";
  const t = performance.now();
  const {files, raw, br} = precompress(dist);
  console.log(`precompressed ${files} files: ${(raw / 2 ** 20).toFixed(1)} MiB → ${(br / 2 ** 20).toFixed(1)} MiB with Brotli (${Math.round(performance.now() - t)} ms)`);
}
