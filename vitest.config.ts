// Default test run (`npm test`): unit tests only. Browser tests live in tests/browser/
// and run with `npm run test:browser` (vitest.browser.config.ts).
import {configDefaults, defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // tests are not timed (speed and memory are measured by bench/): a test extracting whole
    // documents takes seconds on a machine shared by several developers, so no 5 s limit
    testTimeout: 120_000,
    hookTimeout: 120_000,
    exclude: [...configDefaults.exclude, "tests/browser/**", "tests/artifacts/**", "dist/**", "src/.observablehq/**"]
  }
});
