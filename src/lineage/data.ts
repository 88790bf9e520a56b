/**
 * Build-time glue between the collections and the lineage index (src/lineage/lineage.ts): every
 * held notice's sentences from the text model (src/text/), one index per build, and each
 * notice's lineage and summary for its page and its open data. Everything comes from the
 * collections, so an imported notice brings its lineage with it.
 */
import { shortLabel } from "../shared/notice.ts";
import { getNotices, type NoticeEntry } from "../queries/notices.ts";
import { noticeUrl } from "../shared/urls.ts";
import { noticeBlocks } from "../text/notice-text.ts";
import { blockSentences } from "../text/sentences.ts";
import {
  buildLineage,
  noticeLineage,
  summarize,
  type LineageIndex,
  type LineageSummary,
  type SentenceLineage,
} from "./lineage.ts";
import type { NoticeLabel } from "./view.ts";

let indexCache: Promise<LineageIndex> | undefined;

/** The lineage index of every held notice (built once per build). */
export function lineageIndex(): Promise<LineageIndex> {
  indexCache ??= getNotices().then(async (notices) =>
    buildLineage(
      await Promise.all(
        notices.map(async (notice) => ({
          id: notice.id,
          year: notice.data.year,
          level: notice.data.level,
          date: notice.data.signedDate ?? notice.data.printedDate ?? notice.data.publishedDate,
          sentences: blockSentences(await noticeBlocks(notice)),
        })),
      ),
    ),
  );
  return indexCache;
}

let labelsCache: Promise<Map<string, NoticeLabel>> | undefined;

/** Every held notice's label and page, by id. */
export function noticeLabels(): Promise<Map<string, NoticeLabel>> {
  labelsCache ??= getNotices().then(
    (notices) => new Map(notices.map((n) => [n.id, { label: shortLabel(n), url: noticeUrl(n) }])),
  );
  return labelsCache;
}

export interface NoticeLineageData {
  sentences: SentenceLineage[];
  summary: LineageSummary;
}

const lineageCache = new Map<string, Promise<NoticeLineageData>>();

/**
 * One notice's sentences with their lineage, and the summary line's figures. Cached: its page and
 * its open data both ask, and the matches are the costly part.
 */
export function lineageOf(notice: NoticeEntry): Promise<NoticeLineageData> {
  let data = lineageCache.get(notice.id);
  if (!data) {
    data = lineageIndex().then((index) => {
      const sentences = noticeLineage(index, notice.id);
      return { sentences, summary: summarize(index, sentences) };
    });
    lineageCache.set(notice.id, data);
  }
  return data;
}
