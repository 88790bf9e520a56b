/**
 * Loads what the search needs before its first look-up (search-data/search.json, written by
 * scripts/search-index.ts), once per page: the traditional → simplified map the build generated
 * for this archive and the Pagefind languages of the index's shards.
 */
import { parseT2S, type T2SMap } from "./search-normalize.ts";
import { withBase } from "./urls.ts";

export interface SearchConfig {
  t2s: T2SMap;
  /** Pagefind language of each shard of the index, in shard order. */
  shards: string[];
}

const FILE = "search-data/search.json";
let pending: Promise<SearchConfig> | undefined;

export function loadSearchConfig(): Promise<SearchConfig> {
  pending ??= fetch(withBase(FILE))
    .then((r) => {
      if (!r.ok) throw new Error(`${FILE}: HTTP ${r.status}`);
      return r.json() as Promise<{ pairs: string; shards: string[] }>;
    })
    .then((data) => {
      if (!Array.isArray(data.shards) || !data.shards.length) throw new Error(`${FILE}: no shards`);
      return { t2s: parseT2S(data.pairs), shards: data.shards };
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
