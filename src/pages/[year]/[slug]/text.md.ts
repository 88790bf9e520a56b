/**
 * /{year}/{slug}/text.md — the archived text as plain Markdown (no MDX components): headings
 * for the document's numbering, paragraphs, lists, the lines of each document part; preceded by
 * where it comes from.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { noticeMarkdown } from "../../../outputs/open-data/open-data.ts";
import { noticeStaticPaths, type NoticeEntry } from "../../../queries/notices.ts";

export const getStaticPaths = noticeStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ notice: NoticeEntry }> = async ({ props }) =>
  new Response(await noticeMarkdown(props.notice), {
    headers: { "Content-Type": "text/markdown; charset=utf-8" },
  });
