/**
 * The importer: a raw notice text (bytes as received) becomes a draft MDX file whose
 * frontmatter holds what the text states and whose body is the whole text, structured.
 * Pure: no file system access (scripts/content/import.ts does the reading and writing).
 */
import { createHash } from "node:crypto";
import yaml from "js-yaml";
import { compareFidelity } from "../archive/fidelity.ts";
import { bodyTree } from "../document/pipeline.ts";
import { issuersInLine, type IssuerIndex } from "../archive/issuers.ts";
import { NoticeSchema, type Notice, type NoticeInput } from "../schemas/notice.ts";
import type { Completeness } from "../shared/labels.ts";
import { decodeText } from "../archive/decode.ts";
import { extractFields } from "./extract.ts";
import { splitLines, type RemovedJunk } from "./lines.ts";
import { renderBody } from "./render-mdx.ts";
import { parseStructure, type Part } from "./structure.ts";

export interface ImportInput {
  /** The file's bytes, exactly as received. */
  bytes: Uint8Array;
  /** Name the file was received under (recorded in provenance). */
  receivedAs: string;
  /** How the text was obtained, e.g. 由 PDF 提取的纯文本. */
  obtained?: string;
  issuers: IssuerIndex;
}

interface ImportReport {
  /** Frontmatter fields found in the text. */
  found: string[];
  /** Frontmatter fields the text does not give (left empty). */
  missing: string[];
  removed: RemovedJunk[];
  /** Counts of repairs that changed no letter or digit. */
  repairs: { spaces: number; punctuation: number; joinedLines: number };
  /** Structure recognised, for the editor to check. */
  structure: { headings: number; paragraphs: number; lists: number; attachments: number };
  warnings: string[];
}

export interface ImportResult {
  /** Notice id, `{year}-{slug}`: the file names under content/. */
  id: string;
  /** The source text to store verbatim (UTF-8; the received bytes unless converted). */
  sourceBytes: Uint8Array;
  frontmatter: Notice;
  body: string;
  /** The whole MDX file. */
  mdx: string;
  report: ImportReport;
}

export class ImportError extends Error {
  readonly field: string | undefined;
  readonly hint: string;
  constructor(message: string, hint: string, field?: string) {
    super(message);
    this.name = "ImportError";
    this.hint = hint;
    this.field = field;
  }
}

const REPORTED_FIELDS = [
  "title",
  "docNumber",
  "year",
  "level",
  "region",
  "theme",
  "slogans",
  "issuers",
  "declaredIssuerCount",
  "recipients",
  "cc",
  "signatures",
  "signedDate",
  "printedBy",
  "printedDate",
  "publishedDate",
  "indexNumber",
  "category",
  "publicity",
  "attachments",
  "respondsTo",
  "coHosts",
] as const;

