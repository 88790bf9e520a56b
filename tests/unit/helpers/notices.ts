/**
 * The archive's notices as plain data for unit tests of pure functions (the shape of a content
 * collection entry: id, data, raw MDX body, plus its text model), read from content/notices, plus
 * synthetic notices built from the importer's fixtures, standing for a notice imported next year.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import yaml from "js-yaml";
import { listNoticeFiles, splitMdx } from "../../../src/archive/files.ts";
import { readCatalog } from "../../../src/archive/catalog.ts";
import { CatalogEntrySchema, type CatalogEntry } from "../../../src/schemas/catalog.ts";
import type { Block } from "../../../src/schemas/api.ts";
import { NoticeSchema, type Notice } from "../../../src/schemas/notice.ts";
import { bodyBlocks } from "../../../src/text/notice-text.ts";

export const ROOT = resolve(import.meta.dirname, "../../..");

export interface TestNotice {
  id: string;
  body: string;
  data: Notice;
  /** The body's text model (src/text/blocks.ts). */
  blocks: Block[];
}

/** Every notice in content/notices, validated by the notice schema. */
export function loadNotices(root = ROOT): TestNotice[] {
  return listNoticeFiles(root).map((f) => ({
    id: f.id,
    body: f.body,
    data: NoticeSchema.parse(yaml.load(f.frontmatterText)),
    blocks: bodyBlocks(f.body),
  }));
}

export function loadCatalog(root = ROOT): CatalogEntry[] {
  return readCatalog(root).map((row) => CatalogEntrySchema.parse(row));
}

/**
 * A notice as the importer would write it for a new year: the importer's expected output for a
 * seed (tests/fixtures/importer/{seed}/expected.mdx), moved to `year`, with `edit` applied.
 */
export function syntheticNotice(
  seed: string,
  year: number,
  edit: (data: Record<string, unknown>) => void = () => {},
): TestNotice {
  const file = join(ROOT, "tests/fixtures/importer", seed, "expected.mdx");
  const { frontmatterText, body } = splitMdx(file, readFileSync(file, "utf8"));
  const data = yaml.load(frontmatterText) as Record<string, unknown>;
  data.year = year;
  const provenance = data.provenance as Record<string, unknown>;
  provenance.source = `content/sources/${year}-${String(data.slug)}.txt`;
  provenance.sha256 ??= "0".repeat(64);
  edit(data);
  return {
    id: `${year}-${String(data.slug)}`,
    body,
    data: NoticeSchema.parse(data),
    blocks: bodyBlocks(body),
  };
}
