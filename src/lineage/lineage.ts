/**
 * Sentence lineage: for every sentence of every held notice, which other notices hold the same
 * sentence or a near one (src/lineage/similarity.ts), and where it first appeared. Pure and
 * Astro-free: the build feeds it every notice's sentences (src/text/sentences.ts) once, and the
 * notice pages, the open data and the draft check read from the one index.
 *
 *   const index = buildLineage(notices)        // once per build
 *   noticeLineage(index, "2022-quanguo")      // → each sentence: carried | rewritten | new, its
 *                                             //   first appearance, closest earlier source, matches
 *
 * Order of the notices. A notice is earlier than another when its year is; within a year the
 * national notice comes before the provincial and those before the municipal (a local notice
 * implements the national one); then by date (成文日期, else 印发日期, else 发布日期; a notice
 * without one after those with one), then by id. “Earlier” below always means in this order.
 *
 * What a sentence of notice X is:
 * - 沿用 carried: an earlier notice holds the same sentence;
 * - 改写 rewritten: no earlier notice holds the same sentence, but one holds a near one;
 * - 新写 new: no earlier held notice holds it or a near one (the archive may not hold the notice
 *   it came from: 新写 is relative to what is held).
 * Its **first appearance** is the earliest notice holding the same sentence (carried) or a near
 * one (rewritten); its **source** the closest earlier one: the latest earlier notice holding the
 * same sentence, or, for a rewritten one, the earlier near sentence most like it (the latest on
 * a tie). Sentences repeated within one notice are one sentence of that notice.
 *
 * Which units count (isCounted): headings, sentences and list items of the running text, and the
 * parts whose lines are wording (src/document/parts.ts: 标题, 主送机关, 附件说明); not the
 * document's furniture (版头, 发文字号, 署名, 成文日期, 附注, 版记) nor attachment labels (附件1).
 *
 * Near-linear: exact matches are grouped by key in one pass. Near sentences come from a
 * prefix-filtered similarity join over the distinct keys, taken in order of first appearance
 * (AllPairs, Bayardo, Ma & Srikant 2007): each key is indexed under its rarest bigrams only — the
 * fewest that any key near it must share — and looks for earlier near keys among those indexed
 * under its own, so it meets only keys that share a rare bigram with it, never every other key.
 * Without bounds that join is exact. A sentence reworded by hundreds of notices makes a family
 * of hundreds of keys all near each other, though, and the pairs grow with the square of the
 * family; so each bigram's postings keep the POSTING_LIMIT earliest keys, and a key keeps at
 * most NEAR_LIMIT near keys each way. A key then still meets the earliest members of its
 * family, which is what lineage asks for (the earliest near sentence and a close one); it can
 * miss a near key only if that key is not among the first POSTING_LIMIT to share any of its
 * rare bigrams. Per sentence, listed matches are capped too (MATCH_LIMIT), so that a sentence
 * printed by thousands of notices costs no more than one printed by twelve.
 */
import { partOfAnchor } from "../document/parts.ts";
import type { Level } from "../shared/levels.ts";
import { levelRank } from "../shared/levels.ts";
import type { Sentence } from "../text/sentences.ts";
import {
  NEAR_THRESHOLD,
  keyTokens,
  nearSizeRange,
  sentenceKey,
  sharedNeeded,
  sharedTokens,
} from "./similarity.ts";

/** What lineage needs of a notice. */
export interface LineageNotice {
  /** {year}-{slug}. */
  id: string;
  year: number;
  level: Level;
  /** 成文日期, else 印发日期, else 发布日期 (YYYY-MM-DD), when the notice gives one. */
  date?: string | undefined;
  /** Every sentence of its text, in document order (blockSentences). */
  sentences: readonly Sentence[];
}

/** Whether a unit counts as a sentence of the notice (see the module comment). */
export function isCounted(sentence: Pick<Sentence, "kind" | "part">): boolean {
  return (
    sentence.kind !== "label" &&
    (sentence.part === undefined || partOfAnchor(sentence.part)?.wording === true)
  );
}

/**
 * At most this many matches are listed per sentence besides its first appearance and its source:
 * the earliest other notices holding the same sentence or one of its near sentences; `sameCount`
 * counts all notices holding the same.
 */
