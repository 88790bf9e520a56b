/**
 * Reading content/changelog.yaml: for Astro's file() loader (entries keyed by their anchor, so
 * each has a stable id) and for the pre-build content check.
 */
import yaml from "js-yaml";
import { anchorEntries } from "./changelog.ts";
import type { ChangelogEntry } from "../schemas/changelog.ts";

/** file() loader parser: the YAML list as an object keyed by each entry's anchor. */
export function changelogById(text: string): Record<string, Record<string, unknown>> {
  const data = yaml.load(text);
  if (!Array.isArray(data)) throw new Error("content/changelog.yaml: expected a list of entries");
  const anchored = anchorEntries(data as ChangelogEntry[]);
  return Object.fromEntries(
    anchored.map(({ anchor }, i) => [anchor, { ...(data[i] as Record<string, unknown>) }]),
  );
}
