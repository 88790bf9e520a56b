/**
 * Changelog queries for pages (kept beside src/queries/index.ts): the collection `changelog`
 * (content/changelog.yaml) with each entry's anchor.
 */
import { getCollection } from "astro:content";
import { entriesForNotice, newestFirst, type AnchoredEntry } from "../archive/changelog.ts";

let cache: Promise<AnchoredEntry[]> | undefined;

let byNotice: Promise<Map<string, AnchoredEntry[]>> | undefined;

/** Every entry with its anchor (the collection id), in file order. */
export function getChangelog(): Promise<AnchoredEntry[]> {
  cache ??= getCollection("changelog").then((entries) => entries.map((e) => ({ ...e.data, anchor: e.id })));
  return cache;
}

/** Every entry, newest first. */
export async function changelogNewestFirst(): Promise<AnchoredEntry[]> {
  return newestFirst(await getChangelog());
}

/** The entries about one notice (by its id, {year}-{slug}), oldest first. */
export async function noticeChangelog(noticeId: string): Promise<AnchoredEntry[]> {
  // Grouped once per build: every notice page asks.
  byNotice ??= getChangelog().then((entries) => {
    const map = new Map<string, AnchoredEntry[]>();
    for (const e of entries) if (e.notice) map.set(e.notice, [...(map.get(e.notice) ?? []), e]);
    return map;
  });
  return entriesForNotice((await byNotice).get(noticeId) ?? [], noticeId);
}
