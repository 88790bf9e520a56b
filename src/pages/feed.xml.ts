/** /feed.xml — Atom feed of the archive's notices, newest first (src/outputs/feeds/feed.ts). */
import type { APIRoute } from "astro";
import { atomFeed } from "../outputs/feeds/feed.ts";
import { withFeedStylesheet } from "../outputs/feeds/stylesheet.ts";

export const GET: APIRoute = async () =>
  new Response(withFeedStylesheet(await atomFeed()), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8" },
  });
