/**
 * /robots.txt — everything may be crawled; points at the sitemap by its absolute URL
 * (SITE_URL + BASE_PATH). Under a base path crawlers only read the host's own /robots.txt: add
 * this Sitemap line there (README, Deployment).
 */
import type { APIRoute } from "astro";
import { absoluteUrl } from "../shared/site.ts";

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl("sitemap.xml")}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
