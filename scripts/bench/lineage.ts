/**
 * npm run bench:lineage — the budgets of issue 17 (sentence lineage, the draft check), measured
 * (BENCHMARKS.md). Slow; not part of npm test. Synthetic archives come from
 * scripts/bench/synthetic-archive.ts with reworded paragraphs (--vary, default 0.6: without it
 * every synthetic sentence is a seed's sentence word for word, and there would be nothing near
 * to find and nothing new to ship).
 *
 *   npm run bench:lineage                                  all three parts
 *   npm run bench:lineage -- --part scale --sizes 1000,10000 [--rounds 2]
 *   npm run bench:lineage -- --part build [--rounds 2]     2,000 notices, with and without lineage
 *   npm run bench:lineage -- --part check [--reuse]        needs the part build's site (kept)
 *   npm run bench:lineage -- --part site [--work DIR]      only the site the check part reads
 *   … [--work DIR]                                         build and check in DIR (default: tmp/zly-bench-lineage)
 *
 * 1. scale — lineage alone, in this process, at each size: the text model (bodyBlocks, which
 *    the build computes anyway for the open data), then what lineage adds: cutting sentences,
 *    the index (src/lineage/lineage.ts) and every notice's lineage document serialised as the
 *    build writes it. Budget: time(10,000) ≤ 12 × time(1,000).
 * 2. build — the real `npm run build` of 2,000 notices, as this branch builds them and with
 *    lineage taken out (its open data, the /check/ page and its data, the notice pages' lineage
 *    view; comparisons keep their sentence alignment), in turn: lineage adds ≤ 15 % of CPU time
 *    (wall clock reported too; on a shared machine it moves with the load).
 * 3. check — that site served by nginx with deploy/nginx.conf, as deployed: the median cold
 *    search time over the search benchmark's fixed queries, then /check/ cold with a draft of
 *    10,000 characters (sentences of synthetic notices, some reworded, some new): bytes fetched
 *    (bodies as transferred) ≤ 2 MB, and time to the full report (from the page's first script,
 *    as search is timed) ≤ 2 × that median; and notice pages weighed before the lineage view is
 *    opened (≤ 100 KB each).
 *
 * The last lines are Markdown for BENCHMARKS.md (also in .tmp/bench-lineage.md); the exit code
 * is 1 when a budget is missed.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import yaml from "js-yaml";
import { chromium } from "playwright-core";
import { buildOnce, weigh, type BuildRow } from "./bench.ts";
import { coldRun } from "./search/browser.ts";
import { FIXED_QUERIES } from "./search/queries.ts";
import { generateSyntheticArchive, rng } from "./synthetic-archive.ts";
import { benchReport, kb, ms, pct, seconds, type Part } from "./util.ts";
import { splitMdx } from "../../src/archive/files.ts";
import { IMPRINT_LABEL } from "../../src/importer/structure.ts";
import { buildLineage, noticeLineage, summarize, type LineageNotice } from "../../src/lineage/lineage.ts";
import { NoticeSchema } from "../../src/schemas/notice.ts";
import { bodyBlocks } from "../../src/text/notice-text.ts";
import { blockSentences } from "../../src/text/sentences.ts";
import { CHROMIUM, CHROMIUM_ARGS, cjkFontFamilies } from "../test/chromium.ts";
import { nginxMissing, startNginx } from "../serve/nginx.ts";
import { startServer } from "../serve/serve.ts";

const root = resolve(import.meta.dirname, "..", "..");
const GROWTH_BUDGET = 12;
const BUILD_SHARE_BUDGET = 0.15;
const CHECK_BYTES_BUDGET = 2 * 1024 * 1024;
const CHECK_TIME_FACTOR = 2;
const NOTICE_BUDGET = 100 * 1024;
const DRAFT_CHARS = 10_000;

/* ───────────────────────────── 1. scale ───────────────────────────── */

