/**
 * The importer: a received file (text, Word or PDF) becomes a draft MDX file whose frontmatter
 * holds what the text states and whose body is the whole text, structured. Pure but for reading
 * its input's bytes: no file system access (scripts/content/import.ts reads and writes).
 *
 *   bytes → text (./inputs/) → simplified reading (./simplified.ts) → lines, junk removed
 *   (./lines.ts) → refusal? (./refusals.ts) → parts (./structure.ts) → where it is filed
 *   (./filing.ts) → fields, issuers in the notice's region (./extract.ts, ./proposals.ts) →
 *   completeness (./truncation.ts) → MDX (./render-mdx.ts) → fidelity, as a reader gets it
 *
 * Nothing is guessed. A value the text does not state is missing: the report names the flag
 * that supplies it (--year, --region …), and a supplied value is recorded as an inference with
 * the archivist's basis. A draft that lacks a required value is still returned, to be shown by
 * --dry-run; the CLI writes nothing while `report.blocking` is not empty.
 */
import { createHash } from "node:crypto";
import yaml from "js-yaml";
import { compareFidelity } from "../archive/fidelity.ts";
import { resolveIssuer, type IssuerIndex } from "../archive/issuers.ts";
import { compactName, splitNames } from "../archive/issuer-names.ts";
import { canonicalDocNumber } from "../document/doc-number.ts";
import { bodyTree } from "../document/pipeline.ts";
import { NoticeSchema, type Notice, type NoticeInput } from "../schemas/notice.ts";
import { DecodeError } from "../archive/decode.ts";
import { extractFields, headFacts, issuerNamesOf, type ExtractedFields } from "./extract.ts";
import { fileNotice, type Filing, type HeldNotice, type MissingValue, type Overrides } from "./filing.ts";
import { readSource } from "./inputs/read.ts";
import { splitLines, type RemovedJunk } from "./lines.ts";
import { looksLikeBodyName, proposeIssuer, type ProposedIssuer } from "./proposals.ts";
import { refusalOf } from "./refusals.ts";
import { renderBody } from "./render-mdx.ts";
import { simplifiedView } from "../shared/simplified.ts";
import { AlignmentError, Restorer } from "./simplified.ts";
import { parseStructure, type Part } from "./structure.ts";
import { proposeCompleteness } from "./truncation.ts";

export type { HeldNotice, Overrides } from "./filing.ts";
export type { ProposedIssuer } from "./proposals.ts";

export interface ImportInput {
  /** The file's bytes, exactly as received. */
  bytes: Uint8Array;
  /** Name the file was received under (recorded in provenance). */
  receivedAs: string;
  /** How the text was obtained, e.g. 由 PDF 提取的纯文本. */
  obtained?: string | undefined;
  issuers: IssuerIndex;
  /** Values the archivist supplies (--year, --region …) and their basis. */
  overrides?: Overrides | undefined;
  /** Notices already in the archive: slugs taken, and the notice a correction is for. */
  held?: readonly HeldNotice[] | undefined;
  /** Where the source is stored (a correction's source gets a new name); default {id}.txt. */
  sourcePath?: string | undefined;
  /** Earlier sources of a corrected notice, kept (sources are append-only). */
  earlierSources?: { source: string; sha256: string; replaced: string }[] | undefined;
}

interface ImportReport {
  /** Frontmatter fields found in the text. */
  found: string[];
  /** Frontmatter fields the text does not give (left empty). */
  missing: string[];
  /** Required values neither the text nor the archivist gave: nothing can be written. */
  blocking: MissingValue[];
  /** Where year, level, region and slug come from. */
  filedBy: Filing["from"];
  removed: RemovedJunk[];
  /** Counts of repairs that changed no letter or digit. */
  repairs: {
    spaces: number;
    punctuation: number;
    radicals: number;
    joinedLines: number;
    runOnLines: number[];
  };
  /** Structure recognised, for the editor to check. */
  structure: { headings: number; paragraphs: number; lists: number; attachments: number };
  /** Bodies the registry does not know, as registry entries to add (--add-issuers). */
  proposedIssuers: ProposedIssuer[];
  /** What the text shows about its completeness. */
  completeness: string[];
  /** True when the text was read through its simplified form (traditional characters). */
  traditional: boolean;
  warnings: string[];
}

