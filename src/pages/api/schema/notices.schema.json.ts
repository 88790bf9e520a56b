/** /api/schema/notices.schema.json — JSON Schema of /api/notices.json, generated from zod. */
import type { APIRoute } from "astro";
import { SCHEMA_PATHS, jsonResponse } from "../../../outputs/open-data/open-data.ts";
import { absoluteUrl } from "../../../shared/site.ts";
import { NoticesDocumentSchema, publishedJsonSchema } from "../../../schemas/api.ts";

export const GET: APIRoute = () =>
  jsonResponse(
    publishedJsonSchema(NoticesDocumentSchema, {
      id: absoluteUrl(SCHEMA_PATHS.notices),
      title: "质量月档案 /api/notices.json",
      description:
        "Metadata of every notice held by the archive (质量月档案): the frontmatter of each notice, its id, URLs and issuer names.",
    }),
    "application/schema+json; charset=utf-8",
  );
