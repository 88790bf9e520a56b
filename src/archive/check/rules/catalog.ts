/** Every row of the catalogue of national themes is valid under src/schemas/catalog.ts. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { CatalogEntrySchema } from "../../../schemas/catalog.ts";
import { readCatalog } from "../../catalog.ts";
import { ArchiveError, type ArchiveIssue } from "../../errors.ts";
import { CATALOG_FILE } from "../../files.ts";
import { zodIssues } from "../frontmatter.ts";
import type { FileRule } from "../rule.ts";

export const catalog: FileRule = (root) => {
  if (!existsSync(join(root, CATALOG_FILE))) return [];
  const issues: ArchiveIssue[] = [];
  try {
    for (const [i, row] of readCatalog(root).entries()) {
      const parsed = CatalogEntrySchema.safeParse(row);
      if (!parsed.success) issues.push(...zodIssues(`${CATALOG_FILE} (row ${i + 2})`, parsed.error, row));
    }
  } catch (error) {
    if (error instanceof ArchiveError) issues.push(...error.issues);
    else throw error;
  }
  return issues;
};
