/**
 * The search's index format and matching rules, shared by the index builder
 * (scripts/search/index.ts), the search page (src/search/client.ts) and the tests. Pure
 * functions only. The design and the measurements behind it are in docs/search.md.
 *
 * One Pagefind record per notice (`forceLanguage: "und"`: Pagefind splits at whitespace only).
 * Its words, in order:
 *
 *   [title region]  for each of title, theme, docNumber: the field's trigram stream, then its
 *                   unigrams and bigrams (each once, as `x_` / `xy_`), then SEPARATOR × 3
 *   [body region]   starts at word position T: the trigram stream of the whole document text,
 *                   then SEPARATOR × 3, then each distinct unigram and bigram of the text, as
 *                   `x_` / `xy_`, repeated as many times as it occurs (at most MAX_SHORT_COUNT),
 *                   the copies side by side (their positions compress to almost nothing)
 *
 * A trigram stream holds, at word position i, the three normalised characters starting at
 * character i, so positions are character offsets. Pagefind's (unquoted) search for one such
 * word returns every position of it in every record. A query word of 3+ characters is found by
 * looking up a few of its trigrams (offsets 0, 3, 6 … and length − 3): it occurs at position p
 * exactly when each looked-up trigram is at p + its offset. A word of 1–2 characters is looked
 * up as `x_` / `xy_`; its positions count its occurrences. The `_` keeps 1–2 character words
 * from being prefixes of trigrams (an unquoted Pagefind search also returns the words a query
 * word is a prefix of); separators keep matches from running across fields or stream ends.
 */
import type { Level } from "../shared/levels.ts";

/** Separates the record's streams (no query word starts with `_`). */
export const SEPARATOR = "_";
/** Marks the 1–2 character words (see above). */
const SHORT_MARK = "_";
/** Occurrences of a 1–2 character word counted per notice, at most (ranking only). */
export const MAX_SHORT_COUNT = 30;

/**
 * Notices per Pagefind index at most. Pagefind builds an index in memory (about 3 MB per notice
 * with these records: 5.8 GB at 2,000), so a larger archive is indexed as several shards, each
 * a Pagefind "language" of the one bundle, built by its own process and searched together
 * (docs/search.md). SEARCH_SHARD_SIZE overrides it for tests.
 */
export const SHARD_SIZE = 2000;

/**
 * The Pagefind language of shard k. Shard 0 is "und", so an archive of one shard is indexed
 * exactly as before; the others are private-use tags of "und" (no stemming, no segmentation).
 */
export function shardLanguage(k: number): string {
  return k === 0 ? "und" : `und-x-s${k}`;
}

/**
 * Contiguous, near-equal ranges [from, to) of ordinals, each at most `size` long. More than one
 * shard means an even number of them: the shards are indexed two at a time on the two cores of
 * the build machine, and an odd one out would leave a core idle for a whole shard's time (at
 * 10,000 notices, 6 shards of 1,667 take 3 rounds of two where 5 of 2,000 took two rounds and
 * a lone one). The ranges depend on the archive only, never on the machine.
 */
export function shardRanges(count: number, size: number): [number, number][] {
  if (count === 0) return [];
  const needed = Math.ceil(count / Math.max(1, size));
  const shards = needed > 1 ? needed + (needed % 2) : 1;
  return Array.from({ length: shards }, (_, k) => [
    Math.floor((k * count) / shards),
    Math.floor(((k + 1) * count) / shards),
  ]);
}

/** The overlapping trigrams of a normalised text, one per character offset. */
export function trigrams(norm: string): string[] {
  const c = Array.from(norm);
  const out: string[] = [];
  for (let i = 0; i + 3 <= c.length; i++) out.push(c[i]! + c[i + 1]! + c[i + 2]!);
  return out;
}

/** Occurrence counts of every unigram and bigram of a normalised text. */
export function shortGrams(norm: string): Map<string, number> {
  const c = Array.from(norm);
  const counts = new Map<string, number>();
  const add = (g: string) => counts.set(g, (counts.get(g) ?? 0) + 1);
  for (let i = 0; i < c.length; i++) {
    add(c[i]!);
    if (i + 1 < c.length) add(c[i]! + c[i + 1]!);
  }
  return counts;
}

/**
 * Everything the client needs about a notice without loading it: search.json maps each
 * Pagefind record to its key (src/search/config.ts).
 */
