/**
 * Debian's Chromium and the flags every headless run here uses (tests, benchmarks): no
 * downloads, no background traffic, so that any request a page makes is its own.
 */
import { spawnSync } from "node:child_process";

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

/**
 * The CJK font families fontconfig offers Chromium, simplified-Chinese ones first (none when
 * there are none, or no fc-list). Without one, Chinese text is drawn as missing-glyph boxes
 * after a fruitless fallback search, so pages lay out slower than on any reader's machine: the
 * search benchmark reports which fonts it ran with.
 */
export function cjkFontFamilies(): string[] {
  const found = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
  if (found.status !== 0) return [];
  const families = new Set(
    found.stdout.split("\n").flatMap((l) => (l.trim() ? [l.split(",")[0]!.trim()] : [])),
  );
  const sc = (f: string) => (/\bSC\b|GB|Hei|Song/.test(f) ? 0 : 1);
  return [...families].sort((a, b) => sc(a) - sc(b) || a.localeCompare(b));
}
