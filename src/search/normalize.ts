/**
 * Search normalisation, shared by the index builder (scripts/search/index.ts), the search page
 * and the highlighter on notice pages, so that the index, the query and the highlighted text
 * agree character for character (docs/search.md).
 *
 * A text is normalised one character at a time:
 *   1. NFKC (full-width ＡＢＣ１２３ → ABC123, ① → 1, compatibility ideographs → unified ones);
 *   2. lower case; Latin letters lose their diacritics (é → e);
 *   3. traditional → simplified, through a character map generated at build time from OpenCC
 *      and restricted to characters the archive's text uses (search-data/search.json);
 *   4. only letters and digits (\p{L}\p{N}) are kept: whitespace and punctuation are ignored, so
 *      双随机一公开 matches 双随机、一公开 and 国市监质发[2022]76号 matches 国市监质发〔2022〕76号.
 *
 * Every kept character remembers the range of the original text it came from, so matches
 * found in the normalised text can be marked in the original one.
 */
import { isSignificant } from "../shared/letters.ts";

/** Traditional (or variant) character → simplified character, one code point each. */
export type T2SMap = ReadonlyMap<string, string>;

const EMPTY_MAP: T2SMap = new Map();
const LATIN_WITH_MARKS = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u;

/** The map's wire format: a string of pairs of code points, "質质強强國国…". */
export function parseT2S(pairs: string): Map<string, string> {
  const chars = Array.from(pairs);
  if (chars.length % 2) throw new Error("search.json: the t2s map must be pairs of characters");
  const map = new Map<string, string>();
  for (let i = 0; i < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
}

export function serializeT2S(map: T2SMap): string {
  return [...map].map(([from, to]) => from + to).join("");
}

const caches = new WeakMap<T2SMap, Map<string, string>>();

/**
 * The folding function for one map: each distinct character is folded once and remembered
 * (a notice's text has a few thousand distinct characters and tens of thousands in all).
 */
function folder(t2s: T2SMap): (char: string) => string {
  let cache = caches.get(t2s);
  if (!cache) caches.set(t2s, (cache = new Map<string, string>()));
  const known = cache;
  return (char) => {
    const hit = known.get(char);
    if (hit !== undefined) return hit;
    let out = "";
    for (let c of char.normalize("NFKC").toLowerCase()) {
      c = t2s.get(c) ?? c;
      if (!isSignificant(c)) continue;
      if (c.charCodeAt(0) > 0x7f && LATIN_WITH_MARKS.test(c)) {
        const base = c.normalize("NFD").replace(/\p{M}/gu, "");
        if (base) c = base;
      }
      out += c;
    }
    known.set(char, out);
    return out;
  };
}

/** The normalised form of one character (code point): "" when it is not kept. */
export function foldChar(char: string, t2s: T2SMap = EMPTY_MAP): string {
  return folder(t2s)(char);
}

export interface NormalizedText {
  /** The normalised text (letters and digits only). */
  text: string;
  /** For each UTF-16 unit of `text`, the offset in the original where its character starts. */
  start: number[];
  /** For each UTF-16 unit of `text`, the offset in the original just after its character. */
  end: number[];
}

/** Normalises `text`, keeping the map back to the original offsets. */
export function normalizeWithMap(text: string, t2s: T2SMap = EMPTY_MAP): NormalizedText {
  const foldChar = folder(t2s);
  let out = "";
  const start: number[] = [];
  const end: number[] = [];
  let offset = 0;
  for (const char of text) {
    const folded = foldChar(char);
    const next = offset + char.length;
    for (let i = 0; i < folded.length; i++) {
      start.push(offset);
      end.push(next);
    }
    out += folded;
    offset = next;
  }
  return { text: out, start, end };
}

/**
 * The characters `normalize` must fold one by one: all but the unified ideographs of Unicode
 * 1.1 (U+4E00–U+9FA5, letters in every engine's Unicode data; NFKC and case leave them as they
 * are) and a–z, 0–9, plus the ideographs the map turns into others. Whole runs of the rest are
 * copied at once (a regex replace runs in the engine's native code, and an archive's text is
 * almost all ideographs).
 */
const slowChars = new WeakMap<T2SMap, RegExp>();
function slowCharPattern(t2s: T2SMap): RegExp {
  let pattern = slowChars.get(t2s);
  if (!pattern) {
    // Keys in the copied range are ideographs: nothing to escape in a character class.
    const mapped = [...t2s.keys()].filter((c) => /^[\u4e00-\u9fa5a-z0-9]$/u.test(c)).join("");
    pattern = new RegExp(`[^\\u4e00-\\u9fa5a-z0-9]${mapped ? `|[${mapped}]` : ""}`, "gu");
    slowChars.set(t2s, pattern);
  }
  return pattern;
}

/** Normalises `text` (letters and digits only, folded as described above). */
export function normalize(text: string, t2s: T2SMap = EMPTY_MAP): string {
  return text.replace(slowCharPattern(t2s), folder(t2s));
}

/** Start offsets (in `haystack`) of every occurrence of `needle`, overlapping ones included. */
export function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** A range of the original text, [start, end). */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Ranges of the original text that match any of `words` (already normalised), merged where
 * they overlap or touch, in order. `norm` is the original text normalised with its map.
 */
export function matchRanges(norm: NormalizedText, words: readonly string[]): TextRange[] {
  const ranges: TextRange[] = [];
  for (const word of words) {
    for (const at of occurrences(norm.text, word)) {
      ranges.push({ start: norm.start[at]!, end: norm.end[at + word.length - 1]! });
    }
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}