export function importNotice(input: ImportInput): ImportResult {
  const decoded = decodeText(input.bytes);
  const sourceBytes = decoded.convertedFrom ? new TextEncoder().encode(decoded.text) : input.bytes;
  const { lines, removed, repairs, truncatedByAdvert } = splitLines(decoded.text);
  const lineIssuers = (line: string) => issuersInLine(input.issuers, line);
  const parts = parseStructure(lines, { issuersInLine: lineIssuers });

  if (
    !parts.some((p) => p.type === "heading") &&
    !parts.some((p) => p.type === "block" && p.kind === "title")
  ) {
    throw new ImportError(
      "no notice structure found: neither a title (关于……的通知) nor numbered headings (一、 （一）)",
      "check that the file is the text of a notice; if it is, its headings may be images — type them in",
    );
  }

  const fields = extractFields(parts, {
    issuersInLine: lineIssuers,
    regionOfIssuer: (id) => input.issuers.byId.get(id)?.region,
  });
  const warnings: string[] = [];
  if (fields.year === undefined) {
    throw new ImportError(
      "the activity year was not found (no “YYYY年全国/全省“质量月”” in the title or the text)",
      "check that this is a 质量月 notice; if the year is only implied, add it to the draft by hand",
      "year",
    );
  }
  if (fields.level === undefined) {
    throw new ImportError(
      "the notice's level (全国 / 全省 / 全市) was not found",
      "add level to the draft by hand",
      "level",
    );
  }
  if (!fields.slug) {
    throw new ImportError(
      "the notice's region was not found, so its URL slug is unknown",
      "name the region in the registry entry of its issuer, or set region and slug by hand",
      "region",
    );
  }

  const completeness: Completeness[] = [];
  if (!fields.title) completeness.push("header-missing");
  const attachmentsPresent = new Set(parts.filter((p) => p.type === "attachment").map((p) => p.n));
  const missingAttachments = (fields.attachments ?? []).filter((a) => !attachmentsPresent.has(a.n));
  if (truncatedByAdvert || missingAttachments.length) completeness.push("truncated");
  if (!fields.docNumber) completeness.push("docnumber-missing");
  const named = fields.issuers?.length ?? 0;
  if (fields.declaredIssuerCount && named < fields.declaredIssuerCount)
    completeness.push("issuers-incomplete");
  if (!fields.recipients) completeness.push("recipients-missing");
  if (missingAttachments.length) {
    warnings.push(
      `attachments listed but not in the text: ${missingAttachments.map((a) => `附件${a.n}`).join("、")}`,
    );
  }

  const sha256 = createHash("sha256").update(sourceBytes).digest("hex");
  const id = `${fields.year}-${fields.slug}`;
  const draft: NoticeInput = {
    ...(fields as NoticeInput),
    provenance: {
      source: `content/sources/${id}.txt`,
      sha256,
      obtained: input.obtained ?? "收到的纯文本（由 PDF、Word 或网页提取）",
      receivedAs: input.receivedAs,
      ...(decoded.convertedFrom ? { convertedFrom: decoded.convertedFrom } : {}),
      completeness: completeness.length ? completeness : ["complete"],
      removed: removed.map(({ line, text, reason }) => ({ line, text, reason })),
    },
  };
  const parsed = NoticeSchema.safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(
      `the draft's frontmatter is invalid: ${issue.path.join(".")}: ${issue.message}`,
      "this is an importer bug or a very unusual text; fix the value by hand in a --dry-run copy",
      issue.path.join("."),
    );
  }

  const body = renderBody(parts);
  let tree;
  try {
    tree = bodyTree(body);
  } catch (error) {
    throw new ImportError(
      `the draft is not valid MDX: ${(error as Error).message}`,
      "report this text as an importer bug; nothing was written",
    );
  }
  const mismatch = compareFidelity(decoded.text, removed, tree);
  if (mismatch) {
    // The importer must never lose or invent text; this is a bug, so stop rather than write.
    throw new ImportError(
      `fidelity check failed at body line ${mismatch.bodyLine}: source ${mismatch.expected}, draft ${mismatch.received}`,
      "report this text as an importer bug; nothing was written",
    );
  }

  const frontmatter = parsed.data;
  const mdx = `---\n${dumpFrontmatter(draft)}---\n\n${body}`;
  const found = REPORTED_FIELDS.filter((f) => {
    const v = (fields as Record<string, unknown>)[f];
    return v !== undefined && !(Array.isArray(v) && v.length === 0);
  });
  return {
    id,
    sourceBytes,
    frontmatter,
    body,
    mdx,
    report: {
      found: [...found],
      missing: REPORTED_FIELDS.filter((f) => !found.includes(f)),
      removed,
      repairs: { ...repairs, joinedLines: countJoined(parts) },
      structure: {
        headings: parts.filter((p) => p.type === "heading").length,
        paragraphs: parts.filter((p) => p.type === "paragraph").length,
        lists: parts.filter((p) => p.type === "list").length,
        attachments: attachmentsPresent.size,
      },
      warnings,
    },
  };
}

function countJoined(parts: Part[]): number {
  return parts.reduce((n, p) => n + (p.type === "paragraph" ? p.lines.length - 1 : 0), 0);
}

/** YAML with dates and numbers-as-text quoted, one field per line, no line folding. */
function dumpFrontmatter(data: NoticeInput): string {
  return yaml.dump(data, { lineWidth: -1, noRefs: true, quotingType: '"', sortKeys: false });
}
