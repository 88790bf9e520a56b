/**
 * npm run bench:search — the search benchmark (docs/search.md, BENCHMARKS.md). Slow; not part
 * of npm test.
 *
 *   npm run bench:search                         N = 2,000 synthetic notices
 *   npm run bench:search -- --n 500 --baseline   also measure Pagefind as it comes (zh-CN pages)
 *   npm run bench:search -- --reuse              reuse the last synthetic build in the work dir
 *   npm run bench:search -- --server node        serve with scripts/serve/serve.ts (files as stored)
 *                                                instead of nginx with deploy/nginx.conf
 *
 * Steps: generates a synthetic archive (scripts/bench/synthetic-archive.ts, fixed seed) in a
 * temporary project that shares this one's src/ and node_modules; builds it with Astro (the
 * archive check runs on the synthetic content and passes) and indexes it
 * (scripts/search/index.ts); precompresses and serves it as deployed (nginx, deploy/nginx.conf)
 * and runs a fixed query list in headless Chromium through the real /search/ page. Per query it
 * measures:
 *
 *   - time to results: performance marks of the search page, from the search's start (a fresh
 *     page starts it in its first script, when the URL holds a query) to the first batch shown
 *     (cold: a fresh page, so the Pagefind runtime and index are fetched; warm: the next query
 *     typed on the same page); for a fresh page also from the navigation's start, which
 *     includes loading the page and its scripts;
 *   - bytes fetched: sum of the response bodies (playwright `request.sizes()`), cold = every
 *     response of the fresh page including the page itself, warm = the responses the second
 *     query caused;
 *   - precision and recall against the substring truth: notices (all results, not just the
 *     shown batch) and sections (those listed for the shown notices).
 */
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import { kb, ms, pct, run, seconds } from "./util.ts";
import { dirSize } from "../util/fs-size.ts";
import { CHROMIUM, CHROMIUM_ARGS, cjkFontFamilies } from "../test/chromium.ts";
import { prepareSyntheticProject, rng } from "./synthetic-archive.ts";
import { buildSearchIndex, readSearchConfigFile } from "../search/index.ts";
import { collectNotices, type IndexedNotice } from "../search/records.ts";
import { nginxMissing, startNginx } from "../serve/nginx.ts";
import { precompress } from "../build/precompress.ts";
import { startServer } from "../serve/serve.ts";
import { normalize, queryWords } from "../../src/search/normalize.ts";

const root = resolve(import.meta.dirname, "..", "..");

/** Realistic queries, as readers type them (document numbers, mixed scripts, traditional …). */
export const FIXED_QUERIES = [
  "质量强国",
  "双随机一公开",
  "昆仑2022",
  "QC小组",
  "qc小组",
  "12315平台",
  "国市监质发[2022]76号",
  "质量",
  "质",
  "提质强企",
  "優化營商環境",
  "質量強國",
  "优化营商环境 建设质量强国",
  "群众性质量活动",
  "质量月活动",
  "全国质量月",
  "市场监管总局",
  "中央企业质量提升标准创新大会",
  "检验检测",
  "放心消费创建活动",
  "特种设备",
  "计量",
  "标准化 品牌",
  "工匠精神",
  "质量提升行动",
  "新质生产力",
  "高质量发展",
  "消费品质量安全",
  "电梯安全宣传周",
  "量子计算",
  "区块链 质量",
  "质量月 量子",
];

/** A temporary project: this one's code, the synthetic content, only the routes search needs. */
async function buildSynthetic(work: string, n: number): Promise<{ site: string; astroMs: number }> {
  prepareSyntheticProject({ work, n, routes: "search" });
  const site = join(work, "dist");
  const t0 = performance.now();
  await run(process.execPath, [join(root, "node_modules", ".bin", "astro"), "build", "--outDir", site], work);
  return { site, astroMs: performance.now() - t0 };
}

