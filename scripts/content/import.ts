/**
 * npm run import -- <raw.txt> [--dry-run] [--force] [--obtained "由 PDF 提取"]
 *
 * Turns a raw notice text into a draft MDX file under content/notices/ and stores the text
 * verbatim under content/sources/. Prints what it extracted, what it could not find and every
 * piece of junk it removed. Writes nothing when anything is wrong (or with --dry-run).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ArchiveError, formatIssue } from "../../src/archive/errors.ts";
import { loadIssuerIndex } from "../../src/archive/files.ts";
import { DecodeError } from "../../src/archive/decode.ts";
import { ImportError, importNotice, type ImportResult } from "../../src/importer/index.ts";

const root = resolve(import.meta.dirname, "..", "..");

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      obtained: { type: "string" },
      root: { type: "string" },
    },
  });
  const projectRoot = values.root ? resolve(values.root) : root;
  if (positionals.length !== 1) {
    console.error(
      'usage: npm run import -- <raw.txt> [--dry-run] [--force] [--obtained "how it was obtained"]',
    );
    return 2;
  }
  const input = resolve(positionals[0]!);
  if (!existsSync(input)) {
    console.error(
      formatIssue({
        file: positionals[0]!,
        expected: "an existing text file",
        received: "no such file",
        hint: "check the path",
      }),
    );
    return 1;
  }

  let result: ImportResult;
  try {
    result = importNotice({
      bytes: readFileSync(input),
      receivedAs: basename(input),
      ...(values.obtained ? { obtained: values.obtained } : {}),
      issuers: loadIssuerIndex(projectRoot),
    });
  } catch (error) {
    if (error instanceof DecodeError || error instanceof ImportError) {
      console.error(
        formatIssue({
          file: positionals[0]!,
          ...(error instanceof ImportError && error.field ? { field: error.field } : {}),
          expected: "the plain text of a 质量月 notice",
          received: error.message,
          hint: error.hint,
        }),
      );
      console.error("\nNothing was written.");
      return 1;
    }
    if (error instanceof ArchiveError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }

  if (values["dry-run"]) {
    process.stdout.write(result.mdx);
    printReport(result, process.stderr);
    return 0;
  }

  const mdxPath = join(projectRoot, "content/notices", `${result.id}.mdx`);
  const sourcePath = join(projectRoot, result.frontmatter.provenance.source);
  for (const path of [mdxPath, sourcePath]) {
    if (existsSync(path) && !values.force) {
      console.error(
        formatIssue({
          file: path.slice(projectRoot.length + 1),
          expected: "a notice not yet in the archive",
          received: "the file already exists",
          hint: "use --dry-run to compare, or --force to overwrite the draft (hand edits are lost)",
        }),
      );
      console.error("\nNothing was written.");
      return 1;
    }
  }
  // Write both files to temporaries first, then rename: never a half-written pair.
  for (const [path, data] of [
    [sourcePath, result.sourceBytes],
    [mdxPath, result.mdx],
  ] as const) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.tmp`, data);
  }
  renameSync(`${sourcePath}.tmp`, sourcePath);
  renameSync(`${mdxPath}.tmp`, mdxPath);
  printReport(result, process.stdout);
  console.log(
    `\nWrote ${mdxPath.slice(projectRoot.length + 1)} and ${sourcePath.slice(projectRoot.length + 1)}.`,
  );
  console.log("Check the frontmatter against the text, add inferences with their basis, then commit.");
  return 0;
}

function printReport(result: ImportResult, out: NodeJS.WritableStream): void {
  const { report } = result;
  const line = (s = "") => out.write(`${s}\n`);
  line(`\nImported ${result.id}`);
  line(`  found:    ${report.found.join(", ")}`);
  line(`  missing:  ${report.missing.join(", ") || "nothing"}`);
  line(`  completeness: ${result.frontmatter.provenance.completeness.join(", ")}`);
  line(
    `  structure: ${report.structure.headings} headings, ${report.structure.paragraphs} paragraphs, ${report.structure.lists} lists, ${report.structure.attachments} attachments`,
  );
  line(
    `  repaired: ${report.repairs.joinedLines} page-break splits rejoined, ${report.repairs.spaces} lines with stray spaces, ${report.repairs.punctuation} lines with half-width punctuation`,
  );
  line(`  removed:  ${report.removed.length ? "" : "nothing"}`);
  for (const r of report.removed) line(`    line ${r.line}: ${JSON.stringify(r.text)} (${r.reason})`);
  for (const w of report.warnings) line(`  warning:  ${w}`);
}

process.exitCode = main(process.argv.slice(2));
