/**
 * The search engine in the browser: Pagefind (the site's bundle under `${base}pagefind/`) asked
 * for the few words of src/search/core.ts that pin a query down, the positions it returns
 * combined here into exact matches; the search's own files under `${base}search-data/`.
 */
import {
  countWord,
  matchQuery,
  parseKey,
  planWord,
  titleOnlyMatches,
  type NoticeKey,
  type NoticeMatch,
  type WordMatches,
} from "./core.ts";
import { matchCatalog, type CatalogMatch, type CatalogRecord } from "./catalog.ts";
import { isGzip } from "../shared/gzip.ts";
import type { T2SMap } from "./normalize.ts";
import { parseQuery, queryLookups, type ParsedQuery, type Scope } from "./query.ts";
import { loadSearchConfig, noticeTextPath, type NoticeText, type SearchShardFile } from "./config.ts";
import { withBase } from "../shared/urls.ts";

/** The part of Pagefind's JS API used here (pagefind_web_js/lib/coupled_search.ts). */
interface PagefindResponse {
  /** `id`: the record's page hash. */
  results: { id: string; words: number[] }[];
}
interface PagefindInstance {
  search(term: string): Promise<PagefindResponse>;
}
interface PagefindModule {
  createInstance(options: { basePath: string; noWorker?: boolean; metaCacheTag?: string }): PagefindInstance;
}

/** One shard of the index: its Pagefind instance and the notice key of each of its records. */
interface Shard {
  pagefind: PagefindInstance;
  pages: Record<string, string>;
}

/** What a query finds in one scope. */
export interface SearchResult {
  /** The notices, unordered. */
  matches: NoticeMatch[];
  /** Scope `all`: notices whose title fields, not their text, satisfy the query (shown apart). */
  titleOnly: NoticeKey[];
  /** The catalogue years, newest first. */
  catalog: CatalogMatch[];
}

/**
 * Reads a gzipped JSON file. nginx sends it labelled `Content-Encoding: gzip` (its .gz link,
 * scripts/build/precompress.ts), so the browser has inflated it already; a server that sends the
 * stored bytes as they are leaves that to the page.
 */
