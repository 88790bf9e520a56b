import { z } from "zod";
import { issuerKinds } from "../shared/labels.ts";
import { LEVELS } from "../shared/levels.ts";

/** A six-digit GB/T 2260 division code, e.g. 460000 海南省, 460200 三亚市. */
export const RegionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, "a six-digit GB/T 2260 division code, e.g. 460000 for 海南省 or 460200 for 三亚市");

/** One body that issues or co-issues notices. Ids are permanent: they appear in URLs. */
export const IssuerSchema = z
  .object({
    /** Permanent lowercase ASCII id, used in URLs (`/issuers/{id}/`). */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, "lowercase ASCII letters, digits and hyphens"),
    /** Canonical full name (全称), e.g. 国家市场监督管理总局. */
    name: z.string().min(2),
    /** Official short name (规范简称) used in signatures and titles, e.g. 市场监管总局. */
    shortName: z.string().min(2).optional(),
    /** Every other spelling seen in archived texts, so that each one resolves to this body. */
    aliases: z.array(z.string().min(2)).default([]),
    /** What kind of body it is. */
    kind: z.enum(issuerKinds),
    /** Administrative level the body belongs to. */
    level: z.enum(LEVELS),
    /** Region of a non-national body, as the division is named, e.g. 海南省, 三亚市. */
    region: z.string().optional(),
    /**
     * GB/T 2260 code of that region. Required below the provincial level (a county name alone
     * can be shared); a province is also found by its name. Names of the body that do not begin
     * with its region (省市场监督管理局) mean it only in notices of this region.
     */
    regionCode: RegionCodeSchema.optional(),
    /** Id of the body this one replaced (国家质检总局 → 市场监管总局), linked, never merged. */
    predecessor: z.string().optional(),
    /** Id of the body that replaced this one. */
    successor: z.string().optional(),
    /** Years the body existed under this name, when known: `[from, to]`. */
    active: z.tuple([z.number().int(), z.number().int().nullable()]).optional(),
    /** Editorial note: where the name comes from, reorganisations. */
    note: z.string().optional(),
  })
  .superRefine((issuer, ctx) => {
    if ((issuer.level === "municipal" || issuer.level === "county") && !issuer.regionCode) {
      ctx.addIssue({
        code: "custom",
        path: ["regionCode"],
        message: `the GB/T 2260 code of the region of a ${issuer.level} body`,
      });
    }
  });

export type Issuer = z.infer<typeof IssuerSchema>;

/** The whole registry file: a list of issuers. */
export const IssuerRegistrySchema = z.array(IssuerSchema);
