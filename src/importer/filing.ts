/**
 * Where a notice is filed: its year, level, region (name and GB/T 2260 code) and URL slug,
 * from what the text states — the title (浙江省市场监督管理局关于开展2023年“质量月”活动的通知,
 * 关于开展2024年福州市“质量月”活动的通知), the bodies in its header and signature — or from the
 * archivist's --year, --level, --region, --slug, recorded as inferences with their basis.
 *
 * The level is the level of the region's division (海南省 provincial, 三亚市 municipal, 奉贤区
 * county), never the scope word alone: 全区 is a district's in Shanghai and a province's in
 * Guangxi. A value that cannot be known is reported missing with the flag that supplies it.
 */
import { divisionByCode, divisionPath, isWithin, type Division } from "../archive/regions/divisions.ts";
import { firstRegionIn, regionAt, type RegionMatch } from "../archive/regions/find.ts";
import { regionSlug } from "../archive/regions/slugs.ts";
import { LEVELS, type Level } from "../shared/levels.ts";
import { TITLE_YEAR, statedYear as yearStated } from "./stated-year.ts";

/** Values the archivist supplies on the command line, with the basis they rest on. */
export interface Overrides {
  year?: number | undefined;
  level?: Level | undefined;
  /** A GB/T 2260 code or a region's name (海南省三亚市, 福州市). */
  region?: string | undefined;
  slug?: string | undefined;
  title?: string | undefined;
  docNumber?: string | undefined;
  /** What the supplied values rest on (required with any of them). */
  basis?: string | undefined;
}

/** A notice already in the archive (for slugs taken and for telling a correction apart). */
export interface HeldNotice {
  id: string;
  year: number;
  slug: string;
  level: Level;
  title?: string | undefined;
  docNumber?: string | undefined;
  regionCode?: string | undefined;
}

export interface MissingValue {
  field: string;
  flag: string;
  why: string;
}

export interface Filing {
  year?: number;
  level?: Level;
  region?: string;
  regionCode?: string;
  slug?: string;
  /** Where each value came from (for the report). */
  from: Partial<Record<"year" | "level" | "region" | "slug", string>>;
  /** Fields whose value the archivist supplied (recorded as inferences). */
  supplied: ("year" | "level" | "region" | "regionCode" | "slug")[];
  missing: MissingValue[];
  warnings: string[];
  /** A held notice this text is a version of (same number, or same title and region). */
  sameAs?: HeldNotice;
}

export interface FilingFacts {
  title?: string | undefined;
  docNumber?: string | undefined;
  /** The whole text (for the activity year when the title lacks it). */
  text: string;
  /** Names of the issuing bodies as printed: the title's opening, the header, the signature. */
  bodies: readonly string[];
}

/** The scope words of a title and the levels they can stand for. */
const SCOPES: Record<string, readonly Level[]> = {
  全国: ["national"],
  全省: ["provincial"],
  全区: ["provincial", "county"],
  全市: ["provincial", "municipal", "county"],
  全州: ["municipal"],
  全盟: ["municipal"],
  全县: ["county"],
  全旗: ["county"],
};

function describe(division: Division): string {
  return divisionPath(division.code)
    .map((d) => d.name)
    .join("");
}

/** The region an override names: a six-digit code, or a name that identifies one division. */
function regionOfOverride(value: string): Division | string {
  const trimmed = value.trim();
  if (/^\d{6}$/.test(trimmed)) return divisionByCode(trimmed) ?? `no division has the code ${trimmed}`;
  const match = regionAt(trimmed);
  if (!match || match.matched !== trimmed)
    return `“${trimmed}” is not the name of a division (write it as officially named, e.g. 海南省三亚市, or give its GB/T 2260 code)`;
  if (match.candidates.length > 1)
    return `“${trimmed}” names ${match.candidates.length} divisions: ${match.candidates.map((c) => `${c.code} ${describe(c)}`).join("; ")} — give the code or the province and city too`;
  return match.candidates[0]!;
}

/**
 * The region the title and the bodies name: the deepest division that agrees with every one
 * of them (a shared county name such as 鼓楼区 is narrowed by the others).
 */
function regionOfFacts(facts: FilingFacts): { division?: Division; ambiguous?: Division[]; source?: string } {
  const matches: { match: RegionMatch; source: string }[] = [];
  const title = facts.title ?? "";
  const opening = /^(.*?)关于/u.exec(title)?.[1];
  if (opening) {
    const m = regionAt(opening);
    if (m) matches.push({ match: m, source: `the title's opening “${m.matched}”` });
  }
  const scope = TITLE_YEAR.exec(title)?.[2];
  if (scope) {
    const m = firstRegionIn(scope);
    if (m) matches.push({ match: m, source: `the title's “${m.matched}”` });
  }
  for (const body of facts.bodies) {
    const m = regionAt(body.replace(/\s+/g, ""));
    if (m) matches.push({ match: m, source: `the issuer “${body}”` });
  }
  if (!matches.length) return {};
  const related = (a: Division, b: Division) => isWithin(a.code, b.code) || isWithin(b.code, a.code);
  const all = [...new Map(matches.flatMap((m) => m.match.candidates).map((d) => [d.code, d])).values()];
  const consistent = all.filter((d) => matches.every((m) => m.match.candidates.some((c) => related(d, c))));
  if (!consistent.length) return { ambiguous: all };
  const deepest = consistent.filter(
    (d) => !consistent.some((e) => e.code !== d.code && isWithin(e.code, d.code)),
  );
  if (deepest.length > 1) return { ambiguous: deepest };
  const division = deepest[0]!;
  const source = matches.find((m) => m.match.candidates.some((c) => c.code === division.code))!.source;
  return { division, source };
}

