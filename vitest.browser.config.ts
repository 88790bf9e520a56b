/**
 * Browser tests: Debian's Chromium (driven by playwright-core) against the built site in dist/,
 * served by scripts/serve/serve.ts on a free port (tests/browser/global-setup.ts). Build first:
 * `npm test` does, or `npm run build && npx vitest run --config vitest.browser.config.ts`.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/browser/global-setup.ts"],
    // One browser at a time: page loads are measured for overflow and must not compete.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
