// scripts/precompress.mjs levels(): the data under _file/data/ (thousands of files, new bytes at every
// build) at Brotli 5 / gzip 6 whatever its size; code and pages (the same bytes build after build, so
// the cache makes them free) at Brotli 11 up to 4 MiB; the DuckDB wasm at 9. report-site.md has the measurements.
import {describe, expect, test} from "vitest";
// @ts-expect-error -- plain ESM script without type declarations
import {levels} from "../../scripts/precompress.mjs";

describe("precompression levels", () => {
  test("data files: Brotli 5, gzip 6, small or large", () => {
    expect(levels("dist/_file/data/corpus/docs/dcf8d1ae580c8.json", 300_000)).toEqual({brotli: 5, gzip: 6});
    expect(levels("dist/_file/data/corpus/entities/e12.json", 2_000)).toEqual({brotli: 5, gzip: 6});
    expect(levels("dist/_file/data/corpus/line_items.ee417c70.arrows", 80 << 20)).toEqual({brotli: 5, gzip: 6});
  });

  test("code and pages: Brotli 11 up to 4 MiB, the wasm 9", () => {
    expect(levels("dist/_import/components/chart.3f2a.js", 40_000)).toEqual({brotli: 11, gzip: 9});
    expect(levels("dist/index.html", 20_000)).toEqual({brotli: 11, gzip: 9});
    expect(levels("dist/_node/@duckdb/duckdb-wasm@1.32.0/dist/duckdb-eh.wasm", 33 << 20)).toEqual({brotli: 9, gzip: 9});
  });
});
