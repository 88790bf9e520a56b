/**
 * Debian's Chromium and the flags every headless run here uses (tests, benchmarks): no
 * downloads, no background traffic, so that any request a page makes is its own.
 */
export const CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];
