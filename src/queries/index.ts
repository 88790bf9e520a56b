/**
 * Every content query the pages make, in one module: pages and components never call
 * getCollection themselves. Values come from the collections only (never from re-parsing text).
 */
import { getCollection, type CollectionEntry } from "astro:content";
import type { CatalogEntry } from "../schemas/catalog.ts";
import type { Issuer } from "../schemas/issuer.ts";
import { completenessValues } from "../schemas/provenance.ts";
import { formatChineseDate } from "../shared/chinese-date.ts";
import { withBase, yearUrl } from "../shared/urls.ts";
import { parseAllActivities, type ParsedActivities } from "../issuers/activities.ts";
import { buildIssuerIndex, type IssuerIndex } from "../archive/issuers.ts";
import { buildPhraseIndex, phraseAnchor, themeAnchor, type PhraseIndex } from "../themes/phrases.ts";

export type NoticeEntry = CollectionEntry<"notices">;
export type NoticeData = NoticeEntry["data"];
export type Completeness = (typeof completenessValues)[number];

/* ───────────────────────────── notices ───────────────────────────── */

const LEVEL_ORDER = { national: 0, provincial: 1, municipal: 2 } as const;

let noticesCache: Promise<NoticeEntry[]> | undefined;
let noticesByYearCache: Promise<Map<number, NoticeEntry[]>> | undefined;
let nationalCache: Promise<NoticeEntry[]> | undefined;
let docNumberCache:
  Promise<{ byNumber: Map<string, NoticeEntry>; responders: Map<string, NoticeEntry[]> }> | undefined;

/** All held notices: newest year first; within a year the national notice first, then by region. */
export function getNotices(): Promise<NoticeEntry[]> {
  noticesCache ??= getCollection("notices").then((entries) =>
    [...entries].sort(
      (a, b) =>
        b.data.year - a.data.year ||
        LEVEL_ORDER[a.data.level] - LEVEL_ORDER[b.data.level] ||
        a.data.slug.localeCompare(b.data.slug),
    ),
  );
  return noticesCache;
}

/**
 * getStaticPaths of every per-notice route (/{year}/{slug}/ and the files beside it, the API
 * record): one path a held notice, the notice as its prop.
 */
export async function noticeStaticPaths(): Promise<
  { params: { year: string; slug: string }; props: { notice: NoticeEntry } }[]
> {
  return (await getNotices()).map((notice) => ({
    params: { year: String(notice.data.year), slug: notice.data.slug },
    props: { notice },
  }));
}

/** Held notices grouped by year, newest year first (same order as getNotices within a year). */
export function getNoticesByYear(): Promise<Map<number, NoticeEntry[]>> {
  // Cached: every page's header asks for the held years.
  noticesByYearCache ??= getNotices().then((notices) => {
    const byYear = new Map<number, NoticeEntry[]>();
    for (const notice of notices) {
      const list = byYear.get(notice.data.year) ?? [];
      list.push(notice);
      byYear.set(notice.data.year, list);
    }
    return byYear;
  });
  return noticesByYearCache;
}

/** Years for which at least one notice is held, newest first. */
export async function heldYears(): Promise<number[]> {
  return [...(await getNoticesByYear()).keys()];
}

export async function getNotice(year: number, slug: string): Promise<NoticeEntry | undefined> {
  return (await getNotices()).find((n) => n.data.year === year && n.data.slug === slug);
}

/** Held national notices, newest first. */
export function getNationalNotices(): Promise<NoticeEntry[]> {
  nationalCache ??= getNotices().then((notices) => notices.filter((n) => n.data.level === "national"));
  return nationalCache;
}

/** Notices by document number, and the notices that respond to each (built once). */
function docNumberIndex(): Promise<{
  byNumber: Map<string, NoticeEntry>;
  responders: Map<string, NoticeEntry[]>;
}> {
  docNumberCache ??= getNotices().then((notices) => {
    const byNumber = new Map<string, NoticeEntry>();
    const responders = new Map<string, NoticeEntry[]>();
    for (const n of notices) {
      if (n.data.docNumber && !byNumber.has(n.data.docNumber)) byNumber.set(n.data.docNumber, n);
      const target = n.data.respondsTo;
      if (target) responders.set(target, [...(responders.get(target) ?? []), n]);
    }
    return { byNumber, responders };
  });
  return docNumberCache;
}

