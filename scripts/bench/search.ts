/**
 * npm run bench:search — the search benchmark (docs/search.md, BENCHMARKS.md). Slow; not part
 * of npm test.
 *
 *   npm run bench:search -- --baseline           N = 500 and 2,000, beside Pagefind as it comes
 *   npm run bench:search -- --n 2000             one size, the archive's search only
 *   npm run bench:search -- --reuse              reuse the last synthetic build of each size
 *   npm run bench:search -- --samples 10         fewer sampled queries (default 30)
 *   npm run bench:search -- --server node        serve with scripts/serve/serve.ts (files as
 *                                                stored) instead of nginx with deploy/nginx.conf
 *
 * For each size: generates a synthetic archive (scripts/bench/synthetic-archive.ts, fixed
 * seed) in a temporary project that shares this one's src/ and node_modules, with the
 * baseline's page added (scripts/bench/search/baseline.astro); builds it with Astro and
 * indexes it (scripts/search/index.ts); with --baseline also indexes its notice pages with
 * Pagefind's defaults (scripts/bench/search/baseline.ts); precompresses and serves it as
 * deployed (nginx, deploy/nginx.conf, its Content-Security-Policy included) and measures both
 * systems in the same run, query by query (scripts/bench/search/browser.ts):
 *
 *   - Enter: from Enter in the header box of a notice page, after typing the query for a
 *     second, to the first results (what a reader feels; the archive uses the typing time);
 *   - cold: a fresh page opened at the results page with the query, from its first script (and
 *     from the navigation's start) to the first ten results shown with their excerpts;
 *   - warm: the next query typed on that page;
 *   - bytes: response bodies as transferred;
 *   - precision and recall against the truth (scripts/bench/search/queries.ts), for the
 *     realistic and sampled queries, and for the archive also in every scope and with every
 *     operator (results: every notice, not just the shown batch; sections: of the shown ones).
 *
 * Budgets at the largest size (issue 18): Enter median ≤ 0.5 × Pagefind's cold median, cold
 * median ≤ 1.0 × Pagefind's, cold bytes p95 ≤ 500 KB, precision and recall 1.000 everywhere.
 * The last lines are Markdown for BENCHMARKS.md; the exit code is 1 when precision or recall
 * is below 1.
 */
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "playwright-core";
import { kb, ms, pct, run, seconds } from "./util.ts";
import { CHROMIUM, CHROMIUM_ARGS, cjkFontFamilies } from "../test/chromium.ts";
import { prepareSyntheticProject } from "./synthetic-archive.ts";
import { buildSearchIndex, readSearchConfigFile, type SearchIndexReport } from "../search/index.ts";
import { collectNotices } from "../search/records.ts";
import { nginxMissing, startNginx } from "../serve/nginx.ts";
import { precompress } from "../build/precompress.ts";
import { startServer } from "../serve/serve.ts";
import { parseT2S } from "../../src/search/normalize.ts";
import type { Scope } from "../../src/search/query.ts";
import {
  BASELINE_PAGE,
  BASELINE_ROUTE,
  BASELINE_SOURCE,
  buildBaseline,
  linkBaselineFragments,
  type Baseline,
} from "./search/baseline.ts";
import { coldRun, enterRun, type ColdRun, type EnterRun } from "./search/browser.ts";
import {
  FIXED_QUERIES,
  expectedResults,
  sampledQueries,
  scopedQueries,
  truthNotices,
  type Expected,
  type ScopedQuery,
} from "./search/queries.ts";

const root = resolve(import.meta.dirname, "..", "..");
const BYTES_BUDGET = 500 * 1024;

/** A temporary project: this one's code, the synthetic content, the routes search needs, the baseline's page. */
async function buildSynthetic(work: string, n: number): Promise<{ site: string; astroMs: number }> {
  prepareSyntheticProject({ work, n, routes: "search" });
  mkdirSync(dirname(join(work, BASELINE_ROUTE)), { recursive: true });
  copyFileSync(BASELINE_SOURCE, join(work, BASELINE_ROUTE));
  const site = join(work, "dist");
  const t0 = performance.now();
  await run(process.execPath, [join(root, "node_modules", ".bin", "astro"), "build", "--outDir", site], work);
  return { site, astroMs: performance.now() - t0 };
}

/** Precision and recall counts. */
class Tally {
  tp = 0;
  found = 0;
  expected = 0;
  exact = 0;
  queries = 0;
  add(found: Iterable<string>, expected: ReadonlySet<string>): boolean {
    const got = new Set(found);
    const tp = [...got].filter((x) => expected.has(x)).length;
    this.tp += tp;
    this.found += got.size;
    this.expected += expected.size;
    this.queries++;
    const exact = tp === got.size && tp === expected.size;
    if (exact) this.exact++;
    return exact;
  }
  get precision(): number {
    return this.found ? this.tp / this.found : this.expected ? 0 : 1;
  }
  get recall(): number {
    return this.expected ? this.tp / this.expected : 1;
  }
  get perfect(): boolean {
    return this.precision === 1 && this.recall === 1;
  }
  toString(): string {
    return `${this.precision.toFixed(3)} / ${this.recall.toFixed(3)} (${this.exact} of ${this.queries} queries exact)`;
  }
}