/** Time spent, by the clock and in this process's CPU (user + system, all its threads). */
interface Spent {
  wall: number;
  cpu: number;
}

function clock(): () => Spent {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
  };
}

const add = (a: Spent, b: Spent): Spent => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });

interface ScaleRow {
  n: number;
  sentences: number;
  keys: number;
  nearPairs: number;
  textMs: Spent;
  splitMs: Spent;
  indexMs: Spent;
  perNoticeMs: Spent;
  bytes: number;
  /** Sentences by origin over all notices. */
  origins: { carried: number; rewritten: number; new: number };
}

function scaleOnce(n: number, vary: number): ScaleRow {
  const out = join(tmpdir(), `zly-lineage-scale-${n}`);
  generateSyntheticArchive({ n, out, vary });
  const dir = join(out, "content", "notices");
  let textMs: Spent = { wall: 0, cpu: 0 };
  let splitMs: Spent = { wall: 0, cpu: 0 };
  const notices: LineageNotice[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name);
    const { frontmatterText, body } = splitMdx(file, readFileSync(file, "utf8"));
    const data = NoticeSchema.parse(yaml.load(frontmatterText));
    let done = clock();
    const blocks = bodyBlocks(body);
    textMs = add(textMs, done());
    done = clock();
    const sentences = blockSentences(blocks);
    splitMs = add(splitMs, done());
    notices.push({
      id: name.slice(0, -4),
      year: data.year,
      level: data.level,
      date: data.signedDate,
      sentences,
    });
  }
  rmSync(out, { recursive: true, force: true });
  let done = clock();
  const index = buildLineage(notices);
  const indexMs = done();
  done = clock();
  let bytes = 0;
  const origins = { carried: 0, rewritten: 0, new: 0 };
  for (const notice of notices) {
    const sentences = noticeLineage(index, notice.id);
    const summary = summarize(index, sentences);
    bytes += JSON.stringify({ summary, sentences }).length;
    origins.carried += summary.carried;
    origins.rewritten += summary.rewritten;
    origins.new += summary.new;
  }
  const perNoticeMs = done();
  return {
    n,
    sentences: [...index.units.values()].reduce((s, u) => s + u.length, 0),
    keys: index.keys.length,
    nearPairs: index.earlier.reduce((s, l) => s + l.length, 0),
    textMs,
    splitMs,
    indexMs,
    perNoticeMs,
    bytes,
    origins,
  };
}

