/**
 * Astro integration: checks the whole archive before Astro loads anything, so a content error
 * stops `astro build` (and `astro dev`) with one precise message per problem and never yields
 * a half-built site.
 */
import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import { checkArchive } from "../lib/archive-check.ts";

export default function archiveCheck(): AstroIntegration {
  return {
    name: "zhiliangyue:archive-check",
    hooks: {
      "astro:config:setup": ({ config, logger }) => {
        const notices = checkArchive(fileURLToPath(config.root));
        logger.info(`${notices.length} notices match their sources and pass every content rule`);
      },
    },
  };
}
