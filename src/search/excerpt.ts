/**
 * Excerpts and section matches computed from a notice's original text (never from the index),
 * so readers see the document's own characters with the matches marked. Pure functions, shared
 * by the search page and the tests.
 */
import type { StoredSection } from "./config.ts";
import {
  matchRanges,
  normalize,
  normalizeWithMap,
  occurrences,
  type T2SMap,
  type TextRange,
} from "./normalize.ts";

/** A piece of an excerpt: plain text, or a match to wrap in <mark>. */
interface ExcerptPart {
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
  return cut(text, matchRanges(normalizeWithMap(text, t2s), words), radius);
}

/** The excerpt of `text` around the first of its match `ranges`, every match in it marked. */
function cut(text: string, ranges: readonly TextRange[], radius: number): Excerpt | undefined {
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

interface SectionMatch {
  anchor: string;
  label: string;
  /** Occurrences of the query's words in the section. */
  count: number;
  excerpt: Excerpt;
}

/** What a search result shows of one notice. */
export interface NoticeMatches {
  /** Occurrences of the words in the whole text (sections joined, so a match may span two). */
  occurrences: number;
  /** The sections containing any of the words, in document order. */
  sections: SectionMatch[];
  /**
   * The excerpt for the whole notice: from its first matching section, or, when a match runs
   * across two sections, from the joined text around it.
   */
  excerpt: Excerpt | undefined;
}

/**
 * Counts, matching sections and excerpt of one notice. Each section is normalised once; only the
 * few that match are normalised again with the map back to the original (the page does this for
 * ten notices before it shows anything).
 */
export function noticeMatches(
  sections: readonly StoredSection[],
  words: readonly string[],
  t2s?: T2SMap,
): NoticeMatches {
  const count = (norm: string) => words.reduce((n, w) => n + occurrences(norm, w).length, 0);
  const norms = sections.map(([, , text]) => normalize(text, t2s));
  const matched: SectionMatch[] = [];
  let first: Excerpt | undefined;
  for (const [i, [anchor, label, text]] of sections.entries()) {
    const n = count(norms[i]!);
    if (!n) continue;
    const ranges = matchRanges(normalizeWithMap(text, t2s), words);
    first ??= cut(text, ranges, 36);
    matched.push({ anchor, label, count: n, excerpt: cut(text, ranges, 24)! });
  }
  return {
    occurrences: count(norms.join("")),
    sections: matched,
    excerpt: first ?? excerpt(sections.map((s) => s[2]).join("\n"), words, t2s),
  };
}