function scale(sizes: number[], vary: number, rounds: number): Part {
  const lineage = (r: ScaleRow) => add(add(r.splitMs, r.indexMs), r.perNoticeMs);
  const lineageMs = (r: ScaleRow) => lineage(r).cpu;
  // CPU time too grows with the neighbours' load (caches shared with them): the sizes are
  // measured in turn, round after round, and each keeps its least, as the build part does.
  const least = new Map<number, ScaleRow>();
  for (let round = 1; round <= rounds; round++) {
    for (const n of sizes) {
      console.log(`Round ${round}: lineage of ${n} synthetic notices …`);
      const row = scaleOnce(n, vary);
      console.log(
        `  CPU: text model ${seconds(row.textMs.cpu)}; lineage: sentences ${seconds(row.splitMs.cpu)}, index ${seconds(row.indexMs.cpu)}, per notice ${seconds(row.perNoticeMs.cpu)}; lineage ${seconds(lineageMs(row))} (wall ${seconds(lineage(row).wall)})`,
      );
      const known = least.get(n);
      if (!known || lineageMs(row) < lineageMs(known)) least.set(n, row);
    }
  }
  const rows = sizes.map((n) => least.get(n)!);
  const byN = new Map(rows.map((r) => [r.n, r]));
  const k1 = byN.get(1000);
  const k10 = byN.get(10000);
  const growth = k1 && k10 ? lineageMs(k10) / lineageMs(k1) : undefined;
  const lines = [
    `Lineage computed in one process from the synthetic notices' MDX (--vary ${vary}); the text model is the build's own (its time shown apart: the build computes it anyway for the open data). Times are CPU time of this process (user + system), the least of ${rounds} round(s) for each size: the machine is shared, and the wall clock (shown for the total) moves with its load.`,
    "",
    "| notices | sentences | distinct | near links (each to an earlier key) | text model | cutting sentences | index | every notice's lineage (JSON) | lineage total | per notice |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.n.toLocaleString("en")} | ${r.sentences.toLocaleString("en")} | ${r.keys.toLocaleString("en")} | ${r.nearPairs.toLocaleString("en")} | ${seconds(r.textMs.cpu)} | ${ms(r.splitMs.cpu)} | ${seconds(r.indexMs.cpu)} | ${seconds(r.perNoticeMs.cpu)} (${(r.bytes / 2 ** 20).toFixed(0)} MB) | **${seconds(lineageMs(r))}** (wall ${seconds(lineage(r).wall)}) | ${(lineageMs(r) / r.n).toFixed(2)} ms |`,
    ),
  ];
  const last = rows.at(-1);
  if (last) {
    const { carried, rewritten, new: fresh } = last.origins;
    const all = carried + rewritten + fresh;
    const share = (x: number) => `${((100 * x) / all).toFixed(0)} %`;
    lines.push(
      "",
      `At ${last.n.toLocaleString("en")}: ${share(carried)} of sentences carried, ${share(rewritten)} rewritten, ${share(fresh)} new (2022 Hainan against the archive: 29 %, 36 %, 34 %).`,
    );
  }
  const ok = growth === undefined || growth <= GROWTH_BUDGET;
  if (growth !== undefined)
    lines.push(
      "",
      `Growth: lineage CPU time(10,000) / time(1,000) = ${growth.toFixed(2)} (budget ≤ ${GROWTH_BUDGET}) — ${ok ? "within budget" : "OVER BUDGET"}.`,
    );
  return { lines, ok };
}

/* ───────────────────────────── 2. build ───────────────────────────── */

/** Takes lineage out of a copy of the code: its routes, the /check/ page, the notice-page view. */
function withoutLineage(work: string): void {
  for (const path of [
    "src/pages/api/lineage",
    "src/pages/api/schema/lineage.schema.json.ts",
    "src/pages/check",
  ])
    rmSync(join(work, path), { recursive: true, force: true });
  writeFileSync(join(work, "src/components/notice/Lineage.astro"), "---\n---\n");
  // /data/ lists the lineage files: point its links at pages that exist, so the build's checks pass.
  const data = join(work, "src/pages/data/index.astro");
  writeFileSync(data, readFileSync(data, "utf8").replace(/lineagePath\(([^)]*)\)/g, "noticePaths($1).json"));
}

/** Where the build part builds and keeps its sites (--work): another folder keeps a branch's apart. */
let WORK_ROOT = join(tmpdir(), "zly-bench-lineage");
const SITE_N = 2000;

