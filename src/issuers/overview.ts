/**
 * Who issued, co-issued or co-hosted what, year by year: pure functions over the notices'
 * frontmatter (`issuers`, `inferredIssuers`, `coHosts`, `declaredIssuerCount`), the activities
 * parsed from their attachments (activities.ts) and the catalogue. Adding a notice updates the
 * issuer pages, the issuer × notice matrix and the count chart with no code change.
 *
 * Roles a body can have in one notice, strongest first:
 * - `stated`: the text names it as an issuer (header, title or signature)
 * - `inferred`: the text does not name it, but supports it (with the recorded basis)
 * - `coHost`: listed as a 联合主办单位 of the activity, not an issuer of the notice
 * - `activity`: only its activities are listed (an attachment item belongs to it)
 * - `mentioned`: only named inside another body's activity item
 */
import { levelRank, type Level } from "../shared/levels.ts";
import type { Activity } from "./activities.ts";

/** What these overviews need of a notice (a content collection entry satisfies it). */
export interface OverviewNotice {
  id: string;
  data: {
    year: number;
    slug: string;
    level: Level;
    region?: string | undefined;
    title?: string | undefined;
    docNumber?: string | undefined;
    issuers: string[];
    inferredIssuers: { id: string; basis: string }[];
    coHosts: string[];
    declaredIssuerCount?: number | undefined;
    inferred: { field: string; basis: string }[];
  };
}

export interface OverviewCatalogRow {
  year: number;
  declaredIssuerCount?: number | undefined;
  sourceKind: string;
  sourceUrl?: string | undefined;
  note?: string | undefined;
}

export type Role = "stated" | "inferred" | "coHost" | "activity" | "mentioned";

export const ROLE_ORDER: readonly Role[] = ["stated", "inferred", "coHost", "activity", "mentioned"];

/** One word per role, for matrix cells and lists. */
export const ROLE_WORDS: Record<Role, string> = {
  stated: "发文",
  inferred: "推断",
  coHost: "联办",
  activity: "活动",
  mentioned: "提及",
};

/** What each role means, in a sentence fragment. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  stated: "文中点名的发文机关",
  inferred: "文中未点名，据文件推断为发文机关",
  coHost: "联合主办单位（不是发文机关）",
  activity: "仅附件列有其活动",
  mentioned: "仅在其他单位的活动中提及",
};

export interface Participation {
  issuerId: string;
  notice: OverviewNotice;
  role: Role;
  /** For `inferred`: the evidence. */
  basis?: string;
  /** The body's own activity items in this notice. */
  activities: Activity[];
  /** Other bodies' items that name this one. */
  mentionedIn: Activity[];
}

/** Notices oldest first; within a year national first, then by slug. */
function sortNotices<T extends OverviewNotice>(notices: readonly T[]): T[] {
  return [...notices].sort(
    (a, b) =>
      a.data.year - b.data.year ||
      levelRank(a.data.level) - levelRank(b.data.level) ||
      a.data.slug.localeCompare(b.data.slug),
  );
}

/** Every body's part in every notice, by issuer id; each list oldest notice first. */
export function participations(
  notices: readonly OverviewNotice[],
  activities: readonly Activity[],
): Map<string, Participation[]> {
  const byIssuer = new Map<string, Participation[]>();
  for (const notice of sortNotices(notices)) {
    const d = notice.data;
    const here = new Map<string, Participation>();
    const add = (issuerId: string, role: Role, basis?: string) => {
      const existing = here.get(issuerId);
      if (existing) {
        if (ROLE_ORDER.indexOf(role) < ROLE_ORDER.indexOf(existing.role)) {
          existing.role = role;
          if (basis) existing.basis = basis;
        }
        return existing;
      }
      const p: Participation = { issuerId, notice, role, activities: [], mentionedIn: [] };
      if (basis) p.basis = basis;
      here.set(issuerId, p);
      return p;
    };
    for (const id of d.issuers) add(id, "stated");
    for (const i of d.inferredIssuers) add(i.id, "inferred", i.basis);
    for (const id of d.coHosts) add(id, "coHost");
    for (const a of activities.filter((x) => x.noticeId === notice.id)) {
      add(a.issuerId, "activity").activities.push(a);
      for (const id of a.mentions) add(id, "mentioned").mentionedIn.push(a);
    }
    for (const p of here.values()) byIssuer.set(p.issuerId, [...(byIssuer.get(p.issuerId) ?? []), p]);
  }
  return byIssuer;
}

interface MatrixRow {
  issuerId: string;
  /** One cell per column (notice); undefined where the body has no part. */
  cells: (Participation | undefined)[];
  /** Notices in which the body is a stated or inferred issuer. */
  issued: number;
}

