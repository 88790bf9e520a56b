/**
 * A notice's frontmatter read and validated: YAML syntax, then the notice schema
 * (src/schemas/notice.ts). Its problems say which line or field, and how to fix it.
 */
import yaml from "js-yaml";
import type { ZodError } from "zod";
import { NoticeSchema, type Notice } from "../../schemas/notice.ts";
import { describeValue, fieldPath, nearest, type ArchiveIssue } from "../errors.ts";
import type { RawNoticeFile } from "../files.ts";

/** The valid frontmatter, or undefined with its problems added to `issues`. */
export function readFrontmatter(raw: RawNoticeFile, issues: ArchiveIssue[]): Notice | undefined {
  let data: unknown;
  try {
    data = yaml.load(raw.frontmatterText);
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    issues.push({
      file: raw.file,
      field: `line ${(mark?.line ?? 0) + 2}`,
      expected: "valid YAML frontmatter",
      received: (error as { reason?: string }).reason ?? (error as Error).message,
      hint: "check quotes, colons and indentation on that line",
    });
    return undefined;
  }
  const parsed = NoticeSchema.safeParse(data);
  if (!parsed.success) {
    issues.push(...zodIssues(raw.file, parsed.error, data));
    return undefined;
  }
  return parsed.data;
}

/** Zod issues as archive issues: the field path, what was expected, what was there. */
export function zodIssues(file: string, error: ZodError, data: unknown): ArchiveIssue[] {
  return error.issues.map((issue) => {
    const field = fieldPath(issue.path);
    let received: unknown = data;
    for (const p of issue.path) received = (received as Record<PropertyKey, unknown> | undefined)?.[p];
    const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys : undefined;
    return {
      file,
      ...(field ? { field } : {}),
      expected: unknownKeys ? "only the fields documented in src/schemas/notice.ts" : issue.message,
      received: unknownKeys ? `unknown field(s) ${unknownKeys.join(", ")}` : describeValue(received),
      hint: unknownKeys
        ? `check the spelling of ${unknownKeys.join(", ")}${nearestField(unknownKeys[0]!)}`
        : received === undefined
          ? "add the field (see src/schemas/notice.ts for what each field holds)"
          : "correct the value (see the field's description in src/schemas/notice.ts)",
    };
  });
}

function nearestField(key: string): string {
  const guess = nearest(key, Object.keys(NoticeSchema.shape));
  return guess ? ` (did you mean ${guess}?)` : "";
}
