/**
 * /changelog.xml: the changelog as an Atom 1.0 feed (src/outputs/feeds/changelog-feed.ts), newest first.
 * Entry ids are the entries' anchors on /changelog/, so they never change.
 */
import type { APIRoute } from "astro";
import { changelogAtom } from "../outputs/feeds/changelog-feed.ts";
import { getChangelog } from "../queries/changelog.ts";
import { absoluteHref } from "../outputs/citation/notice-citation.ts";
import { getNotices } from "../queries/notices.ts";
import { noticeUrl } from "../shared/urls.ts";
import { withBase } from "../shared/urls.ts";
import { withFeedStylesheet } from "../outputs/feeds/stylesheet.ts";

export const GET: APIRoute = async () => {
  const notices = new Map((await getNotices()).map((n) => [n.id, n]));
  const xml = changelogAtom(await getChangelog(), {
    pageUrl: absoluteHref(withBase("changelog/")),
    feedUrl: absoluteHref(withBase("changelog.xml")),
    noticeUrl: (id) => {
      const notice = notices.get(id);
      return notice ? absoluteHref(noticeUrl(notice)) : undefined;
    },
  });
  return new Response(withFeedStylesheet(xml), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8" },
  });
};
