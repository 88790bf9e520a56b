/**
 * The search engine in the browser: Pagefind (the site's bundle under `${base}pagefind/`) asked
 * for the few words of src/lib/search-core.ts that pin a query down, the positions it returns
 * combined here into exact matches; the search's own files under `${base}search-data/`.
 */
import {
  KEY_FILTER,
  ORDER_SORT,
  combineWords,
  countWord,
  parseKey,
  planWord,
  titleOnlyMatches,
  type NoticeKey,
  type NoticeMatch,
  type WordCount,
} from "./search-core.ts";
import type { StoredSection } from "./search-excerpt.ts";
import { queryWords, type T2SMap } from "./search-normalize.ts";
import { loadSearchConfig } from "./search-config.ts";
import { withBase } from "./urls.ts";

/** The part of Pagefind's JS API used here (pagefind_web_js/lib/coupled_search.ts). */
interface PagefindResponse {
  results: { id: string; words: number[] }[];
  filters: Record<string, Record<string, number>>;
}
interface PagefindInstance {
  search(term: string, options?: { sort?: Record<string, "asc" | "desc"> }): Promise<PagefindResponse>;
  filters(): Promise<unknown>;
}
interface PagefindModule {
  createInstance(options: { basePath: string; noWorker?: boolean }): PagefindInstance;
}

/** A notice's stored text (search-data/text/{id}.bin, see scripts/search-index.ts). */
export interface NoticeText {
  id: string;
  title?: string;
  docNumber?: string;
  s: StoredSection[];
}

/** Reads a gzipped file (the server sends it as it is; the browser inflates it). */
async function fetchGzipJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const stream = response.body.pipeThrough(new DecompressionStream("gzip"));
  return JSON.parse(await new Response(stream).text()) as T;
}

export class SearchEngine {
  private readonly lookups = new Map<string, Promise<Map<string, number[]>>>();
  private readonly texts = new Map<string, Promise<NoticeText>>();

  /** One Pagefind instance per shard of the index (scripts/search-index.ts). */
  private readonly shards: PagefindInstance[];
  readonly t2s: T2SMap;

  private constructor(shards: PagefindInstance[], t2s: T2SMap) {
    this.shards = shards;
    this.t2s = t2s;
  }

  static async create(): Promise<SearchEngine> {
    const [mod, config] = await Promise.all([
      import(/* @vite-ignore */ withBase("pagefind/pagefind.js")) as Promise<PagefindModule>,
      loadSearchConfig(),
    ]);
    const [first, ...rest] = config.shards;
    // Shard 0 first: its instance loads Pagefind's WebAssembly, which the module then shares
    // with the other shards' instances (started at once, two would each instantiate it).
    const shard0 = await startShard(mod, first!);
    const others = await Promise.all(rest.map((language) => startShard(mod, language)));
    return new SearchEngine([shard0, ...others], config.t2s);
  }
  /** The normalised words of a query. */
  words(query: string): string[] {
    return queryWords(query, this.t2s);
  }

  /** Every position of one indexed word, per notice key (the keys of all shards are distinct). */
  private lookup(token: string): Promise<Map<string, number[]>> {
    let pending = this.lookups.get(token);
    if (!pending) {
      pending = Promise.all(this.shards.map((shard) => lookupShard(shard, token))).then(
        (maps) => new Map(maps.flatMap((m) => [...m])),
      );
      pending.catch(() => this.lookups.delete(token));
      this.lookups.set(token, pending);
    }
    return pending;
  }

  /** Per notice: occurrences of one normalised word in its text and in its title fields. */
  async matchWord(word: string): Promise<Map<string, { key: NoticeKey; count: WordCount }>> {
    const plan = planWord(word);
    const found = await Promise.all(plan.lookups.map((l) => this.lookup(l.token)));
    const out = new Map<string, { key: NoticeKey; count: WordCount }>();
    const [smallest] = [...found].sort((a, b) => a.size - b.size);
    for (const rawKey of smallest!.keys()) {
      if (!found.every((f) => f.has(rawKey))) continue;
      const key = parseKey(rawKey);
      const count = countWord(
        plan,
        found.map((f) => f.get(rawKey)!),
        key.bodyStart,
      );
      if (count.body > 0 || count.title > 0) out.set(key.id, { key, count });
    }
    return out;
  }

  /** The notices whose text contains every word. */
  async match(words: readonly string[]): Promise<NoticeMatch[]> {
    return combineWords(await Promise.all(words.map((w) => this.matchWord(w))));
  }

  /** The notices found by the query: text matches, and title-field-only ones (shown apart). */
  async search(words: readonly string[]): Promise<{ matches: NoticeMatch[]; titleOnly: NoticeKey[] }> {
    const perWord = await Promise.all(words.map((w) => this.matchWord(w)));
    return { matches: combineWords(perWord), titleOnly: titleOnlyMatches(perWord) };
  }

  /** A notice's stored sections, for excerpts. */
  text(id: string): Promise<NoticeText> {
    let pending = this.texts.get(id);
    if (!pending) {
      pending = fetchGzipJson<NoticeText>(withBase(`search-data/text/${id}.bin`));
      pending.catch(() => this.texts.delete(id));
      this.texts.set(id, pending);
    }
    return pending;
  }
}

/**
 * Starts Pagefind for one shard. Pagefind reads the language to load (the shard's) and to
 * segment queries by from <html lang> when an instance is created; the index holds exact
 * character grams, so queries must not be segmented (zh-CN would cut 质量强 into 质量 + 强). The
 * page's own lang is restored at once.
 */
async function startShard(mod: PagefindModule, language: string): Promise<PagefindInstance> {
  const html = document.documentElement;
  const lang = html.getAttribute("lang");
  html.setAttribute("lang", language);
  let pagefind: PagefindInstance;
  try {
    // In the page's own thread: a search here is a few lookups, and a worker would fetch a
    // second copy of Pagefind's code and copy every position list across (docs/search.md).
    pagefind = mod.createInstance({ basePath: withBase("pagefind/"), noWorker: true });
  } finally {
    if (lang === null) html.removeAttribute("lang");
    else html.setAttribute("lang", lang);
  }
  // Loads the notice-key filter, so that every response carries the keys of its results.
  await pagefind.filters();
  return pagefind;
}

/** Every position of one indexed word in one shard, per notice key. */
async function lookupShard(pagefind: PagefindInstance, token: string): Promise<Map<string, number[]>> {
  // Unquoted: Pagefind then returns every position of the word (a quoted search stops at the
  // first). No other indexed word starts with a looked-up word (src/lib/search-core.ts).
  const r = await pagefind.search(token, { sort: { [ORDER_SORT]: "asc" } });
  // Results come sorted by the notice's ordinal, and so do the keys (zero-padded ordinal
  // first): the n-th result is the n-th key with a count.
  const keys = Object.entries(r.filters[KEY_FILTER] ?? {})
    .filter(([, count]) => count > 0)
    .map(([key]) => key)
    .sort();
  if (keys.length !== r.results.length)
    throw new Error(`search: ${r.results.length} results but ${keys.length} notice keys for “${token}”`);
  return new Map(keys.map((key, i) => [key, r.results[i]!.words]));
}