interface Truth {
  id: string;
  norm: string;
  sections: { anchor: string; norm: string }[];
}

function truthOf(notices: IndexedNotice[]): Truth[] {
  return notices.map((n) => {
    const sections = n.sections.map((s) => ({ anchor: s.anchor, norm: normalize(s.text) }));
    return { id: n.id, norm: sections.map((s) => s.norm).join(""), sections };
  });
}

/** Random substrings (2–10 characters) of random sections, fixed seed. */
function sampledQueries(notices: IndexedNotice[], count: number): string[] {
  const random = rng(7);
  const out: string[] = [];
  while (out.length < count) {
    const n = notices[Math.floor(random() * notices.length)]!;
    const s = n.sections[Math.floor(random() * n.sections.length)]!;
    const chars = Array.from(s.text.replace(/\s+/g, ""));
    const len = 2 + Math.floor(random() * 9);
    if (chars.length < len) continue;
    const at = Math.floor(random() * (chars.length - len));
    const q = chars.slice(at, at + len).join("");
    if (normalize(q).length >= 2) out.push(q);
  }
  return out;
}

/** The report's rows: label, the per-query figure, its unit. */
const MEASURES: [string, keyof QueryResult & `${string}${"Ms" | "Bytes"}`, (x: number) => string][] = [
  ["time to results, fresh page (cold)", "coldMs", ms],
  ["… of which loading and starting Pagefind", "coldEngineMs", ms],
  ["… of which the look-ups", "coldMatchMs", ms],
  ["… of which loading the first batch's texts", "coldTextsMs", ms],
  ["time to results from navigation start, fresh page (cold)", "coldNavMs", ms],
  ["time to results, next query (warm)", "warmMs", ms],
  ["bytes per query, fresh page incl. the page itself (cold)", "coldBytes", kb],
  ["… of which search runtime, index and texts", "coldSearchBytes", kb],
  ["bytes per query, next query (warm)", "warmBytes", kb],
];

interface QueryResult {
  q: string;
  coldMs: number;
  coldEngineMs: number;
  coldMatchMs: number;
  coldTextsMs: number;
  coldNavMs: number;
  coldBytes: number;
  coldSearchBytes: number;
  warmMs: number;
  warmBytes: number;
  noticeTp: number;
  noticeFound: number;
  noticeExpected: number;
  sectionTp: number;
  sectionFound: number;
  sectionExpected: number;
}

/** Time from the search's start to its first batch shown, and the parts of it (search-page.ts marks). */
interface Timing {
  total: number;
  /** Loading and starting Pagefind (zero once it is running). */
  engine: number;
  /** The look-ups: positions fetched and matched. */
  match: number;
  /** Loading the texts of the first batch (for excerpts), after the look-ups. */
  texts: number;
  /** From the navigation's start (the page's time origin) to the first batch shown. */
  fromNavigation: number;
}

async function waitForResults(page: Page): Promise<Timing> {
  await page.waitForFunction(
    () => {
      const r = document.querySelector("[data-search-results]");
      return (
        r?.getAttribute("aria-busy") === "false" && performance.getEntriesByName("search:shown").length > 0
      );
    },
    null,
    { timeout: 120_000 },
  );
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name).at(-1)!.startTime;
    const start = at("search:start");
    const engine = at("search:engine");
    return {
      total: at("search:shown") - start,
      engine: engine - start,
      match: at("search:matched") - engine,
      texts: performance.getEntriesByName("search:texts").length
        ? at("search:texts") - at("search:matched")
        : 0,
      fromNavigation: at("search:shown"),
    };
  });
}

