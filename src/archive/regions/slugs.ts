/**
 * URL slugs of regions, from the pinyin of their short names (pinyin-pro), joined down the
 * division path with hyphens:
 *
 *   海南省 → hainan · 三亚市 → hainan-sanya · 三亚市吉阳区 → hainan-sanya-jiyang
 *   上海市奉贤区 → shanghai-fengxian (a municipality's districts hang under it directly)
 *   琼海市 (省直辖) → hainan-qionghai · 福州市 → fujian-fuzhou, 抚州市 → jiangxi-fuzhou
 *
 * A slug is computed once, when a notice is imported, and then kept in its file name for ever
 * (README: The URL promise); a later pinyin or dataset update never moves a published notice.
 * Two divisions under one parent whose short names read alike keep their full names
 * (郊区 and 郊县 would both be jiao).
 */
import { pinyin } from "pinyin-pro";
import { childrenOf, divisionPath, type Division } from "./divisions.ts";
import { shortName } from "./names.ts";

/** Official romanisations that differ from plain pinyin: 陕西 is Shaanxi, set apart from 山西. */
const ROMANISED: Record<string, string> = { "610000": "shaanxi" };

const slugCache = new Map<string, string>();

/** Lowercase toneless pinyin, ASCII only (ü as v). */
function toPinyinSlug(text: string): string {
  let slug = slugCache.get(text);
  if (slug === undefined) {
    slug = pinyinSlug(text);
    slugCache.set(text, slug);
  }
  return slug;
}

function pinyinSlug(text: string): string {
  return pinyin(text, { toneType: "none", type: "array", v: true, nonZh: "removed" })
    .join("")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** The slug of one division on its own (without the divisions above it). */
function ownSlug(division: Division): string {
  const own = shortSlug(division);
  const clash = childrenOf(division.parent).some(
    (sibling) => sibling.code !== division.code && shortSlug(sibling) === own,
  );
  return clash ? toPinyinSlug(division.name) : own;
}

function shortSlug(division: Division): string {
  return ROMANISED[division.code] ?? toPinyinSlug(shortName(division.name));
}

/** The region part of a notice's URL slug for the division with this code. */
export function regionSlug(code: string): string {
  const path = divisionPath(code);
  if (!path.length) throw new Error(`no division with the code ${code}`);
  return path.map(ownSlug).join("-");
}
