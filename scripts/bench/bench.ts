/**
 * npm run bench — the budgets of issue 6, measured (BENCHMARKS.md). Slow; not part of npm test.
 *
 *   npm run bench                          the parts below
 *   npm run bench -- --part weight         page weight only (builds dist/ unless --reuse)
 *   npm run bench -- --part build --sizes 100,1000
 *   npm run bench -- --part pdf            what a PDF of every notice would cost (scripts/bench/pdf.ts)
 *
 * 1. Page weight. The site in dist/ is served by real nginx with deploy/nginx.conf (precompressed
 *    brotli/gzip, as in production; scripts/serve/serve.ts and local compression when nginx is
 *    missing). Every notice page and one page of each other type is opened in headless Chromium
 *    with a cold cache and nothing clicked; every response is counted with its headers and its
 *    body as transferred (compressed). Budget: a notice page ≤ 100 KB. The same notice page is
 *    opened without JavaScript and must show the same text (zero JS needed to read).
 * 2. Build time and output size. For each size, a synthetic archive (scripts/
 *    generate-synthetic-archive.ts, fixed seed, every route of the site) is built with the real
 *    `npm run build` pipeline (content check, Astro, search index, precompression) in a
 *    temporary project. Budgets: time(10,000) ≤ 12 × time(1,000), and 10,000 notices < 15 min.
 *
 * The last lines are Markdown for BENCHMARKS.md; the exit code is 1 when a budget is missed.
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { brotliCompressSync } from "node:zlib";
import { chromium, type Browser } from "playwright-core";
import { benchReport, kb, run, seconds } from "./util.ts";
import { dirSize } from "../util/fs-size.ts";
import { CHROMIUM, CHROMIUM_ARGS } from "../test/chromium.ts";
import { prepareSyntheticProject } from "./synthetic-archive.ts";
import { pdfCost } from "./pdf.ts";
import { nginxMissing, startNginx } from "../serve/nginx.ts";
import { startServer } from "../serve/serve.ts";

const root = resolve(import.meta.dirname, "..", "..");
const NOTICE_BUDGET = 100 * 1024;
const GNU_TIME = "/usr/bin/time";
const GROWTH_BUDGET = 12;
const BUILD_10K_BUDGET_MS = 15 * 60_000;

interface PageWeight {
  path: string;
  kind: string;
  requests: number;
  bytes: number;
  byType: Record<string, number>;
  encodings: string[];
}

/** The site's notices as page paths, from content/notices/{year}-{slug}.mdx. */
function noticePaths(): string[] {
  return readdirSync(join(root, "content", "notices"))
    .filter((f) => f.endsWith(".mdx"))
    .sort()
    .map((f) => {
      const [, year, slug] = /^(\d{4})-(.+)\.mdx$/.exec(f)!;
      return `${year}/${slug}/`;
    });
}

/** One page of each other type that a reader opens without searching. */
function otherPaths(dist: string): { path: string; kind: string }[] {
  const pages = [
    { path: "", kind: "home" },
    { path: "2022/", kind: "year" },
    { path: "search/", kind: "search (before a query)" },
    { path: "themes/", kind: "themes" },
    { path: "trends/", kind: "trends" },
    { path: "issuers/", kind: "issuers" },
  ];
  const compare = join(dist, "compare");
  if (existsSync(compare)) {
    const a = readdirSync(compare, { withFileTypes: true }).find((e) => e.isDirectory());
    const b = a && readdirSync(join(compare, a.name), { withFileTypes: true }).find((e) => e.isDirectory());
    if (a && b) pages.push({ path: `compare/${a.name}/${b.name}/`, kind: "comparison" });
  }
  return pages.filter((p) => existsSync(join(dist, p.path, "index.html")));
}

function typeOf(url: string, contentType: string): string {
  if (/html/.test(contentType)) return "html";
  if (/css/.test(contentType)) return "css";
  if (/javascript|wasm/.test(contentType) || /\.(m?js|wasm)$/.test(url)) return "js";
  if (/image|svg/.test(contentType)) return "image";
  return "other";
}

