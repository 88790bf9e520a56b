/**
 * A CJK-aware text diff: differences are marked at word or phrase level, never whole lines.
 *
 * Texts come as token lists (words from a Chinese segmenter at build time, or single characters);
 * the longest common subsequence of the tokens is found with a bit-parallel LCS (Hyyrö 2004:
 * O(m·n/32) time and memory, fast enough to run in the browser on whole sections), tiny
 * coincidental matches between two changes (a shared 的 or 、) are folded into the change, and
 * each remaining replacement whose two sides are mostly alike is refined character by character,
 * so a one-character change is marked as exactly that character.
 *
 * Pure and dependency-free: the same code runs at build time and in the browser.
 *
 *   diffTokens(["促进", "质量", "强国", "建设"], ["促进", "质量", "强省", "建设"])
 *   → [[EQUAL, "促进质量强"], [DELETE, "国"], [INSERT, "省"], [EQUAL, "建设"]]
 */

import { significantLength } from "../shared/letters.ts";

export const EQUAL = 0;
export const DELETE = -1;
export const INSERT = 1;
type OpType = typeof EQUAL | typeof DELETE | typeof INSERT;
/** One piece of the diff: kept (EQUAL), only in the first text (DELETE), only in the second (INSERT). */
export type DiffOp = [OpType, string];

/**
 * Pairs (i, j) of a longest common subsequence of `a` and `b`, in order.
 * Bit-parallel: column vectors V_j over the positions of `a` (bit i is 0 where the LCS length
 * grows at row i+1), V' = (V + (V & M[b_j])) | (V − (V & M[b_j])); every V_j is kept for the
 * backtrace, which only needs to know whether L[i][j] = L[i−1][j] (bit i−1 of V_j set).
 */
export function lcsPairs(a: readonly number[], b: readonly number[]): [number, number][] {
  // Common prefix and suffix need no work.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const pairs: [number, number][] = [];
  for (let k = 0; k < start; k++) pairs.push([k, k]);
  const m = endA - start;
  const n = endB - start;
  if (m > 0 && n > 0) {
    const words = Math.ceil(m / 32);
    const masks = new Map<number, Uint32Array>();
    for (let i = 0; i < m; i++) {
      const symbol = a[start + i]!;
      let mask = masks.get(symbol);
      if (!mask) masks.set(symbol, (mask = new Uint32Array(words)));
      mask[i >>> 5]! |= 1 << (i & 31);
    }
    const rows = new Uint32Array(n * words);
    const v = new Uint32Array(words).fill(0xffffffff);
    for (let j = 0; j < n; j++) {
      const mask = masks.get(b[start + j]!);
      if (mask) {
        let carry = 0;
        let borrow = 0;
        for (let w = 0; w < words; w++) {
          const vw = v[w]!;
          const u = vw & mask[w]!;
          const sum = vw + (u >>> 0) + carry;
          carry = sum > 0xffffffff ? 1 : 0;
          const difference = vw - (u >>> 0) - borrow;
          borrow = difference < 0 ? 1 : 0;
          v[w] = (sum >>> 0) | (difference >>> 0);
        }
      }
      rows.set(v, j * words);
    }
    const middle: [number, number][] = [];
    let i = m;
    let j = n;
    while (i > 0 && j > 0) {
      if (a[start + i - 1] === b[start + j - 1]) {
        middle.push([start + i - 1, start + j - 1]);
        i--;
        j--;
      } else if ((rows[(j - 1) * words + ((i - 1) >>> 5)]! >>> ((i - 1) & 31)) & 1) {
        i--;
      } else {
        j--;
      }
    }
    for (let k = middle.length - 1; k >= 0; k--) pairs.push(middle[k]!);
  }
  for (let k = 0; k < a.length - endA; k++) pairs.push([endA + k, endB + k]);
  return pairs;
}

/** Token-level diff of two token lists, as ops whose texts are the tokens joined. */
function rawDiff(a: readonly string[], b: readonly string[]): DiffOp[] {
  const ids = new Map<string, number>();
  const id = (token: string) => {
    let n = ids.get(token);
    if (n === undefined) ids.set(token, (n = ids.size));
    return n;
  };
  const pairs = lcsPairs(a.map(id), b.map(id));
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    if (pi > i) push(ops, DELETE, a.slice(i, pi).join(""));
    if (pj > j) push(ops, INSERT, b.slice(j, pj).join(""));
    if (pi < a.length) push(ops, EQUAL, a[pi]!);
    i = pi + 1;
    j = pj + 1;
  }
  return normalize(ops);
}

function push(ops: DiffOp[], type: OpType, text: string): void {
  if (!text) return;
  const last = ops.at(-1);
  if (last && last[0] === type) last[1] += text;
  else ops.push([type, text]);
}

