/**
 * search-data/search.json, written by scripts/search/index.ts with the index it describes: the
 * traditional → simplified map the build generated for this archive, the index's shards and
 * which notice each of their Pagefind records is, and the Pagefind files every search needs
 * first. Loaded once per page (the search page; the highlighter reads only the map).
 */
import { parseT2S, type T2SMap } from "./normalize.ts";
import type { CatalogRecord } from "./catalog.ts";
import { withBase } from "../shared/urls.ts";

/** The file as written (and served with `no-cache`: it must match the index deployed with it). */
export interface SearchConfigFile {
  /** Traditional → simplified pairs (serializeT2S). */
  pairs: string;
  /** The index's shards, in shard order. */
  shards: SearchShardFile[];
  /**
   * Pagefind's `metaCacheTag`: a hash of its entry file, so that the entry's URL is the same for
   * every page load of one index (Pagefind otherwise adds the time, and nothing can fetch it early).
   */
  entryTag: string;
  /** Pagefind files (paths under the base) every search fetches before its first look-up. */
  preload: string[];
  /**
   * The catalogue years: years whose notice is not held (a held national notice supersedes its
   * catalogue row), newest first. Matched by the page itself (src/search/catalog.ts).
   */
  catalog: CatalogRecord[];
}

export interface SearchShardFile {
  /** Its Pagefind language (src/search/core.ts, shardLanguage). */
  language: string;
  /**
   * The notice of each Pagefind record: page hash (a result's `id`) → notice key (formatKey).
   * Pagefind's results name records only by this hash.
   */
  pages: Record<string, string>;
}

/** The file as the page uses it: the pairs parsed into the map. */
export type SearchConfig = Omit<SearchConfigFile, "pairs"> & { t2s: T2SMap };

/** The search's own files, under the base path (written by scripts/search/index.ts). */
export const SEARCH_DATA_DIR = "search-data";
/** This file, under the base path. */
export const SEARCH_CONFIG_PATH = `${SEARCH_DATA_DIR}/search.json`;
/** The notices' stored texts (gzipped JSON, one file per notice). */
export const SEARCH_TEXT_DIR = `${SEARCH_DATA_DIR}/text`;

/** A section of a notice as stored in its text file: [anchor, label, text]. */
export type StoredSection = [string, string, string];

/**
 * A notice's stored text (search-data/text/{id}.bin, gzipped JSON), written by the index builder
 * (scripts/search/shard.ts) and read by the search page to show what a result shows of the
 * notice: the fields the scopes search, excerpts and matching sections.
 */
export interface NoticeText {
  id: string;
  title?: string;
  theme?: string;
  slogans?: string[];
  docNumber?: string;
  /**
   * The names of each issuer the notice names (its registry ids), as the issuer scope searches
   * them: the name pages show first (the short name, else the full name), then the others.
   */
  issuers?: string[][];
  /** Its sections, in document order. */
  s: StoredSection[];
}

/** A notice's stored text, under the base path. */
export function noticeTextPath(id: string): string {
  return `${SEARCH_TEXT_DIR}/${id}.bin`;
}

const FILE = SEARCH_CONFIG_PATH;
let pending: Promise<SearchConfig> | undefined;

export function loadSearchConfig(): Promise<SearchConfig> {
  pending ??= fetch(withBase(FILE))
    .then((r) => {
      if (!r.ok) throw new Error(`${FILE}: HTTP ${r.status}`);
      return r.json() as Promise<SearchConfigFile>;
    })
    .then(({ pairs, ...rest }) => {
      if (!Array.isArray(rest.shards) || !rest.shards.length) throw new Error(`${FILE}: no shards`);
      return { ...rest, t2s: parseT2S(pairs) };
    })
    .catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
  return pending;
}

export async function loadT2S(): Promise<T2SMap> {
  return (await loadSearchConfig()).t2s;
}
