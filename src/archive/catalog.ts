/**
 * The catalogue of national themes (content/catalog/national-themes.tsv, copied verbatim from
 * the project's shared catalogue): secondary facts about years whose notice is not held.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOG_FILE } from "./files.ts";
import { ArchiveError } from "./errors.ts";

const COLUMNS = [
  "year",
  "theme",
  "doc_number",
  "issuers_declared",
  "source_kind",
  "source_url",
  "note",
] as const;

/** Raw rows as objects with the schema's field names; empty cells are left out. */
function parseCatalogTsv(text: string, file = CATALOG_FILE): Record<string, unknown>[] {
  const [header, ...rows] = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  if (header?.split("\t").join(",") !== COLUMNS.join(",")) {
    throw new ArchiveError([
      {
        file,
        field: "line 1",
        expected: `the columns ${COLUMNS.join(", ")} separated by tabs`,
        received: header ?? "",
        hint: "keep the catalogue's header row unchanged",
      },
    ]);
  }
  return rows.map((line) => {
    const cells = line.split("\t");
    const get = (name: (typeof COLUMNS)[number]) => cells[COLUMNS.indexOf(name)]?.trim() || undefined;
    const row: Record<string, unknown> = {
      year: Number(get("year")),
      theme: get("theme"),
      sourceKind: get("source_kind"),
    };
    if (get("doc_number")) row.docNumber = get("doc_number");
    if (get("issuers_declared")) row.declaredIssuerCount = Number(get("issuers_declared"));
    if (get("source_url")) row.sourceUrl = get("source_url");
    if (get("note")) row.note = get("note");
    return row;
  });
}

export function readCatalog(root: string): Record<string, unknown>[] {
  return parseCatalogTsv(readFileSync(join(root, CATALOG_FILE), "utf8"));
}
