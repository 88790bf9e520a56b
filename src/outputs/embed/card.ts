/**
 * What the embeddable cards show (src/pages/embed/): a year's national theme, the slogans where
 * the held notice lists them, and links into the archive.
 *
 * - /embed/latest/   the newest year whose national notice the archive holds, and a line for a
 *                    later year the catalogue already knows (全文尚未收录);
 * - /embed/current/  leads with the newest year whose national theme is known at all: from the
 *                    catalogue while its notice is not held yet, then the newest held notice;
 * - /embed/{year}/   one year, pinned: its held national notice, or its catalogue entry.
 *
 * Each card is as tall as its content; `cardHeight` estimates that height for the iframe
 * snippet (a framed page cannot size its frame without a script in the host page).
 */
import { blockAnchors } from "../../text/walk.ts";
import { noticeBlocks } from "../../text/notice-text.ts";
import { SOURCE_KIND_LABELS } from "../../shared/labels.ts";
import type { NoticeEntry } from "../../queries/notices.ts";
import { inferredBasis, missingKind } from "../../shared/notice.ts";
import { noticeUrl, yearUrl } from "../../shared/urls.ts";
import { yearsOverview, type YearOverview } from "../../queries/years.ts";
import type { Block } from "../../schemas/api.ts";

/** A year's national theme as a card states it. */
interface CardYear {
  year: number;
  theme?: string;
  themeInferred: boolean;
  /** Slogans of the held national notice (none for a catalogue year). */
  slogans: string[];
  /** 缺失 or 未载明, when a held notice lists no slogans. */
  slogansMissing?: "缺失" | "未载明";
  /** The notice page, or the year page of a catalogue year. */
  href: string;
  /** Where the slogans are in the notice (the attachment or section that lists them). */
  slogansHref: string;
  /** For a catalogue year: the kind of source the theme comes from (no notice is held). */
  catalogSource?: string;
}

export interface EmbedCard {
  /** The card's own address under /embed/. */
  path: string;
  /** What the frame is called (the iframe's title). */
  frameTitle: string;
  main: CardYear;
  /** A second, smaller line: a later catalogue year (latest), or the newest held notice (current). */
  also?: CardYear;
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

async function heldYear(notice: NoticeEntry): Promise<CardYear> {
  const d = notice.data;
  const href = noticeUrl(notice);
  const slogans = d.slogans ?? [];
  let slogansHref = href;
  if (slogans[0]) {
    const anchor = anchorHolding(await noticeBlocks(notice), slogans[0]);
    if (anchor) slogansHref = `${href}#${anchor}`;
  }
  return {
    year: d.year,
    ...(d.theme ? { theme: d.theme } : {}),
    themeInferred: inferredBasis(notice, "theme") !== undefined,
    slogans,
    ...(slogans.length ? {} : { slogansMissing: missingKind(notice, "slogans") }),
    href,
    slogansHref,
  };
}

function catalogYear(y: YearOverview): CardYear | undefined {
  if (!y.catalog) return undefined;
  return {
    year: y.year,
    theme: y.catalog.theme,
    themeInferred: false,
    slogans: [],
    href: yearUrl(y.year),
    slogansHref: yearUrl(y.year),
    catalogSource: SOURCE_KIND_LABELS[y.catalog.sourceKind],
  };
}

/** A year's card content: its held national notice, else its catalogue entry. */
async function cardYear(y: YearOverview): Promise<CardYear | undefined> {
  return y.national ? heldYear(y.national) : catalogYear(y);
}

const TITLE = "全国“质量月”活动主题";

export async function latestEmbedCard(): Promise<EmbedCard | undefined> {
  const years = await yearsOverview();
  const held = years.find((y) => y.national);
  if (!held?.national) return undefined;
  const newer = years.find((y) => y.year > held.year && !y.national && y.catalog);
  const also = newer ? catalogYear(newer) : undefined;
  return {
    path: "embed/latest/",
    frameTitle: TITLE,
    main: await heldYear(held.national),
    ...(also ? { also } : {}),
  };
}

export async function currentEmbedCard(): Promise<EmbedCard | undefined> {
  const years = await yearsOverview();
  const newest = years.find((y) => y.national || y.catalog);
  const held = years.find((y) => y.national);
  if (!newest) return undefined;
  const main = await cardYear(newest);
  if (!main) return undefined;
  const also = held?.national && held !== newest ? await heldYear(held.national) : undefined;
  return { path: "embed/current/", frameTitle: `当年${TITLE}`, main, ...(also ? { also } : {}) };
}

/** Years a pinned card exists for: a held national notice or a catalogue row, newest first. */
export async function embedYears(): Promise<number[]> {
  return (await yearsOverview()).filter((y) => y.national || y.catalog).map((y) => y.year);
}

export async function yearEmbedCard(year: number): Promise<EmbedCard | undefined> {
  const y = (await yearsOverview()).find((o) => o.year === year);
  const main = y ? await cardYear(y) : undefined;
  return main ? { path: `embed/${year}/`, frameTitle: `${year}年${TITLE}`, main } : undefined;
}

/** Slogans a card lists; the rest are a click away. */
export const SHOWN_SLOGANS = 5;

/*
 * The card's height at the snippet's width (EMBED_WIDTH), from the card's type scale
 * (src/styles/embed.css): each block's lines times its line height, a CJK character one em
 * wide, a Latin letter or digit about half. Rounded up to 10 px; a few pixels of slack.
 */
export const EMBED_WIDTH = 300;
/** Border 1 px each side and 14 px padding: the text measure. */
const MEASURE = EMBED_WIDTH - 2 - 28;

function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += ch.charCodeAt(0) < 0x100 ? (ch === " " ? 0.3 : 0.56) : 1;
  return ems;
}

