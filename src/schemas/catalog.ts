import { z } from "zod";
import { catalogSourceKinds } from "../shared/labels.ts";

/**
 * One row of the catalogue of national themes: secondary facts about a year whose notice is not
 * held in full. Never shown as if it were a notice; `mirror` rows are unverified.
 */
export const CatalogEntrySchema = z
  .object({
    /** Activity year. */
    year: z.number().int().min(1978).max(2100),
    /** National theme (活动主题) as the source gives it. */
    theme: z.string().min(2),
    /** 发文字号, when the source gives it. */
    docNumber: z.string().optional(),
    /** Number of issuing departments the source states. */
    declaredIssuerCount: z.number().int().positive().optional(),
    /** Kind of source. */
    sourceKind: z.enum(catalogSourceKinds),
    /**
     * Address of the source, http(s) only (the site links it: a javascript: or data: address
     * would run in the reader's browser); empty for `mirror` rows, which have no single citable
     * source.
     */
    sourceUrl: z
      .url({
        protocol: /^https?$/,
        hostname: z.regexes.domain,
        error: "an http(s) address such as https://www.samr.gov.cn/…",
      })
      .optional(),
    /** Caveats from the catalogue's compilers. */
    note: z.string().optional(),
  })
  .superRefine((row, ctx) => {
    if (row.sourceKind !== "mirror" && !row.sourceUrl) {
      ctx.addIssue({ code: "custom", path: ["sourceUrl"], message: "a source address for a non-mirror row" });
    }
  });

export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
