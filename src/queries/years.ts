/**
 * Every year of Quality Month and what the archive knows of it: held notices, a catalogue row,
 * or nothing yet; with the year's theme and where it comes from.
 */
import type { CatalogEntry } from "../schemas/catalog.ts";
import { inferredBasis } from "../shared/notice.ts";
import { yearUrl } from "../shared/urls.ts";
import { FIRST_YEAR } from "../shared/year-gaps.ts";
import { getCatalog } from "./catalog.ts";
import { getNoticesByYear, type NoticeEntry } from "./notices.ts";

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
type YearStatus = "archived" | "catalogued" | "unrecorded" | "not-held" | "unknown";

interface YearTheme {
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
  /** Year page: archived years, and catalogued ones (their theme, source and 全文未收录). */
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
    if (notices.length || row) overview.url = yearUrl(year);
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

/** Years with a year page, newest first: every year with a held notice or a catalogue row. */
export async function yearPageYears(): Promise<number[]> {
  return (await yearsOverview()).filter((y) => y.url).map((y) => y.year);
}

/** Previous (earlier) and next (later) years that have a year page. */
export async function adjacentYears(year: number): Promise<{ previous?: number; next?: number }> {
  const years = await yearPageYears();
  const previous = years.find((y) => y < year);
  const next = years.findLast((y) => y > year);
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}