export interface IssuerMatrix {
  /** Notices, oldest first. */
  columns: OverviewNotice[];
  rows: MatrixRow[];
}

/**
 * Issuer × notice matrix. Rows: every body with a part in some notice, in `order` (registry
 * order) — bodies not in `order` last, by id. Columns: notices, oldest first.
 */
export function issuerMatrix(
  notices: readonly OverviewNotice[],
  activities: readonly Activity[],
  order: readonly string[] = [],
): IssuerMatrix {
  const columns = sortNotices(notices);
  const parts = participations(notices, activities);
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  const rows = [...parts.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((issuerId) => {
      const list = parts.get(issuerId)!;
      return {
        issuerId,
        cells: columns.map((n) => list.find((p) => p.notice.id === n.id)),
        issued: list.filter((p) => p.role === "stated" || p.role === "inferred").length,
      };
    });
  return { columns, rows };
}

export interface CountPoint {
  year: number;
  /** Number of issuing departments: the N of “等N个部门”, or the catalogue's stated count. */
  count?: number;
  source: "notice" | "catalog";
  /** Held notice: its id; how many the text names and how many are inferred. */
  noticeId?: string;
  slug?: string;
  named?: number;
  inferred?: number;
  /** Held notice: whether the text states the count (else `count` is named + inferred). */
  declared?: boolean;
  /** Held notice: basis when the count itself is inferred. */
  countBasis?: string;
  /** Catalogue row: kind of source and its address (none for `mirror`). */
  sourceKind?: string;
  sourceUrl?: string;
  note?: string;
}

/**
 * Number of departments issuing the national notice, per year, oldest first: held national
 * notices (their stated count; without one, the number the text names) supersede catalogue
 * rows; catalogue rows without a count are kept (count undefined) so their notes can be shown.
 */
export function issuerCountSeries(
  notices: readonly OverviewNotice[],
  catalog: readonly OverviewCatalogRow[],
): CountPoint[] {
  const points = new Map<number, CountPoint>();
  for (const row of catalog) {
    const point: CountPoint = { year: row.year, source: "catalog", sourceKind: row.sourceKind };
    if (row.declaredIssuerCount !== undefined) point.count = row.declaredIssuerCount;
    if (row.sourceUrl) point.sourceUrl = row.sourceUrl;
    if (row.note) point.note = row.note;
    points.set(row.year, point);
  }
  for (const notice of notices) {
    const d = notice.data;
    if (d.level !== "national") continue;
    const point: CountPoint = {
      year: d.year,
      source: "notice",
      noticeId: notice.id,
      slug: d.slug,
      named: d.issuers.length,
      inferred: d.inferredIssuers.length,
      count: d.declaredIssuerCount ?? d.issuers.length + d.inferredIssuers.length,
      declared: d.declaredIssuerCount !== undefined,
    };
    const basis = d.inferred.find((i) => i.field === "declaredIssuerCount")?.basis;
    if (basis) point.countBasis = basis;
    points.set(d.year, point);
  }
  return [...points.values()].sort((a, b) => a.year - b.year);
}

/**
 * The notices an issuer's activities are compared across: held notices of the body's own scope
 * (national notices for a national body, its region's notices for a local one), oldest first,
 * within the years the body existed under this name when the registry knows them.
 */
export function comparableNotices<T extends OverviewNotice>(
  notices: readonly T[],
  issuer: { level: string; region?: string | undefined; active?: [number, number | null] | undefined },
): T[] {
  const [from, to] = issuer.active ?? [0, null];
  return sortNotices(notices).filter(
    (n) =>
      (issuer.level === "national"
        ? n.data.level === "national"
        : n.data.level !== "national" && n.data.region === issuer.region) &&
      n.data.year >= from &&
      (to === null || n.data.year <= to),
  );
}

/**
 * Bodies in the order the notices print them, newest notice first: its issuers (the official
 * order of the 发文机关), inferred issuers, co-hosts, then the bodies of its activity items; then
 * the next older notice's new names, and so on. Used to order rows and lists.
 */
export function printedOrder(notices: readonly OverviewNotice[], activities: readonly Activity[]): string[] {
  const order: string[] = [];
  const add = (id: string) => {
    if (!order.includes(id)) order.push(id);
  };
  for (const notice of sortNotices(notices).reverse()) {
    notice.data.issuers.forEach(add);
    notice.data.inferredIssuers.forEach((i) => add(i.id));
    notice.data.coHosts.forEach(add);
    for (const a of activities.filter((x) => x.noticeId === notice.id)) {
      add(a.issuerId);
      a.mentions.forEach(add);
    }
  }
  return order;
}
