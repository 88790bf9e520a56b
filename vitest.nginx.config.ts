/**
 * Browser tests against real nginx: the site built for a sub-path deployment (scripts/test/subpath-build.ts,
 * https://example.gov.cn/zlyda/) served by Debian's nginx with deploy/nginx.conf on a loopback port
 * (tests/nginx/global-setup.ts), in Chromium (tests/browser/helpers.ts). They fail on any
 * Content-Security-Policy violation and check the server's headers. `npm test` runs them after the
 * other browser tests.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/nginx/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/nginx/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    teardownTimeout: 30_000,
  },
});