/** Files the notice: year, level, region and slug, with what is missing. */
export function fileNotice(facts: FilingFacts, overrides: Overrides, held: readonly HeldNotice[]): Filing {
  const filing: Filing = { from: {}, supplied: [], missing: [], warnings: [] };
  const title = facts.title ?? "";

  // Year.
  const stated = yearStated(title, facts.text);
  const statedYear = stated?.year;
  if (overrides.year !== undefined) {
    filing.year = overrides.year;
    filing.supplied.push("year");
    filing.from.year = "--year";
    if (statedYear !== undefined && statedYear !== overrides.year)
      filing.warnings.push(`--year ${overrides.year} differs from the year the text states (${statedYear})`);
  } else if (statedYear !== undefined) {
    filing.year = statedYear;
    filing.from.year = stated!.from === "title" ? "the title" : "the text";
  } else {
    filing.missing.push({
      field: "year",
      flag: "--year",
      why: "the activity year (no “YYYY年……“质量月”” in the title or the opening text)",
    });
  }

  // Region.
  const scopePattern = /(全国|全省|全区|全市|全州|全盟|全县|全旗)\s*[“"]?质量月/u;
  const scopeWord = (scopePattern.exec(title) ?? (stated ? scopePattern.exec(stated.words) : undefined))?.[1];
  let division: Division | undefined;
  if (overrides.region) {
    const found = regionOfOverride(overrides.region);
    if (typeof found === "string") {
      filing.missing.push({ field: "region", flag: "--region", why: found });
    } else {
      division = found;
      filing.supplied.push("region", "regionCode");
      filing.from.region = "--region";
    }
  } else {
    const found = regionOfFacts(facts);
    if (found.division) {
      division = found.division;
      filing.from.region = found.source!;
    } else if (found.ambiguous) {
      filing.missing.push({
        field: "region",
        flag: "--region",
        why: `the region is ambiguous: ${found.ambiguous.map((c) => `${c.code} ${describe(c)}`).join("; ")}`,
      });
    }
  }

  // Level: the region's, else national when the text says 全国 and names no region.
  if (division) {
    filing.level = division.level;
    filing.from.level = `the division level of ${division.name}`;
    if (overrides.level && overrides.level !== division.level) {
      filing.missing.push({
        field: "level",
        flag: "--level",
        why: `--level ${overrides.level} contradicts the region ${describe(division)}, a ${division.level} division`,
      });
    }
    if (scopeWord && !SCOPES[scopeWord]!.includes(division.level))
      filing.warnings.push(
        `the title says ${scopeWord} but ${describe(division)} is a ${division.level} division`,
      );
  } else if (overrides.level) {
    filing.level = overrides.level;
    filing.supplied.push("level");
    filing.from.level = "--level";
  } else if (scopeWord === "全国" && !filing.missing.some((m) => m.field === "region")) {
    filing.level = "national";
    filing.from.level = "the title's 全国";
  } else if (!filing.missing.some((m) => m.field === "region")) {
    filing.missing.push({
      field: "region",
      flag: "--region",
      why: "the notice's region: no issuer or title names a division (a generic 省/市/区 body names none)",
    });
  }
  if (filing.level && filing.level !== "national" && !division) {
    filing.missing.push({ field: "region", flag: "--region", why: `the region of a ${filing.level} notice` });
  }
  if (division) {
    filing.region = division.name;
    filing.regionCode = division.code;
  }

  // Slug: the region's (or quanguo), -2, -3 … when another notice of the year holds it.
  if (overrides.slug) {
    filing.slug = overrides.slug;
    filing.supplied.push("slug");
    filing.from.slug = "--slug";
  } else if (filing.level && filing.year !== undefined && (filing.level === "national" || division)) {
    const base = filing.level === "national" ? "quanguo" : regionSlug(division!.code);
    const sameYear = held.filter((h) => h.year === filing.year);
    const same = sameYear.find(
      (h) =>
        (h.slug === base || h.slug.startsWith(`${base}-`)) &&
        /^(?:-\d+)?$/.test(h.slug.slice(base.length)) &&
        ((facts.docNumber && h.docNumber === facts.docNumber) || (title && h.title === title)),
    );
    if (same) {
      filing.sameAs = same;
      filing.slug = same.slug;
    } else {
      let slug = base;
      for (let k = 2; sameYear.some((h) => h.slug === slug); k++) slug = `${base}-${k}`;
      filing.slug = slug;
      if (slug !== base)
        filing.warnings.push(
          `${filing.year}-${base} holds another notice of the same region (different title and document number): this one is filed as ${filing.year}-${slug}`,
        );
    }
    filing.from.slug =
      filing.level === "national" ? "quanguo (national)" : `the region ${describe(division!)}`;
  }
  return filing;
}

/** True for a level name the importer accepts. */
export function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}
