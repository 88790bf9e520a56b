/**
 * The held notices, as the pages ask for them. With the other modules of src/queries/, the only
 * callers of getCollection: pages and components never call it themselves. Values come from the
 * collections only (never from re-parsing text); every list is computed once per build.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import type { Block } from "../schemas/api.ts";
import { levelRank } from "../shared/levels.ts";
import { noticeBlocks } from "../text/notice-text.ts";

export type NoticeEntry = CollectionEntry<"notices">;

let noticesCache: Promise<NoticeEntry[]> | undefined;
let noticesByYearCache: Promise<Map<number, NoticeEntry[]>> | undefined;
let nationalCache: Promise<NoticeEntry[]> | undefined;
let docNumberCache:
  Promise<{ byNumber: Map<string, NoticeEntry>; responders: Map<string, NoticeEntry[]> }> | undefined;

/** All held notices: newest year first; within a year the national notice first, then by region. */
export function getNotices(): Promise<NoticeEntry[]> {
  noticesCache ??= getCollection("notices").then((entries) =>
    [...entries].sort(
      (a, b) =>
        b.data.year - a.data.year ||
        levelRank(a.data.level) - levelRank(b.data.level) ||
        a.data.slug.localeCompare(b.data.slug),
    ),
  );
  return noticesCache;
}

/**
 * getStaticPaths of every per-notice route (/{year}/{slug}/ and the files beside it, the API
 * record): one path a held notice, the notice as its prop.
 */
export async function noticeStaticPaths(): Promise<
  { params: { year: string; slug: string }; props: { notice: NoticeEntry } }[]
> {
  return (await getNotices()).map((notice) => ({
    params: { year: String(notice.data.year), slug: notice.data.slug },
    props: { notice },
  }));
}

/** Held notices grouped by year, newest year first (same order as getNotices within a year). */
export function getNoticesByYear(): Promise<Map<number, NoticeEntry[]>> {
  // Cached: every page's header asks for the held years.
  noticesByYearCache ??= getNotices().then((notices) => {
    const byYear = new Map<number, NoticeEntry[]>();
    for (const notice of notices) {
      const list = byYear.get(notice.data.year) ?? [];
      list.push(notice);
      byYear.set(notice.data.year, list);
    }
    return byYear;
  });
  return noticesByYearCache;
}

/** Years for which at least one notice is held, newest first. */
export async function heldYears(): Promise<number[]> {
  return [...(await getNoticesByYear()).keys()];
}

/** Held national notices, newest first. */
function getNationalNotices(): Promise<NoticeEntry[]> {
  nationalCache ??= getNotices().then((notices) => notices.filter((n) => n.data.level === "national"));
  return nationalCache;
}

/** Notices by document number, and the notices that respond to each (built once). */
function docNumberIndex(): Promise<{
  byNumber: Map<string, NoticeEntry>;
  responders: Map<string, NoticeEntry[]>;
}> {
  docNumberCache ??= getNotices().then((notices) => {
    const byNumber = new Map<string, NoticeEntry>();
    const responders = new Map<string, NoticeEntry[]>();
    for (const n of notices) {
      if (n.data.docNumber && !byNumber.has(n.data.docNumber)) byNumber.set(n.data.docNumber, n);
      const target = n.data.respondsTo;
      if (target) responders.set(target, [...(responders.get(target) ?? []), n]);
    }
    return { byNumber, responders };
  });
  return docNumberCache;
}

/** The held national notice of the nearest earlier year. */
export async function previousNational(notice: NoticeEntry): Promise<NoticeEntry | undefined> {
  return (await getNationalNotices()).find((n) => n.data.year < notice.data.year);
}

/** The held national notice of the nearest later year. */
export async function nextNational(notice: NoticeEntry): Promise<NoticeEntry | undefined> {
  return (await getNationalNotices()).findLast((n) => n.data.year > notice.data.year);
}

/** The held notice this one implements (`respondsTo` → the notice with that docNumber). */
export async function respondsToNotice(notice: NoticeEntry): Promise<NoticeEntry | undefined> {
  const target = notice.data.respondsTo;
  if (!target) return undefined;
  return (await docNumberIndex()).byNumber.get(target);
}

/** Held notices that implement this one (their `respondsTo` is this notice's docNumber). */
export async function respondingNotices(notice: NoticeEntry): Promise<NoticeEntry[]> {
  const docNumber = notice.data.docNumber;
  if (!docNumber) return [];
  return ((await docNumberIndex()).responders.get(docNumber) ?? []).filter((n) => n !== notice);
}

/** A notice with its text model (src/text/blocks.ts), as the pure modules over blocks take it. */
export interface NoticeWithBlocks {
  id: string;
  data: NoticeEntry["data"];
  blocks: Block[];
}

let withBlocksCache: Promise<NoticeWithBlocks[]> | undefined;

/** Every held notice with its blocks, in the order of getNotices. */
export function getNoticesWithBlocks(): Promise<NoticeWithBlocks[]> {
  withBlocksCache ??= getNotices().then((notices) =>
    Promise.all(notices.map(async (n) => ({ id: n.id, data: n.data, blocks: await noticeBlocks(n) }))),
  );
  return withBlocksCache;
}
