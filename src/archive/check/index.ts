/**
 * The archive check that runs before every build (and in tests): every rule the archive
 * promises, checked on the files as they are on disk, with one precise message per problem.
 * Astro's own schema errors would come too late (after part of the site is built) and without
 * the cross-file rules. Each rule is a file of its own under rules/; this module reads the
 * content once and runs them all.
 *
 *   a notice:   frontmatter schema → file name → region → issuers → dates → source → fidelity →
 *               stated values → stated facts → MDX (data, never code)
 *   across:     unique document numbers → respondsTo → corrections (sources replaced only so)
 *   files:      catalogue → changelog → sources (append-only, content/sources/SHA256SUMS)
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Root as Mdast } from "mdast";
import { parseBody, treeOfBody } from "../../document/pipeline.ts";
import { decodeText } from "../decode.ts";
import { ArchiveError, type ArchiveIssue } from "../errors.ts";
import { listNoticeFiles, loadIssuers, type RawNoticeFile } from "../files.ts";
import { buildIssuerIndex, type IssuerIndex } from "../issuers.ts";
import { readFrontmatter } from "./frontmatter.ts";
import type { ArchiveRule, CheckedNotice, FileRule, NoticeContext, NoticeRule } from "./rule.ts";
import { catalog } from "./rules/catalog.ts";
import { changelog } from "./rules/changelog.ts";
import { corrections } from "./rules/sources/corrections.ts";
import { dates } from "./rules/dates.ts";
import { docNumbersUnique } from "./rules/doc-numbers-unique.ts";
import { fidelity } from "./rules/fidelity.ts";
import { fileName } from "./rules/file-name.ts";
import { inferredIssuers } from "./rules/inferred-issuers.ts";
import { issuersResolve } from "./rules/issuers-resolve.ts";
import { mdx } from "./rules/mdx.ts";
import { region } from "./rules/region.ts";
import { respondsTo } from "./rules/responds-to.ts";
import { sourceFile } from "./rules/source-file.ts";
import { sources } from "./rules/sources/manifest.ts";
import { statedFacts } from "./rules/stated-facts.ts";
import { statedValues } from "./rules/stated-values.ts";

export type { CheckedNotice };

/** Rules over one notice, in the order their messages are listed. */
const NOTICE_RULES: readonly NoticeRule[] = [
  fileName,
  region,
  issuersResolve,
  inferredIssuers,
  dates,
  sourceFile,
  fidelity,
  statedValues,
  statedFacts,
  mdx,
];
const ARCHIVE_RULES: readonly ArchiveRule[] = [docNumbersUnique, respondsTo, corrections];
const FILE_RULES: readonly FileRule[] = [catalog, changelog, sources];

/** Checks the whole archive under `root`; throws one ArchiveError listing every problem. */
export function checkArchive(root: string): CheckedNotice[] {
  const issues: ArchiveIssue[] = [];
  const index = readRegistry(root, issues);
  let files: RawNoticeFile[] = [];
  try {
    files = listNoticeFiles(root);
  } catch (error) {
    if (error instanceof ArchiveError) issues.push(...error.issues);
    else throw error;
  }
  const notices: CheckedNotice[] = [];
  for (const raw of files) {
    const notice = readFrontmatter(raw, issues);
    if (!notice) continue;
    const context = noticeContext(root, raw, notice, index);
    for (const rule of NOTICE_RULES) issues.push(...rule(context));
    // Kept even with problems, so that the rules across notices still see this notice.
    notices.push({ id: raw.id, file: raw.file, data: notice, body: raw.body });
  }
  for (const rule of ARCHIVE_RULES) issues.push(...rule(notices, root));
  for (const rule of FILE_RULES)
    issues.push(
      ...rule(
        root,
        files.map((f) => f.id),
      ),
    );
  if (issues.length) throw new ArchiveError(issues, "The archive's content is invalid; nothing was built");
  return notices;
}

function readRegistry(root: string, issues: ArchiveIssue[]): IssuerIndex | undefined {
  try {
    return buildIssuerIndex(loadIssuers(root));
  } catch (error) {
    if (error instanceof ArchiveError) issues.push(...error.issues);
    else
      issues.push({
        file: "content/issuers/issuers.yaml",
        expected: "each id and name listed once",
        received: (error as Error).message,
        hint: "remove the duplicate",
      });
    return undefined;
  }
}

/** What the rules read of one notice, each read once: its source, its MDX tree, its page tree. */
function noticeContext(
  root: string,
  raw: RawNoticeFile,
  notice: NoticeContext["notice"],
  index: IssuerIndex | undefined,
): NoticeContext {
  const sourcePath = join(root, notice.provenance.source);
  let source: NoticeContext["source"];
  if (existsSync(sourcePath)) {
    const bytes = readFileSync(sourcePath);
    source = { bytes, text: decodeText(bytes).text };
  }
  let mdast: Mdast | undefined;
  let mdxError: Error | undefined;
  try {
    mdast = parseBody(raw.body);
  } catch (error) {
    mdxError = error as Error;
  }
  return { root, raw, notice, index, source, mdast, mdxError, tree: mdast && treeOfBody(mdast) };
}
