/**
 * Builds the site's search index from the built notice pages (docs/search.md):
 *
 *   {site}/pagefind/                  Pagefind's bundle: one record per notice (src/search/core.ts),
 *                                     one Pagefind language per shard of at most SHARD_SIZE notices
 *   {site}/search-data/search.json    the shards' languages, the traditional → simplified map
 *                                     for the characters the archive uses, the catalogue years
 *   {site}/search-data/text/{id}.bin  each notice's sections (anchor, label, original text), gzipped
 *
 * Each shard is indexed by its own process (scripts/search/shard.ts), two or more side by side,
 * so that Pagefind's memory is bounded by the shard, not the archive.
 *
 * Called by scripts/build/build.ts after Astro; also runnable on any built site:
 *
 *   node scripts/search/index.ts <site-dir> [<project-root>]
 *
 * The text indexed is the page's `[data-pagefind-body]` (src/search/sections.ts); the
 * notice's metadata (level, region, issuers, and the fields the scopes search: title, theme,
 * slogans, docNumber) comes from its MDX frontmatter in `<project-root>/content/notices`, the
 * issuers' names from the registry, the catalogue years from content/catalog/
 * (scripts/search/records.ts).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, tmpdir, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import { SHARD_SIZE, shardLanguage, shardRanges } from "../../src/search/core.ts";
import {
  SEARCH_CONFIG_PATH,
  SEARCH_DATA_DIR,
  SEARCH_TEXT_DIR,
  type SearchConfigFile,
} from "../../src/search/config.ts";
import { normalize, serializeT2S } from "../../src/search/normalize.ts";
import { dirSize } from "../util/fs-size.ts";
import { pool } from "../util/pool.ts";
import { catalogRecords, listIndexedNotices } from "./records.ts";
import type { ShardJob, ShardResult } from "./shard.ts";

/**
 * Traditional/variant → simplified, restricted to what can matter: characters the archive does
 * not use whose simplified form it does use (OpenCC's character tables, Taiwan and Hong Kong
 * variants included). Any other traditional character cannot match anything either way.
 */
export async function buildT2S(archiveChars: ReadonlySet<string>): Promise<Map<string, string>> {
  const opencc = await import("opencc-js/t2cn");
  const dicts = await Promise.all(
    ["TSCharacters", "TWVariantsRev", "HKVariantsRev"].map(
      async (name) => (await import(`opencc-js/dict/${name}`)) as { default: string },
    ),
  );
  const candidates = new Set<string>();
  for (const { default: dict } of dicts) {
    for (const entry of dict.split("|")) {
      const from = entry.split(" ", 1)[0]!;
      if (Array.from(from).length === 1) candidates.add(from);
    }
  }
  const converters = (["tw", "hk"] as const).map((from) => opencc.Converter({ from, to: "cn" }));
  const map = new Map<string, string>();
  for (const c of [...candidates].sort()) {
    if (archiveChars.has(c)) continue;
    for (const convert of converters) {
      const s = normalize(convert(c));
      if (s !== c && Array.from(s).length === 1 && archiveChars.has(s)) {
        map.set(c, s);
        break;
      }
    }
  }
  return map;
}

export interface SearchIndexReport {
  notices: number;
  sections: number;
  shards: number;
  t2sPairs: number;
  /** Bytes of the Pagefind bundle's index files (pf_meta, index and filter chunks). */
  indexBytes: number;
  textBytes: number;
  ms: number;
}

/** Notices per shard: SHARD_SIZE, or SEARCH_SHARD_SIZE (tests build several shards of a small archive). */
export function shardSize(): number {
  const given = Number(process.env.SEARCH_SHARD_SIZE);
  return Number.isInteger(given) && given > 0 ? given : SHARD_SIZE;
}

/**
 * Shards indexed at once: one per core, and no more than memory allows (a shard of SHARD_SIZE
 * notices peaks near 6 GB in Pagefind).
 */
function shardConcurrency(shards: number): number {
  return Math.max(1, Math.min(shards, availableParallelism(), Math.floor(totalmem() / 8e9)));
}

/** Runs one shard in its own process (scripts/search/shard.ts); resolves with its report. */
function runShard(job: ShardJob, jobFile: string): Promise<ShardResult> {
  writeFileSync(jobFile, JSON.stringify(job));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, "shard.ts"), jobFile], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    child.on("error", fail);
    child.on("exit", (code, signal) => {
      if (code === 0) {
        done(JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as ShardResult);
        return;
      }
      const why =
        signal === "SIGKILL" || code === 13
          ? "its Pagefind process stopped without answering (killed for lack of memory? see dmesg; lower SEARCH_SHARD_SIZE)"
          : signal
            ? `it was killed by ${signal}`
            : `it exited with code ${code} (its error is printed above)`;
      fail(new Error(`shard ${job.shard} (${job.notices.length} notices): ${why}`));
    });
  });
}

/** Pagefind's pagefind-entry.json. */
interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters: string[];
}

/**
 * Puts the shards' Pagefind output together as one bundle: every shard's index chunks, filters
 * and metadata (their names start with the shard's language, so they cannot collide), shard 0's
 * runtime, and one pagefind-entry.json naming every shard's language. Pagefind's fragments
 * (record contents, for its own excerpts) are dropped: this site never fetches them.
 */
