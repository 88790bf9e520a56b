/**
 * Internal links and assets. The site may be deployed under a base path (BASE_PATH, e.g.
 * /zlyda/), and Astro's BASE_URL may or may not end with a slash: every internal address goes
 * through `withBase`, never a hand-written leading slash.
 */

/** `withBase("2019/quanguo/")` → "/2019/quanguo/" or "/zlyda/2019/quanguo/". */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL || "/";
  const prefix = base.endsWith("/") ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, "")}`;
}

/** Year page, e.g. /2022/. */
export function yearUrl(year: number): string {
  return withBase(`${year}/`);
}

/** Home page. */
export function homeUrl(): string {
  return withBase("");
}
