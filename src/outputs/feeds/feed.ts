/**
 * /feed.xml: an Atom feed (RFC 4287) of the archive's notices, newest first — one entry per
 * notice, dated by its 成文日期, else its 印发日期, else its 发布日期. Ids are the notices'
 * permanent absolute URLs (SITE_URL + BASE_PATH), which never change for a deployment.
 */
import { noticePaths } from "../open-data/open-data.ts";
import { displayTitle, scopeLabel } from "../../shared/notice.ts";
import { getNotices, type NoticeEntry } from "../../queries/notices.ts";
import { noticeIssuers } from "../../queries/issuers.ts";
import { REPRODUCTION_NOTICE, SITE_DESCRIPTION, SITE_NAME, absoluteUrl } from "../../shared/site.ts";
import { atomDate, escapeXml } from "./xml.ts";

export const FEED_PATH = "feed.xml";

/**
 * The date a notice is filed under: 成文日期, 印发日期 or 发布日期, whichever the text gives first;
 * a notice that gives none is filed under 1 January of its year (and says so in its summary).
 */
function noticeDate(notice: NoticeEntry): { date: string; stated: boolean } {
  const d = notice.data;
  const date = d.signedDate ?? d.printedDate ?? d.publishedDate;
  return date ? { date, stated: true } : { date: `${d.year}-01-01`, stated: false };
}

/** Notices newest first by their date; on the same date, the order of getNotices (national first). */
async function noticesByDate(): Promise<NoticeEntry[]> {
  const notices = await getNotices();
  return notices
    .map((notice, index) => ({ notice, index, date: noticeDate(notice).date }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.index - b.index)
    .map((x) => x.notice);
}

async function entry(notice: NoticeEntry): Promise<string> {
  const d = notice.data;
  const p = noticePaths(notice);
  const url = absoluteUrl(p.html);
  const { date, stated } = noticeDate(notice);
  const issuers = await noticeIssuers(notice);
  const summary = [
    `${d.year}年${scopeLabel(notice)}“质量月”活动通知${d.docNumber ? `（${d.docNumber}）` : ""}。`,
    d.theme ? `活动主题：${d.theme}。` : "",
    stated ? "" : "（文件未载日期，按年份排列。）",
  ].join("");
  const lines = [
    `  <entry>`,
    `    <id>${escapeXml(url)}</id>`,
    `    <title>${escapeXml(displayTitle(notice))}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
    `    <link rel="alternate" type="application/json" href="${escapeXml(absoluteUrl(p.json))}"/>`,
    `    <link rel="alternate" type="text/plain" href="${escapeXml(absoluteUrl(p.text))}"/>`,
    `    <updated>${atomDate(date)}</updated>`,
    ...(d.publishedDate ? [`    <published>${atomDate(d.publishedDate)}</published>`] : []),
    ...issuers.stated.map((i) => `    <author><name>${escapeXml(i.name)}</name></author>`),
    `    <category term="${d.level}" label="${escapeXml(scopeLabel(notice))}"/>`,
    `    <category term="${d.year}"/>`,
    `    <summary type="text">${escapeXml(summary)}</summary>`,
    `  </entry>`,
  ];
  return lines.join("\n");
}

export async function atomFeed(): Promise<string> {
  const notices = await noticesByDate();
  const newest = notices[0] ? noticeDate(notices[0]).date : "1978-01-01";
  const self = absoluteUrl(FEED_PATH);
  const entries = await Promise.all(notices.map(entry));
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">`,
    `  <id>${escapeXml(self)}</id>`,
    `  <title>${escapeXml(`${SITE_NAME}：历年“质量月”活动通知`)}</title>`,
    `  <subtitle>${escapeXml(SITE_DESCRIPTION)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(""))}"/>`,
    `  <updated>${atomDate(newest)}</updated>`,
    `  <author><name>${escapeXml(SITE_NAME)}</name><uri>${escapeXml(absoluteUrl(""))}</uri></author>`,
    `  <rights>${escapeXml(REPRODUCTION_NOTICE)}</rights>`,
    ...entries,
    `</feed>`,
    "",
  ].join("\n");
}