export interface ImportResult {
  /** Notice id, `{year}-{slug}` (the file names under content/), when known. */
  id: string | undefined;
  /** The source text to store verbatim (UTF-8). */
  sourceBytes: Uint8Array;
  /** The validated frontmatter; undefined while a required value is missing. */
  frontmatter: Notice | undefined;
  /** The draft's frontmatter as written (possibly incomplete). */
  draft: Record<string, unknown>;
  body: string;
  /** The whole MDX file. */
  mdx: string;
  /** A held notice this text is a version of (then it can only come in as a correction). */
  sameAs: HeldNotice | undefined;
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

/** String fields of the frontmatter that are copied from the text (restored when traditional). */
const TEXT_FIELDS = [
  "title",
  "theme",
  "recipients",
  "cc",
  "printedBy",
  "publicity",
  "indexNumber",
  "category",
  "publishingUnit",
] as const;

export async function importNotice(input: ImportInput): Promise<ImportResult> {
  const overrides = input.overrides ?? {};
  const source = await readSource(input.bytes);
  const sourceBytes =
    source.convertedFrom || source.original ? new TextEncoder().encode(source.text) : input.bytes;
  const view = simplifiedView(source.text);
  const restorer = new Restorer(view, source.text);
  const { lines, removed: viewRemoved, repairs, truncatedByAdvert, runOnLines } = splitLines(view);
  if (!lines.length) throw new DecodeError("the file holds no text", "give the importer the notice's text");

  const refusal = refusalOf(lines);
  if (refusal) {
    throw new ImportError(
      `this is not a 质量月 notice: it looks like ${refusal.looksLike} (${refusal.evidence})`,
      `${refusal.hint}; nothing was written`,
    );
  }

  // Lines made of bodies' names (header, signature): registered in any region, or name-like.
  const known = (name: string) =>
    input.issuers.global.has(compactName(name)) || input.issuers.contextual.has(compactName(name));
  // Registered names first; a name the registry lacks only as one unspaced word of the line.
  const namesInLine = (line: string) =>
    splitNames(line, (name) => (known(name) ? name.trim() : undefined)) ??
    splitNames(line, (name) =>
      known(name) || (!/\s/u.test(name.trim()) && looksLikeBodyName(name)) ? name.trim() : undefined,
    );
  const bodyLine = (line: string): "known" | "name-like" | undefined => {
    const names = namesInLine(line);
    if (!names) return undefined;
    return names.every(known) ? "known" : "name-like";
  };
  const parts = parseStructure(lines, { bodyLine });
  if (
    !parts.some((p) => p.type === "heading") &&
    !parts.some((p) => p.type === "block" && p.kind === "title")
  ) {
    throw new ImportError(
      "no notice structure found: neither a title (关于……的通知) nor numbered headings (一、 （一）)",
      "check that the file is the text of a notice; if it is, its headings may be images — type them in",
    );
  }

  const head = headFacts(parts);
  const suppliedDocNumber = overrides.docNumber ? canonicalDocNumber(overrides.docNumber) : undefined;
  if (overrides.docNumber && !suppliedDocNumber) {
    throw new ImportError(
      `--doc-number ${overrides.docNumber} is not a document number`,
      "write it as printed, e.g. 国市监质发〔2022〕76号 (any brackets)",
      "docNumber",
    );
  }
  const title = overrides.title ?? head.title;
  const docNumber = suppliedDocNumber ?? head.docNumber;
  const bodies = issuerNamesOf(parts, { namesInLine });
  const filing = fileNotice(
    { title, docNumber, text: lines.map((l) => l.text).join("\n"), bodies },
    overrides,
    input.held ?? [],
  );
  const context = { regionCode: filing.regionCode };
  const fields = extractFields(parts, {
    namesInLine,
    resolve: (name) => resolveIssuer(input.issuers, name, context),
    national: filing.level === "national",
  });

  // Issuers: registered ones in the notice's region; any other body proposed, never dropped.
  const proposedIssuers: ProposedIssuer[] = [];
  const issuers: string[] = [];
  for (const name of fields.issuerNames) {
    let id = resolveIssuer(input.issuers, name, context);
    if (!id) {
      const taken = new Set(proposedIssuers.map((p) => p.id));
      const proposal = proposeIssuer(
        name,
        restorer.value(name),
        { ...context, level: filing.level },
        input.issuers,
        taken,
      );
      if (!proposal) continue;
      const same = proposedIssuers.find((p) => p.name === proposal.name);
      if (same) id = same.id;
      else {
        proposedIssuers.push(proposal);
        id = proposal.id;
      }
    }
    if (!issuers.includes(id)) issuers.push(id);
  }

  const warnings = [...filing.warnings];
  const blocking: MissingValue[] = [...filing.missing];
  if (overrides.title && head.title && overrides.title !== head.title)
    warnings.push(`--title replaces the title the text states (${head.title})`);
  const suppliedFields = [
    ...filing.supplied,
    ...(overrides.title && !head.title ? (["title"] as const) : []),
    ...(suppliedDocNumber && !head.docNumber ? (["docNumber"] as const) : []),
  ];
  if (suppliedFields.length && !overrides.basis) {
    blocking.push({
      field: "inferred",
      flag: "--basis",
      why: `what the supplied ${suppliedFields.join(", ")} rest on (recorded with them as an inference)`,
    });
  }

  const completeness = proposeCompleteness({
    parts,
    title,
    docNumber,
    recipients: fields.recipients,
    declaredIssuerCount: fields.declaredIssuerCount,
    issuerCount: issuers.length,
    attachments: fields.attachments ?? [],
    truncatedByAdvert,
  });

  // Back to the printed characters (a traditional-script text is archived as it is).
  let removed: RemovedJunk[];
  try {
    restoreParts(parts, restorer);
    restoreFields(fields, restorer);
    removed = viewRemoved.map((r) => ({ ...r, text: restorer.removal(r.line, r.text) }));
  } catch (error) {
    if (!(error instanceof AlignmentError)) throw error;
    throw new ImportError(
      `the traditional characters could not be read back into the draft: ${error.message}`,
      "report this text as an importer bug; nothing was written",
    );
  }

  const id = filing.year !== undefined && filing.slug ? `${filing.year}-${filing.slug}` : undefined;
  const sha256 = createHash("sha256").update(sourceBytes).digest("hex");
  const { issuerNames: _names, ...stated } = fields;
  const draft: Record<string, unknown> = {
    ...(title ? { title: restorer.value(title) } : {}),
    ...(docNumber ? { docNumber } : {}),
    ...(filing.year !== undefined ? { year: filing.year } : {}),
    ...(filing.level ? { level: filing.level } : {}),
    issuers,
    ...(filing.region ? { region: filing.region, regionCode: filing.regionCode } : {}),
    ...(filing.slug ? { slug: filing.slug } : {}),
    ...withoutKeys(stated, ["title", "docNumber"]),
  };
  const inferred = suppliedFields.map((field) => ({ field, basis: overrides.basis ?? "" }));
  if (inferred.length) draft.inferred = inferred;
  draft.provenance = {
    source: input.sourcePath ?? `content/sources/${id ?? "{year}-{slug}"}.txt`,
    sha256,
    obtained: input.obtained ?? obtainedDefault(source.original?.format),
    receivedAs: input.receivedAs,
    ...(source.convertedFrom ? { convertedFrom: source.convertedFrom } : {}),
    ...(source.original
      ? {
          original: {
            format: source.original.format,
            sha256: source.original.sha256,
            extractedWith: source.original.extractedWith,
          },
        }
      : {}),
    completeness: completeness.completeness,
    ...(completeness.note ? { note: completeness.note } : {}),
    removed: removed.map(({ line, text, reason }) => ({ line, text, reason })),
    ...(input.earlierSources?.length ? { earlierSources: input.earlierSources } : {}),
  };

  let frontmatter: Notice | undefined;
  if (!blocking.length) {
    const parsed = NoticeSchema.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ImportError(
        `the draft's frontmatter is invalid: ${issue.path.join(".")}: ${issue.message}`,
        "correct the value with the matching flag (--title, --doc-number …) or report the text as an importer bug",
        issue.path.join("."),
      );
    }
    frontmatter = parsed.data;
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
  const mismatch = compareFidelity(source.text, removed, tree);
  if (mismatch) {
    // The importer must never lose or invent text; this is a bug, so stop rather than write.
    throw new ImportError(
      `fidelity check failed at body line ${mismatch.bodyLine}: source ${mismatch.expected}, draft ${mismatch.received}`,
      "report this text as an importer bug; nothing was written",
    );
  }

  const mdx = `---\n${dumpFrontmatter(draft)}---\n\n${body}`;
  const found = REPORTED_FIELDS.filter((f) => {
    const v = draft[f];
    return v !== undefined && !(Array.isArray(v) && v.length === 0);
  });
  return {
    id,
    sourceBytes,
    frontmatter,
    draft,
    body,
    mdx,
    sameAs: filing.sameAs,
    report: {
      found: [...found],
      missing: REPORTED_FIELDS.filter((f) => !found.includes(f)),
      blocking,
      filedBy: filing.from,
      removed,
      repairs: { ...repairs, joinedLines: countJoined(parts), runOnLines },
      structure: {
        headings: parts.filter((p) => p.type === "heading").length,
        paragraphs: parts.filter((p) => p.type === "paragraph").length,
        lists: parts.filter((p) => p.type === "list").length,
        attachments: parts.filter((p) => p.type === "attachment").length,
      },
      proposedIssuers,
      completeness: completeness.findings,
      traditional: !restorer.identity,
      warnings,
    },
  };
}

function obtainedDefault(format: "docx" | "pdf" | undefined): string {
  if (format === "docx") return "收到的 Word 文件（.docx），由其提取的文本";
  if (format === "pdf") return "收到的 PDF 文件，由其文字层提取的文本";
  return "收到的纯文本（由 PDF、Word 或网页提取）";
}

function withoutKeys<T extends object>(value: T, keys: readonly string[]): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k))) as Partial<T>;
}

