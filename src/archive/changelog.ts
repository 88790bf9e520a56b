/**
 * The archive's changelog (content/changelog.yaml, schema in src/schemas/changelog.ts): pure
 * helpers for the /changelog/ page, the Atom feed /changelog.xml, notice pages and the content
 * check. No Astro imports, so unit tests and the pre-build check use them directly.
 */
import type { ChangelogEntry } from "../schemas/changelog.ts";

export const CHANGELOG_FILE = "content/changelog.yaml";

export const KIND_LABELS: Record<ChangelogEntry["kind"], string> = {
  added: "新增",
  corrected: "更正",
  changed: "变更",
};

/** An entry with its permanent anchor on /changelog/ (also its Atom id). */
export interface AnchoredEntry extends ChangelogEntry {
  /** e.g. added-2019-quanguo-2026-11-22; a second identical kind/notice/date gets -2. */
  anchor: string;
}

/**
 * Anchors from the entry itself (kind, notice, date; starting with a letter, as HTML ids should),
 * in file order, so adding an entry never moves another one's anchor; only a second entry with
 * the same kind, notice and date gets -2.
 */
export function anchorEntries(entries: readonly ChangelogEntry[]): AnchoredEntry[] {
  const used = new Set<string>();
  return entries.map((entry) => {
    const base = `${entry.kind}-${entry.notice ?? "archive"}-${entry.date}`;
    let anchor = base;
    for (let k = 2; used.has(anchor); k++) anchor = `${base}-${k}`;
    used.add(anchor);
    return { ...entry, anchor };
  });
}

/** Newest first; entries of the same day keep their file order. */
export function newestFirst<T extends ChangelogEntry>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.date.localeCompare(a.entry.date) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** The entries about one notice, oldest first (a notice page tells its history in order). */
export function entriesForNotice<T extends ChangelogEntry>(entries: readonly T[], noticeId: string): T[] {
  return entries
    .filter((e) => e.notice === noticeId)
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.date.localeCompare(b.entry.date) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** Escapes text for XML character data and attribute values; drops characters XML forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** An entry's date as an RFC 3339 instant: midnight, Beijing time. */
function atomDate(date: string): string {
  return `${date}T00:00:00+08:00`;
}

export interface AtomOptions {
  /** Absolute URL of /changelog/ (entry ids and links are anchors on it). */
  pageUrl: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  /** Absolute URL of a notice page by notice id, when the archive holds it. */
  noticeUrl: (id: string) => string | undefined;
  title?: string;
}

/** The Atom 1.0 feed (RFC 4287) of the changelog, newest first. */
export function changelogAtom(entries: readonly AnchoredEntry[], options: AtomOptions): string {
  const sorted = newestFirst(entries);
  const updated = sorted[0] ? atomDate(sorted[0].date) : "1978-09-01T00:00:00+08:00";
  const title = options.title ?? "质量月档案更新记录";
  const items = sorted.map((e) => {
    const id = `${options.pageUrl}#${e.anchor}`;
    const notice = e.notice ? options.noticeUrl(e.notice) : undefined;
    const content = [e.summary, e.details].filter(Boolean).join("\n\n");
    return [
      "  <entry>",
      `    <id>${escapeXml(id)}</id>`,
      `    <title>${escapeXml(`【${KIND_LABELS[e.kind]}】${e.summary}`)}</title>`,
      `    <updated>${atomDate(e.date)}</updated>`,
      `    <published>${atomDate(e.date)}</published>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(notice ?? id)}"/>`,
      `    <category term="${e.kind}" label="${KIND_LABELS[e.kind]}"/>`,
      `    <content type="text">${escapeXml(content)}</content>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${escapeXml(options.pageUrl)}</id>`,
    `  <title>${escapeXml(title)}</title>`,
    "  <subtitle>质量月档案收录、更正和变更的记录</subtitle>",
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(options.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(options.pageUrl)}"/>`,
    "  <author><name>质量月档案</name></author>",
    ...items,
    "</feed>",
    "",
  ].join("\n");
}