export interface NoticeKey {
  /** Position of the notice in the archive's id order (the last tie-break). */
  ordinal: number;
  /** `{year}-{slug}`. */
  id: string;
  year: number;
  /** Word position where the body region starts. */
  bodyStart: number;
  level: Level;
  /** Region as the notice names it ("" for national notices). */
  region: string;
  /** Issuer registry ids. */
  issuers: string[];
}

const LEVEL_CODES = { national: "n", provincial: "p", municipal: "m" } as const;
const LEVEL_BY_CODE: Record<string, NoticeKey["level"]> = { n: "national", p: "provincial", m: "municipal" };

export function formatKey(k: Omit<NoticeKey, "year">): string {
  return [
    k.ordinal,
    k.id,
    k.bodyStart,
    LEVEL_CODES[k.level],
    k.region.replace(/[~,]/g, ""),
    k.issuers.join(","),
  ].join("~");
}

export function parseKey(value: string): NoticeKey {
  const [ordinal, id, bodyStart, level, region, issuers] = value.split("~");
  const year = Number(/^(\d{4})-/.exec(id ?? "")?.[1]);
  if (ordinal === undefined || !id || !year || !level || !LEVEL_BY_CODE[level])
    throw new Error(`search index: malformed notice key ${JSON.stringify(value)}`);
  return {
    ordinal: Number(ordinal),
    id,
    year,
    bodyStart: Number(bodyStart),
    level: LEVEL_BY_CODE[level],
    region: region ?? "",
    issuers: issuers ? issuers.split(",") : [],
  };
}

/** What to look up for one normalised query word. */
export interface WordPlan {
  word: string;
  /** Number of characters. */
  length: number;
  /** Words to look up, with the character offset of each in the query word. */
  lookups: { token: string; offset: number }[];
}

/** The indexed word for a 1–2 character gram. */
export function shortToken(gram: string): string {
  return gram + SHORT_MARK;
}

/** The lookups for a normalised word: itself if 1–2 characters, else covering trigrams. */
export function planWord(word: string): WordPlan {
  const c = Array.from(word);
  if (c.length <= 2) return { word, length: c.length, lookups: [{ token: shortToken(word), offset: 0 }] };
  const offsets: number[] = [];
  for (let o = 0; o + 3 <= c.length; o += 3) offsets.push(o);
  if (offsets.at(-1) !== c.length - 3) offsets.push(c.length - 3);
  return {
    word,
    length: c.length,
    lookups: offsets.map((offset) => ({ token: c.slice(offset, offset + 3).join(""), offset })),
  };
}

/** Matches of one query word in one notice. */
export interface WordCount {
  /** Occurrences in the document text (capped at MAX_SHORT_COUNT for 1–2 characters). */
  body: number;
  /** Occurrences in the title, theme or document number. */
  title: number;
}

/**
 * Counts a word's occurrences in one record from the word positions of its looked-up tokens
 * (`positions[i]` for `plan.lookups[i]`), split at `bodyStart`.
 */
export function countWord(
  plan: WordPlan,
  positions: readonly (readonly number[])[],
  bodyStart: number,
): WordCount {
  const result: WordCount = { body: 0, title: 0 };
  if (plan.length <= 2) {
    for (const p of positions[0] ?? []) {
      if (p < bodyStart) result.title++;
      else result.body++;
    }
    return result;
  }
  const sets = positions.map((list) => new Set(list));
  const first = plan.lookups[0]!;
  for (const p of sets[0] ?? []) {
    const start = p - first.offset;
    let ok = true;
    for (let i = 1; i < plan.lookups.length && ok; i++) {
      ok = sets[i]!.has(start + plan.lookups[i]!.offset);
    }
    if (!ok) continue;
    if (start < bodyStart) result.title++;
    else result.body++;
  }
  return result;
}

/** A notice that matches every word of the query. */
export interface NoticeMatch {
  key: NoticeKey;
  /** Body occurrences, summed over the words. */
  count: number;
  /** Every word occurs in the title, theme or document number. */
  titleHit: boolean;
}

/** Combines per-word counts: a notice matches when every word occurs in its document text. */
export function combineWords(perWord: Map<string, { key: NoticeKey; count: WordCount }>[]): NoticeMatch[] {
  if (!perWord.length) return [];
  const [first, ...rest] = [...perWord].sort((a, b) => a.size - b.size);
  const out: NoticeMatch[] = [];
  for (const [id, { key, count }] of first!) {
    if (count.body <= 0) continue;
    let total = count.body;
    let titleHit = count.title > 0;
    let all = true;
    for (const other of rest) {
      const c = other.get(id)?.count;
      if (!c || c.body <= 0) {
        all = false;
        break;
      }
      total += c.body;
      titleHit &&= c.title > 0;
    }
    if (all) out.push({ key, count: total, titleHit });
  }
  return out;
}

