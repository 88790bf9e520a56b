/**
 * The content check on its own (src/archive/check/index.ts): every notice against its source and
 * every content rule, with one precise message per problem. scripts/build/build.ts runs it beside
 * Astro (on the other core) instead of inside Astro's startup; `astro build` and `astro dev`
 * run on their own still check first (src/archive/integration.ts; build.ts sets its
 * CHECKED_BESIDE_ENV for its Astro, whose integration then leaves the check to this).
 *
 *   node scripts/build/check-content.ts [<project-root>]
 */
import { resolve } from "node:path";
import { checkArchive } from "../../src/archive/check/index.ts";
import { ArchiveError } from "../../src/archive/errors.ts";

if (import.meta.main) {
  const root = resolve(process.argv[2] ?? resolve(import.meta.dirname, "..", ".."));
  try {
    const notices = checkArchive(root);
    console.log(`${notices.length} notices match their sources and pass every content rule`);
  } catch (error) {
    console.error(error instanceof ArchiveError ? error.message : ((error as Error).stack ?? String(error)));
    process.exitCode = 1;
  }
}
