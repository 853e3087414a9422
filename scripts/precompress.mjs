#!/usr/bin/env node
// Post-build step: a gzip (.gz) and a Brotli (.br) copy beside every large
// compressible file of the built site (the 32.7 MiB duckdb-eh.wasm above all,
// the bundles, the Arrow streams, each document's own files), so that
// scripts/serve.mjs — or any static host that serves precompressed files
// (nginx gzip_static/brotli_static, Caddy precompressed) — sends a fraction of
// the bytes. Deterministic: the same input gives the same .gz/.br bytes (no
// timestamps, fixed levels chosen from the file's path and size only).
// Fast enough for thousands of documents: files are compressed in parallel (zlib's
// thread pool), and each result is kept in a content-addressed cache
// (node_modules/.cache/budget-notebooks/precompress/<sha256 of bytes + levels>), so a
// rebuild compresses only files whose bytes changed (the wasm and bundles never do).
// Levels, chosen by measurement (report-site.md; 1,000 documents, CPU of one core):
// - the data under _file/data/ (the corpus tables' Arrow streams, each document's own files, the
//   entity, region and performance files, the aggregates): Brotli 5, gzip 6, whatever their
//   size. Brotli 11 on the ~1,900 small data files cost 50 s for 3.0 MiB against 1.2 s for
//   3.4 MiB at 5; on the 380 MiB of .arrows 5 gives 21 MiB in 8 s (4: 32 MiB in 3 s, 9: 20 MiB in 24 s).
// - code and pages (the same bytes from build to build, so the cache makes them free): Brotli 11
//   up to 4 MiB, 5 above (gzip 9, 6), the DuckDB wasm Brotli 9 (5.64 MiB, 9.8 s; 5 would give 5.90 MiB in 2.3 s).
// Usage: node scripts/precompress.mjs [dist] [--no-cache]
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync} from "node:fs";
import {availableParallelism} from "node:os";
import {dirname, extname, join, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {promisify} from "node:util";
import {brotliCompress, constants, gzip} from "node:zlib";

// What pages fetch: not the downloads (.parquet is compressed already; an .arrow or .csv
// is saved, not read by a page), so the build does not compress hundreds of MB for nothing.
export const COMPRESSIBLE = new Set([".wasm", ".js", ".mjs", ".css", ".html", ".json", ".arrows", ".txt", ".svg", ".map"]);
const MIN_BYTES = 1024;
const BIG = 4 << 20;
/** The cache folder (BN_PRECOMPRESS_CACHE moves it: bench/site.ts measures a cold build with an empty one). */
export const DEFAULT_CACHE_DIR =
  process.env.BN_PRECOMPRESS_CACHE || fileURLToPath(new URL("../node_modules/.cache/budget-notebooks/precompress/", import.meta.url));
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

function* walk(dir) {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (COMPRESSIBLE.has(extname(entry.name).toLowerCase()) && statSync(path).size >= MIN_BYTES) yield path;
  }
}

/** Brotli quality and gzip level for a file of the built site. */
export function levels(path, size) {
  if (path.split(sep).join("/").includes("/_file/data/")) return {brotli: 5, gzip: 6};
  if (size <= BIG) return {brotli: 11, gzip: 9};
  return extname(path) === ".wasm" ? {brotli: 9, gzip: 9} : {brotli: 5, gzip: 6};
}

async function compressed(bytes, {brotli, gzip: level}, cacheDir) {
  const key = cacheDir && createHash("sha256").update(bytes).update(`br${brotli}gz${level}`).digest("hex");
  const cached = key && join(cacheDir, key.slice(0, 2), key);
  if (cached && existsSync(`${cached}.br`) && existsSync(`${cached}.gz`))
    return {br: readFileSync(`${cached}.br`), gz: readFileSync(`${cached}.gz`), hit: true};
  const [br, gz] = await Promise.all([
    brotliAsync(bytes, {params: {[constants.BROTLI_PARAM_QUALITY]: brotli, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length}}),
    gzipAsync(bytes, {level})
  ]);
  if (cached) {
    mkdirSync(dirname(cached), {recursive: true});
    // write then rename: a concurrent build never reads half a file
    for (const [ext, data] of [
      ["br", br],
      ["gz", gz]
    ]) {
      writeFileSync(`${cached}.${ext}.${process.pid}`, data);
      renameSync(`${cached}.${ext}.${process.pid}`, `${cached}.${ext}`);
    }
  }
  return {br, gz, hit: false};
}

/** Writes <file>.br and <file>.gz beside every large compressible file under dist. */
export async function precompress(dist, {cacheDir = DEFAULT_CACHE_DIR, concurrency = Math.max(2, availableParallelism())} = {}) {
  const paths = [...walk(dist)];
  let raw = 0;
  let br = 0;
  let hits = 0;
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++];
      const bytes = readFileSync(path);
      const out = await compressed(bytes, levels(path, bytes.length), cacheDir);
      writeFileSync(`${path}.br`, out.br);
      writeFileSync(`${path}.gz`, out.gz);
      raw += bytes.length;
      br += out.br.length;
      if (out.hit) hits++;
    }
  };
  await Promise.all(Array.from({length: concurrency}, worker));
  return {files: paths.length, raw, br, cached: hits};
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const args = process.argv.slice(2);
  const dist = args.find((a) => !a.startsWith("--")) ?? "dist";
  const t = performance.now();
  const {files, raw, br, cached} = await precompress(dist, {cacheDir: args.includes("--no-cache") ? null : DEFAULT_CACHE_DIR});
  console.log(
    `precompressed ${files} files (${cached} from the cache): ${(raw / 2 ** 20).toFixed(1)} MiB → ${(br / 2 ** 20).toFixed(1)} MiB with Brotli (${Math.round(performance.now() - t)} ms)`
  );
}
