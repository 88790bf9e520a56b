/**
 * Catalogue years in search (docs/search.md, "Catalogue years"): the years whose notice is not
 * held but whose national theme the catalogue records (content/catalog/national-themes.tsv).
 * They are few (one per year), so search.json carries them whole and the page matches them
 * itself, with the same normaliser and the same query semantics as the notices. Pure and
 * browser-safe.
 */
import type { CatalogEntry } from "../schemas/catalog.ts";
import type { FacetKey } from "./core.ts";
import { normalize, type T2SMap } from "./normalize.ts";
import { positiveWords, satisfies, type ParsedQuery, type Scope } from "./query.ts";

/** A catalogue year as search.json carries it. */
export type CatalogRecord = CatalogEntry & {
  /** Its year page (theme, source, 未收录全文), under the base path (`2023/`). */
  href: string;
};

/** The fields of a catalogue year, as results name them: its year (“2023年”), theme, document number. */
export type CatalogField = "year" | "theme" | "docnumber";

/** A catalogue year the query finds. */
export interface CatalogMatch {
  /** For the filters: a national year with no region and no issuer ids. */
  key: FacetKey;
  record: CatalogRecord;
  /** The fields in which the query holds and finds one of its words (`all`: taken together). */
  fields: (Scope | CatalogField)[];
}

/** The scopes a catalogue year can match in, and the fields each reads. */
const SCOPE_FIELDS: Partial<Record<Scope, CatalogField[]>> = {
  all: ["year", "theme", "docnumber"],
  theme: ["theme"],
  docnumber: ["docnumber"],
};

function fieldTexts(r: CatalogRecord, t2s?: T2SMap): Record<CatalogField, string> {
  return {
    year: normalize(`${r.year}年`, t2s),
    theme: normalize(r.theme, t2s),
    docnumber: normalize(r.docNumber ?? "", t2s),
  };
}

/**
 * The catalogue years a query finds in a scope, newest first. In `all` a word may occur in any
 * of the year's fields (never across two); title, slogan and issuer scopes find none (the
 * catalogue records no title, slogans or issuers).
 */
export function matchCatalog(
  query: ParsedQuery,
  records: readonly CatalogRecord[],
  scope: Scope,
  t2s?: T2SMap,
): CatalogMatch[] {
  const searched = SCOPE_FIELDS[scope];
  if (!searched || !query.terms.length) return [];
  const positive = positiveWords(query);
  const out: CatalogMatch[] = [];
  for (const record of records) {
    const texts = fieldTexts(record, t2s);
    const holdsIn = (fields: CatalogField[]) =>
      satisfies(query, (w) => fields.some((f) => texts[f].includes(w)));
    if (!holdsIn(searched)) continue;
    const own = (["year", "theme", "docnumber"] as const).filter(
      (f) => holdsIn([f]) && positive.some((w) => texts[f].includes(w)),
    );
    out.push({
      key: { year: record.year, level: "national", region: "", issuers: [] },
      record,
      fields: scope === "all" ? ["all", ...own] : [scope, ...own.filter((f) => f !== scope)],
    });
  }
  return out.sort((a, b) => b.record.year - a.record.year);
}