/** The held national notice of the nearest earlier year. */
export async function previousNational(notice: NoticeEntry): Promise<NoticeEntry | undefined> {
  return (await getNationalNotices()).find((n) => n.data.year < notice.data.year);
}

/** The held national notice of the nearest later year. */
export async function nextNational(notice: NoticeEntry): Promise<NoticeEntry | undefined> {
  return (await getNationalNotices()).findLast((n) => n.data.year > notice.data.year);
}

/** The held notice this one implements (`respondsTo` → the notice with that docNumber). */
export async function respondsToNotice(notice: NoticeEntry): Promise<NoticeEntry | undefined> {
  const target = notice.data.respondsTo;
  if (!target) return undefined;
  return (await docNumberIndex()).byNumber.get(target);
}

/** Held notices that implement this one (their `respondsTo` is this notice's docNumber). */
export async function respondingNotices(notice: NoticeEntry): Promise<NoticeEntry[]> {
  const docNumber = notice.data.docNumber;
  if (!docNumber) return [];
  return ((await docNumberIndex()).responders.get(docNumber) ?? []).filter((n) => n !== notice);
}

/* ───────────────────────────── URLs ───────────────────────────── */

/** `${BASE_URL}${year}/${slug}/`. */
export function noticeUrl(notice: NoticeEntry | Pick<NoticeData, "year" | "slug">): string {
  const { year, slug } = "data" in notice ? notice.data : notice;
  return withBase(`${year}/${slug}/`);
}

/** The verbatim source file as received: `/{year}/{slug}/source.txt`. */
export function sourceUrl(notice: NoticeEntry): string {
  return withBase(`${notice.data.year}/${notice.data.slug}/source.txt`);
}

export { yearUrl };

/* ───────────────────────────── issuers ───────────────────────────── */

let issuerCache: Promise<Map<string, Issuer>> | undefined;

/** Issuer registry id → issuer. */
export function getIssuerMap(): Promise<Map<string, Issuer>> {
  issuerCache ??= getCollection("issuers").then(
    (entries) => new Map(entries.map((e) => [e.data.id ?? e.id, e.data as Issuer])),
  );
  return issuerCache;
}

export interface ResolvedIssuer {
  id: string;
  /** Short name when the registry has one, else the full name. */
  label: string;
  /** Full name (全称). */
  name: string;
  /** Set for issuers the text does not name: the evidence. */
  basis?: string;
}

function resolveIssuer(map: Map<string, Issuer>, id: string, basis?: string): ResolvedIssuer {
  const issuer = map.get(id);
  const resolved: ResolvedIssuer = {
    id,
    label: issuer?.shortName ?? issuer?.name ?? id,
    name: issuer?.name ?? id,
  };
  if (basis) resolved.basis = basis;
  return resolved;
}

export interface NoticeIssuers {
  /** Issuers the text names. */
  stated: ResolvedIssuer[];
  /** Issuers the text does not name but supports, each with its basis. */
  inferred: ResolvedIssuer[];
  /** The N of “等N个部门”, when stated (or inferred). */
  declared?: number;
  /** Basis when `declared` is itself inferred. */
  declaredBasis?: string;
  /** Units listed as co-hosts of the activity (not issuers of the notice). */
  coHosts: ResolvedIssuer[];
}

export async function noticeIssuers(notice: NoticeEntry): Promise<NoticeIssuers> {
  const map = await getIssuerMap();
  const d = notice.data;
  const result: NoticeIssuers = {
    stated: d.issuers.map((id) => resolveIssuer(map, id)),
    inferred: d.inferredIssuers.map((i) => resolveIssuer(map, i.id, i.basis)),
    coHosts: d.coHosts.map((id) => resolveIssuer(map, id)),
  };
  if (d.declaredIssuerCount !== undefined) result.declared = d.declaredIssuerCount;
  const basis = inferredBasis(notice, "declaredIssuerCount");
  if (basis) result.declaredBasis = basis;
  return result;
}

