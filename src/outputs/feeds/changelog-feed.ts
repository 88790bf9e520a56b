/**
 * /changelog.xml: the archive's changelog (src/archive/changelog.ts) as an Atom 1.0 feed
 * (RFC 4287), newest first; each entry's id is its anchor on /changelog/.
 */
import { newestFirst, type AnchoredEntry } from "../../archive/changelog.ts";
import { CHANGE_KIND_LABELS } from "../../shared/labels.ts";
import { atomDate, escapeXml } from "./xml.ts";

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
      `    <title>${escapeXml(`【${CHANGE_KIND_LABELS[e.kind]}】${e.summary}`)}</title>`,
      `    <updated>${atomDate(e.date)}</updated>`,
      `    <published>${atomDate(e.date)}</published>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(notice ?? id)}"/>`,
      `    <category term="${e.kind}" label="${CHANGE_KIND_LABELS[e.kind]}"/>`,
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
