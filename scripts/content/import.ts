/**
 * npm run import -- <file> [options]
 *
 * Turns a received notice — plain text (UTF-8, GB18030, UTF-16 with BOM), a Word document
 * (.docx) or a PDF with a text layer — into a draft under content/notices/, stores its text
 * verbatim under content/sources/, lists the source in content/sources/SHA256SUMS and records
 * the addition in content/changelog.yaml. Prints what it extracted, where it filed the notice
 * and why, what it could not find (with the flag that supplies it) and every piece of junk it
 * removed. Writes nothing when anything is wrong, and nothing at all with --dry-run.
 *
 *   --dry-run              print the draft and the report; write nothing
 *   --obtained "…"         how the text was obtained (recorded in provenance)
 *   --year 2024            values the text does not state, each recorded as an inference
 *   --level county           with the basis given by --basis
 *   --region 460200|海南省三亚市
 *   --slug hainan-sanya
 *   --title "关于……的通知"
 *   --doc-number "琼质强省办〔2022〕8号"
 *   --basis "…"            what the supplied values rest on
 *   --add-issuers          write the proposed registry entries for bodies the registry lacks
 *   --correct              bring a better source of a published notice (its URL stays; the
 *                          earlier source is kept and a `corrected` changelog entry written)
 *   --date 2026-12-01      the changelog entry's date (default: today in Beijing)
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ArchiveError, formatIssue } from "../../src/archive/errors.ts";
import { loadIssuerIndex } from "../../src/archive/files.ts";
import { DecodeError } from "../../src/archive/decode.ts";
import { ImportError, importNotice, type ImportResult, type Overrides } from "../../src/importer/index.ts";
import { proposalRegion } from "../../src/importer/proposals.ts";
import { isLevel } from "../../src/importer/filing.ts";
import { heldNotices, nextSourcePath, planImport, today, writePlan, type HeldRecord } from "./archive-writes.ts";

const root = resolve(import.meta.dirname, "..", "..");
const USAGE =
  "usage: npm run import -- <file.txt|.docx|.pdf> [--dry-run] [--obtained …] [--year …] [--level …] [--region …] [--slug …] [--title …] [--doc-number …] [--basis …] [--add-issuers] [--correct] [--date YYYY-MM-DD]";

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      obtained: { type: "string" },
      root: { type: "string" },
      year: { type: "string" },
      level: { type: "string" },
      region: { type: "string" },
      slug: { type: "string" },
      title: { type: "string" },
      "doc-number": { type: "string" },
      basis: { type: "string" },
      "add-issuers": { type: "boolean", default: false },
      correct: { type: "boolean", default: false },
      date: { type: "string" },
    },
  });
  const projectRoot = values.root ? resolve(values.root) : root;
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const file = positionals[0]!;
  const input = resolve(file);
  const fail = (field: string | undefined, received: string, hint: string, expected = "the text of a 质量月 notice") => {
    console.error(formatIssue({ file, ...(field ? { field } : {}), expected, received, hint }));
    console.error("\nNothing was written.");
    return 1;
  };
  if (!existsSync(input)) return fail(undefined, "no such file", "check the path", "an existing file");

  const overrides: Overrides = {};
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year)) return fail("year", `--year ${values.year}`, "give the activity year, e.g. --year 2024", "a year");
    overrides.year = Number(values.year);
  }
  if (values.level !== undefined) {
    if (!isLevel(values.level))
      return fail("level", `--level ${values.level}`, "one of national, provincial, municipal, county", "a level");
    overrides.level = values.level;
  }
  if (values.region !== undefined) overrides.region = values.region;
  if (values.slug !== undefined) {
    if (!/^[a-z][a-z0-9-]*$/.test(values.slug))
      return fail("slug", `--slug ${values.slug}`, "lowercase ASCII letters, digits and hyphens, e.g. hainan-sanya", "a slug");
    overrides.slug = values.slug;
  }
  if (values.title !== undefined) overrides.title = values.title;
  if (values["doc-number"] !== undefined) overrides.docNumber = values["doc-number"];
  if (values.basis !== undefined) overrides.basis = values.basis;
  const date = values.date ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return fail("date", `--date ${date}`, "YYYY-MM-DD", "a date");

  const held = heldNotices(projectRoot);
  const base = {
    bytes: readFileSync(input),
    receivedAs: basename(input),
    ...(values.obtained ? { obtained: values.obtained } : {}),
    issuers: loadIssuerIndex(projectRoot),
    overrides,
    held,
  };
  let result: ImportResult;
  let correction: { held: HeldRecord } | undefined;
  try {
    result = await importNotice(base);
    const sameAs = result.sameAs && held.find((h) => h.id === result.sameAs!.id);
    if (sameAs && values.correct) {
      // A better source of a published notice: same URL, a new source file, the old one kept.
      correction = { held: sameAs };
      result = await importNotice({
        ...base,
        sourcePath: nextSourcePath(projectRoot, sameAs),
        earlierSources: [
          ...(sameAs.provenance.earlierSources ?? []),
          { source: sameAs.provenance.source, sha256: sameAs.provenance.sha256, replaced: date },
        ],
      });
    }
  } catch (error) {
    if (error instanceof DecodeError || error instanceof ImportError) {
      return fail(error instanceof ImportError ? error.field : undefined, error.message, error.hint);
    }
    if (error instanceof ArchiveError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }

  const proposals = result.report.proposedIssuers;
  const problems: string[] = result.report.blocking.map((m) => `${m.field}: ${m.why} — supply it with ${m.flag}`);
  if (result.sameAs && !values.correct) {
    problems.push(
      `${result.sameAs.year}-${result.sameAs.slug} is published and a published notice is never replaced. If this text is a better source of the same notice, import it as a correction with --correct: its URL stays, the earlier source is kept and a corrected changelog entry is written`,
    );
  }
  if (values.correct && !correction) {
    problems.push("--correct: no held notice has this text's document number or title; import it as a new notice");
  }
  if (proposals.length && !values["add-issuers"]) {
    problems.push(
      `the registry lacks ${proposals.map((p) => p.name).join("、")}: check the proposed entries above, then import again with --add-issuers (or add them to content/issuers/issuers.yaml yourself)`,
    );
  }

  if (values["dry-run"]) {
    process.stdout.write(result.mdx);
    printReport(result, problems, process.stderr);
    return problems.length ? 1 : 0;
  }
  if (problems.length) {
    printReport(result, problems, process.stderr);
    console.error("\nNothing was written.");
    return 1;
  }

  const plan = planImport(projectRoot, result, {
    date,
    correction,
    ...(values["add-issuers"] ? { issuers: proposals } : {}),
  });
  try {
    writePlan(projectRoot, plan);
  } catch (error) {
    return fail(undefined, (error as Error).message, "nothing was changed; check the archive's files");
  }
  printReport(result, [], process.stdout);
  console.log(`\nWrote ${[...plan.files.keys()].join(", ")}.`);
  console.log(
    correction
      ? "Compare the new draft with the published one (git diff), carry over the inferences and notes that still hold, then run npm test and commit."
      : "Check the frontmatter against the text, add inferences with their basis, then run npm test and commit.",
  );
  return 0;
}

function printReport(result: ImportResult, problems: string[], out: NodeJS.WritableStream): void {
  const { report } = result;
  const line = (s = "") => out.write(`${s}\n`);
  line(`\nImported ${result.id ?? "(not filed: values missing)"}`);
  const filed = Object.entries(report.filedBy).map(([k, v]) => `${k} from ${v}`);
  if (filed.length) line(`  filed:    ${filed.join("; ")}`);
  line(`  found:    ${report.found.join(", ")}`);
  line(`  missing:  ${report.missing.join(", ") || "nothing"}`);
  const completeness = (result.draft.provenance as { completeness: string[]; note?: string }).completeness;
  line(`  completeness: ${completeness.join(", ")}`);
  for (const finding of report.completeness) line(`    ${finding}`);
  line(
    `  structure: ${report.structure.headings} headings, ${report.structure.paragraphs} paragraphs, ${report.structure.lists} lists, ${report.structure.attachments} attachments`,
  );
  line(
    `  repaired: ${report.repairs.joinedLines} page-break splits rejoined, ${report.repairs.spaces} lines with stray spaces, ${report.repairs.punctuation} lines with half-width punctuation${report.repairs.runOnLines.length ? `, line ${report.repairs.runOnLines.join(", ")} (a whole notice on one line) cut at its layout's line breaks` : ""}`,
  );
  if (report.traditional) line("  read:     in traditional characters (archived as printed; read through their simplified forms)");
  line(`  removed:  ${report.removed.length ? "" : "nothing"}`);
  for (const r of report.removed) line(`    line ${r.line}: ${JSON.stringify(r.text)} (${r.reason})`);
  if (report.proposedIssuers.length) {
    line("  issuers the registry lacks (proposed entries; --add-issuers writes them):");
    for (const p of report.proposedIssuers) {
      line(`    - id: ${p.id}`);
      line(`      name: ${p.name}${p.aliases.length ? `   (printed ${p.aliases.join("、")})` : ""}`);
      line(`      level: ${p.level}${p.regionCode ? `, region ${proposalRegion(p)} (${p.regionCode})` : ""}, kind ${p.kind}`);
    }
  }
  for (const w of report.warnings) line(`  warning:  ${w}`);
  for (const p of problems) line(`  cannot write: ${p}`);
}

process.exitCode = await main(process.argv.slice(2));
