import { z } from "zod";
import { completenessValues } from "../shared/labels.ts";
import { IsoDateSchema } from "./dates.ts";

/** One piece of extraction junk the importer removed, listed so the fidelity check can account for it. */
const RemovalSchema = z.object({
  /** 1-based line in the verbatim source where the junk starts. */
  line: z.number().int().positive(),
  /** The exact text removed, as it stands in the source. */
  text: z.string().min(1),
  /** Why it is junk and not part of the document. */
  reason: z.string().min(2),
});

/**
 * Where the issuing body itself published the document (its website, a government portal), so a
 * reader can check the archived text against the official one. Only what the compiler actually
 * opened: an address found in a repost or a search result is not an official source.
 */
const OfficialSourceSchema = z.object({
  /** Address of the official publication, e.g. the notice on the issuing body's website. */
  url: z.url({ protocol: /^https?$/, error: "an http(s) address of the official publication" }),
  /** Date the compiler opened that address and saw the document there ("YYYY-MM-DD"). */
  accessed: IsoDateSchema,
  /** Who publishes at that address, as the site names itself, e.g. 国家市场监督管理总局网站. */
  publisher: z.string().min(2).optional(),
});

/** A source file: content/sources/{id}.txt, and {id}.2.txt, {id}.3.txt … for corrections. */
const SourcePathSchema = z
  .string()
  .regex(
    /^content\/sources\/[a-z0-9-]+(?:\.\d+)?\.txt$/,
    "a path like content/sources/2019-quanguo.txt (or 2019-quanguo.2.txt for a corrected source)",
  );

/** The file a Word or PDF notice was received as: its text is the source, the file is traced. */
const OriginalSchema = z.object({
  /** What the file was. */
  format: z.enum(["docx", "pdf"]),
  /** SHA-256 of the file as received. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "64 lowercase hex digits"),
  /** The library (and its version) that extracted the text, e.g. mammoth 1.13.0. */
  extractedWith: z.string().min(2),
});

/**
 * A source the notice was archived from before a better one replaced it. Sources are
 * append-only: the file stays, and a `corrected` changelog entry of that day records the change.
 */
const EarlierSourceSchema = z.object({
  /** Its path (it is kept). */
  source: SourcePathSchema,
  /** Its SHA-256. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "64 lowercase hex digits"),
  /** The day it was replaced (the date of the `corrected` changelog entry). */
  replaced: IsoDateSchema,
});

/** Where the archived text came from and how whole it is. */
export const ProvenanceSchema = z.object({
  /** Path of the verbatim source next to the notice, relative to the project root. */
  source: SourcePathSchema,
  /** SHA-256 of the source file's bytes, so a changed source is noticed. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "64 lowercase hex digits"),
  /**
   * The official publication the text can be checked against (原文出处), when the compiler has
   * seen it; absent when it is not known (the page then says 原文出处不详).
   */
  officialSource: OfficialSourceSchema.optional(),
  /** How the text was obtained (format and route), e.g. 由 PDF 提取的纯文本. */
  obtained: z.string().min(2),
  /** File name the text was received under, for tracing it back. */
  receivedAs: z.string().optional(),
  /** Encoding the file was received in, when it was converted to UTF-8 (e.g. GB18030). */
  convertedFrom: z.string().optional(),
  /** The Word or PDF file the text was extracted from. */
  original: OriginalSchema.optional(),
  /** How whole the text is; `complete` stands alone. */
  completeness: z
    .array(z.enum(completenessValues))
    .min(1)
    .refine((v) => !v.includes("complete") || v.length === 1, "`complete` cannot be combined with a gap"),
  /** What is missing or damaged, in plain words, shown on the notice page. */
  note: z.string().optional(),
  /** Extraction junk removed by the importer (bookmark markers, adverts, bare numerals). */
  removed: z.array(RemovalSchema).default([]),
  /** Sources this notice was archived from before the present one, oldest first. */
  earlierSources: z.array(EarlierSourceSchema).min(1).optional(),
});
