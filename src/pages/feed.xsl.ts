/** /feed.xsl — the XSLT stylesheet that shows both feeds as a page (src/outputs/feeds/stylesheet.ts). */
import type { APIRoute } from "astro";
import { feedStylesheet } from "../outputs/feeds/stylesheet.ts";

export const GET: APIRoute = () =>
  new Response(feedStylesheet(), { headers: { "Content-Type": "text/xsl; charset=utf-8" } });
