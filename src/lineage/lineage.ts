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
 * Near-linear: exact matches are grouped by key in one pass; near pairs come from a
 * prefix-filtered similarity join over the distinct keys (AllPairs, Bayardo, Ma & Srikant
 * 2007): keys are taken shortest first, and each is indexed only under its rarest bigrams — the
 * fewest that any key near it must share — so a key meets only the keys that share a rare
 * bigram with it, never every other key. The join is exact: it finds every pair at or above
 * the threshold, no probabilistic misses. Per sentence, listed matches are capped (MATCH_LIMIT)
 * so that a sentence printed by thousands of notices costs no more than one printed by twelve.
 */
import { partOfAnchor } from "../document/parts.ts";
import type { Level } from "../shared/levels.ts";
import { levelRank } from "../shared/levels.ts";
import type { Sentence } from "../text/sentences.ts";
import { NEAR_THRESHOLD, keyTokens, nearSizeRange, sentenceKey, sharedTokens } from "./similarity.ts";

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
 * At most this many matches are listed per sentence: the earliest notices holding the same
 * sentence or one of its NEAR_LIMIT most similar near sentences; `sameCount` counts them all.
 */
export const MATCH_LIMIT = 12;
const NEAR_LIMIT = 2 * MATCH_LIMIT;

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
  /** Other notices holding the same or a near sentence, earliest first, at most MATCH_LIMIT. */
  matches: Match[];
  /** How many other notices hold the same sentence (all of them, not only those listed). */
  sameCount: number;
  /** Whether a later notice holds the same sentence. */
  reusedLater: boolean;
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
  /** Per key: the near keys, most similar first, with their similarity. */
  near: { key: number; similarity: number }[][];
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
  return { order, rankOf, keys, keyIndex, holders, near: nearPairs(keys), units };
}

/**
 * Every pair of distinct keys whose similarity is at least the threshold (see the module
 * comment), as a list of near keys per key, most similar first (then by key number).
 */
export function nearPairs(keys: readonly string[], threshold = NEAR_THRESHOLD): LineageIndex["near"] {
  const tokens = keys.map(keyTokens);
  // Rarest first: the global order of tokens by how many keys hold them.
  const frequency = new Map<number, number>();
  for (const list of tokens) for (const t of list) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const rare = tokens.map((list) => [...list].sort((a, b) => frequency.get(a)! - frequency.get(b)! || a - b));
  const byLength = keys.map((_, k) => k).sort((a, b) => tokens[a]!.length - tokens[b]!.length || a - b);

  const near: LineageIndex["near"] = keys.map(() => []);
  const postings = new Map<number, { list: number[]; start: number }>();
  const hits = new Map<number, number>();
  const minOverlapOfLonger = threshold / (2 - threshold);
  for (const x of byLength) {
    const size = tokens[x]!.length;
    const [minSize] = nearSizeRange(size, threshold);
    // Probe with the prefix any shorter near key must share (overlap ≥ t/(2−t)·|x|).
    const probe = size - Math.ceil(minOverlapOfLonger * size - 1e-9) + 1;
    hits.clear();
    for (let p = 0; p < probe && p < size; p++) {
      const posting = postings.get(rare[x]![p]!);
      if (!posting) continue;
      // Keys are indexed shortest first: those now too short never fit a later (longer) key.
      while (posting.start < posting.list.length && tokens[posting.list[posting.start]!]!.length < minSize)
        posting.start++;
      for (let i = posting.start; i < posting.list.length; i++) {
        const y = posting.list[i]!;
        hits.set(y, (hits.get(y) ?? 0) + 1);
      }
    }
    for (const y of hits.keys()) {
      const similarity = (2 * sharedTokens(tokens[x]!, tokens[y]!)) / (size + tokens[y]!.length);
      if (similarity >= threshold) {
        near[x]!.push({ key: y, similarity });
        near[y]!.push({ key: x, similarity });
      }
    }
    // Index under the prefix any longer near key must share (overlap ≥ t·|x|).
    const index = size - Math.ceil(threshold * size - 1e-9) + 1;
    for (let p = 0; p < index && p < size; p++) {
      const token = rare[x]![p]!;
      let posting = postings.get(token);
      if (!posting) postings.set(token, (posting = { list: [], start: 0 }));
      posting.list.push(x);
    }
  }
  for (const list of near) list.sort((a, b) => b.similarity - a.similarity || a.key - b.key);
  return near;
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
  const near = index.near[key]!;
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
  const best = new Map<number, Match & { rank: number }>();
  const consider = (list: readonly Holder[], similarity: number) => {
    let taken = 0;
    for (const holder of list) {
      if (holder.rank === rank) continue;
      if (++taken > MATCH_LIMIT) break;
      const known = best.get(holder.rank);
      if (!known || known.similarity < similarity)
        best.set(holder.rank, { ...match(index, holder, similarity), rank: holder.rank });
    }
  };
  consider(same, 1);
  for (const { key: other, similarity } of near.slice(0, NEAR_LIMIT))
    consider(index.holders[other]!, similarity);
  const matches = [...best.values()]
    .sort((a, b) => a.rank - b.rank)
    .slice(0, MATCH_LIMIT)
    .map(({ rank: _rank, ...m }) => m);

  const sameCount = same.length - (same.some((h) => h.rank === rank) ? 1 : 0);
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
