/**
 * The open data of sentence lineage (src/lineage/): /api/lineage/{year}/{slug}.json, one file a
 * notice, and its JSON Schema /api/schema/lineage.schema.json, generated from this zod schema
 * (src/schemas/api.ts, publishedJsonSchema) so that what the build writes and what readers
 * validate against are one.
 */
import { z } from "zod";
import { DOCUMENT_PARTS } from "../document/parts.ts";
import { AnchorSchema, DisclaimerSchema } from "./api.ts";

/** Parts whose lines are wording and written as a component (主送机关, 附件说明). */
const wordingParts = DOCUMENT_PARTS.flatMap((p) => (p.wording && "component" in p ? [p.anchor] : [])) as [
  string,
  ...string[],
];

const NoticeIdSchema = z
  .string()
  .regex(/^\d{4}-[a-z][a-z0-9-]*$/)
  .describe(
    "Permanent id of a notice, {year}-{slug}; its record, with the page's address (`links.html`), is in /api/notices.json: the sentence is at that address plus `#` and its anchor.",
  );

/** Where a sentence stands: a block's permanent anchor and its place in that block. */
const PlaceSchema = {
  anchor: AnchorSchema,
  n: z
    .number()
    .int()
    .positive()
    .describe(
      "Place of the sentence within the block at `anchor`, from 1 (sentences are cut after 。！？；).",
    ),
};

const MatchSchema = z
  .object({
    notice: NoticeIdSchema,
    ...PlaceSchema,
    similarity: z
      .number()
      .min(0)
      .max(1)
      .describe(
        "1 when the sentence is the same (equal after normalisation: numbering, whitespace and punctuation ignored), else the Dice coefficient of the character bigrams, at least `method.threshold`.",
      ),
  })
  .strict()
  .describe("A sentence of another notice that is the same as this one or near it.");

const ORIGINS = ["carried", "rewritten", "new"] as const;

const SentenceSchema = z
  .object({
    ...PlaceSchema,
    kind: z
      .enum(["title", "heading", "sentence", "item"])
      .describe(
        "The title, a numbered heading (or an attachment's title), a sentence of a paragraph, or a sentence of a list item.",
      ),
    text: z.string().describe("The sentence as printed."),
    part: z
      .enum(wordingParts)
      .optional()
      .describe("The document part it stands in, when not the running text: 主送机关 or 附件说明."),
    attachment: z.number().int().positive().optional().describe("Number of the attachment it stands in."),
    origin: z
      .enum(ORIGINS)
      .describe(
        "carried 沿用: an earlier notice holds the same sentence; rewritten 改写: none holds the same, one holds a near sentence; new 新写: no earlier held notice holds it or a near one.",
      ),
    first: MatchSchema.optional().describe(
      "First appearance: the earliest notice holding the same sentence (carried) or a near one (rewritten).",
    ),
    source: MatchSchema.optional().describe(
      "The closest earlier sentence: the latest earlier same one (carried), or the most similar earlier near one (rewritten).",
    ),
    matches: z
      .array(MatchSchema)
      .describe(
        "Other notices holding the same or a near sentence, one entry per notice (its best match), earliest first, at most `method.matchLimit`, besides the notices of `first` and `source`.",
      ),
    sameCount: z
      .number()
      .int()
      .min(0)
      .describe("How many other notices hold the same sentence (listed or not)."),
    reusedLater: z.boolean().describe("Whether a later notice holds the same sentence."),
  })
  .strict();

/** /api/lineage/{year}/{slug}.json */
export const LineageDocumentSchema = z
  .object({
    $schema: z.url().optional().describe("The JSON Schema this document follows."),
    disclaimer: DisclaimerSchema,
    notice: NoticeIdSchema,
    url: z.url().describe("The notice page."),
    method: z
      .object({
        threshold: z
          .number()
          .describe("Dice coefficient of character bigrams from which two sentences are near."),
        matchLimit: z
          .number()
          .int()
          .positive()
          .describe("At most this many matches are listed per sentence."),
        description: z.string().describe("How sentences are cut, compared and ordered, in words."),
      })
      .strict(),
    summary: z
      .object({
        total: z.number().int().min(0).describe("Sentences of the notice that count (see `method`)."),
        carried: z.number().int().min(0),
        rewritten: z.number().int().min(0),
        new: z.number().int().min(0),
        carriedFrom: z
          .array(z.object({ notice: NoticeIdSchema, count: z.number().int().positive() }).strict())
          .describe("Carried sentences by the notice they first appeared in, earliest first."),
        reusedLater: z.number().int().min(0).describe("Sentences a later notice holds the same."),
      })
      .strict(),
    sentences: z.array(SentenceSchema).describe("Every sentence that counts, in document order."),
  })
  .strict();

export type LineageDocument = z.infer<typeof LineageDocumentSchema>;