async function build(vary: number, rounds: number): Promise<Part> {
  mkdirSync(WORK_ROOT, { recursive: true });
  // Peer and full builds alternate, so that a change in the machine's load falls on both.
  const peers: BuildRow[] = [];
  const fulls: BuildRow[] = [];
  for (let round = 1; round <= rounds; round++) {
    console.log(`Round ${round}: ${SITE_N} synthetic notices without lineage …`);
    peers.push(await buildOnce(SITE_N, WORK_ROOT, false, { name: "peer", vary, prune: withoutLineage }));
    console.log(`  ${seconds(peers.at(-1)!.ms)}, CPU ${seconds(peers.at(-1)!.cpuMs ?? 0)}`);
    console.log(`Round ${round}: ${SITE_N} synthetic notices with lineage (kept for --part check) …`);
    fulls.push(await buildOnce(SITE_N, WORK_ROOT, true, { name: "full", vary }));
    console.log(`  ${seconds(fulls.at(-1)!.ms)}, CPU ${seconds(fulls.at(-1)!.cpuMs ?? 0)}`);
  }
  const least = (rows: BuildRow[], f: (r: BuildRow) => number) => Math.min(...rows.map(f));
  const cpu = (r: BuildRow) => r.cpuMs ?? r.ms;
  const share = least(fulls, cpu) / least(peers, cpu) - 1;
  const wallShare = least(fulls, (r) => r.ms) / least(peers, (r) => r.ms) - 1;
  const ok = share <= BUILD_SHARE_BUDGET;
  const peer = peers[0]!;
  const full = fulls[0]!;
  const step = (r: BuildRow) =>
    r.report
      .map((l) =>
        l
          .trim()
          .replace(/^✓\s+/, "")
          .replace(/\s{2,}/g, " "),
      )
      .join(" · ");
  const row = (label: string, rows: BuildRow[]) =>
    `| ${label} | ${rows.map((r) => seconds(r.ms)).join(", ")} | ${rows.map((r) => seconds(cpu(r))).join(", ")} | ${rows[0]!.pages.toLocaleString("en")} | ${(rows[0]!.bytes / 2 ** 20).toFixed(1)} MB |`;
  return {
    ok,
    lines: [
      `The real build (scripts/build/build.ts) of ${SITE_N.toLocaleString("en")} synthetic notices (--vary ${vary}), without and with lineage in turn, ${rounds} round(s). CPU time (user + system of the build and every process it waits for, GNU time) is the measure: the machine is shared, and its load moves the wall clock by more than the difference measured.`,
      "",
      "| build | wall clock | CPU time | pages | output |",
      "| --- | --- | --- | --- | --- |",
      row("without lineage (peer)", peers),
      row("with lineage", fulls),
      "",
      `Lineage adds ${(share * 100).toFixed(1)} % CPU time to the build (least of each; wall clock ${(wallShare * 100).toFixed(1)} %; budget ≤ ${BUILD_SHARE_BUDGET * 100} %) — ${ok ? "within budget" : "OVER BUDGET"}.`,
      `Steps without: ${step(peer)}`,
      `Steps with: ${step(full)}`,
    ],
  };
}

/* ───────────────────────────── 3. check ───────────────────────────── */

/** A draft of about `chars` characters: sentences of the synthetic notices, some reworded, some new. */
function draftFrom(site: string, chars: number): string {
  const random = rng(17);
  const data = JSON.parse(readFileSync(join(site, "check", "data.json"), "utf8")) as {
    sentences: [string][];
  };
  // Running text only: a sentence that opens with 抄送： (the synthetic notices print their 版记
  // too) would make the importer read every line after it as the draft's 版记.
  const pool = data.sentences.map(([text]) => text).filter((t) => t.length > 12 && !IMPRINT_LABEL.test(t));
  const lines: string[] = ["关于开展2031年全省“质量月”活动的通知", ""];
  let size = 0;
  while (size < chars) {
    const s = pool[Math.floor(random() * pool.length)]!;
    const r = random();
    // A third as printed, a third reworded (a few characters changed), a third new (clauses mixed).
    const line =
      r < 0.34
        ? s
        : r < 0.67
          ? Array.from(s, (c, i) => (i % 9 === 4 ? "新" : c)).join("")
          : `${s.slice(0, Math.floor(s.length / 2))}${pool[Math.floor(random() * pool.length)]!.slice(-Math.floor(s.length / 2))}`;
    lines.push(line);
    size += line.length;
  }
  return lines.join("\n");
}

interface CheckRun {
  /** The page's own time: data loaded, then draft checked and report rendered. */
  ms: number;
  /** First script → report, with the benchmark's filling of the box and its click. */
  span: number;
  /** Of `ms`: first script → data ready; the rest is checking, rendering and painting. */
  data: number;
  fromNavigation: number;
  bytes: number;
  sentences: number;
}