export const MATCH_LIMIT = 4;
/** At most this many near keys are kept per key each way (earlier, later). */
const NEAR_LIMIT = 12;
/** At most this many keys are indexed under one bigram: the earliest ones. */
const POSTING_LIMIT = 16;

/** A sentence in a notice: the notice's id, the block's anchor, the place in the block. */
interface Occurrence {
  notice: string;
  anchor: string;
  n: number;
}

/** Another notice holding the same sentence (similarity 1) or a near one. */
export interface Match extends Occurrence {
  /** 1 for the same sentence, else the near sentence's similarity (≥ NEAR_THRESHOLD). */
  similarity: number;
}

export type Origin = "carried" | "rewritten" | "new";

export interface SentenceLineage {
  sentence: Sentence;
  origin: Origin;
  /** Earliest notice holding the same (carried) or a near (rewritten) sentence. */
  first?: Match;
  /** Closest earlier: the latest earlier same sentence, or the most similar earlier near one. */
  source?: Match;
  /**
   * Other notices holding the same or a near sentence, one entry a notice (its best), earliest
   * first, at most MATCH_LIMIT, besides those of `first` and `source`.
   */
  matches: Match[];
  /** How many other notices hold the same sentence (all of them, not only those listed). */
  sameCount: number;
  /** Whether a later notice holds the same sentence. */
  reusedLater: boolean;
}

interface NearLink {
  key: number;
  similarity: number;
}

/** One key's holders: one entry per notice (its first sentence with the key), in notice order. */
interface Holder {
  rank: number;
  sentence: Sentence;
}

export interface LineageIndex {
  /** Notice ids in order (see the module comment); a notice's rank is its place here. */
  order: string[];
  rankOf: Map<string, number>;
  /** Distinct keys of counted sentences. */
  keys: string[];
  keyIndex: Map<string, number>;
  /** Per key: the notices holding it, in notice order. */
  holders: Holder[][];
  /** Per key: near keys first seen before it, most similar first (at most NEAR_LIMIT). */
  earlier: NearLink[][];
  /** Per key: near keys first seen after it, earliest first (at most NEAR_LIMIT). */
  later: NearLink[][];
  /** Per notice id: its counted sentences with their key numbers, in document order. */
  units: Map<string, { sentence: Sentence; key: number }[]>;
}

/** Notices in lineage order. */
export function lineageOrder<N extends Pick<LineageNotice, "id" | "year" | "level" | "date">>(
  notices: readonly N[],
): N[] {
  return [...notices].sort(
    (a, b) =>
      a.year - b.year ||
      levelRank(a.level) - levelRank(b.level) ||
      (a.date ?? "9999").localeCompare(b.date ?? "9999") ||
      a.id.localeCompare(b.id),
  );
}

/** Builds the lineage index of a whole archive. */
export function buildLineage(notices: readonly LineageNotice[]): LineageIndex {
  const ordered = lineageOrder(notices);
  const order = ordered.map((n) => n.id);
  const rankOf = new Map(order.map((id, rank) => [id, rank]));
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const holders: Holder[][] = [];
  const units = new Map<string, { sentence: Sentence; key: number }[]>();

  for (const [rank, notice] of ordered.entries()) {
    const own: { sentence: Sentence; key: number }[] = [];
    for (const sentence of notice.sentences) {
      if (!isCounted(sentence)) continue;
      const text = sentenceKey(sentence.text);
      if (!text) continue;
      let key = keyIndex.get(text);
      if (key === undefined) {
        key = keys.length;
        keys.push(text);
        keyIndex.set(text, key);
        holders.push([]);
      }
      const list = holders[key]!;
      if (list.at(-1)?.rank !== rank) list.push({ rank, sentence });
      own.push({ sentence, key });
    }
    units.set(notice.id, own);
  }
  return { order, rankOf, keys, keyIndex, holders, ...nearLinks(keys), units };
}

/**
 * The near keys of each key (see the module comment): `keys` in order of first appearance; for
 * each, the earlier keys near it and the later keys near it. `postingLimit: Infinity` makes the
 * join exact (the tests compare it with all pairs).
 */
