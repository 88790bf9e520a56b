/**
 * The build is deterministic: a second clean build (Astro's content cache removed, its own
 * staging and output directory) gives a `dist/` byte-identical to the one `npm test` just built
 * — same files, same bytes, including the search index and the precompressed copies. A page
 * that embedded a timestamp, a random id or a map's iteration order would fail here.
 *
 * The one input allowed to differ is the build date (the citations' 引用日期, Asia/Shanghai;
 * SOURCE_DATE_EPOCH sets it): the second build is given the first build's date, so that a run
 * across midnight does not fail.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const dist = join(root, "dist");
const again = join(root, ".tmp", "dist-determinism");
const built = existsSync(join(dist, "index.html"));

/** Relative path → SHA-256 of every file under `dir`. */
function digest(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    files.set(relative(dir, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
  }
  return files;
}

describe.skipIf(!built)("a second clean build", () => {
  test("gives a byte-identical dist/", { timeout: 180_000 }, () => {
    rmSync(again, { recursive: true, force: true });
    rmSync(join(root, "node_modules", ".astro"), { recursive: true, force: true });
    // The first build's date, from a citation it wrote (urldate = {YYYY-MM-DD}).
    const bib = readdirSync(dist, { recursive: true }).find((f) => String(f).endsWith("cite.bib"));
    const date = /urldate\s*=\s*\{(\d{4}-\d{2}-\d{2})\}/.exec(
      readFileSync(join(dist, String(bib)), "utf8"),
    )?.[1];
    expect(date, "the build date in the first build's cite.bib").toBeDefined();
    // Noon in Shanghai (UTC+8) of that date: 04:00 UTC.
    const epoch = String(Date.parse(`${date}T04:00:00Z`) / 1000);
    // Otherwise the same environment as the first build (SITE_URL, BASE_PATH unset or as given).
    const result = spawnSync(process.execPath, [join(root, "scripts", "build", "build.ts")], {
      cwd: root,
      env: { ...process.env, BUILD_OUT_DIR: again, SOURCE_DATE_EPOCH: epoch, ASTRO_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
    });
    expect(result.status, `the second build failed:\n${result.stdout}\n${result.stderr}`).toBe(0);

    const first = digest(dist);
    const second = digest(again);
    expect([...second.keys()].sort(), "the same files").toEqual([...first.keys()].sort());
    const differing = [...first].filter(([path, hash]) => second.get(path) !== hash).map(([path]) => path);
    expect(differing, "files whose bytes differ between the two builds").toEqual([]);
    expect(first.size).toBeGreaterThan(100);
    rmSync(again, { recursive: true, force: true });
  });
});
