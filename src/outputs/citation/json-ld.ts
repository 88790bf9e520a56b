/**
 * schema.org JSON-LD for a notice page: a `Legislation` with its document number, date, issuing
 * bodies and jurisdiction, and an honest statement of what the page is — a reproduction
 * (`legislationLegalValue`: UnofficialLegalValue); the issuing body's text is authoritative.
 * Only what the text states goes in: issuers the archive infers are left out, a missing date
 * stays missing.
 */
import { noticePaths } from "../open-data/open-data.ts";
import { displayTitle } from "../../shared/notice.ts";
import { noticeIssuers } from "../../queries/issuers.ts";
import type { NoticeEntry } from "../../queries/notices.ts";
import { REPRODUCTION_NOTICE, SITE_NAME, absoluteUrl } from "../../shared/site.ts";

export async function legislationJsonLd(notice: NoticeEntry): Promise<Record<string, unknown>> {
  const d = notice.data;
  const p = noticePaths(notice);
  const issuers = await noticeIssuers(notice);
  const json: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "Legislation",
    "@id": `${absoluteUrl(p.html)}#legislation`,
    name: displayTitle(notice),
    url: absoluteUrl(p.html),
    inLanguage: "zh-CN",
    legislationType: "通知",
    legislationJurisdiction: d.level === "national" ? "中华人民共和国" : (d.region ?? "中华人民共和国"),
    legislationLegalValue: "https://schema.org/UnofficialLegalValue",
    description: REPRODUCTION_NOTICE,
    isAccessibleForFree: true,
    sdPublisher: { "@type": "Organization", name: SITE_NAME, url: absoluteUrl("") },
    encoding: [
      { "@type": "MediaObject", encodingFormat: "application/json", contentUrl: absoluteUrl(p.json) },
      { "@type": "MediaObject", encodingFormat: "text/plain", contentUrl: absoluteUrl(p.text) },
      { "@type": "MediaObject", encodingFormat: "text/markdown", contentUrl: absoluteUrl(p.markdown) },
    ],
  };
  if (d.docNumber) json.legislationIdentifier = d.docNumber;
  if (d.signedDate) json.legislationDate = d.signedDate;
  if (d.publishedDate) json.datePublished = d.publishedDate;
  if (d.theme) json.keywords = d.theme;
  if (issuers.stated.length) {
    json.legislationPassedBy = issuers.stated.map((i) => ({
      "@type": "GovernmentOrganization",
      name: i.name,
      ...(i.label !== i.name ? { alternateName: i.label } : {}),
    }));
  }
  return json;
}

/** JSON for a <script type="application/ld+json"> data block: `<` escaped so no tag can close it. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
