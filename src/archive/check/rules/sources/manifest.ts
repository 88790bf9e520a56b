/**
 * Sources are append-only (content/sources/SHA256SUMS, src/archive/sources-manifest.ts): every
 * source ever published is listed, still there and unchanged, and no source is unlisted. A
 * source replaced in place — even with the notice's provenance edited to match — fails here:
 * a better source comes in as a correction, beside the earlier one (npm run import -- --correct).
 * Skipped when the archive has no manifest (a synthetic test archive).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArchiveIssue } from "../../../errors.ts";
import { readManifest, SOURCES_DIR, SOURCES_MANIFEST } from "../../../sources-manifest.ts";
import type { FileRule } from "../../rule.ts";

export const sources: FileRule = (root) => {
  const manifest = readManifest(root);
  if (!manifest) return [];
  const issues: ArchiveIssue[] = [];
  const listed = new Set<string>();
  for (const entry of manifest) {
    const at = `line ${entry.line}`;
    if (!entry.sha256) {
      issues.push({
        file: SOURCES_MANIFEST,
        field: at,
        expected: "a line “{sha256}  {file}”, as sha256sum writes it",
        received: entry.file,
        hint: "restore the line from git: the manifest is only ever appended to",
      });
      continue;
    }
    listed.add(entry.file);
    const path = join(root, SOURCES_DIR, entry.file);
    if (!existsSync(path)) {
      issues.push({
        file: SOURCES_MANIFEST,
        field: at,
        expected: `the published source ${SOURCES_DIR}/${entry.file}`,
        received: "no such file",
        hint: "sources are never deleted: restore it from git",
      });
      continue;
    }
    const sha = createHash("sha256").update(readFileSync(path)).digest("hex");
    if (sha !== entry.sha256) {
      issues.push({
        file: `${SOURCES_DIR}/${entry.file}`,
        expected: `the published source, SHA-256 ${entry.sha256} (${SOURCES_MANIFEST} ${at})`,
        received: `a changed file, SHA-256 ${sha}`,
        hint: "a published source is never replaced: restore it (git checkout -- the file) and bring the better text in as a correction: npm run import -- FILE --correct",
      });
    }
  }
  for (const file of readdirSync(join(root, SOURCES_DIR)).sort()) {
    if (file === "SHA256SUMS" || listed.has(file)) continue;
    issues.push({
      file: `${SOURCES_DIR}/${file}`,
      expected: `a source listed in ${SOURCES_MANIFEST}`,
      received: "an unlisted file",
      hint: "store sources with npm run import, which lists them; or add its line: sha256sum FILE >> SHA256SUMS",
    });
  }
  return issues;
};
