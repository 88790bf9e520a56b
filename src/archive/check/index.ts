/**
 * The content check that runs before every build (and in tests): every rule the archive
 * promises, checked on the files as they are on disk, with one precise message per problem.
 * Astro's own schema errors would come too late (after part of the site is built) and without
 * the cross-file rules: issuers resolve, document numbers are unique, `respondsTo` names a held
 * notice, dates are in order, and the text still matches its verbatim source.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { createProcessor } from "@mdx-js/mdx";
import type { ZodError } from "zod";
import { NoticeSchema, type Notice } from "../../schemas/notice.ts";
import { CatalogEntrySchema } from "../../schemas/catalog.ts";
import { ArchiveError, describeValue, nearest, type ArchiveIssue } from "../errors.ts";
import { compareFidelity, containsSignificant, RemovalMismatchError } from "../fidelity.ts";
import { decodeText } from "../../importer/decode.ts";
import { COMPONENT_ATTRIBUTES } from "../../document/parts.ts";
import { listNoticeFiles, loadIssuers, CATALOG_FILE, type RawNoticeFile } from "../files.ts";
import { buildIssuerIndex, resolveIssuer, suggestIssuer, type IssuerIndex } from "../issuers.ts";
import { readCatalog } from "../catalog.ts";
import { checkChangelog } from "./changelog.ts";

const COMPONENTS = new Set(COMPONENT_ATTRIBUTES.keys());

export interface CheckedNotice {
  id: string;
  file: string;
  data: Notice;
  body: string;
}

/** Checks the whole archive under `root`; throws one ArchiveError listing every problem. */
export function checkArchive(root: string): CheckedNotice[] {
  const issues: ArchiveIssue[] = [];
  let index: IssuerIndex | undefined;
  try {
    index = buildIssuerIndex(loadIssuers(root));
  } catch (error) {
    if (error instanceof ArchiveError) issues.push(...error.issues);
    else
      issues.push({
        file: "content/issuers/issuers.yaml",
        expected: "each id and name listed once",
        received: (error as Error).message,
        hint: "remove the duplicate",
      });
  }
  let files: RawNoticeFile[] = [];
  try {
    files = listNoticeFiles(root);
  } catch (error) {
    if (error instanceof ArchiveError) issues.push(...error.issues);
    else throw error;
  }
  const notices: CheckedNotice[] = [];
  for (const file of files) {
    const checked = checkNoticeFile(root, file, index, issues);
    if (checked) notices.push(checked);
  }
  checkAcrossNotices(notices, issues);
  checkCatalog(root, issues);
  checkChangelog(
    root,
    files.map((f) => f.id),
    issues,
  );
  if (issues.length) throw new ArchiveError(issues, "The archive's content is invalid; nothing was built");
  return notices;
}

