/**
 * /trends/index.json: every held notice's searchable text (letters and digits only, see
 * normalize), fetched by the term box on /trends/ when it is first used. The box counts
 * a typed term in these texts with the same code as the build (src/trends/trends.ts).
 */
import type { APIRoute } from "astro";
import { trendTexts } from "../../trends/data.ts";

export const GET: APIRoute = async () => {
  const notices = (await trendTexts()).map(({ id, year, level, label, url, text }) => ({
    id,
    year,
    level,
    label,
    url,
    text,
  }));
  return new Response(JSON.stringify({ notices }), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
};
