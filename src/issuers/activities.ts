/**
 * Activities of the co-hosting bodies: the numbered items of a notice's attachment
 * “……主办单位开展的主要活动” (附件1 in every notice held so far), one item per body:
 *
 *   十二、人民银行开展“金融标准 为民利企”主题质量月活动。……
 *   → { issuerId: "pbc", year: 2019, noticeId: "2019-quanguo", itemNumber: 12, anchor: "a1-s12", … }
 *
 * Pure functions over the notice's text model (src/text/blocks.ts) and the issuer registry, so
 * they run the same at build time and in unit tests; adding a notice adds its activities with no
 * code change.
 *
 * - Which attachment: the one whose title names 主办单位 and 开展 … 活动 (the frontmatter's
 *   `attachments` list); an attachment titled 联合主办单位名单 (a list of names) is not one.
 * - Items: paragraphs that start with first-level numbering 一、 二、 … (numbering.ts);
 *   unnumbered paragraphs that follow belong to the item before them.
 * - Anchors: the paragraph's own, as the page has it: item 十三、 of 附件1 is `a1-s13`, so
 *   `/{year}/{slug}/#a1-s13` points at the item.
 * - The body: the longest prefix of the item text that resolves in the issuer registry
 *   (“国家发展改革委开展……” → ndrc). An item naming two bodies (“市场监管总局与国务院国资委共同举办
 *   ……”) belongs to the first; every other registry name in the item is a mention.
 * - Items whose opening names no registry body are returned as `unresolved`, never guessed.
 */
import { namesInContext, resolveIssuer, type IssuerContext, type IssuerIndex } from "../archive/issuers.ts";
import { compactName } from "../archive/issuer-names.ts";
import { noticeDivision } from "../archive/regions/lookup.ts";
import { numberingOf } from "../document/numbering.ts";
import type { AttachmentBlock, Block } from "../schemas/api.ts";
import { levelRank, type Level } from "../shared/levels.ts";

/** What activity parsing needs of a notice (a content collection entry satisfies it). */
export interface ActivityNotice {
  /** Collection id, `{year}-{slug}`. */
  id: string;
  /** Its text model (src/text/blocks.ts). */
  blocks: readonly Block[];
  data: {
    year: number;
    slug: string;
    level: Level;
    region?: string | undefined;
    regionCode?: string | undefined;
    attachments: { n: number; title: string }[];
    provenance: { completeness: string[] };
  };
}

export interface Activity {
  /** Registry id of the body the item belongs to (the one named first). */
  issuerId: string;
  year: number;
  noticeId: string;
  slug: string;
  level: ActivityNotice["data"]["level"];
  region?: string;
  /** Attachment number (1 for 附件1). */
  attachment: number;
  /** The item's number: 十三、 → 13. */
  itemNumber: number;
  /** The item's numbering as printed, e.g. 十三、. */
  marker: string;
  /** Anchor of the item on the notice page, e.g. `a1-s13`. */
  anchor: string;
  /** The item text after its numbering, markup escapes removed; paragraphs joined by newlines. */
  text: string;
  /** The body's name as printed at the start of the item, e.g. 国家发展改革委. */
  named: string;
  /** Other registry bodies the item names (co-organisers), in order of first appearance. */
  mentions: string[];
  /** The notice's text stops inside this item (the last item of a truncated notice). */
  truncated: boolean;
}

interface UnresolvedItem {
  noticeId: string;
  attachment: number;
  itemNumber: number;
  anchor: string;
  text: string;
}

export interface ParsedActivities {
  activities: Activity[];
  unresolved: UnresolvedItem[];
}

/** Titles of attachments that list the co-hosts' activities. */
export function isActivityAttachment(title: string): boolean {
  return /主办单位/.test(title) && /开展/.test(title) && /活动/.test(title);
}

/** The paragraphs of an attachment's text, in order, headings left out (they are not items). */
function paragraphsOf(blocks: readonly Block[]): { anchor: string; text: string }[] {
  return blocks.flatMap((b) => {
    switch (b.type) {
      case "paragraph":
        return [{ anchor: b.anchor, text: b.text.replace(/\s*\n\s*/g, "") }];
      case "list":
        return b.items.map((i) => ({ anchor: i.anchor, text: `${i.number ?? ""}${i.text}` }));
      case "section":
      case "part":
      case "attachment":
        return paragraphsOf(b.content);
      case "title":
        return [];
    }
  });
}

/**
 * The longest prefix of `text` that names a registry body in the notice's context (generic
 * names such as 省教育厅 mean the body of the notice's own region): [id, prefix as printed].
 */
export function bodyAtStart(
  index: IssuerIndex,
  text: string,
  context: IssuerContext = {},
  maxLength = 30,
): [string, string] | undefined {
  const head = text.slice(0, maxLength);
  for (let length = head.length; length >= 2; length--) {
    const prefix = head.slice(0, length);
    // A name never ends in a space or punctuation; skip prefixes that do.
    if (/[\s\p{P}]$/u.test(prefix)) continue;
    const id = resolveIssuer(index, prefix, context);
    if (id) return [id, prefix];
  }
  return undefined;
}