async function fetchGzipJson<T>(url: string): Promise<T> {
  // High priority: the page waits for these before it shows anything.
  const response = await fetch(url, { priority: "high" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = isGzip(bytes)
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text()
    : new TextDecoder().decode(bytes);
  return JSON.parse(text) as T;
}

let started: Promise<SearchEngine> | undefined;

/** The page's search engine, started by the first call (and again by the next after a failure). */
export function searchEngine(): Promise<SearchEngine> {
  started ??= SearchEngine.create().catch((error: unknown) => {
    started = undefined;
    throw error;
  });
  return started;
}

const texts = new Map<string, Promise<NoticeText>>();

/** A notice's stored text (fields and sections, for what a result shows), fetched once per page. */
export function noticeText(id: string): Promise<NoticeText> {
  let pending = texts.get(id);
  if (!pending) {
    pending = fetchGzipJson<NoticeText>(withBase(noticeTextPath(id)));
    pending.catch(() => texts.delete(id));
    texts.set(id, pending);
  }
  return pending;
}

export class SearchEngine {
  private readonly lookups = new Map<string, Promise<Map<string, number[]>>>();

  /** The shards of the index (scripts/search/index.ts). */
  private readonly shards: Shard[];
  readonly t2s: T2SMap;
  private readonly catalog: CatalogRecord[];

  private constructor(shards: Shard[], t2s: T2SMap, catalog: CatalogRecord[]) {
    this.shards = shards;
    this.t2s = t2s;
    this.catalog = catalog;
  }

  static async create(): Promise<SearchEngine> {
    const configLoaded = loadSearchConfig();
    // Pagefind's first files are fetched as soon as their names are known, while its code loads:
    // its own requests for them then come from the HTTP cache instead of one after another.
    void configLoaded.then((config) => config.preload.forEach(preload)).catch(() => undefined);
    const [mod, config] = await Promise.all([
      import(/* @vite-ignore */ withBase("pagefind/pagefind.js")) as Promise<PagefindModule>,
      configLoaded,
    ]);
    const [first, ...rest] = config.shards;
    // Shard 0 first: its instance loads Pagefind's WebAssembly, which the module then shares
    // with the other shards' instances (started at once, two would each instantiate it).
    const shard0 = await startShard(mod, first!, config.entryTag);
    const others = await Promise.all(rest.map((shard) => startShard(mod, shard, config.entryTag)));
    return new SearchEngine([shard0, ...others], config.t2s, config.catalog);
  }

  /** A query as typed, read with this archive's traditional → simplified map. */
  parse(query: string): ParsedQuery {
    return parseQuery(query, this.t2s);
  }

  /** Every notice of the archive (for a query that only excludes). */
  private *everything(): Iterable<NoticeKey> {
    for (const shard of this.shards) for (const raw of Object.values(shard.pages)) yield parseKey(raw);
  }

  /** Every position of one indexed word, per notice key (the notices of the shards are distinct). */
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

  /**
   * Per notice: occurrences of one normalised word in each field of its record (`fieldsOnly`:
   * in its fields, not its text; src/search/core.ts).
   */
  async matchWord(word: string, fieldsOnly = false): Promise<WordMatches> {
    const plan = planWord(word, fieldsOnly);
    const found = await Promise.all(plan.lookups.map((l) => this.lookup(l.token)));
    const out: WordMatches = new Map();
    const [smallest] = [...found].sort((a, b) => a.size - b.size);
    for (const rawKey of smallest!.keys()) {
      if (!found.every((f) => f.has(rawKey))) continue;
      const key = parseKey(rawKey);
      const counts = countWord(
        plan,
        found.map((f) => f.get(rawKey)!),
        key.fieldStarts,
      );
      if (counts.some((n) => n > 0)) out.set(key.id, { key, counts });
    }
    return out;
  }

  /** How many notices' text contains one normalised word (for suggestions). */
  async textCount(word: string): Promise<number> {
    const query: ParsedQuery = { terms: [{ words: [word], negated: false }] };
    return matchQuery(query, new Map([[word, await this.matchWord(word)]]), "all", () => []).length;
  }

  /** What a query finds in a scope: notices, title-field-only notices, catalogue years. */
  async search(query: ParsedQuery, scope: Scope): Promise<SearchResult> {
    const words = queryLookups(query);
    const perWord = new Map(
      await Promise.all(words.map(async (w) => [w, await this.matchWord(w, scope !== "all")] as const)),
    );
    return {
      matches: matchQuery(query, perWord, scope, () => this.everything()),
      titleOnly: scope === "all" ? titleOnlyMatches(query, perWord) : [],
      catalog: matchCatalog(query, this.catalog, scope, this.t2s),
    };
  }
}

/** Fetches a file into the HTTP cache (read to the end, or the cache entry stays incomplete). */
function preload(path: string): void {
  void fetch(withBase(path))
    .then((r) => r.arrayBuffer())
    .catch(() => undefined);
}

/**
 * Starts Pagefind for one shard. Pagefind reads the language to load (the shard's) and to
 * segment queries by from <html lang> when an instance is created; the index holds exact
 * character grams, so queries must not be segmented (zh-CN would cut 质量强 into 质量 + 强). The
 * page's own lang is restored at once.
 */
async function startShard(mod: PagefindModule, shard: SearchShardFile, entryTag: string): Promise<Shard> {
  const html = document.documentElement;
  const lang = html.getAttribute("lang");
  html.setAttribute("lang", shard.language);
  let pagefind: PagefindInstance;
  try {
    // In the page's own thread: a search here is a few lookups, and a worker would fetch a
    // second copy of Pagefind's code and copy every position list across (docs/search.md).
    pagefind = mod.createInstance({
      basePath: withBase("pagefind/"),
      noWorker: true,
      metaCacheTag: entryTag,
    });
  } finally {
    if (lang === null) html.removeAttribute("lang");
    else html.setAttribute("lang", lang);
  }
  await pagefindStarted(pagefind);
  return { pagefind, pages: shard.pages };
}

/**
 * Resolves once Pagefind has started (or rejects with why it could not). Pagefind checks whether
 * its WebAssembly is ready every 50 ms (getPtr, pagefind_web_js), so one waiting call is late
 * by 25 ms on average; empty searches (which only wait for it) begun 10 ms apart notice within 10.
 */
function pagefindStarted(pagefind: PagefindInstance): Promise<unknown> {
  return Promise.race(
    [0, 10, 20, 30, 40].map((ms) =>
      new Promise((wait) => setTimeout(wait, ms)).then(() => pagefind.search("")),
    ),
  );
}

/** Every position of one indexed word in one shard, per notice key. */
async function lookupShard(shard: Shard, token: string): Promise<Map<string, number[]>> {
  // Unquoted: Pagefind then returns every position of the word (a quoted search stops at the
  // first), and of the words it is a prefix of: a text word's field form (src/search/core.ts).
  const r = await shard.pagefind.search(token);
  return new Map(
    r.results.map((result) => {
      const key = Object.hasOwn(shard.pages, result.id) ? shard.pages[result.id] : undefined;
      if (key === undefined) throw new Error(`search: Pagefind record ${result.id} is not in search.json`);
      return [key, result.words];
    }),
  );
}
