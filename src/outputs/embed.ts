/**
 * What the embeddable card (/embed/latest/) shows: the newest year whose national notice the
 * archive holds — its theme, its slogans (where the notice lists them) and a link into the
 * archive — and, when the catalogue already knows the theme of a later year whose notice is not
 * held yet, that theme too, marked as coming from the catalogue.
 */
import { noticeBlocks } from "../text/notice-text.ts";
import { blockAnchors } from "../text/walk.ts";
import { SOURCE_KIND_LABELS } from "../shared/labels.ts";
import { getNationalNotices, type NoticeEntry } from "../queries/notices.ts";
import { inferredBasis, missingKind } from "../shared/notice.ts";
import { noticeUrl } from "../shared/urls.ts";
import { yearsOverview } from "../queries/years.ts";
import type { Block } from "../schemas/api.ts";

export interface EmbedCard {
  notice: NoticeEntry;
  year: number;
  theme?: string;
  themeInferred: boolean;
  slogans: string[];
  /** 缺失 or 未载明, when the notice lists no slogans. */
  slogansMissing?: "缺失" | "未载明";
  /** The notice page. */
  href: string;
  /** Where the slogans are in the notice (the attachment or section that lists them). */
  slogansHref: string;
  /** A later year known only from the catalogue. */
  newer?: { year: number; theme: string; source: string };
}

/** The anchor of the top-level block (attachment or section) whose list holds this text. */
function anchorHolding(blocks: readonly Block[], text: string): string | undefined {
  const squash = (s: string) => s.replace(/\s+/g, "");
  const holds = (b: Block): boolean => {
    if (b.type === "list") return b.items.some((i) => squash(i.text) === squash(text));
    if (b.type === "paragraph") return squash(b.text).endsWith(squash(text));
    if ("content" in b) return b.content.some(holds);
    return false;
  };
  const top = blocks.find(holds);
  return top && "anchor" in top ? top.anchor : top ? blockAnchors([top])[0] : undefined;
}

export async function latestEmbedCard(): Promise<EmbedCard | undefined> {
  const [notice] = await getNationalNotices();
  if (!notice) return undefined;
  const d = notice.data;
  const href = noticeUrl(notice);
  const slogans = d.slogans ?? [];
  let slogansHref = href;
  if (slogans[0]) {
    const anchor = anchorHolding(await noticeBlocks(notice), slogans[0]);
    if (anchor) slogansHref = `${href}#${anchor}`;
  }
  const newerRow = (await yearsOverview()).find(
    (y) => y.year > d.year && y.status === "catalogued" && y.catalog,
  )?.catalog;
  return {
    notice,
    year: d.year,
    ...(d.theme ? { theme: d.theme } : {}),
    themeInferred: inferredBasis(notice, "theme") !== undefined,
    slogans,
    ...(slogans.length ? {} : { slogansMissing: missingKind(notice, "slogans") }),
    href,
    slogansHref,
    ...(newerRow
      ? {
          newer: {
            year: newerRow.year,
            theme: newerRow.theme,
            source: SOURCE_KIND_LABELS[newerRow.sourceKind],
          },
        }
      : {}),
  };
}
