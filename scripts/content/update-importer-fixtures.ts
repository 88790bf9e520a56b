/**
 * Regenerates expected.mdx in every importer fixture folder that has no expected-error.txt.
 * Run after an intended importer change, then review the diff (git diff tests/fixtures) line by
 * line before committing: the fixtures are the importer's specification.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadIssuerIndex } from "../../src/archive/files.ts";
import { importNotice } from "../../src/importer/index.ts";
import { expectedError, fixtureInput, fixtureNames, FIXTURES_DIR } from "./importer-fixtures.ts";

const root = resolve(import.meta.dirname, "..", "..");
const issuers = loadIssuerIndex(root);
for (const name of fixtureNames()) {
  if (expectedError(name) !== undefined) continue;
  const result = await importNotice({ ...fixtureInput(name), issuers });
  writeFileSync(join(FIXTURES_DIR, name, "expected.mdx"), result.mdx);
  console.log(`updated ${name}${result.report.blocking.length ? " (draft: values missing)" : ""}`);
}
