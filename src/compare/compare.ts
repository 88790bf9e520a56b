/**
 * Comparing two notices: which pairs are compared, how their sections are aligned (一、 with 一、,
 * 附件 with the attachment of the same title), how the sentences of each aligned pair of sections
 * are aligned (the same sentence, a rewritten one, a moved one, an added or removed one: the rule
 * of sentence lineage, src/lineage/similarity.ts), each section's verdict, and the word-level diff
 * inside each rewritten pair of sentences. Pure: the static compare pages use it at build time and
 * the in-page picker runs the very same code in the browser on the per-notice JSON
 * (/compare/data/{id}.json).
 *
 *   comparisonPairs(notices) → 2022-quanguo ⟷ 2022-hainan (implements), 2021-quanguo ⟷ 2022-quanguo …
 *   compareDocs(a, b)        → { rows: [{ a: 一、活动主题, b: 一、活动主题, verdict: "same", pairs, counts }, …],
 *                                sentences: { same, rewritten, added, removed }, similarity }
 */
import { significantChars, significantLength } from "../shared/letters.ts";
import { levelRank, type Level } from "../shared/levels.ts";
import { diffStats, diffTokens, similarity, type DiffOp, type DiffStats } from "../text/diff.ts";
import {
  alignSentences,
  counterparts,
  sectionSentences,
  type CompareSentence,
  type Counterpart,
} from "./sentences.ts";

/* ───────────────────────────── pairs ───────────────────────────── */

export type { Level };

/** What the pair logic needs to know about a notice (frontmatter facts, nothing else). */
export interface NoticeInfo {
  /** {year}-{slug}, the file name. */
  id: string;
  year: number;
  level: Level;
  docNumber?: string | undefined;
  respondsTo?: string | undefined;
}

export type PairKind = "implements" | "previous-year";

/** A comparison with a static page: `a` is the base (left), `b` is compared with it (right). */
export interface ComparisonPair<N extends NoticeInfo = NoticeInfo> {
  a: N;
  b: N;
  /** b implements a (b.respondsTo = a.docNumber), or a is the previous held national notice. */
  kind: PairKind;
}

/** Base first: the earlier year, then the national notice, then by id. */
export function orderPair<N extends NoticeInfo>(x: N, y: N): [N, N] {
  const order = x.year - y.year || levelRank(x.level) - levelRank(y.level) || x.id.localeCompare(y.id);
  return order <= 0 ? [x, y] : [y, x];
}

/**
 * The pairs that get a static page: every notice against the held notice it implements
 * (respondsTo), and every national notice against the previous national notice held.
 * Computed from the notices alone, so an imported notice brings its comparisons with it.
 */
export function comparisonPairs<N extends NoticeInfo>(notices: readonly N[]): ComparisonPair<N>[] {
  const byDocNumber = new Map<string, N>();
  for (const n of notices) if (n.docNumber) byDocNumber.set(n.docNumber, n);
  const national = notices.filter((n) => n.level === "national").sort((x, y) => x.year - y.year);
  const pairs: ComparisonPair<N>[] = [];
  for (const [k, n] of national.entries()) {
    const previous = national.slice(0, k).findLast((p) => p.year < n.year);
    if (previous) pairs.push({ a: previous, b: n, kind: "previous-year" });
  }
  for (const n of notices) {
    const target = n.respondsTo ? byDocNumber.get(n.respondsTo) : undefined;
    if (target && target !== n) pairs.push({ a: target, b: n, kind: "implements" });
  }
  return pairs.sort(
    (x, y) => y.b.year - x.b.year || x.kind.localeCompare(y.kind) || x.b.id.localeCompare(y.b.id),
  );
}

/** Site path of a comparison (relative to the base): compare/{a}/{b}/. */
export function comparePath(a: Pick<NoticeInfo, "id">, b: Pick<NoticeInfo, "id">): string {
  return `compare/${a.id}/${b.id}/`;
}

/* ───────────────────────────── documents ───────────────────────────── */

/** h2 … h6, p, li: how a block is shown (see src/compare/sections.ts). */
export type BlockKind = "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "li";

