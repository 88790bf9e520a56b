/**
 * content/sources/SHA256SUMS: every source the archive has ever published, one line each in
 * the format of sha256sum (`{hash}  {file}`, checkable with `cd content/sources && sha256sum -c
 * SHA256SUMS`). Sources are append-only: the importer adds a line for each source it stores and
 * never changes one, and every build checks that each listed file is still there, unchanged,
 * and that no source is unlisted — so a source replaced in place is caught even when the notice's
 * own provenance was edited to match it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const SOURCES_DIR = "content/sources";
export const SOURCES_MANIFEST = `${SOURCES_DIR}/SHA256SUMS`;

export interface ManifestEntry {
  sha256: string;
  /** File name inside content/sources/. */
  file: string;
  /** 1-based line in the manifest. */
  line: number;
}

/** The manifest's entries, or undefined when it does not exist (a synthetic test archive). */
export function readManifest(root: string): ManifestEntry[] | undefined {
  const path = join(root, SOURCES_MANIFEST);
  if (!existsSync(path)) return undefined;
  return parseManifest(readFileSync(path, "utf8"));
}

function parseManifest(text: string): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  for (const [i, line] of text.split("\n").entries()) {
    if (!line.trim() || line.startsWith("#")) continue;
    const m = /^([0-9a-f]{64}) [ *](\S+)$/.exec(line);
    entries.push(m ? { sha256: m[1]!, file: m[2]!, line: i + 1 } : { sha256: "", file: line, line: i + 1 });
  }
  return entries;
}

/** One manifest line for a stored source. */
export function manifestLine(sha256: string, file: string): string {
  return `${sha256}  ${file}\n`;
}
