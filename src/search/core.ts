/**
 * The search's index format and matching rules, shared by the index builder
 * (scripts/search/index.ts), the search page (src/search/client.ts) and the tests. Pure
 * functions only. The design and the measurements behind it are in docs/search.md.
 *
 * One Pagefind record per notice (`forceLanguage: "und"`: Pagefind splits at whitespace only).
 * Its words, in order, one region per field of RECORD_FIELDS:
 *
 *   [field regions] title, theme, slogans, document number, issuer names: for each value (one
 *                   per slogan, one per issuer name), its trigram stream, then its unigrams
 *                   and bigrams (each once), then SEPARATOR × 3; every word of these regions
 *                   marked as a field word, `xyz_` and `x__` / `xy__` (fieldToken)
 *   [body region]   the trigram stream of the whole document text,
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
 * word is a prefix of); separators keep matches from running across values or stream ends.
 * The notice key (search.json) records where each region starts, so a position names its field.
 *
 * A field word is the text's word plus the mark, so a look-up of `xyz` (scope `all`) returns
 * its positions in the text and in the fields alike (ranking and the fields a result names
 * need both), while a look-up of `xyz_` (the other scopes) returns the fields' few positions
 * only, never the text's thousands. The two sort side by side: one index chunk holds both.
 */
import { LEVELS, type Level } from "../shared/levels.ts";
import {
  SCOPES,
  isScope,
  onlyNegative,
  positiveWords,
  satisfies,
  type ParsedQuery,
  type Scope,
} from "./query.ts";

/** Separates the record's streams (no query word starts with `_`). */
export const SEPARATOR = "_";
/** Marks the 1–2 character words, and field words (see above). */
const SHORT_MARK = "_";
const FIELD_MARK = "_";
/** Notices a results page shows at first, and on each “more”; their texts are loaded for excerpts. */
export const BATCH = 10;

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
 * The regions of a record, in order: the fields a scope searches, `all` (the document text)
 * last. A query in scope `theme` is matched against the theme region only, and so on.
 */
export const RECORD_FIELDS = [
  "title",
  "theme",
  "slogan",
  "docnumber",
  "issuer",
  "all",
] as const satisfies readonly Scope[];

/** The title fields: a notice whose title, theme or document number holds the query ranks first. */
const TITLE_FIELDS: readonly Scope[] = ["title", "theme", "docnumber"];

/** What a filter looks at; catalogue years have it too (national, no region, no issuer ids). */
export interface FacetKey {
  year: number;
  level: Level;
  /** Region as the notice names it ("" for national notices). */
  region: string;
  /** Issuer registry ids. */
  issuers: string[];
}

/**
 * Everything the client needs about a notice without loading it: search.json maps each
 * Pagefind record to its key (src/search/config.ts).
 */
export interface NoticeKey extends FacetKey {
  /** Position of the notice in the archive's id order (the last tie-break). */
  ordinal: number;
  /** `{year}-{slug}`. */
  id: string;
  /** Word position where each region of RECORD_FIELDS starts (the first is 0). */
  fieldStarts: number[];
}

/** One letter per level in search.json's keys (a wire format: never reuse a letter). */
const LEVEL_CODES: Record<Level, string> = { national: "n", provincial: "p", municipal: "m", county: "c" };
const LEVEL_BY_CODE = new Map(LEVELS.map((level) => [LEVEL_CODES[level], level]));

/** `ordinal~id~starts~level~region~issuers`, the starts of the regions after the first joined by dots. */
export function formatKey(k: Omit<NoticeKey, "year">): string {
  if (k.fieldStarts.length !== RECORD_FIELDS.length || k.fieldStarts[0] !== 0)
    throw new Error(`search index: ${k.id} has ${k.fieldStarts.length} field starts`);
  return [
    k.ordinal,
    k.id,
    k.fieldStarts.slice(1).join("."),
    LEVEL_CODES[k.level],
    k.region.replace(/[~,]/g, ""),
    k.issuers.join(","),
  ].join("~");
}

