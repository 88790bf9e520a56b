/** /api/notices.json — every held notice's metadata (schema: /api/schema/notices.schema.json). */
import type { APIRoute } from "astro";
import { jsonResponse, noticesDocument } from "../../outputs/open-data/open-data.ts";

export const GET: APIRoute = async () => jsonResponse(await noticesDocument());
