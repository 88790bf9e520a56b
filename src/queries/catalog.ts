/** The catalogue of national themes (content/catalog/), as the pages ask for it. */
import { getCollection } from "astro:content";
import type { CatalogEntry } from "../schemas/catalog.ts";

let catalogCache: Promise<CatalogEntry[]> | undefined;

/** Catalogue rows (secondary facts about years whose notice is not held), newest year first. */
export function getCatalog(): Promise<CatalogEntry[]> {
  catalogCache ??= getCollection("catalog").then((entries) =>
    entries.map((e) => e.data).sort((a, b) => b.year - a.year),
  );
  return catalogCache;
}