/** A block of text as tokens (segmenter words, whitespace and punctuation included). */
interface TokenBlock {
  k: BlockKind;
  t: string[];
  /** The block's anchor on the notice page. */
  a?: string;
  /** Where its second, third … sentence starts in `t` (absent for a single sentence). */
  s?: number[];
}

export interface CompareSection {
  key: string;
  kind: "part" | "preamble" | "body" | "attachment" | "tail";
  label: string;
  title?: string;
  anchor?: string;
  blocks: TokenBlock[];
}

/** One notice as the comparison sees it: the JSON emitted per notice for the browser. */
export interface CompareDoc {
  id: string;
  year: number;
  level: Level;
  /** Short name: 2022年全国, 2022年海南省. */
  label: string;
  title: string;
  /** The notice page. */
  url: string;
  sections: CompareSection[];
}

/** Separates the blocks of a section in its token stream (never occurs in document text). */
const BLOCK_BREAK = "\u2029";

function sectionTokens(section: CompareSection): string[] {
  const tokens: string[] = [];
  for (const [k, block] of section.blocks.entries()) {
    if (k > 0) tokens.push(BLOCK_BREAK);
    tokens.push(...block.t);
  }
  return tokens;
}

function sectionText(section: CompareSection): string {
  return sectionTokens(section).join("");
}

/* ───────────────────────────── alignment ───────────────────────────── */

function bigrams(text: string): Map<string, number> {
  const chars = Array.from(significantChars(text));
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  if (chars.length === 1) counts.set(chars[0]!, 1);
  return counts;
}

/** Cosine similarity of two bigram profiles, 0 … 1. */
function cosine(x: Map<string, number>, y: Map<string, number>): number {
  let dot = 0;
  let nx = 0;
  let ny = 0;
  for (const [g, c] of x) {
    nx += c * c;
    dot += c * (y.get(g) ?? 0);
  }
  for (const c of y.values()) ny += c * c;
  return nx && ny ? dot / Math.sqrt(nx * ny) : 0;
}

/** Title similarity, years and numbers ignored (2019年…活动口号 ≈ 2022年…活动口号). */
function titleSimilarity(x?: string, y?: string): number {
  if (!x || !y) return 0;
  const strip = (t: string) => t.replace(/\p{N}/gu, "");
  return cosine(bigrams(strip(x)), bigrams(strip(y)));
}

/** Minimum score for two sections to be shown side by side. */
const MIN_SCORE = 0.6;

interface Profiled {
  section: CompareSection;
  profile: Map<string, number>;
}

/** How well two sections correspond; undefined when they must not be aligned. */
function pairScore(x: Profiled, y: Profiled): number | undefined {
  const a = x.section;
  const b = y.section;
  if (a.kind !== b.kind) return undefined;
  if (a.kind === "part") return a.key === b.key ? 3 : undefined;
  if (a.kind === "preamble") return 3;
  if (a.kind === "tail") return 1;
  const content = cosine(x.profile, y.profile);
  const title = titleSimilarity(a.title, b.title);
  // 一、 with 一、 (the same number, or the same place when a layout dropped the numbers);
  // attachments are matched mostly by title: 附件2 口号 in one is 附件4 口号 in the other.
  const sameNumber = a.key === b.key ? (a.kind === "body" ? MIN_SCORE : 0.3) : 0;
  const score = sameNumber + title + content;
  return score >= MIN_SCORE ? score : undefined;
}

export interface AlignedPair {
  a?: CompareSection;
  b?: CompareSection;
}

/**
 * Order-preserving alignment of two section lists maximising the total pair score (a small
 * Needleman–Wunsch without gap costs); sections without a counterpart stand alone.
 */
