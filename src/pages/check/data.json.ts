/** /check/data.json — the archive as the draft check needs it (src/check/data-file.ts). */
import type { APIRoute } from "astro";
import { checkData } from "../../check/data.ts";

// Compact (not pretty-printed like the open data): the page fetches it whole.
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await checkData()), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