/** Every text of the parts, in document order, given back its printed characters. */
function restoreParts(parts: Part[], restorer: Restorer): void {
  if (restorer.identity) return;
  for (const part of parts) {
    switch (part.type) {
      case "block":
        for (const line of part.lines) line.text = restorer.next(line.text, [line.line]);
        break;
      case "heading":
        // A run-in heading can run on over the lines after its own (a page break inside it).
        part.text = restorer.next(
          part.text,
          Array.from({ length: 8 }, (_, k) => part.line + k),
        );
        break;
      case "paragraph":
        part.text = restorer.next(part.text, part.lines);
        break;
      case "list":
        for (const item of part.items) item.text = restorer.next(item.text, [item.line]);
        break;
      case "attachment":
        part.label.text = restorer.next(part.label.text, [part.label.line]);
        if (part.title) part.title.text = restorer.next(part.title.text, [part.title.line]);
        break;
    }
  }
}

function restoreFields(fields: ExtractedFields, restorer: Restorer): void {
  if (restorer.identity) return;
  for (const key of TEXT_FIELDS) {
    const value = fields[key];
    if (typeof value === "string") fields[key] = restorer.value(value);
  }
  if (fields.slogans) fields.slogans = fields.slogans.map((s) => restorer.value(s));
  if (fields.signatures) fields.signatures = fields.signatures.map((s) => restorer.value(s));
  if (fields.attachments)
    fields.attachments = fields.attachments.map((a) => ({ ...a, title: restorer.value(a.title) }));
}

function countJoined(parts: Part[]): number {
  return parts.reduce((n, p) => n + (p.type === "paragraph" ? p.lines.length - 1 : 0), 0);
}

/** YAML with dates and numbers-as-text quoted, one field per line, no line folding. */
function dumpFrontmatter(data: NoticeInput | Record<string, unknown>): string {
  return yaml.dump(data, { lineWidth: -1, noRefs: true, quotingType: '"', sortKeys: false });
}