/** Results as items: notices by id, catalogue years as `catalog:2025`. */
const items = (ids: Iterable<string>, years: Iterable<number>) => [
  ...ids,
  ...[...years].map((y) => `catalog:${y}`),
];

/** One system's runs over the plain queries (realistic and sampled, scope `all`). */
interface SystemRuns {
  cold: ColdRun[];
  enter: EnterRun[];
  notices: Tally;
}

interface SizeResult {
  n: number;
  sections: number;
  queries: number;
  report: SearchIndexReport;
  astroMs: number;
  archive: SystemRuns & { sections: Tally; scoped: Map<Scope, Tally>; scopedCold: number[] };
  pagefind?: SystemRuns & { build: Baseline };
}

function log(q: string, what: string, found: number, expected: Expected, exact: boolean, times: number[]) {
  const mismatch = exact
    ? ""
    : `  MISMATCH: found ${found}, expected ${expected.ids.size + expected.years.size}`;
  process.stdout.write(`  ${what} ${q}  ${times.map((t) => Math.round(t)).join("/")} ms${mismatch}\n`);
}

async function measureSize(
  n: number,
  options: { work: string; reuse: boolean; samples: number; baseline: boolean; server: string },
  browser: Browser,
): Promise<SizeResult> {
  const work = options.work;
  console.log(`\nSynthetic archive: ${n} notices in ${work}`);
  let site = join(work, "dist");
  let astroMs = 0;
  if (!options.reuse || !existsSync(join(site, "index.html"))) {
    ({ site, astroMs } = await buildSynthetic(work, n));
    console.log(`  Astro build ${seconds(astroMs)}`);
  }
  const report = await buildSearchIndex(site, work);
  console.log(`  search index ${seconds(report.ms)}`);
  const notices = collectNotices(site, work);
  const truth = truthNotices(notices);
  const config = readSearchConfigFile(site);
  const t2s = parseT2S(config.pairs);
  const expect = (sq: ScopedQuery) => expectedResults(sq, truth, config.catalog, t2s);
  const plain = [...FIXED_QUERIES, ...sampledQueries(notices, options.samples)];
  const scoped = scopedQueries(notices, 3);
  const build = options.baseline ? await buildBaseline(site) : undefined;
  if (build) console.log(`  Pagefind as it comes: index built in ${seconds(build.buildMs)}`);

  // As deployed: precompressed (scripts/build/precompress.ts, as npm run build does) and served by
  // nginx with deploy/nginx.conf; --server node serves the files as stored (scripts/serve/serve.ts).
  const missing = options.server === "nginx" ? nginxMissing() : "--server node";
  if (!missing) {
    await precompress(site);
    if (build) linkBaselineFragments(site);
  } else console.log(`Serving with scripts/serve/serve.ts (${missing}): no HTTP compression.`);
  const server = missing
    ? await startServer({ root: site, port: 0 })
    : await startNginx({ dist: site, runtime: join(tmpdir(), `zly-bench-search-nginx-${process.pid}`) });
  const base = "url" in server ? server.url : "";
  const noticeUrl = `${base}${notices.find((x) => x.level === "national")!.year}/quanguo/`;
  const archiveUrl = `${base}search/`;
  const baselineUrl = `${base}${BASELINE_PAGE}`;

  const result: SizeResult = {
    n,
    sections: report.sections,
    queries: plain.length,
    report,
    astroMs,
    archive: {
      cold: [],
      enter: [],
      notices: new Tally(),
      sections: new Tally(),
      scoped: new Map(),
      scopedCold: [],
    },
  };
  const p: (SystemRuns & { build: Baseline }) | undefined = build
    ? { cold: [], enter: [], notices: new Tally(), build }
    : undefined;
  if (p) result.pagefind = p;
  try {
    // Query by query, the two systems one after the other: the machine is shared, and its load
    // changes over the hour a run takes; interleaved, both meet the same load.
    console.log(
      `${plain.length} queries: cold/warm/Enter ms${p ? ", archive then Pagefind as it comes" : ""}`,
    );
    const a = result.archive;
    for (const [i, q] of plain.entries()) {
      const want = expect({ q, scope: "all" });
      const next = plain[(i + 1) % plain.length];
      const cold = await coldRun(browser, archiveUrl, q, "all", next);
      const theirs = p && (await coldRun(browser, baselineUrl, q, "all", next));
      const enter = await enterRun(browser, noticeUrl, archiveUrl, q);
      const theirEnter = p && (await enterRun(browser, noticeUrl, baselineUrl, q));
      a.cold.push(cold);
      a.enter.push(enter);
      const exact = a.notices.add(
        items(cold.found.ids, cold.found.years),
        new Set(items(want.ids, want.years)),
      );
      for (const s of cold.found.shown) a.sections.add(s.sections, want.sections.get(s.id) ?? new Set());
      log(q, "", cold.found.ids.length + cold.found.years.length, want, exact, [
        cold.timing.total,
        cold.warm!.ms,
        enter.ms,
      ]);
      if (p && theirs && theirEnter) {
        p.cold.push(theirs);
        p.enter.push(theirEnter);
        const ids = theirs.found.ids.map((hash) => p.build.noticeOf.get(hash) ?? `unknown:${hash}`);
        const theirExact = p.notices.add(ids, want.ids);
        log(q, "  Pagefind:", ids.length, { ...want, years: new Set() }, theirExact, [
          theirs.timing.total,
          theirs.warm!.ms,
          theirEnter.ms,
        ]);
      }
    }
    console.log(`Archive, ${scoped.length} queries in scopes and with operators: cold ms`);
    for (const sq of scoped) {
      const want = expect(sq);
      const cold = await coldRun(browser, archiveUrl, sq.q, sq.scope);
      let tally = a.scoped.get(sq.scope);
      if (!tally) a.scoped.set(sq.scope, (tally = new Tally()));
      const exact = tally.add(items(cold.found.ids, cold.found.years), new Set(items(want.ids, want.years)));
      a.scopedCold.push(cold.timing.total);
      log(sq.q, `[${sq.scope}]`, cold.found.ids.length + cold.found.years.length, want, exact, [
        cold.timing.total,
      ]);
    }
  } finally {
    await ("stop" in server ? server.stop() : server.close());
  }
  return result;
}

