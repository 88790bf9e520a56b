/**
 * Build-time glue between the collections and the lineage index (src/lineage/lineage.ts): every
 * held notice's sentences from the text model (src/text/), one index per build, and each
 * notice's lineage and summary for its page and its open data. Everything comes from the
 * collections, so an imported notice brings its lineage with it.
 *
 * The index lives only while every notice's lineage is worked out, once; what the pages read
 * afterwards is kept as JSON text, one string a notice. Held as objects (190,000 sentences with
 * their matches at 2,000 notices) it stayed in the heap for the whole page rendering, and every
 * garbage collection of the build walked it (BENCHMARKS.md, “Lineage in the build”).
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
  type LineageSummary,
  type SentenceLineage,
} from "./lineage.ts";
import type { NoticeLabel } from "./view.ts";

/**
 * One distinct sentence (key) of the index: the text as first printed, the first notice holding
 * it (its rank in lineage order) and the anchor there, the latest one and its anchor, how many
 * notices hold it. The rows of /check/data.json (CheckData.sentences).
 */
export type KeyRow = [
  text: string,
  first: number,
  firstAnchor: string,
  last: number,
  lastAnchor: string,
  count: number,
];

/** What the /check/ data needs of the index (src/check/data.ts). */
export interface LineageKeys {
  /** Notice ids in lineage order. */
  order: string[];
  /** Every key's KeyRow, as JSON (one string, not 50,000 arrays, for the rest of the build). */
  sentences: string;
}

interface LineageStore {
  keys: LineageKeys;
  /** Per notice id: its NoticeLineageData as JSON. */
  notices: Map<string, string>;
}

let storeCache: Promise<LineageStore> | undefined;

/** Every held notice's lineage, worked out once per build from one index that is then let go. */
function lineageStore(): Promise<LineageStore> {
  storeCache ??= getNotices().then(async (notices) => {
    const index = buildLineage(
      await Promise.all(
        notices.map(async (notice) => ({
          id: notice.id,
          year: notice.data.year,
          level: notice.data.level,
          date: notice.data.signedDate ?? notice.data.printedDate ?? notice.data.publishedDate,
          sentences: blockSentences(await noticeBlocks(notice)),
        })),
      ),
    );
    const store = new Map<string, string>();
    for (const id of index.order) {
      const sentences = noticeLineage(index, id);
      const data: NoticeLineageData = { sentences, summary: summarize(index, sentences) };
      store.set(id, JSON.stringify(data));
    }
    const sentences = JSON.stringify(
      index.holders.map((holders): KeyRow => {
        const first = holders[0]!;
        const last = holders.at(-1)!;
        return [
          first.sentence.text,
          first.rank,
          first.sentence.anchor,
          last.rank,
          last.sentence.anchor,
          holders.length,
        ];
      }),
    );
    return { keys: { order: index.order, sentences }, notices: store };
  });
  return storeCache;
}

/** The notices in lineage order and every distinct sentence's holders, for /check/data.json. */
export async function lineageKeys(): Promise<LineageKeys> {
  return (await lineageStore()).keys;
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

/**
 * One notice's sentences with their lineage, and the summary line's figures: its page and its
 * open data each read them from the notice's JSON (a fresh copy each, dropped with the page).
 */
export async function lineageOf(notice: NoticeEntry): Promise<NoticeLineageData> {
  const json = (await lineageStore()).notices.get(notice.id);
  if (json === undefined) throw new Error(`lineage: no notice ${notice.id}`);
  return JSON.parse(json) as NoticeLineageData;
}
