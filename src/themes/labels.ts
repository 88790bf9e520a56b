/**
 * Words and links for where a theme or slogan occurs (themes.ts occurrences), shared by the
 * /themes/ page and its components: “2019年全国通知口号第4条”, “2020年全国主题（目录，未经核实）”.
 */
import type { PhraseGroup, PhraseOccurrence } from "./phrases.ts";
import { anchorOccurrence, phraseAnchor, themeAnchor, yearAnchor } from "./phrases.ts";
import { withBase } from "../shared/urls.ts";

/** `/themes/` or `/themes/#{anchor}`. */
function themesUrl(anchor?: string): string {
  return withBase(anchor ? `themes/#${anchor}` : "themes/");
}

/** The slogan's place on /themes/ (`/themes/#slogan-…`). */
export function sloganUrl(text: string): string {
  return themesUrl(phraseAnchor(text));
}

/** A notice's theme on the /themes/ timeline (`/themes/#theme-2022-quanguo`). */
export function themeUrl(notice: { data: { year: number; slug: string } }): string {
  return themesUrl(themeAnchor(notice.data));
}

/** 全国 or the region. */
function occurrenceScope(o: PhraseOccurrence): string {
  if (!o.notice || o.notice.level === "national") return "全国";
  return o.notice.region ?? "地方";
}

/** “2019年全国通知口号第4条”, “2021年全国主题”, “2020年全国主题（目录，未经核实）”. */
export function occurrenceLabel(o: PhraseOccurrence, { short = false } = {}): string {
  const where = `${o.year}年${occurrenceScope(o)}`;
  if (o.role === "slogan")
    return short ? `${where}口号第${o.position}条` : `${where}通知口号第${o.position}条`;
  if (o.catalog) return `${where}主题（目录${o.catalog.sourceKind === "mirror" ? "，未经核实" : ""}）`;
  return `${where}主题`;
}

/** The printed slogan in its notice (`/2019/quanguo/#a2-i4`), or the notice's theme on /themes/. */
export function occurrenceHref(o: PhraseOccurrence): string {
  if (o.role === "slogan" && o.notice) {
    return withBase(`${o.notice.year}/${o.notice.slug}/${o.bodyAnchor ? `#${o.bodyAnchor}` : ""}`);
  }
  if (o.notice) return `#${themeAnchor(o.notice)}`;
  return `#${yearAnchor(o.year)}`;
}

/** Where a phrase group lives on /themes/: its slogan anchor, else its theme on the timeline. */
export function groupHref(group: PhraseGroup): string {
  const first = anchorOccurrence(group);
  if (first.role === "slogan") return `#${group.anchor}`;
  return occurrenceHref(first);
}