/** The report's rows: label, and the per-query figures of one system. */
const ROWS: [string, (s: SystemRuns) => number[], (x: number) => string, boolean][] = [
  ["Enter in a notice page's header box → first results, median", (s) => s.enter.map((r) => r.ms), ms, true],
  ["… p95", (s) => s.enter.map((r) => r.ms), ms, false],
  [
    "cold fresh page (first script → first results), median",
    (s) => s.cold.map((r) => r.timing.total),
    ms,
    true,
  ],
  ["… p95", (s) => s.cold.map((r) => r.timing.total), ms, false],
  ["cold, from navigation start, median", (s) => s.cold.map((r) => r.timing.fromNavigation), ms, true],
  ["warm (next query on the page), median", (s) => s.cold.map((r) => r.warm!.ms), ms, true],
  ["bytes, cold fresh page incl. the page, median", (s) => s.cold.map((r) => r.bytes), kb, true],
  ["… p95", (s) => s.cold.map((r) => r.bytes), kb, false],
  [
    "bytes, Enter (from the box's focus to the results), median",
    (s) => s.enter.map((r) => r.bytes),
    kb,
    true,
  ],
];

function report(results: SizeResult[], server: string): { lines: string[]; ok: boolean } {
  const median = (xs: number[]) => pct(xs, 0.5);
  const p = (xs: number[], q: number) => pct(xs, q);
  const lines = [
    `Served by ${server}.`,
    fontsLine(cjkFontFamilies()),
    ...results.map(
      (r) =>
        `N = ${r.n}: ${r.sections} sections; ${r.queries} queries (${FIXED_QUERIES.length} fixed + ${r.queries - FIXED_QUERIES.length} sampled from the texts); index ${r.report.shards} shard(s), Pagefind files ${kb(r.report.indexBytes)}, texts and search.json ${kb(r.report.textBytes)}, built in ${seconds(r.report.ms)}${r.astroMs ? ` after Astro ${seconds(r.astroMs)}` : ""}${r.pagefind ? `; Pagefind as it comes: ${kb(r.pagefind.build.indexBytes)} (index and fragments), built in ${seconds(r.pagefind.build.buildMs)}` : ""}`,
    ),
    ``,
  ];
  const head = results.flatMap((r) =>
    r.pagefind ? [`N = ${r.n}: archive`, `Pagefind as it comes`, `ratio`] : [`N = ${r.n}: archive`],
  );
  lines.push(`| measure | ${head.join(" | ")} |`, `|${" --- |".repeat(head.length + 1)}`);
  for (const [label, values, fmt, isMedian] of ROWS) {
    const cells = results.flatMap((r) => {
      const stat = (s: SystemRuns) => (isMedian ? median(values(s)) : p(values(s), 0.95));
      const mine = stat(r.archive);
      if (!r.pagefind) return [fmt(mine)];
      const theirs = stat(r.pagefind);
      return [fmt(mine), fmt(theirs), theirs ? (mine / theirs).toFixed(2) : "—"];
    });
    lines.push(`| ${label} | ${cells.join(" | ")} |`);
  }
  const prCells = results.flatMap((r) =>
    r.pagefind ? [`${pr(r.archive.notices)}`, `${pr(r.pagefind.notices)}`, ""] : [`${pr(r.archive.notices)}`],
  );
  lines.push(`| precision / recall, realistic and sampled queries | ${prCells.join(" | ")} |`);
  lines.push(``);
  let ok = true;
  for (const r of results) {
    const a = r.archive;
    const coldParts = (f: (c: ColdRun) => number) => ms(median(a.cold.map(f)));
    lines.push(
      `N = ${r.n}, archive: Enter handed over to the search page in ${a.enter.filter((e) => e.handedOver).length} of ${a.enter.length} queries; cold median ${coldParts((c) => c.timing.total)} = starting Pagefind ${coldParts((c) => c.timing.engine)} + look-ups ${coldParts((c) => c.timing.match)} + first texts ${coldParts((c) => c.timing.texts)} (+ rendering); search files per cold query median ${kb(median(a.cold.map((c) => c.searchBytes)))}; scoped and boolean queries cold median ${ms(median(a.scopedCold))}.`,
      `N = ${r.n}, archive precision / recall: notices and catalogue years ${a.notices.toString()}; sections of the shown notices ${pr(a.sections)}; ${[...a.scoped].map(([scope, t]) => `scope ${scope} ${t.toString()}`).join("; ")}.`,
    );
    ok &&= a.notices.perfect && a.sections.perfect && [...a.scoped.values()].every((t) => t.perfect);
  }
  const last = results.at(-1)!;
  if (last.pagefind) {
    const theirs = median(last.pagefind.cold.map((c) => c.timing.total));
    const enter = median(last.archive.enter.map((e) => e.ms));
    const cold = median(last.archive.cold.map((c) => c.timing.total));
    const bytes = p(
      last.archive.cold.map((c) => c.bytes),
      0.95,
    );
    const verdict = (met: boolean) => (met ? "met" : "**missed**");
    lines.push(
      ``,
      `Budgets at N = ${last.n} (ratios to Pagefind as it comes, cold median ${ms(theirs)}, same run):`,
      `- Enter → results median ${ms(enter)} = ${(enter / theirs).toFixed(2)} × (budget ≤ 0.5): ${verdict(enter <= 0.5 * theirs)}`,
      `- cold fresh page median ${ms(cold)} = ${(cold / theirs).toFixed(2)} × (budget ≤ 1.0): ${verdict(cold <= theirs)}`,
      `- cold bytes p95 ${kb(bytes)} (budget ≤ 500 KB): ${verdict(bytes <= BYTES_BUDGET)}`,
      `- precision and recall 1.000 in every scope: ${verdict(ok)}`,
    );
  }
  return { lines, ok };
}