function assembleBundle(bundle: string, shardDirs: string[]): PagefindEntry {
  mkdirSync(join(bundle, "index"), { recursive: true });
  const entry: PagefindEntry = {
    version: "",
    languages: {},
    include_characters: [],
  };
  const move = (from: string, to: string) => {
    if (existsSync(to)) throw new Error(`search index: two shards wrote ${relative(bundle, to)}`);
    renameSync(from, to);
  };
  for (const [k, dir] of shardDirs.entries()) {
    const own = JSON.parse(readFileSync(join(dir, "pagefind-entry.json"), "utf8")) as typeof entry;
    if (k === 0) entry.version = own.version;
    else if (own.version !== entry.version)
      throw new Error(
        `search index: shard ${k} was built by Pagefind ${own.version}, shard 0 by ${entry.version}`,
      );
    Object.assign(entry.languages, own.languages);
    entry.include_characters = own.include_characters;
    for (const sub of ["index", "filter"]) {
      if (!existsSync(join(dir, sub))) continue; // no filters: no filter directory
      mkdirSync(join(bundle, sub), { recursive: true });
      for (const f of readdirSync(join(dir, sub))) move(join(dir, sub, f), join(bundle, sub, f));
    }
    for (const f of readdirSync(dir)) {
      if (f === "index" || f === "filter" || f === "fragment" || f === "pagefind-entry.json") continue;
      if (f.endsWith(".pf_meta")) move(join(dir, f), join(bundle, f));
      else if (k === 0) move(join(dir, f), join(bundle, f));
    }
  }
  writeFileSync(join(bundle, "pagefind-entry.json"), JSON.stringify(entry));
  return entry;
}

/**
 * What search.json tells the page about Pagefind's files: a tag for the entry file (its
 * content hash), and the files every search fetches first (entry, each shard's metadata, the
 * WebAssembly), which the page fetches at once instead of one after another.
 */
function pagefindStart(entry: PagefindEntry): Pick<SearchConfigFile, "entryTag" | "preload"> {
  const entryTag = createHash("sha256").update(JSON.stringify(entry)).digest("hex").slice(0, 16);
  const languages = Object.values(entry.languages);
  return {
    entryTag,
    preload: [
      `pagefind/pagefind-entry.json?ts=${entryTag}`,
      ...languages.map((l) => `pagefind/pagefind.${l.hash}.pf_meta`),
      ...new Set(languages.map((l) => `pagefind/wasm.${l.wasm ?? "unknown"}.pagefind`)),
    ],
  };
}

/** Builds {site}/pagefind and {site}/search-data for the site built from `root`'s content. */
export async function buildSearchIndex(site: string, root: string): Promise<SearchIndexReport> {
  const t0 = performance.now();
  const notices = listIndexedNotices(site, root);
  if (!notices.length) throw new Error("search index: no notices to index");

  const dataDir = join(site, SEARCH_DATA_DIR);
  const bundle = join(site, "pagefind");
  for (const dir of [dataDir, bundle]) rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(site, SEARCH_TEXT_DIR), { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "zly-search-"));
  try {
    const jobs: ShardJob[] = shardRanges(notices.length, shardSize()).map(([from, to], k) => ({
      site,
      out: join(work, `shard-${k}`),
      shard: k,
      language: shardLanguage(k),
      notices: notices.slice(from, to).map((n, i) => ({ ...n, ordinal: from + i })),
    }));
    const results = await pool(jobs, shardConcurrency(jobs.length), (job, k) =>
      runShard(job, join(work, `shard-${k}.json`)),
    );
    const entry = assembleBundle(
      bundle,
      jobs.map((j) => j.out),
    );

    const archiveChars = new Set<string>();
    for (const r of results) for (const c of r.chars) archiveChars.add(c);
    const catalog = catalogRecords(root, notices);
    for (const n of notices)
      for (const f of [n.title, n.theme, n.docNumber, ...(n.slogans ?? []), ...n.issuerNames.flat()])
        for (const c of normalize(f ?? "")) archiveChars.add(c);
    for (const r of catalog) for (const c of normalize(`${r.theme}${r.docNumber ?? ""}`)) archiveChars.add(c);
    const t2s = await buildT2S(archiveChars);
    const config: SearchConfigFile = {
      pairs: serializeT2S(t2s),
      shards: jobs.map((j, k) => ({ language: j.language, pages: results[k]!.pages })),
      ...pagefindStart(entry),
      catalog,
    };
    writeFileSync(join(site, SEARCH_CONFIG_PATH), JSON.stringify(config));

    return {
      notices: notices.length,
      sections: results.reduce((sum, r) => sum + r.sections, 0),
      shards: jobs.length,
      t2sPairs: t2s.size,
      indexBytes: indexBytes(bundle),
      textBytes: dirSize(dataDir).bytes,
      ms: performance.now() - t0,
    };
  } catch (error) {
    for (const dir of [dataDir, bundle]) rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** search.json of a built site, as written above (for the benchmark and the tests). */
export function readSearchConfigFile(site: string): SearchConfigFile {
  return JSON.parse(readFileSync(join(site, SEARCH_CONFIG_PATH), "utf8")) as SearchConfigFile;
}

/** Bytes of Pagefind's index files (metadata, index and filter chunks). */
function indexBytes(bundle: string): number {
  return readdirSync(bundle, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(pf_meta|pf_index|pf_filter)$/.test(f))
    .reduce((sum, f) => sum + statSync(join(bundle, f)).size, 0);
}

if (import.meta.main) {
  const site = resolve(process.argv[2] ?? "dist");
  const root = resolve(process.argv[3] ?? join(import.meta.dirname, "..", ".."));
  const r = await buildSearchIndex(site, root);
  console.log(
    `${r.notices} notices, ${r.sections} sections indexed in ${r.shards} shard(s), ${(r.ms / 1000).toFixed(1)} s; ` +
      `index ${(r.indexBytes / 1e6).toFixed(2)} MB, texts ${(r.textBytes / 1e6).toFixed(2)} MB, ` +
      `${r.t2sPairs} traditional → simplified pairs`,
  );
}
