import { z } from "zod";
import { canonicalDocNumber } from "../document/doc-number.ts";
import { LEVELS } from "../shared/levels.ts";
import { inferableFields } from "../shared/notice.ts";
import { IsoDateSchema } from "./dates.ts";
import { RegionCodeSchema } from "./issuer.ts";
import { ProvenanceSchema } from "./provenance.ts";

/** A 发文字号 in its printed form with 〔〕 brackets, e.g. 国市监质发〔2022〕76号. */
const DocNumberSchema = z
  .string()
  .regex(/^\S+〔\d{4}〕\d+号$/, "a document number with 〔〕 brackets, e.g. 国市监质发〔2022〕76号")
  // The same reading as every other use of document numbers (links in the text, /wenhao/ URLs),
  // so that a number the build accepts is one those can handle.
  .refine(
    (value) => canonicalDocNumber(value) === value,
    "a document number as printed: 机关代字 (1–12 Chinese characters), 〔year〕, a serial of 1–4 digits and 号, e.g. 国市监质发〔2022〕76号",
  );

/** A value the document supports but does not state, with the passage it rests on. */
const InferenceSchema = z.object({
  /** Which frontmatter field holds the inferred value. */
  field: z.enum(inferableFields),
  /** The evidence, quoting or citing the passage (and the notice) the inference rests on. */
  basis: z.string().min(4),
});

/** An issuer the text does not name but which the document itself shows to be one. */
const InferredIssuerSchema = z.object({
  /** Issuer registry id. */
  id: z.string(),
  /** The evidence, e.g. which attachment lists the body's activities as a 主办单位. */
  basis: z.string().min(4),
});

/** One attachment (附件) of the notice, as listed in the 附件说明 or headed in the text. */
const AttachmentSchema = z.object({
  /** Attachment number as printed (附件 1 → 1). */
  n: z.number().int().positive(),
  /** Attachment title as printed. */
  title: z.string().min(1),
});

/**
 * Frontmatter of one notice. Fields follow the elements of an official document
 * (GB/T 9704-2012 党政机关公文格式) and gov.cn's public-information metadata. Every value is
 * what the text states; values the text supports but does not state are listed in `inferred`.
 */
export const NoticeSchema = z
  .object({
    /** 标题, as printed. Empty when the text has lost it (then possibly inferred). */
    title: z.string().min(4).optional(),
    /** 发文字号 with 〔〕 brackets, when the text gives it (or it is inferred). */
    docNumber: DocNumberSchema.optional(),
    /** Activity year (the September the notice is about). */
    year: z.number().int().min(1978).max(2100),
    /**
     * URL slug, permanent (README: The URL promise): `quanguo` for national notices, else the
     * region's pinyin down its division path (`hainan`, `hainan-sanya`, `shanghai-fengxian`);
     * a second notice of the same region and year ends in `-2`.
     */
    slug: z.string().regex(/^[a-z][a-z0-9-]*$/, "lowercase ASCII, e.g. quanguo or hainan"),
    /** Administrative level of the notice: that of its region's division (GB/T 2260). */
    level: z.enum(LEVELS),
    /** Region of a non-national notice, as the division is officially named, e.g. 海南省, 三亚市. */
    region: z.string().optional(),
    /**
     * GB/T 2260 code of the region, e.g. 460200 for 三亚市. Required for municipal and county
     * notices (a county name alone can be shared); a province is also known by its name.
     */
    regionCode: RegionCodeSchema.optional(),
    /** 活动主题, as printed. */
    theme: z.string().optional(),
    /** 活动口号, in the printed order. */
    slogans: z.array(z.string().min(2)).optional(),
    /** Issuing bodies the text names (header, signature or title), as issuer registry ids. */
    issuers: z.array(z.string()).default([]),
    /** The N of “等N个部门”, when the text states it. */
    declaredIssuerCount: z.number().int().positive().optional(),
    /** Issuers the text does not name but supports, each with its basis. */
    inferredIssuers: z.array(InferredIssuerSchema).default([]),
    /** Units the text lists as 联合主办单位 of the activity (not issuers of the notice). */
    coHosts: z.array(z.string()).default([]),
    /** 主送机关, as printed. */
    recipients: z.string().optional(),
    /** 抄送机关, as printed. */
    cc: z.string().optional(),
    /** 署名 lines, as printed. */
    signatures: z.array(z.string()).default([]),
    /** 成文日期. */
    signedDate: IsoDateSchema.optional(),
    /** 印发机关. */
    printedBy: z.string().optional(),
    /** 印发日期. */
    printedDate: IsoDateSchema.optional(),
    /** 发布日期 (gov.cn metadata). */
    publishedDate: IsoDateSchema.optional(),
    /** 索引号 (gov.cn metadata). */
    indexNumber: z.string().optional(),
    /** 主题分类 (gov.cn metadata). */
    category: z.string().optional(),
    /** 所属机构 / 发布机构 (gov.cn metadata). */
    publishingUnit: z.string().optional(),
    /** 附注, e.g. （此件公开发布）, as printed. */
    publicity: z.string().optional(),
    /** 附件, in order. */
    attachments: z.array(AttachmentSchema).default([]),
    /** docNumber of the notice this one implements (Hainan 2022 → the 2022 national notice). */
    respondsTo: DocNumberSchema.optional(),
    /** Values the text supports but does not state, each with its basis. */
    inferred: z.array(InferenceSchema).default([]),
    /** Source, how it was obtained, and how whole it is. */
    provenance: ProvenanceSchema,
  })
  .strict()
  .superRefine((notice, ctx) => {
    if (notice.level !== "national" && !notice.region) {
      ctx.addIssue({
        code: "custom",
        path: ["region"],
        message: `a region (e.g. 海南省) for a ${notice.level} notice`,
      });
    }
    if ((notice.level === "municipal" || notice.level === "county") && !notice.regionCode) {
      ctx.addIssue({
        code: "custom",
        path: ["regionCode"],
        message: `the GB/T 2260 code of the region of a ${notice.level} notice, e.g. 460200 for 三亚市`,
      });
    }
    if (notice.level === "national" && !/^quanguo(?:-\d+)?$/.test(notice.slug)) {
      ctx.addIssue({
        code: "custom",
        path: ["slug"],
        message: "`quanguo` for a national notice (`quanguo-2` for a second one in a year)",
      });
    }
    if (notice.level === "national" && (notice.region || notice.regionCode)) {
      ctx.addIssue({ code: "custom", path: ["region"], message: "no region for a national notice" });
    }
    for (const [i, inference] of notice.inferred.entries()) {
      if (notice[inference.field] === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["inferred", i, "field"],
          message: `a field that has a value: \`${inference.field}\` is marked inferred but is empty`,
        });
      }
    }
  });

export type Notice = z.infer<typeof NoticeSchema>;
/** What an editor writes (defaults not yet applied). */
export type NoticeInput = z.input<typeof NoticeSchema>;
