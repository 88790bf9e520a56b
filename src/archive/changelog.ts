/**
 * The archive's changelog (content/changelog.yaml, schema in src/schemas/changelog.ts): reading
 * the file, each entry's permanent anchor, and the orders the /changelog/ page, its feed, notice
 * pages and the archive check list entries in. No Astro imports, so unit tests and the pre-build
 * check use it directly.
 */
import yaml from "js-yaml";
import type { ChangelogEntry } from "../schemas/changelog.ts";

export const CHANGELOG_FILE = "content/changelog.yaml";

/** An entry with its permanent anchor on /changelog/ (also its Atom id). */
export interface AnchoredEntry extends ChangelogEntry {
  /** e.g. added-2019-quanguo-2026-11-22; a second identical kind/notice/date gets -2. */
  anchor: string;
}

/**
 * Anchors from the entry itself (kind, notice, date; starting with a letter, as HTML ids should),
 * in file order, so adding an entry never moves another one's anchor; only a second entry with
 * the same kind, notice and date gets -2.
 */
export function anchorEntries(entries: readonly ChangelogEntry[]): AnchoredEntry[] {
  const used = new Set<string>();
  return entries.map((entry) => {
    const base = `${entry.kind}-${entry.notice ?? "archive"}-${entry.date}`;
    let anchor = base;
    for (let k = 2; used.has(anchor); k++) anchor = `${base}-${k}`;
    used.add(anchor);
    return { ...entry, anchor };
  });
}

/** Newest first; entries of the same day keep their file order. */
export function newestFirst<T extends ChangelogEntry>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.date.localeCompare(a.entry.date) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** The entries about one notice, oldest first (a notice page tells its history in order). */
export function entriesForNotice<T extends ChangelogEntry>(entries: readonly T[], noticeId: string): T[] {
  return entries
    .filter((e) => e.notice === noticeId)
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.date.localeCompare(b.entry.date) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** Astro's file() loader parser: the YAML list as an object keyed by each entry's anchor. */
export function changelogById(text: string): Record<string, Record<string, unknown>> {
  const data = yaml.load(text);
  if (!Array.isArray(data)) throw new Error("content/changelog.yaml: expected a list of entries");
  const anchored = anchorEntries(data as ChangelogEntry[]);
  return Object.fromEntries(
    anchored.map(({ anchor }, i) => [anchor, { ...(data[i] as Record<string, unknown>) }]),
  );
}
