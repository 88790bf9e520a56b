/**
 * One shard of the search index (scripts/search/index.ts, docs/search.md): reads its notices'
 * built pages, writes their stored texts (search-data/text/{id}.bin) and builds their Pagefind
 * index under the shard's language into a directory of its own, which search-index.ts then
 * merges into the site's bundle. A process of its own, so that shards are indexed side by side
 * and each Pagefind process holds one shard only.
 *
 *   node scripts/search/shard.ts <job.json>      (written by scripts/search/index.ts)
 *
 * Prints one line of JSON, its ShardResult.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { formatKey } from "../../src/search/core.ts";
import { noticeTextPath } from "../../src/search/config.ts";
import { normalize } from "../../src/search/normalize.ts";
import type { NoticeText } from "../../src/search/config.ts";
import { readPagefindPages } from "./pagefind.ts";
import { recordContent, withSections, type IndexedNoticeMeta } from "./records.ts";

export interface ShardJob {
  /** The built site. */
  site: string;
  /** Where this shard's Pagefind output goes. */
  out: string;
  shard: number;
  /** Its Pagefind language (shardLanguage). */
  language: string;
  /** Its notices, in ordinal order; ordinals are the archive's, not the shard's. */
  notices: (IndexedNoticeMeta & { ordinal: number })[];
}

export interface ShardResult {
  sections: number;
  /** The notice key of each of the shard's Pagefind records, by page hash (SearchShardFile). */
  pages: Record<string, string>;
  /** Every distinct normalised character of the shard's texts (for the t2s map). */
  chars: string;
}

export async function buildShard(job: ShardJob): Promise<ShardResult> {
  const chars = new Set<string>();
  let sections = 0;
  const expectedWords: number[] = [];
  const keys: string[] = [];
  const pagefind = await import("pagefind");
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: job.language });
    if (!index || errors.length) throw new Error(`Pagefind could not create an index: ${errors.join("; ")}`);
    for (const meta of job.notices) {
      // One notice at a time: the shard's texts are never all in memory.
      const n = withSections(job.site, meta);
      sections += n.sections.length;
      for (const s of n.sections) for (const c of normalize(s.text)) chars.add(c);
      const text: NoticeText = {
        id: n.id,
        ...(n.title ? { title: n.title } : {}),
        ...(n.theme ? { theme: n.theme } : {}),
        ...(n.slogans ? { slogans: n.slogans } : {}),
        ...(n.docNumber ? { docNumber: n.docNumber } : {}),
        ...(n.issuerNames.length ? { issuers: n.issuerNames } : {}),
        s: n.sections.map((s) => [s.anchor, s.label, s.text]),
      };
      writeFileSync(join(job.site, noticeTextPath(n.id)), gzipSync(JSON.stringify(text), { level: 9 }));

      const { words, fieldStarts } = recordContent(n);
      const key = formatKey({
        ordinal: meta.ordinal,
        id: n.id,
        fieldStarts,
        level: n.level,
        region: n.region,
        issuers: n.issuers,
      });
      const added = await index.addCustomRecord({
        url: `/${n.year}/${n.slug}/`,
        content: words.join(" "),
        language: job.language,
      });
      if (added.errors.length)
        throw new Error(`Pagefind could not index ${n.id}: ${added.errors.join("; ")}`);
      expectedWords.push(words.length);
      keys.push(key);
    }
    const written = await index.writeFiles({ outputPath: job.out });
    if (written.errors.length)
      throw new Error(`Pagefind could not write its files: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
  // Pagefind lists its records in the order they were added (checked by their word counts).
  const hashes = readPagefindPages(job.out, expectedWords);
  const pages = Object.fromEntries(hashes.map((hash, i) => [hash, keys[i]!]));
  return { sections, pages, chars: [...chars].join("") };
}

if (import.meta.main) {
  const job = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as ShardJob;
  try {
    console.log(JSON.stringify(await buildShard(job)));
  } catch (error) {
    console.error(`search index, shard ${job.shard}: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
