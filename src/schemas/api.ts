/**
 * The open data the site publishes under /api/ (src/pages/api/): zod schemas for every document,
 * and the JSON Schemas published at /api/schema/ generated from them with zod's
 * `z.toJSONSchema`, so the schema the data is built against and the schema researchers validate
 * against are one and the same.
 *
 *   /api/notices.json                  NoticesDocument: every notice's metadata
 *   /api/notices/{year}/{slug}.json    NoticeDocument: one notice's metadata and structured text
 *
 * A notice's metadata (NoticeRecord) is its frontmatter (src/schemas/notice.ts, field for field,
 * with defaults applied) plus its id, its URLs and the names of the issuers it refers to.
 */
import { z } from "zod";
import { DOCUMENT_PARTS } from "../document/parts.ts";
import { NoticeSchema } from "./notice.ts";

/** What each frontmatter field holds, for the published schema (mirrors src/schemas/notice.ts). */
const FIELD_DESCRIPTIONS: Record<keyof typeof NoticeSchema.shape, string> = {
  title: "标题 as printed. Absent when the text has lost it (then possibly inferred, see `inferred`).",
  docNumber: "发文字号 with 〔〕 brackets, e.g. 国市监质发〔2022〕76号.",
  year: "Activity year (the September the notice is about).",
  slug: "URL slug: `quanguo` for the national notice, the region's pinyin down its division path otherwise (`hainan`, `hainan-sanya`); a second notice of one region in one year ends in `-2`. Permanent.",
  level: "Administrative level of the notice: national, provincial, municipal (地级) or county (县级).",
  region: "Region of a non-national notice, as the division is officially named, e.g. 海南省, 三亚市.",
  regionCode:
    "GB/T 2260 code of the region, e.g. 460200 for 三亚市 (given for municipal and county notices).",
  theme: "活动主题 as printed.",
  slogans: "活动口号 in the printed order.",
  issuers: "Issuing bodies the text names, as issuer registry ids (names in `issuerNames`).",
  declaredIssuerCount: "The N of “等N个部门”, when the text states it.",
  inferredIssuers: "Issuers the text does not name but supports, each with the basis of the inference.",
  coHosts: "Units the text lists as 联合主办单位 of the activity (not issuers of the notice).",
  recipients: "主送机关 as printed.",
  cc: "抄送机关 as printed.",
  signatures: "署名 lines as printed.",
  signedDate: "成文日期 (YYYY-MM-DD).",
  printedBy: "印发机关.",
  printedDate: "印发日期 (YYYY-MM-DD).",
  publishedDate: "发布日期 from gov.cn metadata (YYYY-MM-DD).",
  indexNumber: "索引号 from gov.cn metadata.",
  category: "主题分类 from gov.cn metadata.",
  publishingUnit: "所属机构 / 发布机构 from gov.cn metadata.",
  publicity: "附注 as printed, e.g. （此件公开发布）.",
  attachments: "附件 in order: number and title.",
  respondsTo: "docNumber of the notice this one implements.",
  inferred: "Fields whose value the text supports but does not state, each with its basis.",
  provenance:
    "The verbatim source file and its SHA-256, the official publication the text can be checked against (`officialSource`: URL and access date, when known), how it was obtained, how complete it is, and every piece of extraction junk removed.",
};

/** A permanent anchor on the notice page (src/document/anchors.ts): `#s2-3`, `#a1`, `#signature` … */
export const AnchorSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/)
  .describe(
    "Permanent anchor of this block on the notice page: append `#` and the anchor to the notice's `url`.",
  );

const absolute = (what: string) => z.url().describe(what);

const NoticeLinksSchema = z
  .object({
    html: absolute("The notice page."),
    json: absolute("This notice as JSON: metadata and structured text (/api/notices/{year}/{slug}.json)."),
    text: absolute("The archived text as plain text (/{year}/{slug}/text.txt)."),
    markdown: absolute("The archived text as Markdown (/{year}/{slug}/text.md)."),
    docx: absolute(
      "The archived text as a Word document laid out after GB/T 9704, with its completeness note (/{year}/{slug}/text.docx).",
    ),
    source: absolute("The verbatim source file the text was imported from (/{year}/{slug}/source.txt)."),
  })
  .describe("Every rendering of the notice the archive publishes, as absolute URLs.");

const IssuerNameSchema = z.object({
  name: z.string().describe("Canonical full name (全称)."),
  shortName: z.string().optional().describe("Official short name (规范简称)."),
});

// The frontmatter fields keep their own schema objects (one source of truth); their
// descriptions are attached through zod's global registry, which z.toJSONSchema reads.
for (const [key, schema] of Object.entries(NoticeSchema.shape)) {
  z.globalRegistry.add(schema, { description: FIELD_DESCRIPTIONS[key as keyof typeof FIELD_DESCRIPTIONS] });
}

/** One notice's metadata: the frontmatter plus id, URLs and issuer names. */
const NoticeRecordSchema = z
  .object({
    id: z
      .string()
      .regex(/^\d{4}-[a-z][a-z0-9-]*$/)
      .describe("Permanent id of the notice: {year}-{slug}."),
    url: absolute("Permanent address of the notice page."),
    ...NoticeSchema.shape,
    issuerNames: z
      .record(z.string(), IssuerNameSchema)
      .describe(
        "Names of every issuer registry id used in `issuers`, `inferredIssuers` and `coHosts`, by id.",
      ),
    links: NoticeLinksSchema,
  })
  .strict();

