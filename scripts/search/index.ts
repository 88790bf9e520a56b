/**
 * Builds the site's search index from the built notice pages (docs/search.md):
 *
 *   {site}/pagefind/                  Pagefind's bundle: one record per notice (src/search/core.ts),
 *                                     one Pagefind language per shard of at most SHARD_SIZE notices
 *   {site}/search-data/search.json    the shards' languages, and the traditional → simplified map
 *                                     for the characters the archive uses
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
 * notice's metadata (level, region, issuers, title, theme, docNumber) comes from its MDX
 * frontmatter in `<project-root>/content/notices`.
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
import { gunzipSync } from "node:zlib";
import yaml from "js-yaml";
import { listNoticeFiles } from "../../src/archive/files.ts";
import { isGzip } from "../../src/shared/gzip.ts";
import {
  MAX_SHORT_COUNT,
  SEPARATOR,
  SHARD_SIZE,
  shardLanguage,
  shardRanges,
  shortGrams,
  shortToken,
  trigrams,
} from "../../src/search/core.ts";
import {
  SEARCH_CONFIG_PATH,
  SEARCH_DATA_DIR,
  SEARCH_TEXT_DIR,
  type SearchConfigFile,
} from "../../src/search/config.ts";
import { normalize, serializeT2S } from "../../src/search/normalize.ts";
import { extractSections, type SearchSection } from "../../src/search/sections.ts";
import { NoticeSchema } from "../../src/schemas/notice.ts";
import type { Level } from "../../src/shared/levels.ts";
import { dirSize } from "../build/fs-size.ts";
import { pool } from "../build/pool.ts";
import type { ShardJob, ShardResult } from "./shard.ts";

export interface IndexedNotice {
  id: string;
  year: number;
  slug: string;
  level: Level;
  region: string;
  issuers: string[];
  title?: string;
  theme?: string;
  docNumber?: string;
  sections: SearchSection[];
}

/** A held notice as the index needs it, without its text (read by the shard that indexes it). */
export type IndexedNoticeMeta = Omit<IndexedNotice, "sections">;

/** The built notice page of a notice. */
export function noticePage(site: string, n: Pick<IndexedNotice, "year" | "slug">): string {
  return join(site, String(n.year), n.slug, "index.html");
}