async function check(): Promise<Part> {
  const site = join(WORK_ROOT, `build-${SITE_N}-full`, "dist");
  if (!existsSync(join(site, "check", "index.html")))
    throw new Error(`${site} holds no built site: run --part build first (it keeps its site)`);
  const draft = draftFrom(site, DRAFT_CHARS);
  const missing = nginxMissing();
  const server = missing
    ? await startServer({ root: site, port: 0 })
    : await startNginx({ dist: site, runtime: join(tmpdir(), `zly-bench-lineage-nginx-${process.pid}`) });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const searchMs: number[] = [];
  const runs: CheckRun[] = [];
  let heaviest = { path: "", bytes: 0 };
  try {
    console.log(`Cold searches (${FIXED_QUERIES.length} queries) …`);
    for (const q of FIXED_QUERIES)
      searchMs.push((await coldRun(browser, `${server.url}search/`, q, "all")).timing.total);
    console.log(`Cold /check/ with a ${draft.length}-character draft …`);
    for (let i = 0; i < 7; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let bytes = 0;
      page.on(
        "requestfinished",
        (request) => void request.sizes().then((s) => (bytes += s.responseBodySize)),
      );
      await page.goto(`${server.url}check/`);
      await page.waitForSelector("[data-check-form]:not([hidden])");
      await page.fill("[data-check-text]", draft);
      await page.click(".check-submit");
      await page.waitForFunction(() => performance.getEntriesByName("check:shown").length > 0, null, {
        timeout: 120_000,
      });
      await page.waitForLoadState("networkidle");
      const t = await page.evaluate(() => {
        const at = (name: string) => performance.getEntriesByName(name).at(-1)!.startTime;
        // The page's own time, as for a draft submitted the moment the page's script started:
        // loading the data, then checking, rendering and painting the report (check:shown). Playwright's filling of the box and its
        // click fall between and are not the page's (the span with them is kept as `span`).
        const data = at("check:data");
        return {
          ms: data - at("check:start") + at("check:shown") - Math.max(data, at("check:run")),
          span: at("check:shown") - at("check:start"),
          data: data - at("check:start"),
          fromNavigation: at("check:shown"),
          sentences: document.querySelectorAll("[data-check-sentences] > li").length,
        };
      });
      runs.push({ ...t, bytes });
      console.log(
        `  ${ms(t.ms)} (data ${ms(t.data)}, check and report ${ms(t.ms - t.data)}; with the benchmark's typing ${ms(t.span)}; ${ms(t.fromNavigation)} from navigation), ${kb(bytes)}, ${t.sentences} sentences`,
      );
      await context.close();
    }
    console.log("Notice pages before the lineage view is opened …");
    const random = rng(3);
    const years = readdirSync(site).filter((d) => /^\d{4}$/.test(d));
    for (let i = 0; i < 12; i++) {
      const year = years[Math.floor(random() * years.length)]!;
      const slugs = readdirSync(join(site, year), { withFileTypes: true }).filter((e) => e.isDirectory());
      const path = `${year}/${slugs[Math.floor(random() * slugs.length)]!.name}/`;
      const w = await weigh(browser, server.url + path, Boolean(missing));
      if (w.bytes > heaviest.bytes) heaviest = { path, bytes: w.bytes };
    }
  } finally {
    await browser.close();
    await ("stop" in server ? server.stop() : server.close());
  }
  const searchMedian = pct(searchMs, 0.5);
  const checkMedian = pct(
    runs.map((r) => r.ms),
    0.5,
  );
  const bytesMax = Math.max(...runs.map((r) => r.bytes));
  const timeOk = checkMedian <= CHECK_TIME_FACTOR * searchMedian;
  const bytesOk = bytesMax <= CHECK_BYTES_BUDGET;
  const weightOk = heaviest.bytes <= NOTICE_BUDGET;
  const dataBytes = readFileSync(join(site, "check", "data.json")).length;
  const dataBr = existsSync(join(site, "check", "data.json.br"))
    ? readFileSync(join(site, "check", "data.json.br")).length
    : 0;
  return {
    ok: timeOk && bytesOk && weightOk,
    lines: [
      `${SITE_N.toLocaleString("en")} synthetic notices served by ${missing ? "scripts/serve/serve.ts (no compression)" : "nginx with deploy/nginx.conf, precompressed"}; headless Chromium, fresh context per page. ${cjkFontFamilies().length ? "CJK fonts installed." : "No CJK font."}`,
      "",
      "| measure | median | max | budget |",
      "| --- | --- | --- | --- |",
      `| cold search, search start → first results (${searchMs.length} queries) | ${ms(searchMedian)} | ${ms(Math.max(...searchMs))} | |`,
      `| /check/, ${draft.length.toLocaleString("en")}-character draft: data loaded, then draft checked and report shown, from the first script (${runs.length} runs) | **${ms(checkMedian)}** | ${ms(Math.max(...runs.map((r) => r.ms)))} | ≤ ${CHECK_TIME_FACTOR} × search = ${ms(CHECK_TIME_FACTOR * searchMedian)} — ${timeOk ? "met" : "MISSED"} |`,
      `| … first script → full report with the benchmark's filling of the box and its click between | ${ms(
        pct(
          runs.map((r) => r.span),
          0.5,
        ),
      )} | ${ms(Math.max(...runs.map((r) => r.span)))} | |`,
      `| … from navigation start | ${ms(
        pct(
          runs.map((r) => r.fromNavigation),
          0.5,
        ),
      )} | ${ms(Math.max(...runs.map((r) => r.fromNavigation)))} | |`,
      `| /check/ bytes fetched, page to report and Word reader (bodies as transferred) | ${kb(
        pct(
          runs.map((r) => r.bytes),
          0.5,
        ),
      )} | **${kb(bytesMax)}** | ≤ 2,048 KB — ${bytesOk ? "met" : "MISSED"} |`,
      `| heaviest of 12 sampled notice pages, lineage view closed | | **${kb(heaviest.bytes)}** (/${heaviest.path}) | ≤ 100 KB — ${weightOk ? "met" : "MISSED"} |`,
      "",
      `check/data.json: ${kb(dataBytes)} as stored, ${kb(dataBr)} Brotli; the draft has ${runs[0]?.sentences ?? 0} sentences.`,
    ],
  };
}

