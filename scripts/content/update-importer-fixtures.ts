/**
 * Regenerates expected.mdx in every importer fixture folder that has no expected-error.txt.
 * Run after an intended importer change, then review the diff (git diff tests/fixtures) line by
 * line before committing: the fixtures are the importer's specification.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadIssuerIndex } from "../../src/archive/files.ts";
import { importNotice } from "../../src/importer/index.ts";

const root = resolve(import.meta.dirname, "..", "..");
const dir = join(root, "tests/fixtures/importer");
const issuers = loadIssuerIndex(root);
for (const name of readdirSync(dir).sort()) {
  const folder = join(dir, name);
  if (existsSync(join(folder, "expected-error.txt"))) continue;
  const result = importNotice({
    bytes: readFileSync(join(folder, "input.txt")),
    receivedAs: "input.txt",
    issuers,
  });
  writeFileSync(join(folder, "expected.mdx"), result.mdx);
  console.log(`updated ${name}`);
}
