/**
 * The held notices as the search index sees them: their frontmatter facts and their built pages'
 * sections (src/search/sections.ts), and each notice's Pagefind record (src/search/core.ts).
 * Shared by the index builder (index.ts), its shard processes (shard.ts) and the benchmark.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import yaml from "js-yaml";
import { listNoticeFiles } from "../../src/archive/files.ts";
import { NoticeSchema } from "../../src/schemas/notice.ts";
import { MAX_SHORT_COUNT, SEPARATOR, shortGrams, shortToken, trigrams } from "../../src/search/core.ts";
import { normalize } from "../../src/search/normalize.ts";
import { extractSections, type SearchSection } from "../../src/search/sections.ts";
import type { Level } from "../../src/shared/levels.ts";

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
function noticePage(site: string, n: Pick<IndexedNotice, "year" | "slug">): string {
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
