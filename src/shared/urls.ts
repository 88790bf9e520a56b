/**
 * Internal links and assets. The site may be deployed under a base path (BASE_PATH, e.g.
 * /zlyda/), and Astro's BASE_URL may or may not end with a slash: every internal address goes
 * through `withBase`, never a hand-written leading slash. Pure and browser-safe.
 */

/** `withBase("2019/quanguo/")` → "/2019/quanguo/" or "/zlyda/2019/quanguo/". */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL || "/";
  const prefix = base.endsWith("/") ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, "")}`;
}

/** Home page. */
export function homeUrl(): string {
  return withBase("");
}

/** Year page, e.g. /2022/. */
export function yearUrl(year: number): string {
  return withBase(`${year}/`);
}

/** What a notice's addresses are made of (a content collection entry, or its data). */
export type NoticeAddress = { data: { year: number; slug: string } } | { year: number; slug: string };

function yearSlug(notice: NoticeAddress): string {
  const { year, slug } = "data" in notice ? notice.data : notice;
  return `${year}/${slug}/`;
}

/** `${BASE_URL}${year}/${slug}/`. */
export function noticeUrl(notice: NoticeAddress): string {
  return withBase(yearSlug(notice));
}

/** The verbatim source file as received: `/{year}/{slug}/source.txt`. */
export function sourceUrl(notice: NoticeAddress): string {
  return withBase(`${yearSlug(notice)}source.txt`);
}

/** `/issuers/{id}/`. */
export function issuerUrl(id: string): string {
  return withBase(`issuers/${id}/`);
}
