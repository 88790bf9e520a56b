/**
 * The lineage open data: /api/lineage/{year}/{slug}.json, each counted sentence of a notice with
 * its anchor, its origin and its matches in other notices (src/lineage/), in the shape of
 * src/schemas/lineage.ts.
 */
import { lineageOf } from "../../lineage/data.ts";
import { MATCH_LIMIT, isCounted, type Match } from "../../lineage/lineage.ts";
import { NEAR_THRESHOLD } from "../../lineage/similarity.ts";
import type { NoticeEntry } from "../../queries/notices.ts";
import type { LineageDocument } from "../../schemas/lineage.ts";
import { REPRODUCTION_NOTICE, absoluteUrl } from "../../shared/site.ts";
import type { NoticeAddress } from "../../shared/urls.ts";
import { noticePaths } from "./open-data.ts";

export const LINEAGE_SCHEMA_PATH = "api/schema/lineage.schema.json";

/** Site path (without base) of a notice's lineage data. */
export function lineagePath(notice: NoticeAddress): string {
  const { year, slug } = "data" in notice ? notice.data : notice;
  return `api/lineage/${year}/${slug}.json`;
}

const METHOD =
  "Sentences: headings whole; paragraphs, list items and the lines of 主送机关 and 附件说明 cut after 。！？； (with the closing marks that follow) and at line breaks; the title counts; 版头, 发文字号, 署名, 成文日期, 附注, 版记 and attachment labels do not. Same: equal after the archive's search normalisation (NFKC, lower case, letters and digits only) of the text without its opening numbering (一、 （一） 1. （1）). Near: Dice coefficient of the character bigrams of those normalised texts at least `threshold`. Order of notices: year, then national before provincial before municipal, then date (成文日期, else 印发日期, else 发布日期), then id; earlier means earlier in this order.";

export async function lineageDocument(notice: NoticeEntry): Promise<LineageDocument> {
  const { sentences, summary } = await lineageOf(notice);
  const match = (m: Match) => ({ notice: m.notice, anchor: m.anchor, n: m.n, similarity: m.similarity });
  return {
    $schema: absoluteUrl(LINEAGE_SCHEMA_PATH),
    disclaimer: REPRODUCTION_NOTICE,
    notice: notice.id,
    url: absoluteUrl(noticePaths(notice).html),
    method: { threshold: NEAR_THRESHOLD, matchLimit: MATCH_LIMIT, description: METHOD },
    summary,
    sentences: sentences.map((s) => {
      const { anchor, n, kind, text, part, attachment } = s.sentence;
      // Lineage lists only counted sentences: never a label, never a furniture part.
      if (kind === "label" || !isCounted(s.sentence))
        throw new Error(`lineage: ${notice.id}#${anchor} is not a counted sentence`);
      return {
        anchor,
        n,
        kind,
        text,
        ...(part ? { part } : {}),
        ...(attachment ? { attachment } : {}),
        origin: s.origin,
        ...(s.first ? { first: match(s.first) } : {}),
        ...(s.source ? { source: match(s.source) } : {}),
        matches: s.matches.map(match),
        sameCount: s.sameCount,
        reusedLater: s.reusedLater,
      };
    }),
  };
}