export function nearLinks(
  keys: readonly string[],
  { threshold = NEAR_THRESHOLD, postingLimit = POSTING_LIMIT, nearLimit = NEAR_LIMIT } = {},
): Pick<LineageIndex, "earlier" | "later"> {
  // Each bigram token becomes its place in the global order, rarest first (fewest keys holding
  // it, then the token): a key is then an ascending list of small integers whose first
  // elements are its rarest bigrams, and two keys share what their lists share.
  const raw = keys.map(keyTokens);
  const ids = new Map<number, number>();
  const counts: number[] = [];
  const asIds = raw.map((list) =>
    list.map((t) => {
      let id = ids.get(t);
      if (id === undefined) {
        id = counts.length;
        ids.set(t, id);
        counts.push(0);
      }
      counts[id]!++;
      return id;
    }),
  );
  const tokenOf = [...ids.keys()];
  const byRarity = counts
    .map((_, id) => id)
    .sort((a, b) => counts[a]! - counts[b]! || tokenOf[a]! - tokenOf[b]!);
  const rankOf = new Int32Array(counts.length);
  byRarity.forEach((id, rank) => (rankOf[id] = rank));
  const tokens = asIds.map((list) => Int32Array.from(list, (id) => rankOf[id]!).sort());
  // Sizes apart, flat: the scan below reads one per posting, and must not chase a pointer for it.
  const sizes = Int32Array.from(tokens, (t) => t.length);

  const earlier: NearLink[][] = keys.map(() => []);
  const later: NearLink[][] = keys.map(() => []);
  // Postings: key and the token's place in that key, flat (key, place, key, place …).
  const postings: number[][] = Array.from({ length: counts.length }, () => []);
  const stamp = new Int32Array(keys.length).fill(-1);
  const hits = new Int32Array(keys.length);
  const touched: number[] = [];
  const ratio = threshold / (2 - threshold);
  // Any two near keys share a token among the first |r| − ⌈t/(2−t)·|r|⌉ + 1 rarest of each
  // (overlap ≥ t(|x|+|y|)/2 ≥ t/(2−t)·|r| for either, since the other is at least t/(2−t) as long).
  const prefix = (size: number) => Math.min(size, size - Math.ceil(ratio * size - 1e-9) + 1);
  for (let x = 0; x < keys.length; x++) {
    const mine = tokens[x]!;
    const size = mine.length;
    const [minSize, maxSize] = nearSizeRange(size, threshold);
    const length = prefix(size);
    touched.length = 0;
    for (let p = 0; p < length; p++) {
      const list = postings[mine[p]!]!;
      for (let k = 0; k < list.length; k += 2) {
        const y = list[k]!;
        const other = sizes[y]!;
        if (stamp[y] !== x) {
          // Sizes that cannot be near are never counted (−1: pruned for this key).
          stamp[y] = x;
          hits[y] = other < minSize || other > maxSize ? -1 : 0;
          if (hits[y] === 0) touched.push(y);
        }
        if (hits[y]! < 0) continue;
        // Positional filter (PPJoin, Xiao et al. 2008): what is shared so far, plus all that
        // could still be shared after this token on both sides, must reach the overlap needed.
        const needed = sharedNeeded(size, other, threshold);
        const bound = hits[y]! + 1 + Math.min(size - p - 1, other - list[k + 1]! - 1);
        hits[y] = bound >= needed ? hits[y]! + 1 : -1;
      }
    }
    const found: NearLink[] = [];
    for (const y of touched) {
      if (hits[y]! <= 0) continue;
      const needed = sharedNeeded(size, sizes[y]!, threshold);
      const similarity = (2 * sharedTokens(mine, tokens[y]!, needed)) / (size + sizes[y]!);
      if (similarity >= threshold) found.push({ key: y, similarity });
    }
    found.sort((a, b) => b.similarity - a.similarity || a.key - b.key);
    earlier[x] = found.slice(0, nearLimit);
    for (const { key: y, similarity } of found)
      if (later[y]!.length < nearLimit) later[y]!.push({ key: x, similarity });
    for (let p = 0; p < length; p++) {
      const list = postings[mine[p]!]!;
      if (list.length < 2 * postingLimit) list.push(x, p);
    }
  }
  return { earlier, later };
}

/** The last holder before `rank` (holders are in notice order), if any. */
function lastBefore(list: readonly Holder[], rank: number): Holder | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.rank < rank) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : undefined;
}

function match(index: LineageIndex, holder: Holder, similarity: number): Match {
  return {
    notice: index.order[holder.rank]!,
    anchor: holder.sentence.anchor,
    n: holder.sentence.n,
    similarity,
  };
}

