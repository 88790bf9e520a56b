/**
 * Replacing the output directory (dist/) by a complete new build with renames only, never
 * remove-then-rename: the old build is renamed aside (dist.previous/), the new one renamed into
 * place, and only then the old one removed. Each rename is atomic, so at every moment dist/ is
 * either the whole old build or the whole new one — or, for the instant between the two renames,
 * absent with the whole old build beside it, which the next build puts back first
 * (restorePrevious) should the process be killed right there.
 */
import { existsSync } from "node:fs";
import { cp, mkdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Where the old build waits while the new one moves in: dist.previous/ beside dist/. */
export function previousOf(target: string): string {
  return join(dirname(target), `${basename(target)}.previous`);
}

/** Puts the old build back when a swap was killed between its two renames. */
export async function restorePrevious(target: string): Promise<boolean> {
  const previous = previousOf(target);
  if (existsSync(target) || !existsSync(previous)) return false;
  await rename(previous, target);
  return true;
}

export interface SwapHooks {
  /** Runs between the two renames (the tests kill the process there). */
  between?: () => Promise<void>;
}

/** Moves `staging` into `target`'s place; the old `target` is removed once the new one is there. */
export async function swapIn(staging: string, target: string, hooks: SwapHooks = {}): Promise<void> {
  await restorePrevious(target);
  const previous = previousOf(target);
  await rm(previous, { recursive: true, force: true });
  await mkdir(dirname(target), { recursive: true });
  // On another file system (BUILD_OUT_DIR elsewhere) a rename fails: copy next to the target
  // first, so that the swap itself is still two renames.
  let incoming = staging;
  if (dirname(staging) !== dirname(target)) {
    incoming = join(dirname(target), `${basename(target)}.incoming`);
    await rm(incoming, { recursive: true, force: true });
    await rename(staging, incoming).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== "EXDEV") throw error;
      await cp(staging, incoming, { recursive: true });
      await rm(staging, { recursive: true, force: true });
    });
  }
  if (existsSync(target)) await rename(target, previous);
  await hooks.between?.();
  await rename(incoming, target);
  await rm(previous, { recursive: true, force: true });
}