function checkNoticeFile(
  root: string,
  raw: RawNoticeFile,
  index: IssuerIndex | undefined,
  issues: ArchiveIssue[],
): CheckedNotice | undefined {
  const { file } = raw;
  let data: unknown;
  try {
    data = yaml.load(raw.frontmatterText);
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    issues.push({
      file,
      field: `line ${(mark?.line ?? 0) + 2}`,
      expected: "valid YAML frontmatter",
      received: (error as { reason?: string }).reason ?? (error as Error).message,
      hint: "check quotes, colons and indentation on that line",
    });
    return undefined;
  }
  const parsed = NoticeSchema.safeParse(data);
  if (!parsed.success) {
    issues.push(...zodIssues(file, parsed.error, data));
    return undefined;
  }
  const notice = parsed.data;

  const expectedId = `${notice.year}-${notice.slug}`;
  if (raw.id !== expectedId) {
    issues.push({
      file,
      field: "slug",
      expected: `the file to be named ${expectedId}.mdx (year-slug: it is the notice's URL)`,
      received: `${raw.id}.mdx`,
      hint: `rename the file or correct year/slug`,
    });
  }

  // Issuers resolve (with the nearest alias suggested for a name or a typo).
  if (index) {
    const ids: [string, string][] = [
      ...notice.issuers.map((id, i): [string, string] => [`issuers[${i}]`, id]),
      ...notice.inferredIssuers.map((x, i): [string, string] => [`inferredIssuers[${i}].id`, x.id]),
      ...notice.coHosts.map((id, i): [string, string] => [`coHosts[${i}]`, id]),
    ];
    for (const [field, id] of ids) {
      if (index.byId.has(id)) continue;
      const byName = resolveIssuer(index, id);
      const suggestion = byName ?? nearest(id, index.byId.keys());
      const alias = byName ? undefined : suggestIssuer(index, id);
      issues.push({
        file,
        field,
        expected: "an issuer id from content/issuers/issuers.yaml",
        received: id,
        hint: byName
          ? `“${id}” is a name of ${byName}: write the id ${byName}`
          : suggestion || alias
            ? `did you mean ${[suggestion, alias && `${alias} (${resolveIssuer(index, alias)})`].filter(Boolean).join(" or ")}? If it is a new body, add it to the registry`
            : "add the body to content/issuers/issuers.yaml with all its spellings as aliases",
      });
    }
  }

  for (const [i, x] of notice.inferredIssuers.entries()) {
    if (notice.issuers.includes(x.id)) {
      issues.push({
        file,
        field: `inferredIssuers[${i}].id`,
        expected: "an issuer the text does not name",
        received: x.id,
        hint: `${x.id} is already in issuers (named by the text): remove it from inferredIssuers`,
      });
    }
  }

  // Dates in order and in the notice's year.
  const dateFields = ["signedDate", "printedDate", "publishedDate"] as const;
  for (const field of dateFields) {
    const value = notice[field];
    if (value && Number(value.slice(0, 4)) !== notice.year) {
      issues.push({
        file,
        field,
        expected: `a date in ${notice.year}, the notice's year`,
        received: value,
        hint: "check the year of the date and the notice's year",
      });
    }
  }
  if (notice.signedDate && notice.printedDate && notice.printedDate < notice.signedDate) {
    issues.push({
      file,
      field: "printedDate",
      expected: `印发日期 on or after 成文日期 (${notice.signedDate})`,
      received: notice.printedDate,
      hint: "a notice is printed after it is signed: check both dates against the text",
    });
  }
  if (notice.signedDate && notice.publishedDate && notice.publishedDate < notice.signedDate) {
    issues.push({
      file,
      field: "publishedDate",
      expected: `发布日期 on or after 成文日期 (${notice.signedDate})`,
      received: notice.publishedDate,
      hint: "check both dates against the text",
    });
  }

  // The verbatim source: present, unchanged, and the archived text still matches it.
  const sourcePath = join(root, notice.provenance.source);
  if (notice.provenance.source !== `content/sources/${raw.id}.txt`) {
    issues.push({
      file,
      field: "provenance.source",
      expected: `content/sources/${raw.id}.txt`,
      received: notice.provenance.source,
      hint: "the source sits next to the notice under the same name",
    });
  }
  if (!existsSync(sourcePath)) {
    issues.push({
      file,
      field: "provenance.source",
      expected: "an existing verbatim source file",
      received: notice.provenance.source,
      hint: "import the notice with npm run import, which stores its source",
    });
  } else {
    const bytes = readFileSync(sourcePath);
    const sha = createHash("sha256").update(bytes).digest("hex");
    if (sha !== notice.provenance.sha256) {
      issues.push({
        file: notice.provenance.source,
        expected: `the verbatim source with SHA-256 ${notice.provenance.sha256}`,
        received: `a file with SHA-256 ${sha}`,
        hint: "sources are never edited: restore it from git (git checkout -- the file)",
      });
    }
    const source = decodeText(bytes).text;
    try {
      const mismatch = compareFidelity(source, notice.provenance.removed, raw.body);
      if (mismatch) {
        issues.push({
          file,
          field: `line ${raw.bodyStartLine + mismatch.bodyLine - 1}`,
          expected: `the source's text ${mismatch.expected}`,
          received: mismatch.received,
          hint: "the archived text must keep every character of the source: restore what was lost or added (only whitespace, punctuation and markup may differ)",
        });
      }
    } catch (error) {
      if (!(error instanceof RemovalMismatchError)) throw error;
      issues.push({
        file,
        field: "provenance.removed",
        expected: "removals that match the source line by line",
        received: error.problems.join("; "),
        hint: "each removal's line and text must be exactly as in the source",
      });
    }
    // Stated metadata must be in the text (inferred values are exempt: they are marked as such).
    const inferred = new Set(notice.inferred.map((x) => x.field));
    const stated: [string, string | undefined][] = [
      ["title", inferred.has("title") ? undefined : notice.title],
      ["docNumber", inferred.has("docNumber") ? undefined : notice.docNumber],
      ["theme", inferred.has("theme") ? undefined : notice.theme],
      ["recipients", notice.recipients],
      ["cc", notice.cc],
      ["publicity", notice.publicity],
      ["printedBy", notice.printedBy],
      ...(notice.slogans ?? []).map((s, i): [string, string] => [`slogans[${i}]`, s]),
      ...notice.signatures.map((s, i): [string, string] => [`signatures[${i}]`, s]),
      ...notice.attachments.map((a, i): [string, string] => [`attachments[${i}].title`, a.title]),
    ];
    for (const [field, value] of stated) {
      if (value && !containsSignificant(source, value)) {
        issues.push({
          file,
          field,
          expected: "a value as printed in the source text",
          received: value,
          hint: "copy the value from the text; a value the text does not state must be listed in `inferred` with its basis",
        });
      }
    }
  }

  // MDX syntax and the document components it may use.
  checkMdx(raw, issues);
  // Returned even with problems, so that cross-notice rules still see this notice.
  return { id: raw.id, file, data: notice, body: raw.body };
}

