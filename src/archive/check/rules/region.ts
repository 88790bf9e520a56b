/**
 * The region is a GB/T 2260 division (src/archive/regions/), named as the division is, and the
 * notice is filed under it: its level is the division's, and its slug begins with the slug of
 * the division's province (a Zhejiang notice can never sit at /2023/hainan/). A national
 * notice has no region. The slug is not recomputed here: a published slug is kept for ever,
 * whatever later pinyin or dataset versions would give (README: The URL promise).
 */
import { divisionByCode, provinceOf } from "../../regions/divisions.ts";
import { noticeDivision } from "../../regions/lookup.ts";
import { regionSlug } from "../../regions/slugs.ts";
import type { ArchiveIssue } from "../../errors.ts";
import type { NoticeRule } from "../rule.ts";

export const region: NoticeRule = ({ raw, notice }) => {
  if (notice.level === "national") return [];
  const issues: ArchiveIssue[] = [];
  const problem = (field: string, expected: string, received: string, hint: string) =>
    issues.push({ file: raw.file, field, expected, received, hint });
  if (notice.regionCode && !divisionByCode(notice.regionCode)) {
    problem(
      "regionCode",
      "a GB/T 2260 division code",
      notice.regionCode,
      "look the code up (npm run import -- … --region NAME prints it) and correct it",
    );
    return issues;
  }
  const division = noticeDivision(notice.region, notice.regionCode);
  if (!division) {
    problem(
      "region",
      "a province by its name, or a regionCode",
      notice.region ?? "nothing",
      "give the GB/T 2260 code of the region in regionCode",
    );
    return issues;
  }
  if (notice.region && notice.region !== division.name) {
    problem(
      "region",
      `${division.name}, the name of division ${division.code}`,
      notice.region,
      "write the division's official name",
    );
  }
  if (division.level !== notice.level) {
    problem(
      "level",
      `${division.level}, the level of ${division.name} (${division.code})`,
      notice.level,
      "the level is the region's: correct the level or the region",
    );
  }
  const province = regionSlug(provinceOf(division.code)!.code);
  if (
    !notice.inferred.some((x) => x.field === "slug") &&
    notice.slug !== province &&
    !notice.slug.startsWith(`${province}-`)
  ) {
    problem(
      "slug",
      `a slug that begins with ${province} (the province of ${division.name})`,
      notice.slug,
      "the notice is filed under another region: import it again, or give --slug with its basis",
    );
  }
  return issues;
};
