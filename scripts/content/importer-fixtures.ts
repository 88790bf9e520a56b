/**
 * The importer's fixture folders (tests/fixtures/importer/{case}/): the input as received
 * (input.txt, input.docx or input.pdf), optional options.json (the archivist's flags: overrides
 * and notices already held), and either expected.mdx or expected-error.txt. Shared by the
 * importer's tests and by update-importer-fixtures.ts.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { HeldNotice, ImportInput, Overrides } from "../../src/importer/index.ts";

export const FIXTURES_DIR = resolve(import.meta.dirname, "..", "..", "tests", "fixtures", "importer");

interface FixtureOptions {
  overrides?: Overrides;
  held?: HeldNotice[];
}

/** Every fixture folder, by name. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** The input file of a fixture: input.txt, input.docx or input.pdf. */
function fixtureInputFile(name: string): string {
  for (const ext of ["txt", "docx", "pdf"]) {
    const file = join(FIXTURES_DIR, name, `input.${ext}`);
    if (existsSync(file)) return file;
  }
  throw new Error(`tests/fixtures/importer/${name} has no input.txt, input.docx or input.pdf`);
}

/** The importer's input for a fixture (without the issuer index). */
export function fixtureInput(name: string): Omit<ImportInput, "issuers"> {
  const file = fixtureInputFile(name);
  const optionsFile = join(FIXTURES_DIR, name, "options.json");
  const options: FixtureOptions = existsSync(optionsFile)
    ? (JSON.parse(readFileSync(optionsFile, "utf8")) as FixtureOptions)
    : {};
  return {
    bytes: readFileSync(file),
    receivedAs: file.slice(file.lastIndexOf("/") + 1),
    ...(options.overrides ? { overrides: options.overrides } : {}),
    ...(options.held ? { held: options.held } : {}),
  };
}

/** The expected error of a refusal fixture, or undefined. */
export function expectedError(name: string): string | undefined {
  const file = join(FIXTURES_DIR, name, "expected-error.txt");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}
