// The built site must not reference a CDN or web font: grep every text file in dist/.
// Binary assets are not grepped: duckdb-eh.wasm embeds DuckDB's HTML template for
// EXPLAIN (FORMAT html), which names a stylesheet on unpkg.com; it is only text that
// DuckDB would print into a query result, never a request the site makes (the page
// tests block and count every non-loopback request to prove that). The .br/.gz
// copies (scripts/precompress.mjs) hold the same bytes as the text files grepped.
import {readdirSync, readFileSync, statSync} from "node:fs";
import {extname, join, relative} from "node:path";
import {describe, expect, test} from "vitest";
import {DIST} from "./harness.ts";

const FORBIDDEN = ["npm:", "cdn.jsdelivr", "fonts.googleapis", "unpkg.com"];
const TEXT = new Set([".html", ".js", ".mjs", ".css", ".json", ".map", ".txt", ".svg", ".csv", ".tsv", ".xml", ".md"]);
const BINARY = new Set([".wasm", ".arrow", ".arrows", ".br", ".gz", ".parquet", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff2", ".zip"]);

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

describe("dist/ is self-contained", () => {
  const files = [...walk(DIST)];

  test("has the pages and the local DuckDB assets", () => {
    const rel = files.map((f) => relative(DIST, f));
    expect(rel).toContain("index.html");
    expect(rel.some((f) => /^_node\/@duckdb\/duckdb-wasm@[^/]+\/dist\/duckdb-eh\.wasm$/.test(f))).toBe(true);
    expect(rel.some((f) => /^_node\/@duckdb\/duckdb-wasm@[^/]+\/dist\/duckdb-browser-eh\.worker\.[0-9a-f]+\.js$/.test(f))).toBe(true);
    expect(rel.some((f) => /^_file\/data\/corpus\/documents\.[0-9a-f]+\.arrows$/.test(f))).toBe(true);
    // Framework puts CDN downloads under _npm/; there must be none.
    expect(rel.filter((f) => f.startsWith("_npm/"))).toEqual([]);
  });

  test("every file is a known text or binary type", () => {
    const unknown = files.filter((f) => !TEXT.has(extname(f)) && !BINARY.has(extname(f)));
    expect(unknown.map((f) => relative(DIST, f))).toEqual([]);
  });

  test(`no text file mentions ${FORBIDDEN.join(", ")}`, () => {
    const hits: string[] = [];
    for (const file of files) {
      if (!TEXT.has(extname(file))) continue;
      const text = readFileSync(file, "utf-8");
      for (const needle of FORBIDDEN) {
        let at = text.indexOf(needle);
        while (at !== -1) {
          hits.push(`${relative(DIST, file)}: …${text.slice(Math.max(0, at - 60), at + 60).replace(/\s+/g, " ")}…`);
          at = text.indexOf(needle, at + needle.length);
        }
      }
    }
    expect(hits).toEqual([]);
  });

  test("reports the size of dist/", () => {
    const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
    console.log(`[browser tests] dist/: ${files.length} files, ${(bytes / 2 ** 20).toFixed(1)} MiB`);
    expect(bytes).toBeGreaterThan(0);
  });
});