export function parseKey(value: string): NoticeKey {
  const [ordinal, id, starts, level, region, issuers] = value.split("~");
  const year = Number(/^(\d{4})-/.exec(id ?? "")?.[1]);
  const fieldStarts = [0, ...(starts ?? "").split(".").map(Number)];
  const levelName = level === undefined ? undefined : LEVEL_BY_CODE.get(level);
  if (
    ordinal === undefined ||
    !id ||
    !year ||
    !levelName ||
    fieldStarts.length !== RECORD_FIELDS.length ||
    fieldStarts.some((n) => !Number.isInteger(n))
  )
    throw new Error(`search index: malformed notice key ${JSON.stringify(value)}`);
  return {
    ordinal: Number(ordinal),
    id,
    year,
    fieldStarts,
    level: levelName,
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

/** The same word in a field region (a trigram or a short token). */
export function fieldToken(token: string): string {
  return token + FIELD_MARK;
}

/**
 * The lookups for a normalised word: itself if 1–2 characters, else covering trigrams; field
 * words only, when `fieldsOnly` (a scope other than `all`).
 */
export function planWord(word: string, fieldsOnly = false): WordPlan {
  const c = Array.from(word);
  const mark = (token: string) => (fieldsOnly ? fieldToken(token) : token);
  if (c.length <= 2)
    return { word, length: c.length, lookups: [{ token: mark(shortToken(word)), offset: 0 }] };
  const offsets: number[] = [];
  for (let o = 0; o + 3 <= c.length; o += 3) offsets.push(o);
  if (offsets.at(-1) !== c.length - 3) offsets.push(c.length - 3);
  return {
    word,
    length: c.length,
    lookups: offsets.map((offset) => ({ token: mark(c.slice(offset, offset + 3).join("")), offset })),
  };
}

/**
 * Occurrences of one word in one notice, per region of RECORD_FIELDS: in the document text
 * (capped at MAX_SHORT_COUNT for 1–2 characters), and in the other fields the number of values
 * (slogans, issuer names) that contain it.
 */
export type FieldCounts = number[];

/** The region of RECORD_FIELDS that word position `p` lies in. */
function fieldAt(p: number, starts: readonly number[]): number {
  let f = 0;
  while (f + 1 < starts.length && starts[f + 1]! <= p) f++;
  return f;
}

/**
 * Counts a word's occurrences in one record from the word positions of its looked-up tokens
 * (`positions[i]` for `plan.lookups[i]`), per region (`fieldStarts`).
 */
export function countWord(
  plan: WordPlan,
  positions: readonly (readonly number[])[],
  fieldStarts: readonly number[],
): FieldCounts {
  const counts: FieldCounts = RECORD_FIELDS.map(() => 0);
  if (plan.length <= 2) {
    for (const p of positions[0] ?? []) counts[fieldAt(p, fieldStarts)]!++;
    return counts;
  }
  const sets = positions.map((list) => new Set(list));
  const first = plan.lookups[0]!;
  for (const p of sets[0] ?? []) {
    const start = p - first.offset;
    let ok = true;
    for (let i = 1; i < plan.lookups.length && ok; i++) {
      ok = sets[i]!.has(start + plan.lookups[i]!.offset);
    }
    if (ok) counts[fieldAt(start, fieldStarts)]!++;
  }
  return counts;
}

/** One word's matches: per notice id, its key and counts. */
export type WordMatches = Map<string, { key: NoticeKey; counts: FieldCounts }>;

/** A notice the query finds in the scope searched. */
export interface NoticeMatch {
  key: NoticeKey;
  /**
   * Scope `all`: occurrences of the query's words (not the excluded ones) in the text, summed.
   * Other scopes: 0 (a field holds a word once or twice at most: results are listed by year).
   */
  count: number;
  /** Scope `all`: the query's words all occur in the title, theme or document number. */
  titleHit: boolean;
  /**
   * The fields (in SCOPES order) the result names: the scope's own, and every other field of
   * the notice (not its text) in which the query holds and finds at least one of its words.
   * In scope `all` that is `all` (the document text) and the fields that hold the query too.
   */
  fields: Scope[];
}

const ZERO: FieldCounts = RECORD_FIELDS.map(() => 0);

/**
 * The notices a query finds in a scope, from the matches of each of its words. An excluding-only
 * query (`-A`) starts from every notice of the archive (`everything`).
 */
export function matchQuery(
  query: ParsedQuery,
  perWord: ReadonlyMap<string, WordMatches>,
  scope: Scope,
  everything: () => Iterable<NoticeKey>,
): NoticeMatch[] {
  const positive = positiveWords(query);
  const candidates = new Map<string, NoticeKey>();
  if (onlyNegative(query)) for (const key of everything()) candidates.set(key.id, key);
  else for (const w of positive) for (const [id, m] of perWord.get(w) ?? []) candidates.set(id, m.key);
  const field = RECORD_FIELDS.indexOf(scope);
  const titleFields = TITLE_FIELDS.map((f) => RECORD_FIELDS.indexOf(f));
  const out: NoticeMatch[] = [];
  for (const [id, key] of candidates) {
    const counts = (w: string) => perWord.get(w)?.get(id)?.counts ?? ZERO;
    const holds = (f: number) => satisfies(query, (w) => counts(w)[f]! > 0);
    if (!holds(field)) continue;
    const fields = SCOPES.filter((s) => {
      const f = RECORD_FIELDS.indexOf(s);
      return s === scope || (s !== "all" && holds(f) && positive.some((w) => counts(w)[f]! > 0));
    });
    const text = scope === "all";
    out.push({
      key,
      count: text ? positive.reduce((n, w) => n + counts(w)[field]!, 0) : 0,
      titleHit:
        text &&
        positive.length > 0 &&
        query.terms.every(
          (t) => t.negated || t.words.some((w) => titleFields.some((f) => counts(w)[f]! > 0)),
        ),
      fields,
    });
  }
  return out;
}

/**
 * Notices whose title, theme or document number satisfies the query although their text does
 * not (a value the text does not state, e.g. an inferred document number): shown apart, never
 * as results of a full-text search.
 */
export function titleOnlyMatches(query: ParsedQuery, perWord: ReadonlyMap<string, WordMatches>): NoticeKey[] {
  if (onlyNegative(query) || !query.terms.length) return [];
  const body = RECORD_FIELDS.indexOf("all");
  const titleFields = TITLE_FIELDS.map((f) => RECORD_FIELDS.indexOf(f));
  const keys = new Map<string, NoticeKey>();
  for (const w of positiveWords(query)) for (const [id, m] of perWord.get(w) ?? []) keys.set(id, m.key);
  const out: NoticeKey[] = [];
  for (const [id, key] of keys) {
    const counts = (w: string) => perWord.get(w)?.get(id)?.counts ?? ZERO;
    const inTitle = satisfies(query, (w) => titleFields.some((f) => counts(w)[f]! > 0));
    if (inTitle && !satisfies(query, (w) => counts(w)[body]! > 0)) out.push(key);
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
  /** Where to look (`scope=`; `all`, the document text, when absent). */
  scope: Scope;
  from?: number;
  to?: number;
  levels: NoticeKey["level"][];
  region?: string;
  issuer?: string;
  sort: SortOrder;
}

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
    scope: isScope(params.get("scope")) ? (params.get("scope") as Scope) : "all",
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    levels: params
      .getAll("level")
      .filter((l): l is NoticeKey["level"] => (LEVELS as readonly string[]).includes(l)),
    ...(region ? { region } : {}),
    ...(issuer ? { issuer } : {}),
    sort: params.get("sort") === "date" ? "date" : "relevance",
  };
}

export function formatState(state: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  if (state.scope !== "all") p.set("scope", state.scope);
  if (state.from) p.set("from", String(state.from));
  if (state.to) p.set("to", String(state.to));
  for (const l of state.levels) p.append("level", l);
  if (state.region) p.set("region", state.region);
  if (state.issuer) p.set("issuer", state.issuer);
  if (state.sort === "date") p.set("sort", "date");
  return p;
}

type Facet = "year" | "level" | "region" | "issuer";

function passes(key: FacetKey, state: SearchState, except?: Facet): boolean {
  if (except !== "year" && state.from && key.year < state.from) return false;
  if (except !== "year" && state.to && key.year > state.to) return false;
  if (except !== "level" && state.levels.length && !state.levels.includes(key.level)) return false;
  if (except !== "region" && state.region && key.region !== state.region) return false;
  if (except !== "issuer" && state.issuer && !key.issuers.includes(state.issuer)) return false;
  return true;
}

/** The matches (notices or catalogue years) that pass the state's filters. */
export function applyFilters<M extends { key: FacetKey }>(matches: readonly M[], state: SearchState): M[] {
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
export function facetCounts(matches: readonly { key: FacetKey }[], state: SearchState): FacetCounts {
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
