/**
 * The verbatim source a notice was imported from, byte for byte: content/sources/{year}-{slug}.txt
 * read from disk at build time (never re-encoded, never normalised).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { noticeStaticPaths } from "../../../queries/notices.ts";

export const getStaticPaths = noticeStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const file = join(process.cwd(), "content", "sources", `${params.year}-${params.slug}.txt`);
  const bytes = new Uint8Array(readFileSync(file));
  return new Response(bytes, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
};
