/**
 * Tampering tests: a throw-away copy of the real content/, an edit that must change something,
 * and the ArchiveError the archive check then throws. Copies are removed after each test.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, expect } from "vitest";
import { checkArchive } from "../../../src/archive/check/index.ts";
import { ArchiveError } from "../../../src/archive/errors.ts";

export const root = resolve(import.meta.dirname, "../../..");
let copies: string[] = [];

afterEach(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  copies = [];
});

/** A copy of the project's content/ in a temporary directory (its root). */
export function archiveCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "zly-check-"));
  cpSync(join(root, "content"), join(dir, "content"), { recursive: true });
  copies.push(dir);
  return dir;
}

/** Rewrites `file` (relative to the copy) with `change`, which must change it. */
export function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, "utf8");
  const after = change(before);
  expect(after, `the tampering of ${file} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
}

/** The archive check's error on the copy; fails the test when the check passes. */
export function failure(dir: string): ArchiveError {
  try {
    checkArchive(dir);
  } catch (error) {
    if (error instanceof ArchiveError) return error;
    throw error;
  }
  throw new Error("expected the archive check to fail");
}

/**
 * Imports a fixture of tests/fixtures/importer into the copy as `npm run import -- … --add-issuers`
 * does (the importer and the CLI's own writing): the notice, its source, its manifest line, its
 * changelog entry and the registry entries it proposes. Returns the notice's id.
 */
export async function addImported(dir: string, fixture: string, date = "2026-12-01"): Promise<string> {
  const { importNotice } = await import("../../../src/importer/index.ts");
  const { loadIssuerIndex } = await import("../../../src/archive/files.ts");
  const { fixtureInput } = await import("../../../scripts/content/importer-fixtures.ts");
  const { heldNotices, planImport, writePlan } = await import("../../../scripts/content/archive-writes.ts");
  const result = await importNotice({
    ...fixtureInput(fixture),
    issuers: loadIssuerIndex(dir),
    held: heldNotices(dir),
  });
  if (result.report.blocking.length || !result.id)
    throw new Error(`${fixture} does not import: ${JSON.stringify(result.report.blocking)}`);
  writePlan(dir, planImport(dir, result, { date, issuers: result.report.proposedIssuers }));
  return result.id;
}