const pr = (t: Tally) => `${t.precision.toFixed(3)} / ${t.recall.toFixed(3)}`;

/** The report's line on the fonts the browser drew Chinese with. */
function fontsLine(fonts: string[]): string {
  if (!fonts.length)
    return "CJK fonts: none (fc-list :lang=zh): Chinese is drawn as missing glyphs and pages lay out slower than on a reader's machine (apt-get install fonts-noto-cjk).";
  const more = fonts.length > 2 ? ` and ${fonts.length - 2} more` : "";
  return `CJK fonts: ${fonts.slice(0, 2).join(", ")}${more}.`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      n: { type: "string" },
      work: { type: "string" },
      reuse: { type: "boolean", default: false },
      baseline: { type: "boolean", default: false },
      samples: { type: "string", default: "30" },
      server: { type: "string", default: "nginx" },
    },
  });
  const sizes = (values.n ?? (values.baseline ? "500,2000" : "2000")).split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 30))
    throw new Error(`--n: sizes of at least 30 notices (one national notice a year), got ${values.n}`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const results: SizeResult[] = [];
  try {
    for (const n of sizes) {
      const work = resolve(values.work ? `${values.work}-${n}` : join(tmpdir(), `zly-search-bench-${n}`));
      results.push(
        await measureSize(
          n,
          {
            work,
            reuse: values.reuse,
            samples: Number(values.samples),
            baseline: values.baseline,
            server: values.server,
          },
          browser,
        ),
      );
    }
  } finally {
    await browser.close();
  }
  const server =
    values.server === "nginx" && !nginxMissing()
      ? "nginx with deploy/nginx.conf (its Content-Security-Policy included), precompressed; bytes as transferred"
      : "scripts/serve/serve.ts, files as stored";
  const { lines, ok } = report(results, server);
  console.log(`\n${lines.join("\n")}`);
  if (!ok) process.exitCode = 1;
}

if (import.meta.main) await main();