export function alignSections(as: readonly CompareSection[], bs: readonly CompareSection[]): AlignedPair[] {
  const pa = as.map((section) => ({ section, profile: bigrams(sectionText(section)) }));
  const pb = bs.map((section) => ({ section, profile: bigrams(sectionText(section)) }));
  const m = pa.length;
  const n = pb.length;
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  const scores: (number | undefined)[][] = pa.map((x) => pb.map((y) => pairScore(x, y)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const s = scores[i - 1]![j - 1];
      best[i]![j] = Math.max(
        best[i - 1]![j]!,
        best[i]![j - 1]!,
        s === undefined ? -Infinity : best[i - 1]![j - 1]! + s,
      );
    }
  }
  const reversed: AlignedPair[] = [];
  let i = m;
  let j = n;
  while (i > 0 || j > 0) {
    const s = i > 0 && j > 0 ? scores[i - 1]![j - 1] : undefined;
    if (s !== undefined && best[i]![j] === best[i - 1]![j - 1]! + s) {
      reversed.push({ a: as[i - 1]!, b: bs[j - 1]! });
      i--;
      j--;
    } else if (j > 0 && (i === 0 || best[i]![j] === best[i]![j - 1])) {
      reversed.push({ b: bs[j - 1]! });
      j--;
    } else {
      reversed.push({ a: as[i - 1]! });
      i--;
    }
  }
  return reversed.reverse();
}

/* ───────────────────────────── comparison ───────────────────────────── */

/**
 * What became of a sentence: kept the same or rewritten (aligned with its counterpart in the
 * same section), moved (its counterpart is in another section), added (b only: nothing the same
 * or near in a), removed (a only: nothing the same or near in b).
 */
type SentenceState = "same" | "rewritten" | "moved" | "added" | "removed";

export interface SentencePair {
  a?: CompareSentence;
  b?: CompareSentence;
  state: SentenceState;
  /** 1 for the same sentence, its similarity for a rewritten or moved one. */
  similarity?: number;
  /** Word-level diff of a rewritten pair (the character diff stays inside the pair). */
  ops?: DiffOp[];
}

/** A section's verdict: 相同 (every sentence kept as it was), 改写, 新增 (b only), 删去 (a only). */
export type Verdict = "same" | "rewritten" | "added" | "removed";

/** Sentences of a row (or a notice) by what became of them. */
interface SentenceCounts {
  /** Of b: the same as a sentence of a (here or moved). */
  same: number;
  /** Of b: near a sentence of a (here or moved). */
  rewritten: number;
  /** Of b: neither. */
  added: number;
  /** Of a: nothing the same or near in b. */
  removed: number;
}

export interface ComparedRow extends AlignedPair {
  /** The two sections' sentences, aligned: pairs in order, unpaired ones where they stand. */
  pairs: SentencePair[];
  verdict: Verdict;
  counts: SentenceCounts;
  /** Letters and digits kept, removed, added (same pairs kept whole, rewritten ones diffed). */
  stats: DiffStats;
  similarity: number;
}

export interface Comparison {
  rows: ComparedRow[];
  /** Letters and digits over all sections: kept, removed (from a), added (in b). */
  stats: DiffStats;
  /** 2·kept / (a + b): the share of text kept, 1 for identical notices. */
  similarity: number;
  /** The notices' sentences that count as wording (src/lineage/lineage.ts), by what became of them. */
  sentences: SentenceCounts & { a: number; b: number };
}

function emptyCounts(): SentenceCounts {
  return { same: 0, rewritten: 0, added: 0, removed: 0 };
}

/** Pairs a row's sentences: aligned ones first, the others where they stand in their section. */
function pairRow(
  as: readonly CompareSentence[],
  bs: readonly CompareSentence[],
  aligned: readonly [number, number, number][],
  inB: (s: CompareSentence) => Counterpart | undefined,
  inA: (s: CompareSentence) => Counterpart | undefined,
): SentencePair[] {
  const pairs: SentencePair[] = [];
  let i = 0;
  let j = 0;
  const loose = (upToA: number, upToB: number) => {
    for (; i < upToA; i++) {
      const other = inB(as[i]!);
      pairs.push(
        other ? { a: as[i]!, state: "moved", similarity: other.similarity } : { a: as[i]!, state: "removed" },
      );
    }
    for (; j < upToB; j++) {
      const other = inA(bs[j]!);
      pairs.push(
        other ? { b: bs[j]!, state: "moved", similarity: other.similarity } : { b: bs[j]!, state: "added" },
      );
    }
  };
  for (const [x, y, similarity] of aligned) {
    loose(x, y);
    const a = as[x]!;
    const b = bs[y]!;
    pairs.push(
      similarity === 1
        ? { a, b, state: "same", similarity }
        : { a, b, state: "rewritten", similarity, ops: diffTokens(a.t, b.t) },
    );
    i = x + 1;
    j = y + 1;
  }
  loose(as.length, bs.length);
  return pairs;
}

