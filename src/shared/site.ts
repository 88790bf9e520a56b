/**
 * Site-wide facts for machine-readable output (feeds, open data, OpenGraph, JSON-LD): the site's
 * name, absolute URLs built from SITE_URL + BASE_PATH (astro.config.mjs), and the statement that
 * every archived text is a reproduction.
 */
import { withBase } from "./urls.ts";

export const SITE_NAME = "质量月档案";

export const SITE_DESCRIPTION = "全国“质量月”活动通知档案：历年全国及地方“质量月”活动通知原文、主题与来源。";

/**
 * What the archive's texts are worth legally, said wherever a text leaves the page (JSON, feed,
 * .txt, .md, JSON-LD): a reproduction; the issuing body's document is authoritative.
 */
export const REPRODUCTION_NOTICE =
  "本档案文本据收到的来源文件整理，为复制本，不具有法律效力；以发文机关印发的正式文件为准。";

/** The configured site URL (SITE_URL), e.g. https://example.gov.cn. */
function siteOrigin(): string {
  return import.meta.env.SITE ?? "http://localhost:4321";
}

/** `absoluteUrl("2022/quanguo/")` → "https://example.gov.cn/zlyda/2022/quanguo/". */
export function absoluteUrl(path: string): string {
  return new URL(withBase(path), siteOrigin()).href;
}