function lines(text: string, fontSize: number, measure = MEASURE): number {
  return Math.max(1, Math.ceil((textEms(text) * fontSize) / measure));
}

/** Height in px of a text block: its lines × font size × line height. */
const block = (text: string, size: number, lineHeight: number, measure = MEASURE) =>
  lines(text, size, measure) * size * lineHeight;

/** The card's sentences that are not values: its kicker and its second line. */
export function cardLines(card: EmbedCard): { kicker: string; also?: string } {
  const { also } = card;
  return {
    kicker: `${card.main.year}年全国“质量月”`,
    ...(also
      ? {
          also: also.catalogSource
            ? `${also.year}年主题（据${also.catalogSource}，全文尚未收录）：${also.theme ?? "未载明"}`
            : `本档案收录全文的最新一年：${also.year}年，主题：${also.theme ?? "未载明"}`,
        }
      : {}),
  };
}

export function cardHeight(card: EmbedCard): number {
  const GAP = 8;
  const { kicker, also: alsoLine } = cardLines(card);
  const { main } = card;
  const shown = main.slogans.slice(0, SHOWN_SLOGANS);
  let h = 4 + 12 + 10 + 2; // top border, padding top and bottom, borders
  h += block(kicker, 13, 1.6) + GAP;
  h += 12 * 1.6 + block(main.theme ?? "未载明", 17, 1.45) + GAP;
  if (main.catalogSource) h += block(`据${main.catalogSource}，全文未收录`, 12, 1.5) + GAP;
  if (shown.length) {
    h += 12 * 1.6;
    for (const s of shown) h += block(s, 13, 1.55, MEASURE - 21) + 2;
    h += GAP;
  } else if (!main.catalogSource) h += block(`活动口号：${main.slogansMissing ?? ""}`, 13, 1.6) + GAP;
  if (alsoLine) h += block(alsoLine, 12, 1.5, MEASURE - 16) + 12 + GAP;
  h += 8 + 1 + 13 * 1.6 + GAP; // links: rule, padding, one line
  h += block("文本为复制本，以发文机关印发的正式文件为准。", 11, 1.5);
  return Math.ceil(h / 10) * 10;
}