/**
 * Notices whose title, theme or document number contains every word although their text does
 * not (a value the text does not state, e.g. an inferred document number): shown apart, never
 * as results.
 */
export function titleOnlyMatches(perWord: Map<string, { key: NoticeKey; count: WordCount }>[]): NoticeKey[] {
  if (!perWord.length) return [];
  const [first, ...rest] = perWord;
  const out: NoticeKey[] = [];
  for (const [id, { key, count }] of first!) {
    const all = [count, ...rest.map((m) => m.get(id)?.count)];
    if (all.every((c) => c && c.title > 0) && !all.every((c) => c && c.body > 0)) out.push(key);
  }
  return out.sort((a, b) => b.year - a.year || a.ordinal - b.ordinal);
}

export type SortOrder = "relevance" | "date";

/**
 * Result order. Relevance: notices whose title, theme or document number contains the query,
 * then by number of matches, then newest year; date: newest year first, then as relevance.
 */
export function compareMatches(order: SortOrder): (a: NoticeMatch, b: NoticeMatch) => number {
  const relevance = (a: NoticeMatch, b: NoticeMatch) =>
    Number(b.titleHit) - Number(a.titleHit) ||
    b.count - a.count ||
    b.key.year - a.key.year ||
    a.key.ordinal - b.key.ordinal;
  return order === "date" ? (a, b) => b.key.year - a.key.year || relevance(a, b) : relevance;
}

/** The search as it stands in the URL (/search/?q=…&from=…&level=…). */
export interface SearchState {
  q: string;
  from?: number;
  to?: number;
  levels: NoticeKey["level"][];
  region?: string;
  issuer?: string;
  sort: SortOrder;
}

const LEVELS: NoticeKey["level"][] = ["national", "provincial", "municipal"];

export function parseState(params: URLSearchParams): SearchState {
  const year = (name: string) => {
    const v = Number(params.get(name));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  };
  const from = year("from");
  const to = year("to");
  const region = params.get("region") || undefined;
  const issuer = params.get("issuer") || undefined;
  return {
    q: (params.get("q") ?? "").trim(),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    levels: params.getAll("level").filter((l): l is NoticeKey["level"] => LEVELS.includes(l as never)),
    ...(region ? { region } : {}),
    ...(issuer ? { issuer } : {}),
    sort: params.get("sort") === "date" ? "date" : "relevance",
  };
}

export function formatState(state: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  if (state.from) p.set("from", String(state.from));
  if (state.to) p.set("to", String(state.to));
  for (const l of state.levels) p.append("level", l);
  if (state.region) p.set("region", state.region);
  if (state.issuer) p.set("issuer", state.issuer);
  if (state.sort === "date") p.set("sort", "date");
  return p;
}

type Facet = "year" | "level" | "region" | "issuer";

function passes(key: NoticeKey, state: SearchState, except?: Facet): boolean {
  if (except !== "year" && state.from && key.year < state.from) return false;
  if (except !== "year" && state.to && key.year > state.to) return false;
  if (except !== "level" && state.levels.length && !state.levels.includes(key.level)) return false;
  if (except !== "region" && state.region && key.region !== state.region) return false;
  if (except !== "issuer" && state.issuer && !key.issuers.includes(state.issuer)) return false;
  return true;
}

/** The matches that pass the state's filters. */
export function applyFilters(matches: readonly NoticeMatch[], state: SearchState): NoticeMatch[] {
  return matches.filter((m) => passes(m.key, state));
}

export interface FacetCounts {
  year: Map<number, number>;
  level: Map<string, number>;
  region: Map<string, number>;
  issuer: Map<string, number>;
}

/**
 * Number of matching notices per filter value, each facet counted with the other facets'
 * filters applied (so a count says how many results choosing that value would give).
 */
export function facetCounts(matches: readonly NoticeMatch[], state: SearchState): FacetCounts {
  const counts: FacetCounts = { year: new Map(), level: new Map(), region: new Map(), issuer: new Map() };
  const inc = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const { key } of matches) {
    if (passes(key, state, "year")) inc(counts.year, key.year);
    if (passes(key, state, "level")) inc(counts.level, key.level);
    if (key.region && passes(key, state, "region")) inc(counts.region, key.region);
    if (passes(key, state, "issuer")) for (const i of key.issuers) inc(counts.issuer, i);
  }
  return counts;
}
