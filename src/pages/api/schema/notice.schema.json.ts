/** /api/schema/notice.schema.json — JSON Schema of /api/notices/{year}/{slug}.json, generated from zod. */
import type { APIRoute } from "astro";
import { SCHEMA_PATHS, jsonResponse } from "../../../outputs/open-data/open-data.ts";
import { absoluteUrl } from "../../../shared/site.ts";
import { NoticeDocumentSchema, publishedJsonSchema } from "../../../schemas/api.ts";

export const GET: APIRoute = () =>
  jsonResponse(
    publishedJsonSchema(NoticeDocumentSchema, {
      id: absoluteUrl(SCHEMA_PATHS.notice),
      title: "质量月档案 /api/notices/{year}/{slug}.json",
      description:
        "One notice held by the archive (质量月档案): its metadata and its whole text, structured by the document's own numbering, every block with its permanent anchor on the notice page.",
    }),
    "application/schema+json; charset=utf-8",
  );
