/**
 * Content collections. Every page is built from these, never by re-parsing notice text.
 * Cross-entry rules (issuers resolve, unique document numbers, fidelity to the sources) are
 * checked before the build starts by src/archive/integration.ts.
 */
import { defineCollection } from "astro:content";
import { file, glob } from "astro/loaders";
import { CatalogEntrySchema } from "./schemas/catalog.ts";
import { IssuerSchema } from "./schemas/issuer.ts";
import { NoticeSchema } from "./schemas/notice.ts";
import { readCatalog } from "./archive/catalog.ts";
import { ChangelogEntrySchema } from "./schemas/changelog.ts";
import { changelogById } from "./archive/changelog.ts";

const notices = defineCollection({
  // Ids are file names ({year}-{slug}): the frontmatter `slug` repeats across years (quanguo).
  loader: glob({
    pattern: "*.mdx",
    base: "./content/notices",
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ""),
  }),
  schema: NoticeSchema,
});

const issuers = defineCollection({
  loader: file("./content/issuers/issuers.yaml"),
  schema: IssuerSchema,
});

const catalog = defineCollection({
  loader: {
    name: "catalog-tsv",
    load: async (context) => {
      context.store.clear();
      for (const row of readCatalog(process.cwd())) {
        const id = String(row.year);
        context.store.set({ id, data: await context.parseData({ id, data: row }) });
      }
    },
  },
  schema: CatalogEntrySchema,
});

/** The archive's changelog; ids are the entries' anchors on /changelog/ (src/archive/changelog.ts). */
const changelog = defineCollection({
  loader: file("./content/changelog.yaml", { parser: changelogById }),
  schema: ChangelogEntrySchema,
});

export const collections = { notices, issuers, catalog, changelog };
