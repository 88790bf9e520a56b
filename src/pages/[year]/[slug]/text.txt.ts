/**
 * /{year}/{slug}/text.txt — the archived text as structured (one paragraph per line, the
 * document's own numbering), followed by where it comes from. Not the verbatim source: that is
 * source.txt next to it.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { noticeText } from "../../../outputs/open-data/open-data.ts";
import { noticeStaticPaths, type NoticeEntry } from "../../../queries/notices.ts";

export const getStaticPaths = noticeStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ notice: NoticeEntry }> = async ({ props }) =>
  new Response(await noticeText(props.notice), {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
