/**
 * The sentences of a comparison: each section's blocks (CompareDoc) cut at the sentence starts
 * the build recorded, each sentence with its anchor, its place in its block and its key; the best
 * counterpart of every sentence anywhere in the other notice; and the order-preserving alignment
 * of two sections' sentences. Same and near are the rule of sentence lineage
 * (src/lineage/similarity.ts). Pure and browser-safe, like the rest of the comparison.
 */
import { partOfAnchor } from "../document/parts.ts";
import {
  NEAR_THRESHOLD,
  diceOfTokens,
  keyTokens,
  nearSizeRange,
  sentenceKey,
} from "../lineage/similarity.ts";
import type { BlockKind, CompareSection } from "./compare.ts";

export interface CompareSentence {
  /** The block's anchor on its notice page (absent in data built before anchors were kept). */
  anchor?: string | undefined;
  /** Place in the block, from 1. */
  n: number;
  k: BlockKind;
  /** Its words (segmenter tokens), whitespace and punctuation included. */
  t: string[];
  text: string;
  key: string;
  /** Bigram tokens of the key (src/lineage/similarity.ts). */
  tokens: number[];
  /** Whether it counts as wording (not the furniture of 版头, 署名 …: src/document/parts.ts). */
  counted: boolean;
}

/** A section's sentences, in order. */
export function sectionSentences(section: CompareSection): CompareSentence[] {
  const counted = section.kind !== "part" || partOfAnchor(section.key)?.wording === true;
  return section.blocks.flatMap((block) => {
    const starts = [0, ...(block.s ?? []), block.t.length];
    const out: CompareSentence[] = [];
    for (let i = 0; i + 1 < starts.length; i++) {
      const t = block.t.slice(starts[i], starts[i + 1]);
      const text = t.join("");
      const key = sentenceKey(text);
      if (!key) continue;
      out.push({ anchor: block.a, n: i + 1, k: block.k, t, text, key, tokens: keyTokens(key), counted });
    }
    return out;
  });
}

/** How alike two sentences are: 1 when the same, their similarity when near, else 0. */
function likeness(x: CompareSentence, y: CompareSentence): number {
  if (x.key === y.key) return 1;
  const [lo, hi] = nearSizeRange(x.tokens.length);
  if (y.tokens.length < lo || y.tokens.length > hi) return 0;
  const similarity = diceOfTokens(x.tokens, y.tokens);
  // Different keys with the same bigrams are near, not the same.
  return similarity >= NEAR_THRESHOLD ? Math.min(similarity, 0.999) : 0;
}

export interface Counterpart {
  /** Index into the other notice's sentences. */
  index: number;
  similarity: number;
}

/**
 * For each sentence of `xs`, its most alike sentence of `ys` (the first on a tie), if any. The
 * bigrams of `ys` are indexed once; each sentence of `xs` counts what it shares with each of
 * them in one pass over its own bigrams (tokens are distinct within a key, so the count is the
 * intersection), instead of comparing every pair.
 */
export function counterparts(
  xs: readonly CompareSentence[],
  ys: readonly CompareSentence[],
): (Counterpart | undefined)[] {
  const byKey = new Map<string, number>();
  const byToken = new Map<number, number[]>();
  ys.forEach((y, i) => {
    if (!byKey.has(y.key)) byKey.set(y.key, i);
    for (const t of y.tokens) {
      const list = byToken.get(t);
      if (list) list.push(i);
      else byToken.set(t, [i]);
    }
  });
  const shared = new Int32Array(ys.length);
  const touched: number[] = [];
  return xs.map((x) => {
    const same = byKey.get(x.key);
    if (same !== undefined) return { index: same, similarity: 1 };
    for (const t of x.tokens)
      for (const i of byToken.get(t) ?? []) {
        if (shared[i] === 0) touched.push(i);
        shared[i]!++;
      }
    let best: Counterpart | undefined;
    for (const index of touched.sort((a, b) => a - b)) {
      const raw = (2 * shared[index]!) / (x.tokens.length + ys[index]!.tokens.length);
      shared[index] = 0;
      // Different keys with the same bigrams are near, not the same.
      const similarity = raw >= NEAR_THRESHOLD ? Math.min(raw, 0.999) : 0;
      if (similarity > (best?.similarity ?? 0)) best = { index, similarity };
    }
    touched.length = 0;
    return best;
  });
}

/**
 * Order-preserving alignment of two sentence lists maximising the summed likeness of the pairs
 * (same or near only), as index pairs. A small Needleman–Wunsch without gap costs, as for sections.
 */
export function alignSentences(
  as: readonly CompareSentence[],
  bs: readonly CompareSentence[],
): [number, number, number][] {
  const m = as.length;
  const n = bs.length;
  const score = as.map((a) => bs.map((b) => likeness(a, b)));
  const best: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(n + 1));
  for (let i = 1; i <= m; i++)
    for (let j = 1; j <= n; j++) {
      const s = score[i - 1]![j - 1]!;
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, s > 0 ? best[i - 1]![j - 1]! + s : 0);
    }
  const pairs: [number, number, number][] = [];
  let i = m;
  let j = n;
  while (i > 0 && j > 0) {
    const s = score[i - 1]![j - 1]!;
    if (s > 0 && best[i]![j] === best[i - 1]![j - 1]! + s) {
      pairs.push([i - 1, j - 1, s]);
      i--;
      j--;
    } else if (best[i]![j] === best[i - 1]![j]) i--;
    else j--;
  }
  return pairs.reverse();
}
