// Browser tests (`npm run test:browser`): build the site (tests/browser/global-setup.ts),
// serve dist/ on 127.0.0.1, drive the system Chromium with playwright-core.
// One file at a time in a single fork: the machine has 2 cores and DuckDB-WASM is heavy.
import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    globalSetup: ["tests/browser/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    pool: "forks",
    poolOptions: {forks: {singleFork: true}},
    fileParallelism: false,
    reporters: ["default"]
  }
});
