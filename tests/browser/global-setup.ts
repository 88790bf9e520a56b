/**
 * Serves the built site (dist/) for the browser tests on a free local port, under BASE_PATH
 * like the deployed site, and hands its URL to the tests: `inject("baseUrl")`.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { startServer } from "../../scripts/serve/serve.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the served site's root, ending in "/" (includes BASE_PATH). */
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dist = resolve(import.meta.dirname, "../../dist");
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(
      `No built site in ${dist}: run npm run build first (npm test builds before the browser tests).`,
    );
  }
  const server = await startServer({ root: dist, port: 0, base: process.env.BASE_PATH });
  project.provide("baseUrl", server.url);
  return async () => {
    await server.close();
  };
}
