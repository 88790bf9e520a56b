/**
 * npm run build: builds the complete site — Astro's pages and Pagefind's search index — into
 * dist/, atomically. Everything is built in .tmp/build-staging first; dist/ is replaced only
 * when every step succeeded, so a failed build (a content error, a broken page, an indexing
 * error) leaves the previous dist/ exactly as it was.
 *
 *   npm run build                       (SITE_URL and BASE_PATH are read by astro.config.mjs)
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
export const DIST = join(root, "dist");
export const STAGING = join(root, ".tmp", "build-staging");

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

function runAstroBuild(outDir: string): Promise<void> {
  // Spawned with this process's Node (24 under npm), not whatever `node` is first on PATH.
  const bin = join(root, "node_modules", ".bin", "astro");
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, "build", "--outDir", outDir], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", fail);
    child.on("exit", (code, signal) => {
      if (code === 0) done();
      else
        fail(
          new StepError(
            `astro build ${signal ? `was killed by ${signal}` : `exited with code ${code}`} (its errors are printed above)`,
          ),
        );
    });
  });
}

async function runPagefind(site: string): Promise<string> {
  const pagefind = await import("pagefind");
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length)
      throw new StepError(`Pagefind could not create an index:\n  ${errors.join("\n  ")}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length)
      throw new StepError(
        `Pagefind could not index ${relative(root, site)}:\n  ${added.errors.join("\n  ")}`,
      );
    if (added.page_count === 0)
      throw new StepError(`Pagefind found no pages to index in ${relative(root, site)}`);
    const written = await index.writeFiles({ outputPath: join(site, "pagefind") });
    if (written.errors.length)
      throw new StepError(`Pagefind could not write its files:\n  ${written.errors.join("\n  ")}`);
    return `${added.page_count} pages indexed`;
  } finally {
    await pagefind.close();
  }
}

/** Runs the build; returns true when dist/ was replaced by a complete new site. */
export async function build(): Promise<boolean> {
  const steps: Step[] = [
    {
      name: "Clean staging",
      run: async () => {
        await rm(STAGING, { recursive: true, force: true });
        await mkdir(join(STAGING, ".."), { recursive: true });
      },
    },
    {
      name: "Astro build",
      run: async () => {
        await runAstroBuild(STAGING);
        if (!existsSync(join(STAGING, "index.html")))
          throw new StepError("astro build produced no index.html");
        return `site built in ${relative(root, STAGING)}`;
      },
    },
    { name: "Pagefind index", run: () => runPagefind(STAGING) },
    {
      name: "Replace dist/",
      run: async () => {
        await rm(DIST, { recursive: true, force: true });
        await rename(STAGING, DIST);
        return `${relative(root, STAGING)} → dist/`;
      },
    },
  ];

  const results: StepResult[] = [];
  const started = performance.now();
  let failure: unknown;
  for (const step of steps) {
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
  const ok = failure === undefined;

  console.log("\nBuild report");
  for (const r of results) {
    console.log(
      `  ${r.ok ? "✓" : "✗"} ${r.name.padEnd(16)} ${formatMs(r.ms).padStart(7)}${r.report ? `  ${r.report}` : ""}`,
    );
  }
  for (const step of steps.slice(results.length)) console.log(`  - ${step.name.padEnd(16)} skipped`);
  if (ok) {
    console.log(`\nBuilt dist/ in ${formatMs(performance.now() - started)}.`);
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
