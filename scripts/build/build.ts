/**
 * npm run build: builds the complete site — Astro's pages and Pagefind's search index — into
 * dist/, atomically. Everything is built in .tmp/build-staging first; dist/ is replaced only
 * when every step succeeded, and then by renames only (./swap.ts), so a failed or killed build
 * (a content error, a broken page, an indexing error, a kill at any moment) leaves the previous
 * dist/ whole.
 *
 *   npm run build                       (SITE_URL and BASE_PATH are read by astro.config.mjs)
 *   BUILD_OUT_DIR=.tmp/dist-zlyda BASE_PATH=/zlyda/ npm run build
 *                                       another output directory instead of dist/ (tests build a
 *                                       sub-path site this way), with its own staging directory
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { CHECKED_BESIDE_ENV } from "../../src/archive/integration.ts";
import { addReports, describeReport, precompress } from "./precompress.ts";
import { restorePrevious, swapIn } from "./swap.ts";

const root = resolve(import.meta.dirname, "..", "..");
const outDir = process.env.BUILD_OUT_DIR ? resolve(root, process.env.BUILD_OUT_DIR) : undefined;
export const DIST = outDir ?? join(root, "dist");
// Staging stays inside the project (Astro keeps its prerender chunks next to an output directory
// inside the project), one per output directory so that two builds never share one.
export const STAGING = outDir
  ? join(root, ".tmp", `build-staging-${createHash("sha256").update(outDir).digest("hex").slice(0, 8)}`)
  : join(root, ".tmp", "build-staging");

/** What the search index writes (scripts/search/index.ts), compressed after it. */
const SEARCH_OUTPUT = ["pagefind", "search-data"];

/** One step of the build: a name, what it does, and a short report line when it succeeds. */
interface Step {
  name: string;
  run: () => Promise<string | void>;
}

interface StepResult {
  name: string;
  ok: boolean;
  ms: number;
  report?: string;
}

/** Thrown by a step with a message that says it all (no stack trace needed). */
class StepError extends Error {}

/**
 * The content check (scripts/build/check-content.ts) and `astro build` side by side: the check is
 * single-threaded and so is most of Astro, and on a large archive the check alone takes half a
 * minute. A content error stops Astro and is reported as the failure (Astro may have failed on
 * the same content first, less clearly).
 */
async function runCheckedAstroBuild(outDir: string): Promise<void> {
  // Spawned with this process's Node (24 under npm), not whatever `node` is first on PATH.
  const check = spawn(process.execPath, [join(root, "scripts", "build", "check-content.ts"), root], {
    cwd: root,
    stdio: ["ignore", "inherit", "pipe"],
  });
  let checkErrors = "";
  check.stderr.setEncoding("utf8").on("data", (d: string) => (checkErrors += d));
  const checked = new Promise<boolean>((done) => {
    check.on("error", (error) => ((checkErrors += String(error)), done(false)));
    check.on("exit", (code) => done(code === 0));
  });

  const bin = join(root, "node_modules", ".bin", "astro");
  // Astro holds every page's data while it renders; Node's default heap limit (about 4 GB)
  // is too small for an archive of 10,000 notices (npm run bench). A limit, not a reservation.
  const astro = spawn(process.execPath, ["--max-old-space-size=12288", bin, "build", "--outDir", outDir], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", [CHECKED_BESIDE_ENV]: "1" },
  });
  const built = new Promise<string | undefined>((done) => {
    astro.on("error", (error) => done(String(error)));
    astro.on("exit", (code, signal) =>
      done(
        code === 0
          ? undefined
          : `astro build ${signal ? `was killed by ${signal}` : `exited with code ${code}`} (its errors are printed above)`,
      ),
    );
  });

  if (!(await checked)) {
    astro.kill();
    await built;
    throw new StepError(checkErrors.trim() || "the content check failed");
  }
  const failure = await built;
  if (failure) throw new StepError(failure);
}

/**
 * The search index (docs/search.md): Pagefind fed one record per notice built from the notice
 * pages, plus the search's own data files (scripts/search/index.ts).
 */
