/**
 * A published notice's source changes only as a correction: the present source and every
 * earlier one (provenance.earlierSources) are listed in content/sources/SHA256SUMS with their
 * hashes, every listed source belongs to a notice, and each replacement has its `corrected`
 * changelog entry of that day. The notice keeps its URL.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { CHANGELOG_FILE } from "../../../changelog.ts";
import type { ArchiveIssue } from "../../../errors.ts";
import { readManifest, SOURCES_DIR, SOURCES_MANIFEST } from "../../../sources-manifest.ts";
import type { ArchiveRule } from "../../rule.ts";

/** The days of each notice's `corrected` entries (read leniently: the changelog rule reports errors). */
function correctionDays(root: string): Map<string, Set<string>> {
  const days = new Map<string, Set<string>>();
  const path = join(root, CHANGELOG_FILE);
  if (!existsSync(path)) return days;
  let data: unknown;
  try {
    data = yaml.load(readFileSync(path, "utf8"));
  } catch {
    return days;
  }
  for (const entry of Array.isArray(data) ? (data as Record<string, unknown>[]) : []) {
    if (entry?.kind !== "corrected" || typeof entry.notice !== "string") continue;
    const set = days.get(entry.notice) ?? new Set<string>();
    set.add(String(entry.date));
    days.set(entry.notice, set);
  }
  return days;
}

export const corrections: ArchiveRule = (notices, root) => {
  const manifest = readManifest(root);
  if (!manifest) return [];
  const issues: ArchiveIssue[] = [];
  const listed = new Map(manifest.map((e) => [`${SOURCES_DIR}/${e.file}`, e.sha256]));
  const days = correctionDays(root);
  const used = new Set<string>();
  for (const n of notices) {
    const { provenance } = n.data;
    const all = [
      { field: "provenance.source", source: provenance.source, sha256: provenance.sha256 },
      ...(provenance.earlierSources ?? []).map((e, i) => ({
        field: `provenance.earlierSources[${i}]`,
        ...e,
      })),
    ];
    for (const { field, source, sha256 } of all) {
      used.add(source);
      if (listed.get(source) !== sha256) {
        issues.push({
          file: n.file,
          field,
          expected: `${source} listed in ${SOURCES_MANIFEST} with SHA-256 ${sha256}`,
          received: listed.has(source) ? `listed with SHA-256 ${listed.get(source)}` : "not listed",
          hint: "a published source is never replaced or dropped: a better one comes in as a correction (npm run import -- FILE --correct)",
        });
      }
    }
    for (const [i, earlier] of (provenance.earlierSources ?? []).entries()) {
      if (days.get(n.id)?.has(earlier.replaced)) continue;
      issues.push({
        file: CHANGELOG_FILE,
        expected: `a corrected entry for ${n.id} dated ${earlier.replaced} (its source ${earlier.source} was replaced that day)`,
        received: "none",
        hint: `add: - { date: "${earlier.replaced}", kind: corrected, notice: ${n.id}, summary: 更正…, details: … } (${n.file} › provenance.earlierSources[${i}])`,
      });
    }
  }
  for (const [source] of listed) {
    if (used.has(source)) continue;
    issues.push({
      file: SOURCES_MANIFEST,
      expected: `every published source to belong to a notice (as its source or an earlier source)`,
      received: `${source}, which no notice names`,
      hint: "a notice's earlier source stays in provenance.earlierSources when a correction replaces it",
    });
  }
  return issues;
};