/* ───────────────────────────── main ───────────────────────────── */

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      part: { type: "string" },
      sizes: { type: "string", default: "1000,2000,10000" },
      vary: { type: "string", default: "0.6" },
      rounds: { type: "string", default: "1" },
      work: { type: "string" },
    },
  });
  if (values.work) WORK_ROOT = values.work;
  const vary = Number(values.vary);
  const sizes = values.sizes.split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--sizes: expected notice counts such as 1000,10000, received “${values.sizes}”`);
  if (!(vary >= 0 && vary <= 1))
    throw new Error(`--vary: a share between 0 and 1, received “${values.vary}”`);
  const { part, write } = benchReport("###");
  if (!values.part || values.part === "scale")
    await part("Lineage at scale", () => Promise.resolve(scale(sizes, vary, Number(values.rounds))));
  if (!values.part || values.part === "build")
    await part("Lineage in the build", () => build(vary, Number(values.rounds)));
  // Only the site the check part reads (no peer, no verdict): for a branch that changes /check/.
  if (values.part === "site") {
    mkdirSync(WORK_ROOT, { recursive: true });
    const row = await buildOnce(SITE_N, WORK_ROOT, true, { name: "full", vary });
    console.log(
      `${SITE_N} notices with lineage in ${join(WORK_ROOT, `build-${SITE_N}-full`)}: ${seconds(row.ms)}`,
    );
    return;
  }
  if (!values.part || values.part === "check") await part("/check/ and notice pages", check);
  write(root, "bench-lineage.md");
}

if (import.meta.main) await main();
