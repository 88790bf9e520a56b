/**
 * Excerpts and section matches computed from a notice's original text (never from the index),
 * so readers see the document's own characters with the matches marked. Pure functions, shared
 * by the search page and the tests.
 */
import {
  matchRanges,
  normalize,
  normalizeWithMap,
  occurrences,
  type T2SMap,
  type TextRange,
} from "./search-normalize.ts";

/** A piece of an excerpt: plain text, or a match to wrap in <mark>. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface Excerpt {
  parts: ExcerptPart[];
  /** Whether text was cut before / after the excerpt. */
  before: boolean;
  after: boolean;
}

/**
 * An excerpt of `text` around its first match of any of `words` (normalised), every match in
 * it marked; `undefined` when nothing matches. Line breaks become spaces.
 */
export function excerpt(
  text: string,
  words: readonly string[],
  t2s?: T2SMap,
  radius = 36,
): Excerpt | undefined {
  const ranges = matchRanges(normalizeWithMap(text, t2s), words);
  const first = ranges[0];
  if (!first) return undefined;
  let start = Math.max(0, first.start - radius);
  let end = Math.min(text.length, first.end + radius * 2);
  // Do not cut a surrogate pair.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start]!)) start--;
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end]!)) end++;
  const parts: ExcerptPart[] = [];
  let at = start;
  for (const r of ranges) {
    if (r.end <= start || r.start >= end) continue;
    const s = Math.max(r.start, start);
    const e = Math.min(r.end, end);
    if (s > at) parts.push({ text: text.slice(at, s), mark: false });
    parts.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  for (const p of parts) p.text = p.text.replace(/\s*\n\s*/g, " ");
  return { parts, before: start > 0, after: end < text.length };
}

/** A section of a notice as stored in search-data/text/{id}.bin: [anchor, label, text]. */
export type StoredSection = [string, string, string];

export interface SectionMatch {
  anchor: string;
  label: string;
  /** Occurrences of the query's words in the section. */
  count: number;
  excerpt: Excerpt;
}

/** The sections containing any of `words`, in document order. */
export function matchingSections(
  sections: readonly StoredSection[],
  words: readonly string[],
  t2s?: T2SMap,
): SectionMatch[] {
  const out: SectionMatch[] = [];
  for (const [anchor, label, text] of sections) {
    const norm = normalize(text, t2s);
    const count = words.reduce((n, w) => n + occurrences(norm, w).length, 0);
    if (!count) continue;
    const ex = excerpt(text, words, t2s, 24);
    if (ex) out.push({ anchor, label, count, excerpt: ex });
  }
  return out;
}

/**
 * The excerpt for a whole notice: from its first matching section, or, when a match runs
 * across two sections, from the joined text around it.
 */
export function noticeExcerpt(
  sections: readonly StoredSection[],
  words: readonly string[],
  t2s?: T2SMap,
): Excerpt | undefined {
  for (const [, , text] of sections) {
    const ex = excerpt(text, words, t2s);
    if (ex) return ex;
  }
  return excerpt(sections.map((s) => s[2]).join("\n"), words, t2s);
}

/** Occurrences of each word in the notice's whole text (sections joined). */
export function noticeOccurrences(
  sections: readonly StoredSection[],
  words: readonly string[],
  t2s?: T2SMap,
): number {
  const norm = sections.map((s) => normalize(s[2], t2s)).join("");
  return words.reduce((n, w) => n + occurrences(norm, w).length, 0);
}

export type { TextRange };
