/**
 * When two sentences are the same, and when they are nearly the same: the one rule behind the
 * lineage of every sentence (src/lineage/lineage.ts), the sentence alignment of the compare
 * pages and the draft check. Pure and browser-safe.
 *
 * - A sentence's **key** is its text without the official numbering it opens with (一、 （二）
 *   3. …: renumbering is not rewording; src/document/numbering.ts), normalised as search
 *   normalises (src/search/normalize.ts: NFKC, lower case, traditional → simplified where a map
 *   is given, letters and digits only). Two sentences are the **same** when their keys are equal:
 *   “双随机、一公开” = “双随机 一公开”; 二、活动主题 = 活动主题.
 * - Two sentences are **near** when the Dice coefficient of the character bigrams of their keys
 *   is at least NEAR_THRESHOLD: 2 × shared bigrams ÷ (bigrams of one + bigrams of the other),
 *   bigrams counted with their repeats. Bigrams suit Chinese, which has no spaces to cut words
 *   at: a changed word changes the bigrams around it, a moved clause keeps its own. A key of one
 *   character is its own single "bigram".
 *
 * The threshold, 0.6, was read off the five held notices (every cross-notice pair of sentences
 * with either measure above 0.45, judged by hand; tests/unit/lineage/similarity.test.ts keeps
 * examples on both sides): from 0.6 up the pairs are the same sentence reworded
 * (坚持企业、群众自愿参加的原则… → 坚持自愿参加、不增加企业负担的原则…, 0.60;
 * 2021年全国“质量月”活动口号 → 2022年…, 0.85); below it they are mostly different sentences on
 * the same subject (开展特种设备质量提升行动。 / 推动开展油品质量提升活动。, 0.36;
 * 举行深入实施质量提升行动新闻发布会。 / 深入实施质量提升行动 大力推进质量强国建设, 0.51).
 * Character LCS similarity (the compare pages' measure for whole sections) was tried and rejected
 * for sentences: coincidental shared characters lift unrelated short sentences to 0.7
 * (2019年全国“质量月”活动统一标志 / 2021年全国“质量月”活动口号, 0.73).
 */
import { numberingOf } from "../document/numbering.ts";
import { normalize, type T2SMap } from "../search/normalize.ts";

/** Dice coefficient of character bigrams from which two sentences are near. */
export const NEAR_THRESHOLD = 0.6;

/** The identity of a sentence: its text without its opening numbering, normalised. */
export function sentenceKey(text: string, t2s?: T2SMap): string {
  const trimmed = text.trim();
  return normalize(numberingOf(trimmed)?.rest ?? trimmed, t2s);
}

/** Repeats of one bigram beyond this are counted as this many (no sentence comes near it). */
const MAX_REPEAT = 63;

/**
 * The bigrams of a key as distinct numbers, ascending: each bigram (two code points) with its
 * repeat number, so that the Dice coefficient of the multisets is that of these sets.
 */
export function keyTokens(key: string): number[] {
  const chars = Array.from(key, (c) => c.codePointAt(0)!);
  if (chars.length === 1) return [chars[0]! * 64];
  const seen = new Map<number, number>();
  const tokens: number[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    // 0x110000² · 64 < 2^53: exact in a double.
    const bigram = chars[i]! * 0x110000 + chars[i + 1]!;
    const repeat = Math.min(seen.get(bigram) ?? 0, MAX_REPEAT);
    seen.set(bigram, repeat + 1);
    tokens.push(bigram * 64 + repeat);
  }
  return tokens.sort((a, b) => a - b);
}

/**
 * How many tokens two ascending token lists share. With `atLeast`, it may stop as soon as that
 * many can no longer be reached, and then answers some smaller number.
 */
export function sharedTokens(x: ArrayLike<number>, y: ArrayLike<number>, atLeast = 0): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.length && j < y.length) {
    const a = x[i]!;
    const b = y[j]!;
    if (a === b) {
      shared++;
      i++;
      j++;
    } else {
      if (a < b) i++;
      else j++;
      if (shared + Math.min(x.length - i, y.length - j) < atLeast) return shared;
    }
  }
  return shared;
}

/**
 * The fewest tokens two keys of these sizes (in tokens) share when their Dice coefficient is at
 * least `similarity`: the overlap every filter and early stop of the joins works towards.
 */
export function sharedNeeded(size: number, other: number, similarity = NEAR_THRESHOLD): number {
  return Math.ceil((similarity * (size + other)) / 2 - 1e-9);
}

/** Dice coefficient of two token lists (keyTokens): 1 for equal keys, 0 for nothing shared. */
export function diceOfTokens(x: readonly number[], y: readonly number[]): number {
  const total = x.length + y.length;
  return total === 0 ? 1 : (2 * sharedTokens(x, y)) / total;
}

/** The similarity of two sentences (their keys' bigram Dice coefficient), 0 … 1. */
export function sentenceSimilarity(a: string, b: string): number {
  const x = sentenceKey(a);
  const y = sentenceKey(b);
  if (x === y) return 1;
  if (!x || !y) return 0;
  return diceOfTokens(keyTokens(x), keyTokens(y));
}

/**
 * Sizes a sentence of `size` tokens can be near: Dice ≥ t needs the other size within
 * [t/(2−t) · size, (2−t)/t · size] (the shorter one shares at most all of its tokens).
 */
export function nearSizeRange(size: number, threshold = NEAR_THRESHOLD): [number, number] {
  return [
    Math.ceil((threshold / (2 - threshold)) * size - 1e-9),
    Math.floor(((2 - threshold) / threshold) * size + 1e-9),
  ];
}
