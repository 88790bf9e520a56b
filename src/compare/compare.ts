/**
 * Comparing two notices: which pairs are compared, how their sections are aligned (一、 with 一、,
 * 附件 with the attachment of the same title), and the word-level diff and similarity of each
 * aligned pair. Pure and dependency-free: the static compare pages use it at build time and the
 * in-page picker runs the very same code in the browser on the per-notice JSON
 * (/compare/data/{id}.json).
 *
 *   comparisonPairs(notices) → 2022-quanguo ⟷ 2022-hainan (implements), 2021-quanguo ⟷ 2022-quanguo …
 *   compareDocs(a, b)        → { rows: [{ a: 一、活动主题, b: 一、活动主题, ops, similarity }, …], similarity }
 */
import { significantChars } from "../shared/letters.ts";
import { levelRank, type Level } from "../shared/levels.ts";
import {
  DELETE,
  diffStats,
  diffTokens,
  INSERT,
  similarity,
  type DiffOp,
  type DiffStats,
} from "../text/diff.ts";

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
export const BLOCK_BREAK = "\u2029";

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

export interface ComparedRow extends AlignedPair {
  ops: DiffOp[];
  stats: DiffStats;
  similarity: number;
}

export interface Comparison {
  rows: ComparedRow[];
  /** Letters and digits over all sections: kept, removed (from a), added (in b). */
  stats: DiffStats;
  /** 2·kept / (a + b): the share of text kept, 1 for identical notices. */
  similarity: number;
}

/** Aligns the sections of two notices and diffs each aligned pair at word level. */
export function compareDocs(a: Pick<CompareDoc, "sections">, b: Pick<CompareDoc, "sections">): Comparison {
  const rows: ComparedRow[] = alignSections(a.sections, b.sections).map((pair) => {
    let ops: DiffOp[];
    if (pair.a && pair.b) ops = diffTokens(sectionTokens(pair.a), sectionTokens(pair.b));
    else if (pair.a) ops = [[DELETE, sectionText(pair.a)]];
    else ops = [[INSERT, sectionText(pair.b!)]];
    const stats = diffStats(ops);
    return { ...pair, ops, stats, similarity: similarity(stats) };
  });
  const stats: DiffStats = { a: 0, b: 0, kept: 0, removed: 0, added: 0 };
  for (const row of rows) {
    for (const key of Object.keys(stats) as (keyof DiffStats)[]) stats[key] += row.stats[key];
  }
  return { rows, stats, similarity: similarity(stats) };
}

/** 0.8734 → "87.3%"; exact 0 and 1 stay whole. */
export function formatPercent(share: number): string {
  const value = Math.round(share * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}
