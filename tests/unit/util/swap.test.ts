/**
 * dist/ is replaced by renames only (scripts/build/swap.ts): a build killed at any moment leaves
 * a whole site. The kill is real: a child process runs the swap, stops between its two renames
 * (the one window where dist/ is absent), and is killed with SIGKILL there.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { previousOf, restorePrevious, swapIn } from "../../../scripts/build/swap.ts";

const SWAP = resolve(import.meta.dirname, "../../../scripts/build/swap.ts");
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A project-like folder: dist/ holding the old site, .tmp/staging holding the new one. */
function sites(): { root: string; dist: string; staging: string } {
  const root = mkdtempSync(join(tmpdir(), "zly-swap-"));
  dirs.push(root);
  const dist = join(root, "dist");
  const staging = join(root, ".tmp", "staging");
  for (const [dir, which] of [
    [dist, "old"],
    [staging, "new"],
  ] as const) {
    mkdirSync(join(dir, "2022", "hainan"), { recursive: true });
    writeFileSync(join(dir, "index.html"), which);
    writeFileSync(join(dir, "2022", "hainan", "index.html"), which);
  }
  return { root, dist, staging };
}

const site = (dir: string) => readFileSync(join(dir, "index.html"), "utf8");

describe("replacing dist/", () => {
  it("swaps in the new site and removes the old", async () => {
    const { dist, staging } = sites();
    await swapIn(staging, dist);
    expect(site(dist)).toBe("new");
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(previousOf(dist))).toBe(false);
  });

  it("killed between the two renames, the old site is whole and the next build puts it back", async () => {
    const { root, dist, staging } = sites();
    const ready = join(root, "ready");
    const child = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { writeFileSync } from "node:fs";
         import { swapIn } from ${JSON.stringify(SWAP)};
         await swapIn(${JSON.stringify(staging)}, ${JSON.stringify(dist)}, {
           between: async () => { writeFileSync(${JSON.stringify(ready)}, ""); await new Promise(() => {}); },
         });`,
      ],
      { stdio: "inherit" },
    );
    const exited = new Promise((done) => child.on("exit", done));
    for (let i = 0; i < 200 && !existsSync(ready); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(ready), "the swap reached its window").toBe(true);
    child.kill("SIGKILL");
    await exited;

    // Inside the window: no dist/, and the whole old site beside it (never a half-removed one).
    expect(existsSync(dist)).toBe(false);
    expect(site(previousOf(dist))).toBe("old");
    expect(readFileSync(join(previousOf(dist), "2022", "hainan", "index.html"), "utf8")).toBe("old");
    // What the next build does first.
    expect(await restorePrevious(dist)).toBe(true);
    expect(site(dist)).toBe("old");
    expect(existsSync(previousOf(dist))).toBe(false);
  });

  it("after a kill, the next swap still replaces the site", async () => {
    const { dist, staging } = sites();
    const { rename } = await import("node:fs/promises");
    await rename(dist, previousOf(dist)); // as a kill in the window leaves it
    await swapIn(staging, dist);
    expect(site(dist)).toBe("new");
    expect(existsSync(previousOf(dist))).toBe(false);
  });
});
