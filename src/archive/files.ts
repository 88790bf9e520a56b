/**
 * Reading the archive's content files straight from disk, for the importer and for the content
 * check that runs before every build (which must not depend on Astro having loaded anything).
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { IssuerRegistrySchema, type Issuer } from "../schemas/issuer.ts";
import { buildIssuerIndex, type IssuerIndex } from "./issuers.ts";
import { heldDocNumbers, type HeldNotice } from "../document/doc-number-links.ts";
import { ArchiveError, fieldPath } from "./errors.ts";

const ISSUERS_FILE = "content/issuers/issuers.yaml";
const NOTICES_DIR = "content/notices";
export const CATALOG_FILE = "content/catalog/national-themes.tsv";

export function loadIssuers(root: string): Issuer[] {
  const file = join(root, ISSUERS_FILE);
  let data: unknown;
  try {
    data = yaml.load(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ArchiveError([
      {
        file: ISSUERS_FILE,
        expected: "valid YAML",
        received: (error as Error).message,
        hint: "fix the YAML syntax at the line named",
      },
    ]);
  }
  const parsed = IssuerRegistrySchema.safeParse(data);
  if (!parsed.success) {
    throw new ArchiveError(
      parsed.error.issues.map((issue) => ({
        file: ISSUERS_FILE,
        field: fieldPath(issue.path),
        expected: issue.message,
        hint: "see src/schemas/issuer.ts for the fields of an issuer",
      })),
    );
  }
  return parsed.data;
}

export function loadIssuerIndex(root: string): IssuerIndex {
  return buildIssuerIndex(loadIssuers(root));
}

export interface RawNoticeFile {
  /** Path relative to the root. */
  file: string;
  id: string;
  /** Unparsed frontmatter YAML. */
  frontmatterText: string;
  /** 1-based line in the file where the body starts. */
  bodyStartLine: number;
  body: string;
}

/** Splits an MDX file into frontmatter and body without interpreting either. */
export function splitMdx(file: string, text: string): Omit<RawNoticeFile, "id"> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) {
    throw new ArchiveError([
      {
        file,
        field: "line 1",
        expected: "a frontmatter block opened and closed by --- lines",
        received: text.slice(0, 40),
        hint: "start the file with --- , the YAML fields, then --- ",
      },
    ]);
  }
  return {
    file,
    frontmatterText: m[1]!,
    bodyStartLine: m[0].split("\n").length,
    body: text.slice(m[0].length),
  };
}

export function listNoticeFiles(root: string): RawNoticeFile[] {
  const dir = join(root, NOTICES_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".mdx"))
    .sort()
    .map((name) => {
      const file = `${NOTICES_DIR}/${name}`;
      return { id: name.replace(/\.mdx$/, ""), ...splitMdx(file, readFileSync(join(root, file), "utf8")) };
    });
}

const heldCache = new Map<string, Map<string, HeldNotice>>();

/** Printed document number → held notice, from the notices' frontmatter (read once per root). */
export function readHeldDocNumbers(root: string): Map<string, HeldNotice> {
  let held = heldCache.get(root);
  if (!held) {
    const notices = listNoticeFiles(root).map((file) => {
      const data = (yaml.load(file.frontmatterText) ?? {}) as {
        docNumber?: unknown;
        year?: unknown;
        slug?: unknown;
      };
      const [, year = "0", slug = ""] = /^(\d{4})-(.+)$/.exec(file.id) ?? [];
      return {
        id: file.id,
        year: typeof data.year === "number" ? data.year : Number(year),
        slug: typeof data.slug === "string" ? data.slug : slug,
        docNumber: typeof data.docNumber === "string" ? data.docNumber : undefined,
      };
    });
    held = heldDocNumbers(notices);
    heldCache.set(root, held);
  }
  return held;
}