export type NoticeRecord = z.infer<typeof NoticeRecordSchema>;

/* ───────────────────────────── structured text ───────────────────────────── */

/** A single line of text with its anchor (a paragraph, a list item, an attachment's label). */
export interface TextLine {
  anchor: string;
  text: string;
}

interface TitleBlock {
  type: "title";
  anchor: string;
  text: string;
}

export interface ParagraphBlock {
  type: "paragraph";
  anchor: string;
  text: string;
}

export interface ListItem {
  anchor: string;
  /** The printed number (ordered lists), e.g. "3.". */
  number?: string;
  text: string;
}

export interface ListBlock {
  type: "list";
  ordered: boolean;
  items: ListItem[];
}

export interface SectionBlock {
  type: "section";
  anchor: string;
  /** Level in the document's numbering: 1 一、, 2 （一）, 3 1., 4 （1）. */
  depth: number;
  heading: string;
  content: Block[];
}

interface PartBlock {
  type: "part";
  /** Which document part (src/document/parts.ts, its anchor): masthead, signature, imprint … */
  part: string;
  anchor: string;
  content: Block[];
}

export interface AttachmentBlock {
  type: "attachment";
  n: number;
  anchor: string;
  label?: TextLine;
  title?: TextLine;
  content: Block[];
}

export type Block = TitleBlock | ParagraphBlock | ListBlock | SectionBlock | PartBlock | AttachmentBlock;

const TextLineSchema = z.object({ anchor: AnchorSchema, text: z.string() });

const partNames = DOCUMENT_PARTS.filter((p) => "component" in p).map((p) => p.anchor) as [
  string,
  ...string[],
];

const BlockSchema: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z
      .object({ type: z.literal("title"), anchor: AnchorSchema, text: z.string() })
      .describe("The document's own title (标题) as printed in the text."),
    z
      .object({ type: z.literal("paragraph"), anchor: AnchorSchema, text: z.string() })
      .describe("A paragraph (including run-in numbered paragraphs such as （一）高度重视，精心组织。)."),
    z
      .object({
        type: z.literal("list"),
        ordered: z.boolean(),
        items: z.array(
          z.object({
            anchor: AnchorSchema,
            number: z.string().optional().describe("The printed number of an ordered item, e.g. 3."),
            text: z.string(),
          }),
        ),
      })
      .describe("A list; each item has its own anchor."),
    z
      .object({
        type: z.literal("section"),
        anchor: AnchorSchema,
        depth: z
          .number()
          .int()
          .min(1)
          .describe("Level in the document's numbering: 1 一、, 2 （一）, 3 1., 4 （1）."),
        heading: z.string().describe("The heading as printed, numbering included."),
        content: z.array(BlockSchema),
      })
      .describe("A numbered heading and everything under it."),
    z
      .object({
        type: z.literal("part"),
        part: z.enum(partNames).describe("Which part of the official document this is."),
        anchor: AnchorSchema,
        content: z.array(BlockSchema),
      })
      .describe("A part of the official document that is not running text (版头, 主送, 署名, 版记 …)."),
    z
      .object({
        type: z.literal("attachment"),
        n: z.number().int().positive().describe("Attachment number as printed."),
        anchor: AnchorSchema,
        label: TextLineSchema.optional().describe("The label line, e.g. 附件1."),
        title: TextLineSchema.optional().describe("The attachment's title."),
        content: z.array(BlockSchema),
      })
      .describe("An attachment (附件) and its text."),
  ]),
) as z.ZodType<Block>;

/* ───────────────────────────── documents ───────────────────────────── */

export const DisclaimerSchema = z.string().describe("The legal standing of the texts: a reproduction.");

/** /api/notices.json */
export const NoticesDocumentSchema = z
  .object({
    $schema: z.url().optional().describe("The JSON Schema this document follows."),
    title: z.string(),
    disclaimer: DisclaimerSchema,
    count: z.number().int().min(0).describe("Number of notices."),
    notices: z
      .array(NoticeRecordSchema)
      .describe("Every held notice: newest year first, national first within a year."),
  })
  .strict();

export type NoticesDocument = z.infer<typeof NoticesDocumentSchema>;

/** /api/notices/{year}/{slug}.json */
export const NoticeDocumentSchema = z
  .object({
    $schema: z.url().optional().describe("The JSON Schema this document follows."),
    disclaimer: DisclaimerSchema,
    notice: NoticeRecordSchema,
    body: z
      .array(BlockSchema)
      .describe(
        "The whole text as archived, in document order, structured by the document's own numbering; every block carries its permanent anchor.",
      ),
  })
  .strict();

export type NoticeDocument = z.infer<typeof NoticeDocumentSchema>;

/* ───────────────────────────── JSON Schema ───────────────────────────── */

/** Zod's JSON Schema for a published document, with its `$id`, title and description. */
export function publishedJsonSchema(
  schema: z.ZodType,
  meta: { id: string; title: string; description: string },
): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "output",
    // Dates are z.custom (src/schemas/dates.ts), which JSON Schema cannot express: a date string.
    unrepresentable: "any",
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === "custom") {
        ctx.jsonSchema.type = "string";
        ctx.jsonSchema.format = "date";
        ctx.jsonSchema.pattern = "^\\d{4}-\\d{2}-\\d{2}$";
      }
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return { $schema, $id: meta.id, title: meta.title, description: meta.description, ...rest };
}