/**
 * Registry bodies named anywhere in `text`, longest spelling first, without overlaps
 * (人民银行海口中心支行 is not also 人民银行), in order of first appearance.
 */
function bodiesNamedIn(index: IssuerIndex, text: string, context: IssuerContext): string[] {
  const byName = namesInContext(index, context);
  const names = [...byName.keys()].filter((n) => n.length >= 3).sort((a, b) => b.length - a.length);
  const compact = compactName(text);
  const taken = new Array<boolean>(compact.length).fill(false);
  const found: { at: number; id: string }[] = [];
  for (const name of names) {
    let from = 0;
    for (;;) {
      const at = compact.indexOf(name, from);
      if (at < 0) break;
      from = at + 1;
      if (taken.slice(at, at + name.length).some(Boolean)) continue;
      taken.fill(true, at, at + name.length);
      found.push({ at, id: byName.get(name)! });
    }
  }
  const ids: string[] = [];
  for (const { id } of found.sort((a, b) => a.at - b.at)) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** The activities listed in one notice. */
export function parseActivities(notice: ActivityNotice, index: IssuerIndex): ParsedActivities {
  const result: ParsedActivities = { activities: [], unresolved: [] };
  const wanted = new Set(
    notice.data.attachments.filter((a) => isActivityAttachment(a.title)).map((a) => a.n),
  );
  if (!wanted.size) return result;
  const truncated = notice.data.provenance.completeness.includes("truncated");
  const context: IssuerContext = {
    regionCode: noticeDivision(notice.data.region, notice.data.regionCode)?.code,
  };
  const attachments = notice.blocks.filter((b): b is AttachmentBlock => b.type === "attachment");
  const lastAttachment = Math.max(...attachments.map((a) => a.n));

  for (const attachment of attachments) {
    const n = attachment.n;
    if (!wanted.has(n)) continue;
    interface Item {
      numbering: NonNullable<ReturnType<typeof numberingOf>>;
      anchor: string;
      paragraphs: string[];
    }
    const items: Item[] = [];
    for (const { anchor, text } of paragraphsOf(attachment.content)) {
      const numbering = numberingOf(text);
      if (numbering?.depth === 1) items.push({ numbering, anchor, paragraphs: [numbering.rest] });
      else items.at(-1)?.paragraphs.push(text);
    }

    for (const [i, item] of items.entries()) {
      const text = item.paragraphs.join("\n");
      const isLast = i === items.length - 1 && n === lastAttachment;
      const found = bodyAtStart(index, text, context);
      if (!found) {
        result.unresolved.push({
          noticeId: notice.id,
          attachment: n,
          itemNumber: item.numbering.value,
          anchor: item.anchor,
          text,
        });
        continue;
      }
      const [issuerId, named] = found;
      const activity: Activity = {
        issuerId,
        year: notice.data.year,
        noticeId: notice.id,
        slug: notice.data.slug,
        level: notice.data.level,
        attachment: n,
        itemNumber: item.numbering.value,
        marker: item.numbering.marker,
        anchor: item.anchor,
        text,
        named,
        mentions: bodiesNamedIn(index, text.slice(named.length), context).filter((id) => id !== issuerId),
        truncated: truncated && isLast,
      };
      if (notice.data.region) activity.region = notice.data.region;
      result.activities.push(activity);
    }
  }
  return result;
}

/** Activities of every notice, oldest year first, then national before provincial, by item. */
export function parseAllActivities(notices: readonly ActivityNotice[], index: IssuerIndex): ParsedActivities {
  const sorted = [...notices].sort(
    (a, b) =>
      a.data.year - b.data.year ||
      levelRank(a.data.level) - levelRank(b.data.level) ||
      a.data.slug.localeCompare(b.data.slug),
  );
  const result: ParsedActivities = { activities: [], unresolved: [] };
  for (const notice of sorted) {
    const parsed = parseActivities(notice, index);
    result.activities.push(...parsed.activities);
    result.unresolved.push(...parsed.unresolved);
  }
  return result;
}

/** Activities grouped by issuer id (the body each item belongs to). */
export function activitiesByIssuer(activities: readonly Activity[]): Map<string, Activity[]> {
  const map = new Map<string, Activity[]>();
  for (const a of activities) map.set(a.issuerId, [...(map.get(a.issuerId) ?? []), a]);
  return map;
}

/** Activities of other bodies that name this one (“与市场监管总局共同举办”), by mentioned id. */
export function mentionsByIssuer(activities: readonly Activity[]): Map<string, Activity[]> {
  const map = new Map<string, Activity[]>();
  for (const a of activities) for (const id of a.mentions) map.set(id, [...(map.get(id) ?? []), a]);
  return map;
}
