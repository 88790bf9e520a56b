/**
 * The sub-path deployment the tests build and check: the whole site built for
 * https://example.gov.cn/zlyda/ into .tmp/dist-zlyda (scripts/build/build.ts with BUILD_OUT_DIR,
 * BASE_PATH and SITE_URL). `npm test` builds it once as a step (scripts/test/test.ts) and passes the
 * directory on in SUBPATH_DIST; the link check (tests/build/link-check.test.ts) and the nginx
 * browser tests (tests/nginx/) use it, and build it themselves when run alone.
 *
 *   node scripts/test/subpath-build.ts
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..", "..");

export const SUBPATH_BUILD = {
  base: "/zlyda/",
  site: "https://example.gov.cn",
  dir: join(root, ".tmp", "dist-zlyda"),
  searchShardSize: 2,
} as const;

/**
 * This process's environment without what Vite/Vitest put there (BASE_URL, MODE, NODE_ENV=test
 * …): Astro exposes process.env through import.meta.env at build time, so a BASE_URL of "/" set
 * by a test runner would override the base path of the build.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ["BASE_URL", "MODE", "DEV", "PROD", "SSR", "NODE_ENV", "SITE", "ASSETS_PREFIX"])
    delete env[key];
  for (const key of Object.keys(env))
    if (key.startsWith("VITEST") || key.startsWith("VITE_")) delete env[key];
  return env;
}

/** Builds the sub-path site; resolves with the build's exit code (its output is inherited). */
export function buildSubpath(
  stdio: "inherit" | "pipe" = "inherit",
): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, "scripts", "build", "build.ts")], {
      cwd: root,
      stdio: ["ignore", stdio, stdio],
      env: {
        ...cleanEnv(),
        BUILD_OUT_DIR: SUBPATH_BUILD.dir,
        BASE_PATH: SUBPATH_BUILD.base,
        SITE_URL: SUBPATH_BUILD.site,
        // Several search shards of the five real notices, so that the deployed-site tests search
        // across shards as a large archive does (scripts/search/index.ts).
        SEARCH_SHARD_SIZE: String(SUBPATH_BUILD.searchShardSize),
      },
    });
    let output = "";
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", (error) => done({ code: 1, output: String(error) }));
    child.on("exit", (code) => done({ code: code ?? 1, output }));
  });
}

/**
 * The sub-path site's directory: SUBPATH_DIST when `npm test` built it, else built now (a
 * standalone test run must not check a stale build).
 */
export async function subpathSite(): Promise<string> {
  const given = process.env.SUBPATH_DIST;
  if (given && existsSync(join(given, "index.html"))) return given;
  const { code, output } = await buildSubpath("pipe");
  if (code !== 0) throw new Error(`the sub-path build (BASE_PATH=${SUBPATH_BUILD.base}) failed:\n${output}`);
  return SUBPATH_BUILD.dir;
}

if (import.meta.main) {
  process.exitCode = (await buildSubpath()).code;
}
