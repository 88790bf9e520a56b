/**
 * The held notices as the search index sees them: their frontmatter facts, their issuers' names
 * (the registry) and their built pages' sections (src/search/sections.ts), and each notice's
 * Pagefind record (src/search/core.ts); and the catalogue years search finds
 * (src/search/catalog.ts). Shared by the index builder (index.ts), its shard processes
 * (shard.ts) and the benchmark.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import yaml from "js-yaml";
import { readCatalog } from "../../src/archive/catalog.ts";
import { listNoticeFiles, loadIssuers } from "../../src/archive/files.ts";
import { CatalogEntrySchema } from "../../src/schemas/catalog.ts";
import { NoticeSchema } from "../../src/schemas/notice.ts";
import type { CatalogRecord } from "../../src/search/catalog.ts";
import {
  MAX_SHORT_COUNT,
  SEPARATOR,
  fieldToken,
  shortGrams,
  shortToken,
  trigrams,
} from "../../src/search/core.ts";
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
  slogans?: string[];
  docNumber?: string;
  /** The names of each issuer in `issuers`: the one pages show first, then the others (registry). */
  issuerNames: string[][];
  sections: SearchSection[];
}

/** A held notice as the index needs it, without its text (read by the shard that indexes it). */
export type IndexedNoticeMeta = Omit<IndexedNotice, "sections">;

/** The built notice page of a notice. */
function noticePage(site: string, n: Pick<IndexedNotice, "year" | "slug">): string {
  return join(site, String(n.year), n.slug, "index.html");
}

/**
 * Every name of each registry body, the one pages show first (its short name, else its full
 * name: src/queries/issuers.ts), then the full name and the aliases.
 */
function issuerNameTable(root: string): Map<string, string[]> {
  return new Map(
    loadIssuers(root).map((i) => [i.id, [...new Set([i.shortName ?? i.name, i.name, ...i.aliases])]]),
  );
}

/** The held notices (frontmatter only), in id order, each checked to have a built page. */
export function listIndexedNotices(site: string, root: string): IndexedNoticeMeta[] {
  const notices: IndexedNoticeMeta[] = [];
  const names = issuerNameTable(root);
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
      ...(data.slogans?.length ? { slogans: data.slogans } : {}),
      ...(data.docNumber ? { docNumber: data.docNumber } : {}),
      issuerNames: data.issuers.map((id) => names.get(id) ?? [id]),
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

/** The values of each field region of a notice's record, in RECORD_FIELDS order (not `all`). */
function fieldValues(n: IndexedNotice): string[][] {
  const one = (v: string | undefined) => (v ? [v] : []);
  return [one(n.title), one(n.theme), n.slogans ?? [], one(n.docNumber), n.issuerNames.flat()];
}

/**
 * A notice's Pagefind record: its words (see src/search/core.ts) and where each region of
 * RECORD_FIELDS starts.
 */
export function recordContent(notice: IndexedNotice): { words: string[]; fieldStarts: number[] } {
  const words: string[] = [];
  const fieldStarts: number[] = [];
  for (const values of fieldValues(notice)) {
    fieldStarts.push(words.length);
    for (const value of values) {
      const norm = normalize(value);
      if (!norm) continue;
      words.push(
        ...trigrams(norm).map(fieldToken),
        ...[...shortGrams(norm).keys()].map((g) => fieldToken(shortToken(g))),
        SEPARATOR,
        SEPARATOR,
        SEPARATOR,
      );
    }
  }
  fieldStarts.push(words.length);
  const text = notice.sections.map((s) => normalize(s.text)).join("");
  words.push(...trigrams(text), SEPARATOR, SEPARATOR, SEPARATOR);
  for (const [gram, count] of shortGrams(text)) {
    const token = shortToken(gram);
    for (let i = Math.min(count, MAX_SHORT_COUNT); i > 0; i--) words.push(token);
  }
  return { words, fieldStarts };
}

/**
 * The catalogue years search finds (src/search/catalog.ts): the catalogue's rows, less the years
 * whose national notice is held (its text supersedes the row), newest first.
 */
export function catalogRecords(root: string, notices: readonly IndexedNoticeMeta[]): CatalogRecord[] {
  const held = new Set(notices.filter((n) => n.level === "national").map((n) => n.year));
  return readCatalog(root)
    .map((row) => CatalogEntrySchema.parse(row))
    .filter((row) => !held.has(row.year))
    .sort((a, b) => b.year - a.year)
    .map((row) => ({ ...row, href: `${row.year}/` }));
}