export async function weigh(
  browser: Browser,
  url: string,
  compressLocally: boolean,
): Promise<Omit<PageWeight, "path" | "kind"> & { text: number }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const weight = {
    requests: 0,
    bytes: 0,
    byType: {} as Record<string, number>,
    encodings: new Set<string>(),
  };
  page.on("requestfinished", (request) => {
    pending.push(
      (async () => {
        const response = await request.response();
        if (!response) return;
        const sizes = await request.sizes();
        let body = sizes.responseBodySize;
        const encoding = (await response.headerValue("content-encoding")) ?? "identity";
        if (compressLocally && encoding === "identity")
          body = brotliCompressSync(await response.body()).length;
        const bytes = body + sizes.responseHeadersSize;
        const type = typeOf(request.url(), (await response.headerValue("content-type")) ?? "");
        weight.requests++;
        weight.bytes += bytes;
        weight.byType[type] = (weight.byType[type] ?? 0) + bytes;
        weight.encodings.add(encoding);
      })(),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await Promise.all(pending);
  const text = await page.evaluate(
    () => (document.querySelector("[data-pagefind-body]") ?? document.body).textContent?.length ?? 0,
  );
  await context.close();
  return { ...weight, encodings: [...weight.encodings].sort(), text };
}

async function pageWeight(reuse: boolean): Promise<{ lines: string[]; ok: boolean }> {
  const dist = join(root, "dist");
  if (!reuse || !existsSync(join(dist, "index.html"))) {
    console.log("Building dist/ (npm run build) …");
    await run(process.execPath, [join(root, "scripts", "build", "build.ts")], root);
  }
  const missing = nginxMissing();
  const server = missing
    ? await startServer({ root: dist, port: 0 })
    : await startNginx({ dist, runtime: join(tmpdir(), `zly-bench-nginx-${process.pid}`) });
  if (missing)
    console.log(`nginx unavailable (${missing}); serving with scripts/serve/serve.ts, brotli computed here.`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const rows: PageWeight[] = [];
  const noJs: string[] = [];
  try {
    for (const path of noticePaths()) {
      const w = await weigh(browser, server.url + path, Boolean(missing));
      rows.push({ path, kind: "notice", ...w });
      // Without JavaScript the same text must be there.
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(server.url + path);
      const text = await page.evaluate(
        () => document.querySelector("[data-pagefind-body]")?.textContent?.length ?? 0,
      );
      await context.close();
      if (text === 0 || text !== w.text) noJs.push(`${path} (${text} vs ${w.text} characters)`);
    }
    for (const { path, kind } of otherPaths(dist))
      rows.push({ path, kind, ...(await weigh(browser, server.url + path, Boolean(missing))) });
  } finally {
    await browser.close();
    await ("stop" in server ? server.stop() : server.close());
  }
  const notices = rows.filter((r) => r.kind === "notice");
  const heaviest = Math.max(...notices.map((r) => r.bytes));
  const ok = heaviest <= NOTICE_BUDGET && noJs.length === 0;
  const lines = [
    `Served by ${missing ? "scripts/serve/serve.ts (brotli computed locally)" : "nginx with deploy/nginx.conf"}; cold cache, 375 px, nothing clicked; bytes = headers + bodies as transferred.`,
    "",
    "| page | type | requests | HTML | CSS | JS | other | total | encodings |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| /${r.path} | ${r.kind} | ${r.requests} | ${kb(r.byType.html ?? 0)} | ${kb(r.byType.css ?? 0)} | ${kb(r.byType.js ?? 0)} | ${kb((r.byType.image ?? 0) + (r.byType.other ?? 0))} | **${kb(r.bytes)}** | ${r.encodings.join(", ")} |`,
    ),
    "",
    `Heaviest notice page: ${kb(heaviest)} (budget ${kb(NOTICE_BUDGET)}) — ${heaviest <= NOTICE_BUDGET ? "within budget" : "OVER BUDGET"}.`,
    noJs.length
      ? `Text differs without JavaScript: ${noJs.join("; ")}.`
      : `Without JavaScript every notice page shows the same text (${notices.length} of ${notices.length}): no JS needed to read.`,
  ];
  return { lines, ok };
}

export interface BuildRow {
  n: number;
  ms: number;
  /** CPU time of the build and its child processes (user + system), when GNU time is there. */
  cpuMs?: number;
  bytes: number;
  files: number;
  pages: number;
  report: string[];
}

/** What a peer build changes (the lineage benchmark: reworded paragraphs, code pruned). */
export interface BuildVariant {
  /** Names the work directory: build-{n}-{name}. */
  name?: string;
  vary?: number;
  prune?: (work: string) => void;
}

/**
 * Builds a synthetic archive of `n` notices with the real build; its output is removed after
 * unless `keep` (then it is in {workRoot}/build-{n}[-{name}]/dist).
 */
export async function buildOnce(
  n: number,
  workRoot: string,
  keep: boolean,
  variant: BuildVariant = {},
): Promise<BuildRow> {
  const work = join(workRoot, `build-${n}${variant.name ? `-${variant.name}` : ""}`);
  prepareSyntheticProject({
    work,
    n,
    routes: "all",
    ...(variant.vary ? { vary: variant.vary } : {}),
    ...(variant.prune ? { prune: variant.prune } : {}),
  });
  const log = join(work, "build.log");
  const t0 = performance.now();
  const code = await new Promise<number>((done) => {
    const out = createWriteStream(log);
    // GNU time adds the CPU time of the build and every process it waited for (Astro, Pagefind,
    // compression workers): unlike the wall clock, it hardly moves when the machine is shared.
    const [cmd, args] = existsSync(GNU_TIME)
      ? [GNU_TIME, ["-f", "cpu-seconds %U %S", process.execPath, join(work, "scripts", "build", "build.ts")]]
      : [process.execPath, [join(work, "scripts", "build", "build.ts")]];
    const child = spawn(cmd, args, {
      cwd: work,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
    });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.on("exit", (c) => done(c ?? 1));
  });
  const elapsed = performance.now() - t0;
  const text = readFileSync(log, "utf8");
  const cpu = /^cpu-seconds ([\d.]+) ([\d.]+)$/m.exec(text);
  if (code !== 0)
    throw new Error(`the build of ${n} synthetic notices failed; see ${log}:\n${text.slice(-3000)}`);
  const report = text
    .slice(text.indexOf("Build report"))
    .split("\n")
    .filter((l) => /^\s+✓/.test(l));
  const dist = join(work, "dist");
  const size = dirSize(dist);
  const pages = readdirSync(dist, { recursive: true }).filter((f) => String(f).endsWith("index.html")).length;
  if (!keep) rmSync(work, { recursive: true, force: true });
  return {
    n,
    ms: elapsed,
    ...(cpu ? { cpuMs: (Number(cpu[1]) + Number(cpu[2])) * 1000 } : {}),
    bytes: size.bytes,
    files: size.files,
    pages,
    report,
  };
}

async function buildScaling(sizes: number[], keep: boolean): Promise<{ lines: string[]; ok: boolean }> {
  const workRoot = join(tmpdir(), "zly-bench");
  mkdirSync(workRoot, { recursive: true });
  const rows: BuildRow[] = [];
  for (const n of sizes) {
    console.log(`Building ${n} synthetic notices …`);
    const row = await buildOnce(n, workRoot, keep);
    console.log(`  ${seconds(row.ms)}, ${(row.bytes / 2 ** 20).toFixed(1)} MB in ${row.files} files`);
    for (const l of row.report) console.log(`  ${l.trim()}`);
    rows.push(row);
  }
  const byN = new Map(rows.map((r) => [r.n, r]));
  const k1 = byN.get(1000);
  const k10 = byN.get(10000);
  const growth = k1 && k10 ? k10.ms / k1.ms : undefined;
  const ok = (growth === undefined || growth <= GROWTH_BUDGET) && (!k10 || k10.ms < BUILD_10K_BUDGET_MS);
  const lines = [
    "| notices | build time | per notice | pages | output | files | output per notice |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.n.toLocaleString("en")} | ${seconds(r.ms)} | ${(r.ms / r.n).toFixed(1)} ms | ${r.pages.toLocaleString("en")} | ${(r.bytes / 2 ** 20).toFixed(1)} MB | ${r.files.toLocaleString("en")} | ${kb(r.bytes / r.n)} |`,
    ),
    "",
    ...rows.map(
      (r) =>
        `Steps at ${r.n.toLocaleString("en")}: ${r.report
          .map((l) =>
            l
              .trim()
              .replace(/^✓\s+/, "")
              .replace(/\s{2,}/g, " "),
          )
          .join(" · ")}`,
    ),
  ];
  if (growth !== undefined)
    lines.push(
      "",
      `Growth: time(10,000) / time(1,000) = ${growth.toFixed(2)} (budget ≤ ${GROWTH_BUDGET}); 10,000 notices in ${seconds(k10!.ms)} (budget < 15 min) — ${ok ? "within budget" : "OVER BUDGET"}.`,
    );
  return { lines, ok };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      part: { type: "string" },
      sizes: { type: "string", default: "100,1000,10000" },
      reuse: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
    },
  });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: sudo apt-get install chromium`);
  const sizes = values.sizes.split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--sizes: expected notice counts such as 100,1000,10000, received “${values.sizes}”`);
  const { part, write } = benchReport("##");
  if (!values.part || values.part === "weight") await part("Page weight", () => pageWeight(values.reuse));
  if (!values.part || values.part === "build")
    await part("Build time and output size", () => buildScaling(sizes, values.keep));
  if (!values.part || values.part === "pdf")
    await part("PDF files at build time (not built)", () => pdfCost(root, values.reuse));
  write(root, "bench-report.md");
}

if (import.meta.main) await main();
