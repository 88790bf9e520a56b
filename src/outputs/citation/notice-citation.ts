/**
 * The citation of a held notice (src/outputs/citation/citation.ts) from its collection entry: issuers' short
 * names from the registry, and its permanent URL = SITE_URL + base path + /{year}/{slug}/.
 */
import { buildDate, citationSource, type CitationSource } from "./citation.ts";
import { noticeIssuers } from "../../queries/issuers.ts";
import { noticeUrl } from "../../shared/urls.ts";
import type { NoticeEntry } from "../../queries/notices.ts";

/** The date this build ran (Beijing time): the access date of the static citation and downloads. */
export const BUILD_DATE = buildDate();

/** Absolute URL of a site path (already base-prefixed), on SITE_URL. */
export function absoluteHref(path: string): string {
  return new URL(path, import.meta.env.SITE).href;
}

export async function noticeCitation(notice: NoticeEntry): Promise<CitationSource> {
  const issuers = await noticeIssuers(notice);
  return citationSource(
    notice.data,
    { stated: issuers.stated.map((i) => i.label), inferred: issuers.inferred.map((i) => i.label) },
    absoluteHref(noticeUrl(notice)),
  );
}