/** The held notices (frontmatter only), in id order, each checked to have a built page. */
export function listIndexedNotices(site: string, root: string): IndexedNoticeMeta[] {
  const notices: IndexedNoticeMeta[] = [];
  for (const raw of listNoticeFiles(root)) {
    const data = NoticeSchema.parse(yaml.load(raw.frontmatterText));
    const page = noticePage(site, data);
    if (!existsSync(page))
      throw new Error(`search index: ${raw.file} has no built page ${relative(site, page)}`);
    notices.push({
      id: raw.id,
      year: data.year,
      slug: data.slug,
      level: data.level,
      region: data.region ?? "",
      issuers: data.issuers,
      ...(data.title ? { title: data.title } : {}),
      ...(data.theme ? { theme: data.theme } : {}),
      ...(data.docNumber ? { docNumber: data.docNumber } : {}),
    });
  }
  return notices.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A notice with its built page's sections. */
export function withSections(site: string, n: IndexedNoticeMeta): IndexedNotice {
  return { ...n, sections: extractSections(readFileSync(noticePage(site, n), "utf8")) };
}

/** The held notices with their built pages' sections, in id order. */
export function collectNotices(site: string, root: string): IndexedNotice[] {
  return listIndexedNotices(site, root).map((n) => withSections(site, n));
}

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

/** A notice's Pagefind record: its words (see src/search/core.ts) and where its body starts. */
export function recordContent(notice: IndexedNotice): { words: string[]; bodyStart: number } {
  const words: string[] = [];
  for (const field of [notice.title, notice.theme, notice.docNumber]) {
    const norm = normalize(field ?? "");
    if (!norm) continue;
    words.push(
      ...trigrams(norm),
      ...[...shortGrams(norm).keys()].map(shortToken),
      SEPARATOR,
      SEPARATOR,
      SEPARATOR,
    );
  }
  const bodyStart = words.length;
  const text = notice.sections.map((s) => normalize(s.text)).join("");
  words.push(...trigrams(text), SEPARATOR, SEPARATOR, SEPARATOR);
  for (const [gram, count] of shortGrams(text)) {
    const token = shortToken(gram);
    for (let i = Math.min(count, MAX_SHORT_COUNT); i > 0; i--) words.push(token);
  }
  return { words, bodyStart };
}

/** The per-notice file the search page loads to show excerpts and matching sections. */
export interface NoticeText {
  id: string;
  title?: string;
  docNumber?: string;
  /** [anchor, label, text] per section. */
  s: [string, string, string][];
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
    for (const n of notices)
      for (const f of [n.title, n.theme, n.docNumber])
        for (const c of normalize(f ?? "")) archiveChars.add(c);
    const t2s = await buildT2S(archiveChars);
    const config: SearchConfigFile = {
      pairs: serializeT2S(t2s),
      shards: jobs.map((j, k) => ({ language: j.language, pages: results[k]!.pages })),
      ...pagefindStart(entry),
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

/**
 * The page hash of each of a shard's Pagefind records (a search result's `id`), in the order
 * the records were added, read from its metadata. Checked against the word count of every record:
 * that proves the order, and that positions are character offsets, which holds only if
 * Pagefind kept every word of a record as one word (it splits words at punctuation, which
 * normalised text has none of), so a character it would split fails the build, not a search.
 */
export function readPagefindPages(bundle: string, expectedWords: number[]): string[] {
  const metaFile = readdirSync(bundle).find((f) => f.endsWith(".pf_meta"));
  if (!metaFile) throw new Error("search index: Pagefind wrote no metadata");
  const meta = decodePagefindFile(readFileSync(join(bundle, metaFile))) as [string, [string, number][]];
  const pages = meta[1];
  if (pages.length !== expectedWords.length)
    throw new Error(`search index: Pagefind holds ${pages.length} records, expected ${expectedWords.length}`);
  const wrong = pages.flatMap(([, count], i) =>
    count === expectedWords[i] ? [] : [`record ${i}: ${count} ≠ ${expectedWords[i]}`],
  );
  if (wrong.length)
    throw new Error(
      `search index: Pagefind split, dropped or reordered words (${wrong.slice(0, 3).join("; ")})`,
    );
  return pages.map(([hash]) => hash);
}

/** Decodes a Pagefind index file (gzip, "pagefind_dcd" signature, CBOR). */
export function decodePagefindFile(bytes: Uint8Array): unknown {
  let buf = Buffer.from(bytes);
  if (isGzip(buf)) buf = gunzipSync(buf);
  if (buf.subarray(0, 12).toString() === "pagefind_dcd") buf = buf.subarray(12);
  return decodeCbor(buf);
}

/** A minimal CBOR decoder (the subset Pagefind writes). */
export function decodeCbor(buf: Uint8Array): unknown {
  let i = 0;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return buf[i++]!;
    if (info === 25) return ((i += 2), view.getUint16(i - 2));
    if (info === 26) return ((i += 4), view.getUint32(i - 4));
    if (info === 27) return ((i += 8), Number(view.getBigUint64(i - 8)));
    throw new Error(`CBOR: unsupported length ${info}`);
  };
  const item = (): unknown => {
    const byte = buf[i++]!;
    const major = byte >> 5;
    const info = byte & 31;
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2: {
        const n = length(info);
        return buf.subarray((i += n) - n, i);
      }
      case 3: {
        const n = length(info);
        return new TextDecoder().decode(buf.subarray((i += n) - n, i));
      }
      case 4:
        return Array.from({ length: length(info) }, () => item());
      case 5: {
        const n = length(info);
        const o: Record<string, unknown> = {};
        for (let k = 0; k < n; k++) o[String(item())] = item();
        return o;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        if (info === 26) return ((i += 4), view.getFloat32(i - 4));
        if (info === 27) return ((i += 8), view.getFloat64(i - 8));
        throw new Error(`CBOR: unsupported simple value ${info}`);
      default:
        throw new Error(`CBOR: unsupported major type ${major}`);
    }
  };
  return item();
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
