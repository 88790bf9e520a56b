/**
 * Sizes on disk, for the build's reports (scripts/search/index.ts) and the benchmarks.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Bytes and number of the files under `dir` (0 when it does not exist). A file with several
 * names (the search index's .gz hard links) is counted once: that is what it takes on disk.
 */
export function dirSize(dir: string): { bytes: number; files: number } {
  const total = { bytes: 0, files: 0 };
  if (!existsSync(dir)) return total;
  const seen = new Set<number>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const stat = statSync(join(e.parentPath, e.name));
    if (stat.nlink > 1) {
      if (seen.has(stat.ino)) continue;
      seen.add(stat.ino);
    }
    total.bytes += stat.size;
    total.files++;
  }
  return total;
}
