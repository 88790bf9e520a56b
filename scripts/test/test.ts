/**
 * npm test: the whole test suite, in order.
 *
 *   1. Unit tests      vitest run tests/unit
 *   2. Build           scripts/build/build.ts (the content check, Astro, Pagefind → dist/)
 *   3. Build tests     vitest run tests/build            (check dist/ against content/)
 *   4. Browser tests   vitest run -c vitest.browser.config.ts   (Chromium against dist/, served)
 *   5. nginx tests     vitest run -c vitest.nginx.config.ts     (Chromium against the sub-path
 *                      build, .tmp/dist-zlyda, served by real nginx with deploy/nginx.conf)
 *
 * Between 2 and 3 the site is also built for a sub-path deployment (BASE_PATH=/zlyda/,
 * scripts/test/subpath-build.ts), for the link check in the build tests and for the nginx tests.
 *
 * Every step runs even when an earlier test step failed, except that the build and browser
 * tests need the build to succeed. The last line is `N passed, M failed` for CI to read: the
 * Vitest tests across all runs, plus one failure for each step that failed without a failing
 * test to show for it (the build, a test file that did not load, missing Chromium).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { CHROMIUM } from "./chromium.ts";
import { nginxMissing } from "../serve/nginx.ts";
import { SUBPATH_BUILD, buildSubpath } from "./subpath-build.ts";

const root = resolve(import.meta.dirname, "..", "..");
const resultsDir = join(root, ".tmp", "test-results");
const vitestBin = join(root, "node_modules", ".bin", "vitest");

interface StepResult {
  name: string;
  status: "passed" | "failed" | "skipped";
  ms: number;
  passed: number;
  failed: number;
  note?: string;
}

/** Runs a Node script with this process's Node (24 under npm); resolves with its exit code. */
function runNode(args: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit" });
    child.on("error", (error) => {
      console.error(error);
      done(1);
    });
    child.on("exit", (code) => done(code ?? 1));
  });
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numFailedTestSuites: number;
  numTotalTests: number;
}

async function vitest(name: string, args: string[]): Promise<StepResult> {
  const report = join(resultsDir, `${name.toLowerCase().replace(/\W+/g, "-")}.json`);
  await rm(report, { force: true });
  const t0 = performance.now();
  const code = await runNode([
    vitestBin,
    "run",
    ...args,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ]);
  const ms = performance.now() - t0;
  let json: VitestJson | undefined;
  try {
    json = JSON.parse(readFileSync(report, "utf8")) as VitestJson;
  } catch {
    json = undefined;
  }
  const passed = json?.numPassedTests ?? 0;
  let failed = json?.numFailedTests ?? 0;
  let note: string | undefined = json ? `${json.numTotalTests} tests` : "no JSON report";
  if (code !== 0 && failed === 0) {
    // Vitest failed without a failing test: a file that did not load, an unhandled error…
    failed = Math.max(1, json?.numFailedTestSuites ?? 0);
    note = `vitest exited with code ${code} (see its errors above)`;
  }
  return { name, status: code === 0 && failed === 0 ? "passed" : "failed", ms, passed, failed, note };
}

/** A step that is not a test run: it passes when its process exits with 0. */
async function processStep(
  name: string,
  run: () => Promise<number>,
  done: () => string,
): Promise<StepResult> {
  const t0 = performance.now();
  const ok = (await run()) === 0;
  return {
    name,
    status: ok ? "passed" : "failed",
    ms: performance.now() - t0,
    passed: 0,
    failed: ok ? 0 : 1,
    note: ok ? done() : "build failed (see above)",
  };
}

function buildStep(): Promise<StepResult> {
  return processStep(
    "Build",
    () => runNode([join(root, "scripts", "build", "build.ts")]),
    () => "dist/ rebuilt",
  );
}

function subpathBuildStep(): Promise<StepResult> {
  return processStep(
    "Sub-path build",
    async () => (await buildSubpath()).code,
    () => {
      // The build tests (link check) and the nginx tests use this build instead of building again.
      process.env.SUBPATH_DIST = SUBPATH_BUILD.dir;
      return `${relative(root, SUBPATH_BUILD.dir)}/ (BASE_PATH=${SUBPATH_BUILD.base})`;
    },
  );
}

async function nginxStep(): Promise<StepResult> {
  const missing = existsSync(CHROMIUM) ? nginxMissing() : `${CHROMIUM} missing: apt-get install chromium`;
  if (missing) {
    console.error(`\nThe nginx tests cannot run: ${missing}\n(.ci/run installs what they need.)`);
    return { name: "nginx tests", status: "failed", ms: 0, passed: 0, failed: 1, note: missing };
  }
  return vitest("nginx tests", ["--config", "vitest.nginx.config.ts"]);
}

async function browserStep(): Promise<StepResult> {
  if (!existsSync(CHROMIUM)) {
    console.error(
      `\nThe browser tests need Debian's Chromium at ${CHROMIUM}, which is not installed.\n` +
        `Install it with:  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium\n` +
        `(.ci/run does this automatically.)`,
    );
    return {
      name: "Browser tests",
      status: "failed",
      ms: 0,
      passed: 0,
      failed: 1,
      note: `${CHROMIUM} missing: apt-get install chromium`,
    };
  }
  return vitest("Browser tests", ["--config", "vitest.browser.config.ts"]);
}

function heading(text: string): void {
  console.log(`\n━━ ${text} ${"━".repeat(Math.max(0, 60 - text.length))}`);
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

async function main(): Promise<number> {
  await mkdir(resultsDir, { recursive: true });
  const results: StepResult[] = [];
  const skip = (name: string, note: string) =>
    results.push({ name, status: "skipped", ms: 0, passed: 0, failed: 0, note });

  heading("1/6 Unit tests (tests/unit)");
  results.push(await vitest("Unit tests", ["tests/unit/", "--passWithNoTests"]));

  heading("2/6 Build (npm run build)");
  const build = await buildStep();
  results.push(build);

  if (build.status === "passed") {
    heading("3/6 Build for a sub-path (BASE_PATH=/zlyda/)");
    const subpath = await subpathBuildStep();
    results.push(subpath);
    heading("4/6 Build tests (tests/build)");
    results.push(await vitest("Build tests", ["tests/build/"]));
    heading("5/6 Browser tests (tests/browser)");
    results.push(await browserStep());
    if (subpath.status === "passed") {
      heading("6/6 nginx tests (tests/nginx)");
      results.push(await nginxStep());
    } else skip("nginx tests", "the sub-path build failed");
  } else {
    skip("Build tests", "the build failed");
    skip("Browser tests", "the build failed");
    skip("nginx tests", "the build failed");
  }

  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  heading("Test report");
  for (const r of results) {
    const mark = r.status === "passed" ? "✓" : r.status === "failed" ? "✗" : "-";
    const counts = r.passed || r.failed ? `${r.passed} passed, ${r.failed} failed` : "";
    console.log(
      `  ${mark} ${r.name.padEnd(14)} ${(r.status === "skipped" ? "skipped" : formatMs(r.ms)).padStart(8)}  ${[counts, r.note].filter(Boolean).join(" · ")}`,
    );
  }
  console.log(`  JSON reports: ${relative(root, resultsDir)}/`);
  const ok = failed === 0 && results.every((r) => r.status !== "failed");
  console.log(`${passed} passed, ${failed} failed`);
  return ok ? 0 : 1;
}

process.exitCode = await main();
