/**
 * The facts the frontmatter states are in the source, or are listed as inferences with their
 * basis: every date (in any form the source prints it: 2024年8月20日, 二〇二四年八月二十日,
 * 2024-08-20), the year, the N of 等N个部门 (21 or 二十一), every issuer and co-host (by a name or
 * alias that means that body in this notice's region), and the region. A wrong value fails the
 * build with its field; a value the text does not state belongs in `inferred`.
 */
import { datesIn } from "../../../shared/chinese-date.ts";
import { numberFromHan, yearForms } from "../../../shared/chinese-numerals.ts";
import { toSimplified } from "../../../shared/simplified.ts";
import { foldRadicals } from "../../../shared/radicals.ts";
import type { ArchiveIssue } from "../../errors.ts";
import { resolveIssuer } from "../../issuers.ts";
import { compactName } from "../../issuer-names.ts";
import { noticeDivision } from "../../regions/lookup.ts";
import { shortName } from "../../regions/names.ts";
import type { NoticeRule } from "../rule.ts";

/** Every N of 等N个部门 / 等N个单位 the text states. */
function declaredCounts(text: string): Set<number> {
  const counts = new Set<number>();
  for (const m of text.matchAll(
    /等\s*([0-9]{1,3}|[〇零一二两三四五六七八九十百]{1,5})\s*个\s*(?:部门|单位)/gu,
  )) {
    const n = numberFromHan(m[1]!);
    if (n !== undefined) counts.add(n);
  }
  return counts;
}

export const statedFacts: NoticeRule = ({ raw, notice, source, index }) => {
  if (!source) return [];
  const issues: ArchiveIssue[] = [];
  const inferred = new Set<string>(notice.inferred.map((x) => x.field));
  const text = toSimplified(foldRadicals(source.text));
  const compact = compactName(text);
  const problem = (field: string, received: string, expected: string, hint: string) =>
    issues.push({ file: raw.file, field, expected, received, hint });
  const inferHint = (field: string) =>
    `correct it from the text; if the text does not state it, list { field: ${field}, basis: … } in \`inferred\``;

  if (!inferred.has("year") && !yearForms(notice.year).some((form) => text.includes(form))) {
    problem("year", String(notice.year), "a year the source prints", inferHint("year"));
  }

  const dates = datesIn(text);
  for (const field of ["signedDate", "printedDate", "publishedDate"] as const) {
    const value = notice[field];
    if (value && !inferred.has(field) && !dates.has(value)) {
      problem(
        field,
        value,
        `a date the source prints (it prints ${[...dates].sort().join(", ") || "none"})`,
        inferHint(field),
      );
    }
  }

  const count = notice.declaredIssuerCount;
  if (count !== undefined && !inferred.has("declaredIssuerCount")) {
    const stated = declaredCounts(text);
    if (!stated.has(count)) {
      problem(
        "declaredIssuerCount",
        String(count),
        `the N of 等N个部门 as the source prints it (${[...stated].join(", ") || "it prints none"})`,
        inferHint("declaredIssuerCount"),
      );
    }
  }

  const division = noticeDivision(notice.region, notice.regionCode);
  if (notice.region && !inferred.has("region")) {
    const names = [notice.region, division?.name, division && shortName(division.name)].filter(
      (n): n is string => Boolean(n),
    );
    if (!names.some((name) => compact.includes(compactName(name)))) {
      problem("region", notice.region, "a region the source names", inferHint("region"));
    }
  }

  // Issuers and co-hosts: a name the source prints that means this body here.
  if (index) {
    const context = { regionCode: division?.code };
    const bodies: [string, string][] = [
      ...notice.issuers.map((id, i): [string, string] => [`issuers[${i}]`, id]),
      ...notice.coHosts.map((id, i): [string, string] => [`coHosts[${i}]`, id]),
    ];
    for (const [field, id] of bodies) {
      const issuer = index.byId.get(id);
      if (!issuer) continue; // reported by issuers-resolve
      const names = [issuer.name, issuer.shortName, ...issuer.aliases].filter((n): n is string => Boolean(n));
      const printed = names.filter((n) => compact.includes(compactName(n)));
      if (printed.some((n) => resolveIssuer(index, n, context) === id)) continue;
      problem(
        field,
        id,
        `a body the source names (as ${names.join("、")})`,
        printed.length
          ? `the source prints ${printed.join("、")}, which in a notice of ${notice.region ?? "全国"} is not ${id}: check the issuer against the text`
          : `the text does not name ${issuer.name}: if the document shows it to be an issuer, move it to inferredIssuers with the basis`,
      );
    }
  }
  return issues;
};
