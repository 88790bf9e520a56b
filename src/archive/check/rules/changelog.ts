/**
 * The changelog is valid (src/archive/check/index.ts runs this with the other rules): content/changelog.yaml is
 * a list of entries valid under src/schemas/changelog.ts; every `notice` names a held notice;
 * every held notice has its `added` entry (the day it entered the archive). Skipped when the
 * file does not exist (e.g. a synthetic test archive).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { ChangelogEntrySchema, type ChangelogEntry } from "../../../schemas/changelog.ts";
import { CHANGELOG_FILE } from "../../changelog.ts";
import type { FileRule } from "../rule.ts";
import { describeValue, fieldPath, nearest, type ArchiveIssue } from "../../errors.ts";

export const changelog: FileRule = (root, noticeIds) => {
  const issues: ArchiveIssue[] = [];
  const path = join(root, CHANGELOG_FILE);
  if (!existsSync(path)) return issues;
  let data: unknown;
  try {
    data = yaml.load(readFileSync(path, "utf8"));
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    issues.push({
      file: CHANGELOG_FILE,
      ...(mark ? { field: `line ${mark.line + 1}` } : {}),
      expected: "valid YAML",
      received: (error as { reason?: string }).reason ?? (error as Error).message,
      hint: "check quotes, colons and indentation on that line",
    });
    return issues;
  }
  if (!Array.isArray(data)) {
    issues.push({
      file: CHANGELOG_FILE,
      expected: "a list of entries (each starting with “- date: …”)",
      received: describeValue(data),
      hint: "see src/schemas/changelog.ts for the fields of an entry",
    });
    return issues;
  }
  const held = new Set(noticeIds);
  const entries: ChangelogEntry[] = [];
  for (const [i, raw] of data.entries()) {
    const parsed = ChangelogEntrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = fieldPath(issue.path);
        let received: unknown = raw;
        for (const p of issue.path) received = (received as Record<PropertyKey, unknown> | undefined)?.[p];
        const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys : undefined;
        issues.push({
          file: CHANGELOG_FILE,
          field: `[${i}]${path && !path.startsWith("[") ? "." : ""}${path}`,
          expected: unknownKeys ? "only the fields date, kind, notice, summary, details" : issue.message,
          received: unknownKeys ? `unknown field(s) ${unknownKeys.join(", ")}` : describeValue(received),
          hint: "see src/schemas/changelog.ts for what each field holds",
        });
      }
      continue;
    }
    const entry = parsed.data;
    entries.push(entry);
    if (entry.notice && !held.has(entry.notice)) {
      const guess = nearest(entry.notice, held);
      issues.push({
        file: CHANGELOG_FILE,
        field: `[${i}].notice`,
        expected: "the id of a held notice ({year}-{slug}, the name of its file in content/notices)",
        received: entry.notice,
        hint: guess
          ? `did you mean ${guess}? Held: ${[...held].join(", ")}`
          : `no notice content/notices/${entry.notice}.mdx is held: import it first, or correct the id (held: ${[...held].join(", ")})`,
      });
    }
  }
  for (const id of noticeIds) {
    if (entries.some((e) => e.kind === "added" && e.notice === id)) continue;
    issues.push({
      file: CHANGELOG_FILE,
      expected: `an entry recording when ${id} was added to the archive`,
      received: "none",
      hint: `add: - { date: "YYYY-MM-DD", kind: added, notice: ${id}, summary: 收录… }`,
    });
  }
  return issues;
};
