// Default test run (`npm test`): unit tests only. Browser tests live in tests/browser/
// and run with `npm run test:browser` (vitest.browser.config.ts).
import {configDefaults, defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: [...configDefaults.exclude, "tests/browser/**", "tests/artifacts/**", "dist/**", "src/.observablehq/**"]
  }
});
