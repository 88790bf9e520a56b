/**
 * Unit tests (tests/unit) and build tests (tests/build, which check the built dist/).
 * `npm test` runs them in that order with the build in between (scripts/test/test.ts); the browser
 * tests have their own config, vitest.browser.config.ts.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/build/**/*.test.ts"],
    environment: "node",
  },
});
