/**
 * Build-time glue for /trends/: every held notice's searchable text, the key terms' trends, and
 * each year's most frequent and most distinctive words (segmented with jieba). Everything comes
 * from the collections, so an imported notice appears in every chart and list.
 */
import { getNotices, type NoticeEntry } from "../queries/notices.ts";
import { noticeUrl } from "../shared/urls.ts";
import { scopeLabel } from "../shared/notice.ts";
import { noticeBlocks } from "../text/notice-text.ts";
import { blocksToText } from "../text/plain-text.ts";
import { segment } from "../text/segment.ts";
import {
  KEY_TERMS,
  distinctiveWords,
  searchableText,
  termTrend,
  wordCounts,
  type DistinctiveWord,
  type TermTrend,
  type TrendText,
  type WordCount,
} from "./trends.ts";

async function trendText(entry: NoticeEntry): Promise<TrendText> {
  return {
    id: entry.id,
    year: entry.data.year,
    level: entry.data.level,
    label: `${entry.data.year}年${scopeLabel(entry)}`,
    url: noticeUrl(entry),
    text: searchableText(await noticeBlocks(entry)),
  };
}

/** Every held notice's text, oldest first (the content of /trends/index.json). */
export async function trendTexts(): Promise<TrendText[]> {
  const texts = await Promise.all((await getNotices()).map(trendText));
  return texts.sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
}

export async function keyTermTrends(): Promise<TermTrend[]> {
  const texts = await trendTexts();
  return KEY_TERMS.map((term) => termTrend(texts, term));
}

export interface WordsOfNotices {
  year: number;
  label: string;
  ids: string[];
  /** Content words (2+ Chinese characters, function words left out). */
  words: number;
  top: WordCount[];
  distinctive: DistinctiveWord[];
}

/**
 * Per year, the national notices' most frequent words and the words they use notably more than
 * the other years' national notices; local notices each on their own (against the national ones).
 */
export async function wordsByYear(
  limit = 15,
): Promise<{ national: WordsOfNotices[]; local: WordsOfNotices[] }> {
  const notices = [...(await getNotices())].sort((a, b) => a.data.year - b.data.year);
  const counts = new Map(
    await Promise.all(
      notices.map(async (n) => [n.id, wordCounts(segment(blocksToText(await noticeBlocks(n))))] as const),
    ),
  );
  const merge = (lists: WordCount[][]): WordCount[] => {
    const total = new Map<string, number>();
    for (const list of lists) for (const w of list) total.set(w.word, (total.get(w.word) ?? 0) + w.count);
    return [...total].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count);
  };
  const nationalYears = [
    ...new Set(notices.filter((n) => n.data.level === "national").map((n) => n.data.year)),
  ];
  const nationalOf = (year: number) =>
    notices.filter((n) => n.data.level === "national" && n.data.year === year);
  const national = nationalYears.map((year) => {
    const own = nationalOf(year);
    const words = merge(own.map((n) => counts.get(n.id)!));
    const others = merge(
      nationalYears.filter((y) => y !== year).flatMap((y) => nationalOf(y).map((n) => counts.get(n.id)!)),
    );
    return {
      year,
      label: `${year}年全国`,
      ids: own.map((n) => n.id),
      words: words.reduce((s, w) => s + w.count, 0),
      top: words.slice(0, limit),
      distinctive: distinctiveWords(words, others, limit),
    };
  });
  const allNational = merge(notices.filter((n) => n.data.level === "national").map((n) => counts.get(n.id)!));
  const local = notices
    .filter((n) => n.data.level !== "national")
    .map((n) => {
      const words = counts.get(n.id)!;
      return {
        year: n.data.year,
        label: `${n.data.year}年${scopeLabel(n)}`,
        ids: [n.id],
        words: words.reduce((s, w) => s + w.count, 0),
        top: words.slice(0, limit),
        distinctive: distinctiveWords(words, allNational, limit),
      };
    });
  return { national, local };
}
