/**
 * Term trends: how often terms occur per year, per 10,000 characters of notice text. Counting is
 * by substring over the text's letters and digits (whitespace and punctuation ignored, full-width
 * forms folded, Latin lower-cased), the way search matches, so the box on /trends/ agrees with
 * search and with a plain count over the source files. Pure and dependency-free: the page uses it
 * at build time and the term box runs the same code in the browser on /trends/index.json.
 *
 *   normalize("建设 质量强国，") → "建设质量强国"
 *   countOccurrences("质量强国质量强国", "质量强国") → 2
 *   per10k(12, 30_000) → 4
 */

import type { Block } from "../schemas/api.ts";
import { normalize } from "../search/normalize.ts";
import type { Level } from "../shared/levels.ts";
import { blocksToText } from "../text/plain-text.ts";
import { KEY_TERMS } from "../text/terms.ts";

export { KEY_TERMS };

/** The searchable text of a notice: its text model's plain text, normalised as search does. */
export function searchableText(blocks: readonly Block[]): string {
  return normalize(blocksToText(blocks));
}

/**
 * Occurrences of `needle` in `haystack` (both normalised), overlapping ones included, as search
 * counts them (质量质量质量 holds 质量质量 twice).
 */
export function countOccurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

/** Occurrences per 10,000 characters. */
export function per10k(count: number, chars: number): number {
  return chars > 0 ? (count * 10_000) / chars : 0;
}

/** 12.345 → "12.3", 0 → "0". */
export function formatRate(rate: number): string {
  if (rate === 0) return "0";
  return rate >= 100 ? rate.toFixed(0) : rate.toFixed(1);
}

export type { Level };

/** One notice's searchable text (normalised): the unit of /trends/index.json. */
export interface TrendText {
  id: string;
  year: number;
  level: Level;
  /** 2022年全国, 2022年海南省. */
  label: string;
  /** The notice page. */
  url: string;
  /** normalizeForSearch of the notice's whole text. */
  text: string;
}

export interface TrendPoint {
  year: number;
  /** The notices counted (the national notices of that year, or one local notice). */
  ids: string[];
  label: string;
  url?: string;
  count: number;
  chars: number;
  rate: number;
}

export interface TermTrend {
  term: string;
  /** One point per year with a held national notice, oldest first. */
  national: TrendPoint[];
  /** One point per held local notice, oldest first: shown apart from the national series. */
  local: TrendPoint[];
}

/** Counts `term` in every notice: national notices by year, local notices one by one. */
export function termTrend(texts: readonly TrendText[], rawTerm: string): TermTrend {
  const term = normalize(rawTerm);
  const sorted = [...texts].sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
  const national = new Map<number, TrendPoint>();
  const local: TrendPoint[] = [];
  for (const t of sorted) {
    const count = countOccurrences(t.text, term);
    const chars = t.text.length;
    if (t.level === "national") {
      const point = national.get(t.year);
      if (point) {
        point.ids.push(t.id);
        point.count += count;
        point.chars += chars;
        point.rate = per10k(point.count, point.chars);
        delete point.url;
      } else {
        national.set(t.year, {
          year: t.year,
          ids: [t.id],
          label: `${t.year}年全国`,
          url: t.url,
          count,
          chars,
          rate: per10k(count, chars),
        });
      }
    } else {
      local.push({
        year: t.year,
        ids: [t.id],
        label: t.label,
        url: t.url,
        count,
        chars,
        rate: per10k(count, chars),
      });
    }
  }
  return { term: rawTerm, national: [...national.values()], local };
}

/* ───────────────────────────── frequent words ───────────────────────────── */

/** Function words of official prose that would top every list and say nothing about a year. */
const STOP_WORDS = new Set([
  "以及",
  "及其",
  "有关",
  "相关",
  "进一步",
  "通过",
  "进行",
  "按照",
  "根据",
  "围绕",
  "结合",
  "关于",
  "其中",
  "方面",
  "各地",
  "各级",
  "等等",
  "一批",
  "一系列",
  "为了",
  "并且",
  "同时",
  "有效",
  "不断",
]);

const HAN = /\p{Script=Han}/u;

/** Whether a segmenter token counts as a word for the frequency lists: two or more characters, Chinese. */
function isContentWord(token: string): boolean {
  return Array.from(token).length >= 2 && HAN.test(token) && !STOP_WORDS.has(token);
}

export interface WordCount {
  word: string;
  count: number;
}

/** Content words of a token list by frequency (ties in first-seen order). */
export function wordCounts(tokens: readonly string[]): WordCount[] {
  const counts = new Map<string, number>();
  for (const token of tokens) if (isContentWord(token)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count);
}

export interface DistinctiveWord extends WordCount {
  /** Rate in this year ÷ rate in the other years (smoothed). */
  ratio: number;
}

/**
 * Words used notably more in one year than in the others: log-ratio of the word's rate in the
 * year to its rate elsewhere, add-one smoothed, among words used at least `minCount` times.
 */
export function distinctiveWords(
  year: readonly WordCount[],
  others: readonly WordCount[],
  limit: number,
  minCount = 3,
): DistinctiveWord[] {
  const total = year.reduce((n, w) => n + w.count, 0) || 1;
  const otherCounts = new Map(others.map((w) => [w.word, w.count]));
  const otherTotal = others.reduce((n, w) => n + w.count, 0) || 1;
  return year
    .filter((w) => w.count >= minCount)
    .map((w) => ({
      ...w,
      ratio: (w.count + 1) / total / (((otherCounts.get(w.word) ?? 0) + 1) / otherTotal),
    }))
    .filter((w) => w.ratio > 2)
    .sort((a, b) => b.ratio - a.ratio || b.count - a.count)
    .slice(0, limit);
}
