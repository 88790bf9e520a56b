/**
 * `/wenhao/{docNumber}/` addresses: a held notice can be reached by its 发文字号 as people type
 * it. Each held document number gets a static redirect page at every form below; any other
 * form (【】, ［］, no brackets, spaces) reaches the 404 page, whose script canonicalises it
 * (src/outputs/wenhao/lookup.ts) and links to the notice when the archive holds it.
 *
 *   国市监质发〔2022〕76号   as printed (〔〕, U+3014/3015)
 *   国市监质发[2022]76号     ASCII square brackets
 *   国市监质发(2022)76号     ASCII parentheses
 *   国市监质发（2022）76号   full-width parentheses
 *   国市监质发-2022-76       docNumberKey (src/document/doc-number.ts): brackets as hyphens
 *
 * No pure-ASCII alias: the 机关代字 (国市监质发) has no official Latin form, and a made-up
 * pinyin abbreviation would be a new identifier nobody cites. The notice's own URL
 * (/{year}/{slug}/) is the ASCII address.
 */
import { docNumberKey, formatDocNumber, parseDocNumber } from "../../document/doc-number.ts";
import { withBase } from "../../shared/urls.ts";

/** Every path segment under /wenhao/ that leads to the notice with this document number. */
export function wenhaoVariants(docNumber: string): string[] {
  const parts = parseDocNumber(docNumber);
  if (!parts) throw new Error(`not a document number: ${docNumber}`);
  const { prefix, year, serial } = parts;
  return [
    ...new Set([
      formatDocNumber(parts),
      `${prefix}[${year}]${serial}号`,
      `${prefix}(${year})${serial}号`,
      `${prefix}（${year}）${serial}号`,
      docNumberKey(parts),
    ]),
  ];
}

/** Site path of a /wenhao/ page (base-aware, not percent-encoded): /wenhao/国市监质发〔2022〕76号/. */
export function wenhaoUrl(segment: string): string {
  return withBase(`wenhao/${segment}/`);
}

/** The /wenhao/ index page. */
export function wenhaoIndexUrl(): string {
  return withBase("wenhao/");
}
