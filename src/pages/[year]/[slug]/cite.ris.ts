/**
 * /{year}/{slug}/cite.ris: the notice's citation as RIS (TY - GOVDOC; EndNote, Zotero, NoteExpress), built by
 * src/outputs/citation/citation.ts. A static file: its access date is the build date (see NoticeCitation.astro).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { toRis } from "../../../outputs/citation/citation.ts";
import { BUILD_DATE, noticeCitation } from "../../../outputs/citation/notice-citation.ts";
import { noticeStaticPaths, type NoticeEntry } from "../../../queries/notices.ts";

export const getStaticPaths = noticeStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ notice: NoticeEntry }> = async ({ props }) => {
  const source = await noticeCitation(props.notice);
  return new Response(toRis(source, BUILD_DATE), {
    headers: { "Content-Type": "application/x-research-info-systems; charset=utf-8" },
  });
};
