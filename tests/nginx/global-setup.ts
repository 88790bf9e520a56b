/**
 * Serves the sub-path build (SUBPATH_DIST from `npm test`, else built now) with real nginx and
 * deploy/nginx.conf (scripts/serve/nginx.ts) for the tests in tests/nginx, and hands them the site's
 * URL — `inject("baseUrl")`, as tests/browser/helpers.ts expects — and where the site is.
 */
import type { TestProject } from "vitest/node";
import { nginxMissing, startNginx } from "../../scripts/serve/nginx.ts";
import { SUBPATH_BUILD, subpathSite } from "../../scripts/test/subpath-build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the served site's root, ending in "/" (includes BASE_PATH). */
    baseUrl: string;
    /** Directory of the built site nginx serves. */
    nginxDist: string;
    /** The nginx configuration in use, as rendered from deploy/nginx.conf. */
    nginxConfig: string;
  }
}

export default async function setup(project: TestProject) {
  const missing = nginxMissing();
  if (missing) throw new Error(`The nginx tests need Debian's nginx: ${missing} (.ci/run installs it).`);
  const dist = await subpathSite();
  const server = await startNginx({ dist, base: SUBPATH_BUILD.base });
  project.provide("baseUrl", server.url);
  project.provide("nginxDist", dist);
  project.provide("nginxConfig", server.config);
  return async () => {
    const log = server.errorLog();
    await server.stop();
    const errors = log
      .split("\n")
      .filter((l) => /\[(emerg|alert|crit|error)\]/.test(l) && !/No such file or directory/.test(l));
    if (errors.length) console.warn(`nginx error log:\n${errors.join("\n")}`);
  };
}
