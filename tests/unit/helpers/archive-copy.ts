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