const mdxParser = createProcessor({ format: "mdx" });

function checkMdx(raw: RawNoticeFile, issues: ArchiveIssue[]): void {
  try {
    const tree = mdxParser.parse(raw.body);
    const visit = (node: {
      type: string;
      name?: string | null;
      position?: { start: { line: number } };
      children?: unknown[];
    }) => {
      if (
        (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") &&
        node.name &&
        !COMPONENTS.has(node.name)
      ) {
        issues.push({
          file: raw.file,
          field: `line ${raw.bodyStartLine + (node.position?.start.line ?? 1) - 1}`,
          expected: `one of the document components ${[...COMPONENTS].join(", ")}`,
          received: `<${node.name}>`,
          hint: "use a document component, or escape a literal < as \\<",
        });
      }
      for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
    };
    visit(tree as never);
  } catch (error) {
    const e = error as {
      line?: number;
      place?: { line?: number; start?: { line: number } };
      reason?: string;
      message: string;
    };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line;
    issues.push({
      file: raw.file,
      ...(line ? { field: `line ${raw.bodyStartLine + line - 1}` } : {}),
      expected: "valid MDX",
      received: e.reason ?? e.message,
      hint: "escape literal { } < > in the text with a backslash (\\{), and close every component tag",
    });
  }
}

function checkAcrossNotices(notices: CheckedNotice[], issues: ArchiveIssue[]): void {
  const byDocNumber = new Map<string, CheckedNotice>();
  for (const n of notices) {
    const dn = n.data.docNumber;
    if (!dn) continue;
    const other = byDocNumber.get(dn);
    if (other) {
      issues.push({
        file: n.file,
        field: "docNumber",
        expected: "a document number no other notice has",
        received: `${dn}, also in ${other.file}`,
        hint: "one of the two is wrong: check both against their texts",
      });
    } else byDocNumber.set(dn, n);
  }
  for (const n of notices) {
    const target = n.data.respondsTo;
    if (target && !byDocNumber.has(target)) {
      issues.push({
        file: n.file,
        field: "respondsTo",
        expected: "the document number of a notice held in the archive",
        received: target,
        hint: `held: ${[...byDocNumber.keys()].join("、") || "none"}. Import that notice first, or remove respondsTo`,
      });
    }
  }
}

function checkCatalog(root: string, issues: ArchiveIssue[]): void {
  if (!existsSync(join(root, CATALOG_FILE))) return;
  try {
    for (const [i, row] of readCatalog(root).entries()) {
      const parsed = CatalogEntrySchema.safeParse(row);
      if (!parsed.success) issues.push(...zodIssues(`${CATALOG_FILE} (row ${i + 2})`, parsed.error, row));
    }
  } catch (error) {
    if (error instanceof ArchiveError) issues.push(...error.issues);
    else throw error;
  }
}

/** Zod issues as archive issues: the field path, what was expected, what was there. */
function zodIssues(file: string, error: ZodError, data: unknown): ArchiveIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "");
    let received: unknown = data;
    for (const p of issue.path) received = (received as Record<PropertyKey, unknown> | undefined)?.[p];
    const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys : undefined;
    return {
      file,
      ...(field ? { field } : {}),
      expected: unknownKeys ? "only the fields documented in src/schemas/notice.ts" : issue.message,
      received: unknownKeys ? `unknown field(s) ${unknownKeys.join(", ")}` : describeValue(received),
      hint: unknownKeys
        ? `check the spelling of ${unknownKeys.join(", ")}${nearestField(unknownKeys[0]!)}`
        : received === undefined
          ? "add the field (see src/schemas/notice.ts for what each field holds)"
          : "correct the value (see the field's description in src/schemas/notice.ts)",
    };
  });
}

function nearestField(key: string): string {
  const guess = nearest(key, Object.keys(NoticeSchema.shape));
  return guess ? ` (did you mean ${guess}?)` : "";
}
