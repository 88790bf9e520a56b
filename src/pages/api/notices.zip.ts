/** /api/notices.zip — every notice's text and data in one file (src/outputs/open-data/bulk.ts). */
import type { APIRoute } from "astro";
import { bulkZip } from "../../outputs/open-data/bulk.ts";

export const GET: APIRoute = async () =>
  new Response(await bulkZip(), { headers: { "Content-Type": "application/zip" } });
