/**
 * Astro integration: checks the whole archive before Astro loads anything, so a content error
 * stops `astro build` (and `astro dev`) with one precise message per problem and never yields
 * a half-built site. `npm run build` runs the check in a process of its own beside Astro instead
 * (scripts/build/check-content.ts: the same function, on the other core).
 */
import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import { checkArchive } from "./check/index.ts";

/** Set by scripts/build/build.ts for the Astro it starts beside the same check (scripts/build/check-content.ts). */
export const CHECKED_BESIDE_ENV = "ARCHIVE_CHECKED_BESIDE";

export default function archiveCheck(): AstroIntegration {
  return {
    name: "zhiliangyue:archive-check",
    hooks: {
      "astro:config:setup": ({ config, logger }) => {
        // scripts/build/build.ts runs the same check beside Astro and stops Astro if it fails.
        if (process.env[CHECKED_BESIDE_ENV] === "1") {
          logger.info("content checked beside this build (scripts/build/check-content.ts)");
          return;
        }
        const notices = checkArchive(fileURLToPath(config.root));
        logger.info(`${notices.length} notices match their sources and pass every content rule`);
      },
    },
  };
}