async function measure(
  baseUrl: string,
  queries: string[],
  truth: Truth[],
  t2sPairs: string,
): Promise<QueryResult[]> {
  const { parseT2S } = await import("../../src/search/normalize.ts");
  const t2s = parseT2S(t2sPairs);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  const results: QueryResult[] = [];
  try {
    for (const [i, q] of queries.entries()) {
      const words = queryWords(q, t2s);
      const expected = truth.filter((t) => words.every((w) => t.norm.includes(w)));
      const expectedIds = new Set(expected.map((t) => t.id));

      const context = await browser.newContext();
      const page = await context.newPage();
      let bytes = 0;
      let searchBytes = 0;
      page.on("requestfinished", (request) => {
        void request.sizes().then((s) => {
          bytes += s.responseBodySize;
          if (/\/(pagefind|search-data)\//.test(request.url())) searchBytes += s.responseBodySize;
        });
      });
      await page.goto(`${baseUrl}search/?q=${encodeURIComponent(q)}`);
      const cold = await waitForResults(page);
      const coldMs = cold.total;
      await page.waitForLoadState("networkidle");
      const coldBytes = bytes;
      const coldSearchBytes = searchBytes;

      const facts = await page.evaluate(() => {
        const el = document.querySelector("[data-search-results]") as HTMLElement & {
          zlyResultIds?: string[];
        };
        return {
          ids: el.zlyResultIds ?? [],
          shown: [...document.querySelectorAll<HTMLElement>("[data-notice]")].map((li) => ({
            id: li.dataset.notice!,
            sections: [...li.querySelectorAll<HTMLElement>("a[data-section]")].map((a) => a.dataset.section!),
          })),
        };
      });
      const found = new Set(facts.ids);
      const noticeTp = [...found].filter((id) => expectedIds.has(id)).length;
      let sectionTp = 0;
      let sectionFound = 0;
      let sectionExpected = 0;
      for (const s of facts.shown) {
        const t = truth.find((x) => x.id === s.id);
        const want = new Set(
          (t?.sections ?? []).filter((x) => words.some((w) => x.norm.includes(w))).map((x) => x.anchor),
        );
        sectionExpected += want.size;
        sectionFound += s.sections.length;
        sectionTp += s.sections.filter((a) => want.has(a)).length;
      }

      // Warm: the next query typed into the same page (a different one, so nothing is cached).
      const next = queries[(i + 1) % queries.length]!;
      bytes = 0;
      await page.fill("[data-search-input]", next);
      await page.evaluate(() => performance.clearMarks());
      await page.click(".search-query button[type=submit]");
      const warmMs = (await waitForResults(page)).total;
      await page.waitForLoadState("networkidle");
      const warmBytes = bytes;
      await context.close();

      results.push({
        q,
        coldMs,
        coldEngineMs: cold.engine,
        coldMatchMs: cold.match,
        coldTextsMs: cold.texts,
        coldNavMs: cold.fromNavigation,
        coldBytes,
        coldSearchBytes,
        warmMs,
        warmBytes,
        noticeTp,
        noticeFound: found.size,
        noticeExpected: expectedIds.size,
        sectionTp,
        sectionFound,
        sectionExpected,
      });
      process.stdout.write(
        `  ${q}  ${expectedIds.size} notices  ${Math.round(coldMs)}/${Math.round(warmMs)} ms  ${Math.round(coldBytes / 1024)}/${Math.round(warmBytes / 1024)} KB${noticeTp === found.size && noticeTp === expectedIds.size ? "" : `  MISMATCH found ${found.size} expected ${expectedIds.size} correct ${noticeTp}`}\n`,
      );
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** Pagefind as it comes: its own index of the zh-CN notice pages, queried as typed. */
async function baseline(site: string, baseUrl: string, queries: string[], truth: Truth[], t2sPairs: string) {
  const { parseT2S } = await import("../../src/search/normalize.ts");
  const t2s = parseT2S(t2sPairs);
  const pagefind = await import("pagefind");
  const out = join(site, "pagefind-default");
  rmSync(out, { recursive: true, force: true });
  const t0 = performance.now();
  try {
    const { index } = await pagefind.createIndex({});
    await index!.addDirectory({ path: site, glob: "[0-9][0-9][0-9][0-9]/*/index.html" });
    await index!.writeFiles({ outputPath: out });
  } finally {
    await pagefind.close();
  }
  const buildMs = performance.now() - t0;
  writeFileSync(
    join(site, "bench-default.html"),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>baseline</title></head><body><script type="module">
window.run = async (q) => { const pf = await import("./pagefind-default/pagefind.js"); const t0 = performance.now();
const r = await pf.search(q); const data = await Promise.all(r.results.map((x) => x.data())); const t1 = performance.now();
return { ms: t1 - t0, urls: data.map((d) => d.raw_url ?? d.url) }; }; window.ready = true;</script></body></html>`,
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const rows: { q: string; ms: number; bytes: number; tp: number; found: number; expected: number }[] = [];
  try {
    for (const q of queries) {
      const words = queryWords(q, t2s);
      const expected = new Set(truth.filter((t) => words.every((w) => t.norm.includes(w))).map((t) => t.id));
      const context = await browser.newContext();
      const page = await context.newPage();
      let bytes = 0;
      page.on("requestfinished", (r) => void r.sizes().then((s) => (bytes += s.responseBodySize)));
      await page.goto(`${baseUrl}bench-default.html`);
      await page.waitForFunction(() => (window as unknown as { ready: boolean }).ready);
      const r = await page.evaluate(
        (query) =>
          (window as unknown as { run: (q: string) => Promise<{ ms: number; urls: string[] }> }).run(query),
        q,
      );
      await page.waitForLoadState("networkidle");
      const found = new Set(r.urls.map((u) => u.replace(/^.*?\/(\d{4})\/([^/]+)\/.*$/, "$1-$2")));
      rows.push({
        q,
        ms: r.ms,
        bytes,
        tp: [...found].filter((id) => expected.has(id)).length,
        found: found.size,
        expected: expected.size,
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return {
    rows,
    buildMs,
    indexBytes: dirSize(join(out, "index")).bytes + dirSize(join(out, "fragment")).bytes,
  };
}

function prf(tp: number, found: number, expected: number): [number, number] {
  return [found ? tp / found : expected ? 0 : 1, expected ? tp / expected : 1];
}

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
      n: { type: "string", default: "2000" },
      work: { type: "string" },
      reuse: { type: "boolean", default: false },
      baseline: { type: "boolean", default: false },
      samples: { type: "string", default: "30" },
      server: { type: "string", default: "nginx" },
    },
  });
  const n = Number(values.n);
  const work = resolve(values.work ?? join(tmpdir(), `zly-search-bench-${n}`));
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);

  console.log(`Synthetic archive: ${n} notices in ${work}`);
  let site = join(work, "dist");
  let astroMs = 0;
  if (!values.reuse || !existsSync(join(site, "index.html"))) {
    ({ site, astroMs } = await buildSynthetic(work, n));
    console.log(`  Astro build ${seconds(astroMs)}`);
  }
  const report = await buildSearchIndex(site, work);
  console.log(`  search index ${seconds(report.ms)}`);
  const notices = collectNotices(site, work);
  const truth = truthOf(notices);
  const t2sPairs = readSearchConfigFile(site).pairs;
  const queries = [...FIXED_QUERIES, ...sampledQueries(notices, Number(values.samples))];

  // As deployed: precompressed (scripts/build/precompress.ts, as npm run build does) and served by
  // nginx with deploy/nginx.conf; --server node serves the files as stored (scripts/serve/serve.ts).
  const missing = values.server === "nginx" ? nginxMissing() : "--server node";
  if (!missing) await precompress(site);
  else console.log(`Serving with scripts/serve/serve.ts (${missing}): no HTTP compression.`);
  const server = missing
    ? await startServer({ root: site, port: 0 })
    : await startNginx({ dist: site, runtime: join(tmpdir(), `zly-bench-search-nginx-${process.pid}`) });
  const serverUrl = "url" in server ? server.url : "";
  let results: QueryResult[];
  let base: Awaited<ReturnType<typeof baseline>> | undefined;
  try {
    console.log(`Queries (${queries.length}): cold/warm time to results, cold/warm bytes`);
    results = await measure(serverUrl, queries, truth, t2sPairs);
    if (values.baseline) base = await baseline(site, serverUrl, queries, truth, t2sPairs);
  } finally {
    await ("stop" in server ? server.stop() : server.close());
  }

  const sum = (f: (r: QueryResult) => number) => results.reduce((s, r) => s + f(r), 0);
  const [np, nr] = prf(
    sum((r) => r.noticeTp),
    sum((r) => r.noticeFound),
    sum((r) => r.noticeExpected),
  );
  const [sp, sr] = prf(
    sum((r) => r.sectionTp),
    sum((r) => r.sectionFound),
    sum((r) => r.sectionExpected),
  );
  const perQueryPerfect = results.filter(
    (r) => r.noticeTp === r.noticeFound && r.noticeTp === r.noticeExpected,
  ).length;
  const row = (label: string, values: number[], fmt: (x: number) => string) =>
    `| ${label} | ${fmt(pct(values, 0.5))} | ${fmt(pct(values, 0.95))} | ${fmt(Math.max(...values))} |`;
  const lines = [
    `Served by ${missing ? "scripts/serve/serve.ts, files as stored" : "nginx with deploy/nginx.conf, precompressed (bytes as transferred)"}.`,
    fontsLine(cjkFontFamilies()),
    `N = ${n} synthetic notices (${report.sections} sections), ${queries.length} queries (${FIXED_QUERIES.length} fixed + ${queries.length - FIXED_QUERIES.length} sampled from the texts)`,
    ``,
    `| measure | median | p95 | max |`,
    `| --- | --- | --- | --- |`,
    ...MEASURES.map(([label, key, fmt]) =>
      row(
        label,
        results.map((r) => r[key]),
        fmt,
      ),
    ),
    ``,
    `Precision / recall, notices (all results): ${np.toFixed(3)} / ${nr.toFixed(3)} (${perQueryPerfect} of ${results.length} queries exact); sections (listed for the shown notices): ${sp.toFixed(3)} / ${sr.toFixed(3)}`,
    `Index: ${report.shards} shard(s); Pagefind index files (meta, chunks, filter) ${kb(report.indexBytes)}, notice texts and search.json ${kb(report.textBytes)}; index build ${seconds(report.ms)}${astroMs ? ` (Astro build ${seconds(astroMs)})` : ""}`,
  ];
  if (base) {
    const t = base.rows.reduce((s, r) => s + r.tp, 0);
    const f = base.rows.reduce((s, r) => s + r.found, 0);
    const e = base.rows.reduce((s, r) => s + r.expected, 0);
    const [bp, br] = prf(t, f, e);
    const bytes = base.rows.map((r) => r.bytes);
    lines.push(
      `Pagefind as it comes (zh-CN pages, query as typed), same queries: precision ${bp.toFixed(3)}, recall ${br.toFixed(3)}, ` +
        `${base.rows.filter((r) => r.tp === r.found && r.tp === r.expected).length} of ${base.rows.length} queries exact; ` +
        `bytes per query median ${kb(pct(bytes, 0.5))}, p95 ${kb(pct(bytes, 0.95))}; ` +
        `time median ${ms(
          pct(
            base.rows.map((r) => r.ms),
            0.5,
          ),
        )}; index ${kb(base.indexBytes)} built in ${seconds(base.buildMs)}`,
    );
  }
  console.log(`\n${lines.join("\n")}`);
  const ok = np === 1 && nr === 1 && sp === 1 && sr === 1;
  if (!ok) process.exitCode = 1;
}

if (import.meta.main) await main();