function rowFacts(pairs: readonly SentencePair[]): { counts: SentenceCounts; stats: DiffStats } {
  const counts = emptyCounts();
  let kept = 0;
  let removed = 0;
  let added = 0;
  for (const p of pairs) {
    if (p.b && p.state !== "added") counts[p.similarity === 1 ? "same" : "rewritten"]++;
    if (p.state === "added") counts.added++;
    if (p.state === "removed") counts.removed++;
    if (p.state === "same") kept += significantLength(p.b!.text);
    else if (p.ops) {
      const s = diffStats(p.ops);
      kept += s.kept;
      removed += s.removed;
      added += s.added;
    } else {
      if (p.a) removed += significantLength(p.a.text);
      if (p.b) added += significantLength(p.b.text);
    }
  }
  return { counts, stats: { a: kept + removed, b: kept + added, kept, removed, added } };
}

/**
 * Aligns two notices: sections (alignSections), then the sentences of each aligned pair of
 * sections (alignSentences; a pair of numbered sections or attachments with no sentence in common
 * is two sections, one removed and one added), each rewritten pair diffed at word level.
 */
export function compareDocs(a: Pick<CompareDoc, "sections">, b: Pick<CompareDoc, "sections">): Comparison {
  const ofA = new Map(a.sections.map((s) => [s, sectionSentences(s)]));
  const ofB = new Map(b.sections.map((s) => [s, sectionSentences(s)]));
  const allA = [...ofA.values()].flat();
  const allB = [...ofB.values()].flat();
  const forB = counterparts(allB, allA);
  const forA = counterparts(allA, allB);
  const bInA = new Map(allB.map((s, i) => [s, forB[i]] as const));
  const aInB = new Map(allA.map((s, i) => [s, forA[i]] as const));
  const inA = (s: CompareSentence) => bInA.get(s);
  const inB = (s: CompareSentence) => aInB.get(s);

  const rows: ComparedRow[] = [];
  const pushRow = (pair: AlignedPair, pairs: SentencePair[], verdict: Verdict) => {
    const { counts, stats } = rowFacts(pairs);
    rows.push({ ...pair, pairs, verdict, counts, stats, similarity: similarity(stats) });
  };
  for (const pair of alignSections(a.sections, b.sections)) {
    const as = pair.a ? ofA.get(pair.a)! : [];
    const bs = pair.b ? ofB.get(pair.b)! : [];
    const aligned = pair.a && pair.b ? alignSentences(as, bs) : [];
    if (
      pair.a &&
      pair.b &&
      aligned.length === 0 &&
      (pair.a.kind === "body" || pair.a.kind === "attachment")
    ) {
      // Nothing in common: not counterparts after all. A part of the document (署名, 附注 …), the
      // preamble and the tail stay one row: 署名 against 署名 is that part rewritten.
      pushRow({ a: pair.a }, pairRow(as, [], [], inB, inA), "removed");
      pushRow({ b: pair.b }, pairRow([], bs, [], inB, inA), "added");
      continue;
    }
    const pairs = pairRow(as, bs, aligned, inB, inA);
    const verdict: Verdict = !pair.a
      ? "added"
      : !pair.b
        ? "removed"
        : pairs.every((p) => p.state === "same")
          ? "same"
          : "rewritten";
    pushRow(pair, pairs, verdict);
  }

  const stats: DiffStats = { a: 0, b: 0, kept: 0, removed: 0, added: 0 };
  for (const row of rows) {
    for (const key of Object.keys(stats) as (keyof DiffStats)[]) stats[key] += row.stats[key];
  }
  const sentences = { ...emptyCounts(), a: 0, b: 0 };
  for (const s of allB.filter((x) => x.counted)) {
    sentences.b++;
    const other = inA(s);
    sentences[!other ? "added" : other.similarity === 1 ? "same" : "rewritten"]++;
  }
  for (const s of allA.filter((x) => x.counted)) {
    sentences.a++;
    if (!inB(s)) sentences.removed++;
  }
  return { rows, stats, similarity: similarity(stats), sentences };
}

/** 0.8734 → "87.3%"; exact 0 and 1 stay whole. */
export function formatPercent(share: number): string {
  const value = Math.round(share * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}