/* ───────────────────────────── catalogue ───────────────────────────── */

let catalogCache: Promise<CatalogEntry[]> | undefined;

/** Catalogue rows (secondary facts about years whose notice is not held), newest year first. */
export function getCatalog(): Promise<CatalogEntry[]> {
  catalogCache ??= getCollection("catalog").then((entries) =>
    entries.map((e) => e.data as CatalogEntry).sort((a, b) => b.year - a.year),
  );
  return catalogCache;
}

/* ───────────────────────────── years ───────────────────────────── */

/** First national Quality Month: September 1978 (content/catalog/README.md). */
export const FIRST_YEAR = 1978;
/** Held each year 1978–1984; not held 1985–1992; held every September since 1997. */
const NOT_HELD: readonly [number, number] = [1985, 1992];
const NO_INFORMATION: readonly [number, number] = [1993, 1996];

/**
 * - `archived`: at least one notice is held in full
 * - `catalogued`: only a catalogue row (secondary source) is known
 * - `unrecorded`: Quality Month was held, but the archive holds nothing about it yet
 * - `not-held`: no Quality Month that year (1985–1992)
 * - `unknown`: no information either way (1993–1996)
 */
export type YearStatus = "archived" | "catalogued" | "unrecorded" | "not-held" | "unknown";

export interface YearTheme {
  value: string;
  /** Where the theme comes from: the held national notice, a held local notice, or the catalogue. */
  from: "national" | "local" | "catalog";
  /** Basis, when the notice marks the theme as inferred. */
  inferredBasis?: string;
}

export interface YearOverview {
  year: number;
  status: YearStatus;
  /** Held notices, national first. */
  notices: NoticeEntry[];
  national?: NoticeEntry;
  catalog?: CatalogEntry;
  theme?: YearTheme;
  /** Year page, for archived years. */
  url?: string;
}

function inRange(year: number, [from, to]: readonly [number, number]): boolean {
  return year >= from && year <= to;
}

/** Every year from the newest held or catalogued year down to 1978. */
export async function yearsOverview(): Promise<YearOverview[]> {
  const byYear = await getNoticesByYear();
  const catalog = new Map((await getCatalog()).map((c) => [c.year, c]));
  const newest = Math.max(FIRST_YEAR, ...byYear.keys(), ...catalog.keys());
  const years: YearOverview[] = [];
  for (let year = newest; year >= FIRST_YEAR; year--) {
    const notices = byYear.get(year) ?? [];
    const national = notices.find((n) => n.data.level === "national");
    const row = catalog.get(year);
    let status: YearStatus;
    if (notices.length) status = "archived";
    else if (row) status = "catalogued";
    else if (inRange(year, NOT_HELD)) status = "not-held";
    else if (inRange(year, NO_INFORMATION)) status = "unknown";
    else status = "unrecorded";
    const overview: YearOverview = { year, status, notices };
    if (national) overview.national = national;
    if (row) overview.catalog = row;
    const theme = yearTheme(national, notices, row);
    if (theme) overview.theme = theme;
    if (notices.length) overview.url = yearUrl(year);
    years.push(overview);
  }
  return years;
}

function yearTheme(
  national: NoticeEntry | undefined,
  notices: NoticeEntry[],
  row: CatalogEntry | undefined,
): YearTheme | undefined {
  const withBasis = (theme: YearTheme, notice: NoticeEntry): YearTheme => {
    const basis = inferredBasis(notice, "theme");
    return basis ? { ...theme, inferredBasis: basis } : theme;
  };
  if (national?.data.theme) return withBasis({ value: national.data.theme, from: "national" }, national);
  if (row) return { value: row.theme, from: "catalog" };
  const local = notices.find((n) => n.data.theme);
  if (local?.data.theme) return withBasis({ value: local.data.theme, from: "local" }, local);
  return undefined;
}