/**
 * Merges neighbours of one kind and puts every run of changes between two equalities in the
 * order DELETE, INSERT.
 */
function normalize(ops: readonly DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    push(out, DELETE, deleted);
    push(out, INSERT, inserted);
    deleted = inserted = "";
  };
  for (const [type, text] of ops) {
    if (type === DELETE) deleted += text;
    else if (type === INSERT) inserted += text;
    else {
      flush();
      push(out, EQUAL, text);
    }
  }
  flush();
  return out;
}

/** Equalities of at most this many letters/digits between two changes are folded into them. */
const SMALL_EQUALITY = 2;

/**
 * Folds short coincidental equalities that sit between two changes, each at least as long, into
 * the changes (after diff-match-patch's semantic cleanup): "把A的B" → "把C的D" reads better as
 * one replacement than as two split by a kept 的.
 */
function cleanupSmallEqualities(input: readonly DiffOp[]): DiffOp[] {
  let ops = normalize(input);
  for (let changed = true; changed;) {
    changed = false;
    for (let k = 1; k < ops.length - 1; k++) {
      const [type, text] = ops[k]!;
      if (type !== EQUAL) continue;
      const size = significantLength(text);
      if (size > SMALL_EQUALITY) continue;
      const before = changeSize(ops, k, -1);
      const after = changeSize(ops, k, 1);
      if (before === 0 || after === 0 || size > before || size > after) continue;
      ops = normalize([...ops.slice(0, k), [DELETE, text], [INSERT, text], ...ops.slice(k + 1)]);
      changed = true;
      break;
    }
  }
  return ops;
}

/** Larger side (letters/digits, at least 1 when there is any change) of the changes next to k. */
function changeSize(ops: readonly DiffOp[], k: number, step: 1 | -1): number {
  let deleted = 0;
  let inserted = 0;
  let any = false;
  for (let i = k + step; i >= 0 && i < ops.length && ops[i]![0] !== EQUAL; i += step) {
    any = true;
    if (ops[i]![0] === DELETE) deleted += significantLength(ops[i]![1]);
    else inserted += significantLength(ops[i]![1]);
  }
  return any ? Math.max(1, deleted, inserted) : 0;
}

/** A replacement is refined character by character when at least this share of it is alike. */
const REFINE_RATIO = 0.5;

/** Refines each DELETE+INSERT pair whose two sides are mostly alike into a character diff. */
function refineReplacements(ops: readonly DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    const next = ops[k + 1];
    if (op[0] === DELETE && next?.[0] === INSERT) {
      const chars = rawDiff(Array.from(op[1]), Array.from(next[1]));
      const kept = chars.filter(([t]) => t === EQUAL).reduce((n, [, s]) => n + [...s].length, 0);
      const total = [...op[1]].length + [...next[1]].length;
      if ((2 * kept) / total >= REFINE_RATIO) out.push(...cleanupSmallEqualities(chars));
      else out.push(op, next);
      k++;
    } else {
      out.push(op);
    }
  }
  return normalize(out);
}

/**
 * The diff of two token lists (concatenated, each list is its text): word-level LCS, small
 * coincidences folded in, mostly-alike replacements refined to characters.
 */
export function diffTokens(a: readonly string[], b: readonly string[]): DiffOp[] {
  return refineReplacements(cleanupSmallEqualities(rawDiff(a, b)));
}

/** The diff of two strings character by character. */
export function diffChars(a: string, b: string): DiffOp[] {
  return diffTokens(Array.from(a), Array.from(b));
}

export interface DiffStats {
  /** Letters and digits of the first text. */
  a: number;
  /** Letters and digits of the second text. */
  b: number;
  /** Kept in both. */
  kept: number;
  /** Of the first text, not in the second (deleted or replaced). */
  removed: number;
  /** Of the second text, not in the first (added or replacing). */
  added: number;
}

/** Letter/digit counts of a diff: whitespace and punctuation do not count, as in search. */
export function diffStats(ops: readonly DiffOp[]): DiffStats {
  const stats: DiffStats = { a: 0, b: 0, kept: 0, removed: 0, added: 0 };
  for (const [type, text] of ops) {
    const n = significantLength(text);
    if (type === EQUAL) stats.kept += n;
    else if (type === DELETE) stats.removed += n;
    else stats.added += n;
  }
  stats.a = stats.kept + stats.removed;
  stats.b = stats.kept + stats.added;
  return stats;
}

/**
 * Similarity of two texts: the share of text kept, 2·kept / (a + b) in letters and digits —
 * 1 for identical texts, 0 for texts with nothing in common.
 */
export function similarity(stats: Pick<DiffStats, "a" | "b" | "kept">): number {
  const total = stats.a + stats.b;
  return total === 0 ? 1 : (2 * stats.kept) / total;
}
