/**
 * The shape of a content rule. Each rule of the archive check (src/archive/check/rules/, one per
 * file) looks at one notice, or at all of them, and returns its problems, each naming the file,
 * the field or line, what was expected, what was found and how to fix it.
 */
import type { Root as Hast } from "hast";
import type { Root as Mdast } from "mdast";
import type { Notice } from "../../schemas/notice.ts";
import type { ArchiveIssue } from "../errors.ts";
import type { RawNoticeFile } from "../files.ts";
import type { IssuerIndex } from "../issuers.ts";

/** One notice as the rules see it: its file, its valid frontmatter, and what could be read. */
export interface NoticeContext {
  /** The project root. */
  root: string;
  /** The MDX file, split into frontmatter text and body. */
  raw: RawNoticeFile;
  /** The frontmatter, valid under src/schemas/notice.ts. */
  notice: Notice;
  /** The issuer registry; undefined when the registry itself is invalid (reported apart). */
  index: IssuerIndex | undefined;
  /** The verbatim source, when its file exists: its bytes and its decoded text. */
  source: { bytes: Uint8Array; text: string } | undefined;
  /** The body's MDX syntax tree; undefined when the body is not valid MDX. */
  mdast: Mdast | undefined;
  /** Why the body is not valid MDX (the parser's error, with its place). */
  mdxError: Error | undefined;
  /** The body's tree through the document pipeline (what a page renders), when it parses. */
  tree: Hast | undefined;
}

/** A rule over one notice. */
export type NoticeRule = (context: NoticeContext) => ArchiveIssue[];

/** A notice that passed the frontmatter schema, for the rules across notices. */
export interface CheckedNotice {
  id: string;
  file: string;
  data: Notice;
  body: string;
}

/** A rule across all notices (unique document numbers, references between notices, sources). */
export type ArchiveRule = (notices: readonly CheckedNotice[], root: string) => ArchiveIssue[];

/** `line N` of the file for a line of its body (1-based). */
export function bodyLine(raw: RawNoticeFile, line: number): string {
  return `line ${raw.bodyStartLine + line - 1}`;
}

/** A rule over a content file beside the notices (the changelog, the catalogue). */
export type FileRule = (root: string, noticeIds: readonly string[]) => ArchiveIssue[];
