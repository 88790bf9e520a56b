/** /api/schema/lineage.schema.json — JSON Schema of /api/lineage/{year}/{slug}.json, generated from zod. */
import type { APIRoute } from "astro";
import { jsonResponse } from "../../../outputs/open-data/open-data.ts";
import { LINEAGE_SCHEMA_PATH } from "../../../outputs/open-data/lineage.ts";
import { publishedJsonSchema } from "../../../schemas/api.ts";
import { LineageDocumentSchema } from "../../../schemas/lineage.ts";
import { absoluteUrl } from "../../../shared/site.ts";

export const GET: APIRoute = () =>
  jsonResponse(
    publishedJsonSchema(LineageDocumentSchema, {
      id: absoluteUrl(LINEAGE_SCHEMA_PATH),
      title: "质量月档案 /api/lineage/{year}/{slug}.json",
      description:
        "Where each sentence of one notice held by the archive (质量月档案) comes from: its permanent anchor on the notice page, whether an earlier held notice already has it (carried) or a near sentence (rewritten) or neither (new), its first appearance, and the other notices holding the same or a near sentence.",
    }),
    "application/schema+json; charset=utf-8",
  );
