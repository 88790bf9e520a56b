/**
 * Builds the site's search index from the built notice pages (docs/search.md):
 *
 *   {site}/pagefind/                  Pagefind's bundle: one record per notice (src/lib/search-core.ts)
 *   {site}/search-data/t2s.json       traditional → simplified map for the characters the archive uses
 *   {site}/search-data/text/{id}.bin  each notice's sections (anchor, label, original text), gzipped
 *
 * Called by scripts/build.ts after Astro; also runnable on any built site:
 *
 *   node scripts/search-index.ts <site-dir> [<project-root>]
 *
 * The text indexed is the page's `[data-pagefind-body]` (src/lib/search-sections.ts); the
 * notice's metadata (level, region, issuers, title, theme, docNumber) comes from its MDX
 * frontmatter in `<project-root>/content/notices`.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { gzipSync, gunzipSync } from "node:zlib";
import yaml from "js-yaml";
import { listNoticeFiles } from "../src/lib/content-files.ts";
import {
  KEY_FILTER,
  MAX_SHORT_COUNT,
  ORDER_SORT,
  SEPARATOR,
  formatKey,
  formatOrdinal,
  shortGrams,
  shortToken,
  trigrams,
} from "../src/lib/search-core.ts";
import { normalize, serializeT2S } from "../src/lib/search-normalize.ts";
import { extractSections, type SearchSection } from "../src/lib/search-sections.ts";
import { NoticeSchema } from "../src/schemas/notice.ts";

/** Where the search page and the highlighter find the search's own files (under the base path). */
export const SEARCH_DATA_DIR = "search-data";

export interface IndexedNotice {
  id: string;
  year: number;
  slug: string;
  level: "national" | "provincial" | "municipal";
  region: string;
  issuers: string[];
  title?: string;
  theme?: string;
  docNumber?: string;
  sections: SearchSection[];
}

/** The held notices with their built pages' sections, in id order. */
export function collectNotices(site: string, root: string): IndexedNotice[] {
  const notices: IndexedNotice[] = [];
  for (const raw of listNoticeFiles(root)) {
    const data = NoticeSchema.parse(yaml.load(raw.frontmatterText));
    const page = join(site, String(data.year), data.slug, "index.html");
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
      sections: extractSections(readFileSync(page, "utf8")),
    });
  }
  return notices.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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

/** A notice's Pagefind record: its words (see src/lib/search-core.ts) and where its body starts. */
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
  t2sPairs: number;
  /** Bytes of the Pagefind bundle's index files (pf_meta, index chunks, filters). */
  indexBytes: number;
  /** Bytes of Pagefind's fragments (written but never fetched by this site). */
  fragmentBytes: number;
  textBytes: number;
  ms: number;
}

function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    total += e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  }
  return total;
}

/** Builds {site}/pagefind and {site}/search-data for the site built from `root`'s content. */
export async function buildSearchIndex(site: string, root: string): Promise<SearchIndexReport> {
  const t0 = performance.now();
  const notices = collectNotices(site, root);
  if (!notices.length) throw new Error("search index: no notices to index");

  const archiveChars = new Set<string>();
  for (const n of notices) {
    for (const s of n.sections) for (const c of normalize(s.text)) archiveChars.add(c);
    for (const f of [n.title, n.theme, n.docNumber]) for (const c of normalize(f ?? "")) archiveChars.add(c);
  }
  const t2s = await buildT2S(archiveChars);

  const dataDir = join(site, SEARCH_DATA_DIR);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(join(dataDir, "text"), { recursive: true });
  writeFileSync(join(dataDir, "t2s.json"), JSON.stringify({ pairs: serializeT2S(t2s) }));
  for (const n of notices) {
    const text: NoticeText = {
      id: n.id,
      ...(n.title ? { title: n.title } : {}),
      ...(n.docNumber ? { docNumber: n.docNumber } : {}),
      s: n.sections.map((s) => [s.anchor, s.label, s.text]),
    };
    writeFileSync(join(dataDir, "text", `${n.id}.bin`), gzipSync(JSON.stringify(text), { level: 9 }));
  }

  const pagefind = await import("pagefind");
  const outputPath = join(site, "pagefind");
  rmSync(outputPath, { recursive: true, force: true });
  const expectedWords: number[] = [];
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "und" });
    if (!index || errors.length) throw new Error(`Pagefind could not create an index: ${errors.join("; ")}`);
    for (const [ordinal, n] of notices.entries()) {
      const { words, bodyStart } = recordContent(n);
      const key = formatKey({
        ordinal,
        id: n.id,
        bodyStart,
        level: n.level,
        region: n.region,
        issuers: n.issuers,
      });
      const added = await index.addCustomRecord({
        url: `/${n.year}/${n.slug}/`,
        content: words.join(" "),
        language: "und",
        filters: { [KEY_FILTER]: [key] },
        sort: { [ORDER_SORT]: formatOrdinal(ordinal) },
      });
      if (added.errors.length)
        throw new Error(`Pagefind could not index ${n.id}: ${added.errors.join("; ")}`);
      expectedWords.push(words.length);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length)
      throw new Error(`Pagefind could not write its files: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
  verifyWordCounts(outputPath, expectedWords);

  return {
    notices: notices.length,
    sections: notices.reduce((sum, n) => sum + n.sections.length, 0),
    t2sPairs: t2s.size,
    indexBytes:
      dirBytes(join(outputPath, "index")) + dirBytes(join(outputPath, "filter")) + metaBytes(outputPath),
    fragmentBytes: dirBytes(join(outputPath, "fragment")),
    textBytes: dirBytes(dataDir),
    ms: performance.now() - t0,
  };
}

function metaBytes(bundle: string): number {
  return readdirSync(bundle)
    .filter((f) => f.endsWith(".pf_meta"))
    .reduce((sum, f) => sum + statSync(join(bundle, f)).size, 0);
}

/**
 * Positions are character offsets only if Pagefind kept every word of a record as one word
 * (it splits words at punctuation, which normalised text has none of). Checked against the
 * word counts Pagefind recorded, so a character it would split fails the build, not a search.
 */
function verifyWordCounts(bundle: string, expected: number[]): void {
  const metaFile = readdirSync(bundle).find((f) => f.endsWith(".pf_meta"));
  if (!metaFile) throw new Error("search index: Pagefind wrote no metadata");
  const meta = decodePagefindFile(readFileSync(join(bundle, metaFile))) as [string, [string, number][]];
  const pages = meta[1];
  if (pages.length !== expected.length)
    throw new Error(`search index: Pagefind holds ${pages.length} records, expected ${expected.length}`);
  const wrong = pages.flatMap(([, count], i) =>
    count === expected[i] ? [] : [`record ${i}: ${count} ≠ ${expected[i]}`],
  );
  if (wrong.length)
    throw new Error(`search index: Pagefind split or dropped words (${wrong.slice(0, 3).join("; ")})`);
}

/** Decodes a Pagefind index file (gzip, "pagefind_dcd" signature, CBOR). */
export function decodePagefindFile(bytes: Uint8Array): unknown {
  let buf = Buffer.from(bytes);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
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
  const root = resolve(process.argv[3] ?? join(import.meta.dirname, ".."));
  const r = await buildSearchIndex(site, root);
  console.log(
    `${r.notices} notices, ${r.sections} sections indexed in ${(r.ms / 1000).toFixed(1)} s; ` +
      `index ${(r.indexBytes / 1e6).toFixed(2)} MB, texts ${(r.textBytes / 1e6).toFixed(2)} MB, ` +
      `${r.t2sPairs} traditional → simplified pairs`,
  );
}