async function runPagefind(site: string): Promise<string> {
  const { buildSearchIndex } = await import("../search/index.ts");
  try {
    const r = await buildSearchIndex(site, root);
    return `${r.notices} notices (${r.sections} sections) indexed in ${r.shards} shard(s), ${(r.indexBytes / 1024).toFixed(0)} KB of index`;
  } catch (error) {
    throw new StepError(`the search index could not be built: ${(error as Error).message}`);
  }
}

/** Runs the build; returns true when dist/ was replaced by a complete new site. */
export async function build(): Promise<boolean> {
  const steps: Step[] = [
    {
      name: "Clean staging",
      run: async () => {
        // A build killed between the two renames of its swap left the old site beside dist/.
        if (await restorePrevious(DIST))
          console.log(`restored ${relative(root, DIST) || DIST}/ from a killed build`);
        await rm(STAGING, { recursive: true, force: true });
        await mkdir(join(STAGING, ".."), { recursive: true });
      },
    },
    {
      name: "Check + Astro",
      run: async () => {
        await runCheckedAstroBuild(STAGING);
        if (!existsSync(join(STAGING, "index.html")))
          throw new StepError("astro build produced no index.html");
        return `site built in ${relative(root, STAGING)}`;
      },
    },
    {
      // The two halves of the machine at once: Pagefind indexes in its own process while Node's
      // thread pool compresses Astro's output; then what the search index wrote is compressed.
      name: "Search + gzip/br",
      run: async () => {
        const [search, pages] = await Promise.all([
          runPagefind(STAGING),
          precompress(STAGING, { skip: SEARCH_OUTPUT }),
        ]);
        const rest = await Promise.all(SEARCH_OUTPUT.map((dir) => precompress(join(STAGING, dir))));
        return `${search}; precompressed ${describeReport(addReports(pages, ...rest))}`;
      },
    },
    {
      name: "Replace dist/",
      run: async () => {
        // Renames only (scripts/build/swap.ts): dist/ is never half removed.
        await swapIn(STAGING, DIST);
        return `${relative(root, STAGING)} → ${relative(root, DIST) || DIST}/`;
      },
    },
  ];

  const results: StepResult[] = [];
  const started = performance.now();
  let failure: unknown;
  // A step waiting on a child process that died without answering leaves nothing for Node to
  // do: it would exit with code 13 and no word. Say which step, and that dist/ is untouched. (The
  // search index's shard processes report their own Pagefind dying: scripts/search/index.ts.)
  let running: string | undefined;
  const onSilentExit = (code: number) => {
    if (code !== 13 || !running) return;
    console.error(
      `\nBuild failed at “${running}”: a process it waited for stopped without answering ` +
        `(the kernel kills a process that runs out of memory: see dmesg). ` +
        `${relative(root, DIST) || DIST}/ was left untouched.`,
    );
  };
  process.on("exit", onSilentExit);
  for (const step of steps) {
    running = step.name;
    console.log(`\n▶ ${step.name}`);
    const t0 = performance.now();
    try {
      const report = await step.run();
      results.push({ name: step.name, ok: true, ms: performance.now() - t0, ...(report ? { report } : {}) });
    } catch (error) {
      results.push({ name: step.name, ok: false, ms: performance.now() - t0 });
      failure = error;
      break;
    }
  }
  running = undefined;
  process.off("exit", onSilentExit);
  const ok = failure === undefined;

  console.log("\nBuild report");
  for (const r of results) {
    console.log(
      `  ${r.ok ? "✓" : "✗"} ${r.name.padEnd(16)} ${formatMs(r.ms).padStart(7)}${r.report ? `  ${r.report}` : ""}`,
    );
  }
  for (const step of steps.slice(results.length)) console.log(`  - ${step.name.padEnd(16)} skipped`);
  if (ok) {
    console.log(`\nBuilt ${relative(root, DIST) || DIST}/ in ${formatMs(performance.now() - started)}.`);
  } else {
    const message =
      failure instanceof StepError
        ? failure.message
        : failure instanceof Error
          ? (failure.stack ?? failure.message)
          : String(failure);
    console.error(`\nBuild failed at “${results.at(-1)?.name}”: ${message}`);
    console.error(
      existsSync(DIST)
        ? "dist/ was left untouched (it still holds the previous build)."
        : "There is no dist/ (no build has succeeded yet).",
    );
  }
  return ok;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

if (import.meta.main) {
  process.exitCode = (await build()) ? 0 : 1;
}