export interface YearGroup {
  from: number;
  to: number;
  status: YearStatus;
  /** The years themselves (one for archived and catalogued years). */
  years: YearOverview[];
}

/** Years with something to show stay single; runs of empty years of one status become ranges. */
export function groupYears(years: YearOverview[]): YearGroup[] {
  const groups: YearGroup[] = [];
  for (const y of years) {
    const last = groups.at(-1);
    const empty = y.status !== "archived" && y.status !== "catalogued";
    if (empty && last && last.status === y.status && last.to === y.year + 1) {
      last.to = y.year;
      last.years.push(y);
    } else {
      groups.push({ from: y.year, to: y.year, status: y.status, years: [y] });
    }
  }
  return groups;
}

/** Previous (earlier) and next (later) years that have a year page. */
export async function adjacentYears(year: number): Promise<{ previous?: number; next?: number }> {
  const years = await heldYears();
  const previous = years.find((y) => y < year);
  const next = years.findLast((y) => y > year);
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/* ───────────────────────────── display helpers ───────────────────────────── */

/** The basis of an inferred field, or undefined when the text states the value. */
export function inferredBasis(
  notice: NoticeEntry,
  field: NoticeData["inferred"][number]["field"],
): string | undefined {
  return notice.data.inferred.find((i) => i.field === field)?.basis;
}

/** Whether the notice's own text carries its title (a `# ` heading in the body). */
export function bodyHasTitle(notice: NoticeEntry): boolean {
  return /^#\s/m.test(notice.body ?? "");
}

/** "2019-08-22" → 2019年8月22日. */
export function formatDate(iso: string): string {
  return formatChineseDate(iso);
}

export const LEVEL_LABELS: Record<NoticeData["level"], string> = {
  national: "全国",
  provincial: "省级",
  municipal: "市级",
};

/** 全国, or the region with its level: 海南省（省级）. */
export function levelLabel(notice: NoticeEntry): string {
  const d = notice.data;
  return d.level === "national" ? "全国" : `${d.region ?? "地区未载明"}（${LEVEL_LABELS[d.level]}）`;
}

/** Short name for lists: 全国 or the region. */
export function scopeLabel(notice: NoticeEntry): string {
  return notice.data.level === "national" ? "全国" : (notice.data.region ?? "地方");
}

/** A readable name for a notice whose title may be lost. */
export function displayTitle(notice: NoticeEntry): string {
  return notice.data.title ?? `${notice.data.year}年${scopeLabel(notice)}“质量月”活动通知（标题缺失）`;
}

export const COMPLETENESS_LABELS: Record<Completeness, string> = {
  complete: "全文完整",
  "header-missing": "缺版头",
  truncated: "正文不全",
  "docnumber-missing": "未载发文字号",
  "issuers-incomplete": "发文机关不全",
  "signature-incomplete": "署名不全",
  "recipients-missing": "未载主送机关",
  "images-missing": "缺图片",
};

export const COMPLETENESS_DESCRIPTIONS: Record<Completeness, string> = {
  complete: "本文本为印发时的完整文件。",
  "header-missing": "版头（标题、发文字号、发文机关标志）已缺失。",
  truncated: "文本中途截断，结尾部分缺失。",
  "docnumber-missing": "来源文本未载发文字号。",
  "issuers-incomplete": "文中点名的发文机关少于文件所称部门数。",
  "signature-incomplete": "署名部分缺失。",
  "recipients-missing": "来源文本未载主送机关。",
  "images-missing": "文中提到的图片（标志、二维码等）未收录。",
};

export function isComplete(notice: NoticeEntry): boolean {
  return notice.data.provenance.completeness.every((c) => c === "complete");
}

export const SOURCE_KIND_LABELS: Record<CatalogEntry["sourceKind"], string> = {
  official: "政府网站",
  "legal-database": "法规数据库",
  news: "新闻报道",
  association: "行业协会网站",
  mirror: "转载副本",
};

/** Gaps that explain why a field has no value: then it is 缺失 (lost), otherwise 未载明 (not stated). */
const GAPS_BY_FIELD: Partial<Record<keyof NoticeData, readonly Completeness[]>> = {
  title: ["header-missing"],
  slogans: ["truncated"],
  attachments: ["truncated"],
  docNumber: ["header-missing", "docnumber-missing"],
  recipients: ["header-missing", "recipients-missing"],
  signatures: ["signature-incomplete", "truncated"],
  signedDate: ["signature-incomplete", "truncated"],
  cc: ["truncated"],
  printedBy: ["truncated"],
  printedDate: ["truncated"],
  publicity: ["truncated"],
};

/** 缺失 when a recorded gap explains the missing value, else 未载明. */
export function missingKind(notice: NoticeEntry, field: keyof NoticeData): "缺失" | "未载明" {
  const gaps = GAPS_BY_FIELD[field] ?? [];
  return notice.data.provenance.completeness.some((c) => gaps.includes(c)) ? "缺失" : "未载明";
}

/** Numbers of the attachments whose text the body holds (<Attachment n="…">). */
export function attachmentsInBody(notice: NoticeEntry): Set<number> {
  return new Set([...(notice.body ?? "").matchAll(/^<Attachment\s+n="(\d+)"/gm)].map((m) => Number(m[1])));
}

/** Document-part components the MDX body uses (Masthead, DocNumber, Attachment …). */
export function bodyParts(notice: NoticeEntry): Set<string> {
  return new Set([...(notice.body ?? "").matchAll(/^<([A-Z][A-Za-z]*)[\s>]/gm)].map((m) => m[1]!));
}

/* ───────────────────────────── themes, slogans, issuers, activities ───────────────────────────── */

let issuerListCache: Promise<Issuer[]> | undefined;

/** Every registry issuer (content/issuers/issuers.yaml), ordered by id. */
export function getIssuers(): Promise<Issuer[]> {
  issuerListCache ??= getCollection("issuers").then((entries) =>
    entries.map((e) => ({ ...(e.data as Issuer), id: e.data.id ?? e.id })),
  );
  return issuerListCache;
}

let issuerIndexCache: Promise<IssuerIndex> | undefined;

/** Name → id index over the registry (every spelling the texts use). */
export function getIssuerIndex(): Promise<IssuerIndex> {
  issuerIndexCache ??= getIssuers().then((issuers) => buildIssuerIndex(issuers));
  return issuerIndexCache;
}

let activitiesCache: Promise<ParsedActivities> | undefined;

/**
 * The co-hosts' activities listed in every held notice's attachment (activities.ts): the one
 * query that reads the MDX body, whose numbered attachment items are the document's structure.
 */
export function getActivities(): Promise<ParsedActivities> {
  activitiesCache ??= Promise.all([getNotices(), getIssuerIndex()]).then(([notices, index]) =>
    parseAllActivities(notices, index),
  );
  return activitiesCache;
}

let phraseIndexCache: Promise<PhraseIndex> | undefined;

/** Every theme and slogan grouped across years, with near-identical pairs (themes.ts). */
export function getPhraseIndex(): Promise<PhraseIndex> {
  phraseIndexCache ??= Promise.all([getNotices(), getCatalog()]).then(([notices, catalog]) =>
    buildPhraseIndex(notices, catalog),
  );
  return phraseIndexCache;
}

/** `/issuers/{id}/`. */
export function issuerUrl(id: string): string {
  return withBase(`issuers/${id}/`);
}

/** `/themes/` or `/themes/#{anchor}`. */
export function themesUrl(anchor?: string): string {
  return withBase(anchor ? `themes/#${anchor}` : "themes/");
}

/** The slogan's place on /themes/ (`/themes/#slogan-…`). */
export function sloganUrl(text: string): string {
  return themesUrl(phraseAnchor(text));
}

/** The notice's theme on the /themes/ timeline (`/themes/#theme-2022-quanguo`). */
export function themeUrl(notice: NoticeEntry): string {
  return themesUrl(themeAnchor(notice.data));
}
