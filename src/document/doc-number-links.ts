/**
 * Which document numbers in a text name a notice the archive holds. Used by the rehype plugin
 * that links them (src/document/plugins/rehype-doc-number-links.ts) and by the build report of numbers
 * the archive does not hold (/reports/doc-numbers.json), so both always agree.
 *
 *   resolveDocNumbers("按照…通知》（国市监质发〔2022〕76号）要求", held)
 *   → [{ index: 9, text: "国市监质发〔2022〕76号", canonical: "国市监质发〔2022〕76号", target: { id: "2022-quanguo", … } }]
 */
import { findDocNumbers, formatDocNumber, parseDocNumber } from "./doc-number.ts";

export interface HeldNotice {
  /** {year}-{slug}. */
  id: string;
  year: number;
  slug: string;
}

export interface DocNumberMention {
  /** Offset of the number in the text (UTF-16 units). */
  index: number;
  /** The number exactly as written (the text a link wraps). */
  text: string;
  /** Printed form with 〔〕. */
  canonical: string;
  /** The held notice it names; undefined when the archive does not hold it. */
  target?: HeldNotice;
}

/** Printed document number → held notice. Inferred numbers count: they are the notice's number. */
export function heldDocNumbers(
  notices: readonly (HeldNotice & { docNumber?: string | undefined })[],
): Map<string, HeldNotice> {
  const held = new Map<string, HeldNotice>();
  for (const n of notices) {
    const parts = n.docNumber ? parseDocNumber(n.docNumber) : undefined;
    if (parts) held.set(formatDocNumber(parts), { id: n.id, year: n.year, slug: n.slug });
  }
  return held;
}

/**
 * Every document number in `text` (〔〕 [] () （） forms, see findDocNumbers). The pattern may
 * take words before the issuer code into the prefix (根据国市监质发〔2022〕76号): when the whole
 * match is not held, shorter prefixes are tried, and a held one is reported at its own offset.
 */
export function resolveDocNumbers(text: string, held: ReadonlyMap<string, HeldNotice>): DocNumberMention[] {
  const mentions: DocNumberMention[] = [];
  for (const found of findDocNumbers(text)) {
    const parts = parseDocNumber(found.raw);
    if (!parts) continue;
    let mention: DocNumberMention = { index: found.index, text: found.raw, canonical: found.canonical };
    for (let k = 0; k < parts.prefix.length; k++) {
      const canonical = formatDocNumber({ ...parts, prefix: parts.prefix.slice(k) });
      const target = held.get(canonical);
      if (target) {
        mention = { index: found.index + k, text: found.raw.slice(k), canonical, target };
        break;
      }
    }
    mentions.push(mention);
  }
  return mentions;
}
