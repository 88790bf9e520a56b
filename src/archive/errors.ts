/**
 * One error shape and one formatter for everything that can be wrong with archive content:
 * the importer, the content check that runs before every build, and the schemas all report
 * through here, so an editor always sees the file, the field (or line), what was expected,
 * what was found and how to fix it.
 */

export interface ArchiveIssue {
  /** Path of the offending file, relative to the project root. */
  file: string;
  /** Frontmatter field path (`issuers[3]`), or `line 12` for body problems. */
  field?: string;
  /** What a valid value looks like. */
  expected: string;
  /** What was actually found (shortened when long). */
  received?: string;
  /** How to fix it, in one sentence. */
  hint?: string;
}

const MAX_RECEIVED = 120;

function shorten(value: string): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > MAX_RECEIVED ? `${flat.slice(0, MAX_RECEIVED)}…` : flat;
}

/** Formats one issue as a short block: `file › field` then expected / received / hint lines. */
export function formatIssue(issue: ArchiveIssue): string {
  const where = issue.field ? `${issue.file} › ${issue.field}` : issue.file;
  const lines = [where, `  expected: ${issue.expected}`];
  if (issue.received !== undefined) lines.push(`  received: ${shorten(issue.received)}`);
  if (issue.hint) lines.push(`  hint:     ${issue.hint}`);
  return lines.join("\n");
}

/** Thrown when content is invalid; `message` already holds every formatted issue. */
export class ArchiveError extends Error {
  readonly issues: ArchiveIssue[];
  constructor(issues: ArchiveIssue[], heading = "Archive content is invalid") {
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    super(`${heading} (${count}):\n\n${issues.map(formatIssue).join("\n\n")}\n`);
    this.name = "ArchiveError";
    this.issues = issues;
  }
}

/** Describes a value for the `received` line without dumping huge objects. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (field missing)";
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Date) return `a YAML date (${value.toISOString().slice(0, 10)}), not a quoted string`;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return json ?? `a value of type ${typeof value}`;
}

/** Levenshtein distance, used to suggest the nearest known name for a typo. */
function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The candidate closest to `value`, or undefined when nothing is reasonably close. */
export function nearest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(value, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.ceil(value.length / 2)) ? best : undefined;
}

/** A zod issue path as a field name: ["issuers", 3] → "issuers[3]", ["a", "b"] → "a.b". */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
}