/** The lineage of one sentence of the notice at `rank`, holding key `key`. */
function sentenceLineage(
  index: LineageIndex,
  rank: number,
  sentence: Sentence,
  key: number,
): SentenceLineage {
  const same = index.holders[key]!;
  const near = index.earlier[key]!;
  let origin: Origin = "new";
  let first: Match | undefined;
  let source: Match | undefined;
  const earlierSame = lastBefore(same, rank);
  if (earlierSame) {
    origin = "carried";
    first = match(index, same[0]!, 1);
    source = match(index, earlierSame, 1);
  } else {
    for (const { key: other, similarity } of near) {
      const list = index.holders[other]!;
      if (!list.length || list[0]!.rank >= rank) continue;
      origin = "rewritten";
      if (!first || list[0]!.rank < index.rankOf.get(first.notice)!)
        first = match(index, list[0]!, similarity);
      const closest = lastBefore(list, rank)!;
      // Most similar first (near is sorted so); on a tie the latest earlier one.
      if (!source || (similarity === source.similarity && closest.rank > index.rankOf.get(source.notice)!))
        source = match(index, closest, similarity);
    }
  }

  // The earliest other notices holding the same or a near sentence: each list is in notice
  // order, so its first MATCH_LIMIT + 1 holders (one may be this notice) are all it can add.
  // Match objects are made only for the few listed: this runs for every sentence of the archive.
  const best = new Map<number, { holder: Holder; similarity: number }>();
  const consider = (list: readonly Holder[], similarity: number) => {
    let taken = 0;
    for (const holder of list) {
      if (holder.rank === rank) continue;
      if (++taken > MATCH_LIMIT) break;
      const known = best.get(holder.rank);
      if (!known) best.set(holder.rank, { holder, similarity });
      else if (known.similarity < similarity) {
        known.holder = holder;
        known.similarity = similarity;
      }
    }
  };
  consider(same, 1);
  for (const link of near) consider(index.holders[link.key]!, link.similarity);
  for (const link of index.later[key]!) consider(index.holders[link.key]!, link.similarity);
  // The first appearance and the source are given apart: the others, earliest first.
  const apart = new Set([first?.notice, source?.notice]);
  const matches = [...best.values()]
    .filter(({ holder }) => !apart.has(index.order[holder.rank]))
    .sort((a, b) => a.holder.rank - b.holder.rank)
    .slice(0, MATCH_LIMIT)
    .map(({ holder, similarity }) => match(index, holder, similarity));

  // The notice itself is among the holders (the sentence is its own).
  const sameCount = same.length - 1;
  return {
    sentence,
    origin,
    ...(first ? { first } : {}),
    ...(source ? { source } : {}),
    matches,
    sameCount,
    reusedLater: same.at(-1)!.rank > rank,
  };
}

/** Every counted sentence of one notice with its lineage, in document order. */
export function noticeLineage(index: LineageIndex, id: string): SentenceLineage[] {
  const rank = index.rankOf.get(id);
  const units = index.units.get(id);
  if (rank === undefined || !units) throw new Error(`lineage: no notice ${id}`);
  return units.map(({ sentence, key }) => sentenceLineage(index, rank, sentence, key));
}

/** The summary line's figures. */
export interface LineageSummary {
  /** Counted sentences. */
  total: number;
  carried: number;
  rewritten: number;
  new: number;
  /** Carried sentences by the notice they first appeared in, earliest notice first. */
  carriedFrom: { notice: string; count: number }[];
  /** Sentences a later notice holds the same. */
  reusedLater: number;
}

export function summarize(index: LineageIndex, lineage: readonly SentenceLineage[]): LineageSummary {
  const from = new Map<string, number>();
  const summary: LineageSummary = {
    total: lineage.length,
    carried: 0,
    rewritten: 0,
    new: 0,
    carriedFrom: [],
    reusedLater: 0,
  };
  for (const s of lineage) {
    summary[s.origin]++;
    if (s.reusedLater) summary.reusedLater++;
    if (s.origin === "carried") from.set(s.first!.notice, (from.get(s.first!.notice) ?? 0) + 1);
  }
  summary.carriedFrom = [...from]
    .map(([notice, count]) => ({ notice, count }))
    .sort((a, b) => index.rankOf.get(a.notice)! - index.rankOf.get(b.notice)!);
  return summary;
}
