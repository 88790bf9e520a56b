/**
 * /{year}/{slug}/cite.ris: the notice's citation as RIS (TY - GOVDOC; EndNote, Zotero, NoteExpress), built by
 * src/lib/citation.ts. A static file: its access date is the build date (see NoticeCitation.astro).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { toRis } from "../../../lib/citation.ts";
import { BUILD_DATE, noticeCitation } from "../../../lib/notice-citation.ts";
import { getNotices, type NoticeEntry } from "../../../lib/queries.ts";

export const getStaticPaths = (async () => {
  return (await getNotices()).map((notice) => ({
    params: { year: String(notice.data.year), slug: notice.data.slug },
    props: { notice },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const source = await noticeCitation((props as { notice: NoticeEntry }).notice);
  return new Response(toRis(source, BUILD_DATE), {
    headers: { "Content-Type": "application/x-research-info-systems; charset=utf-8" },
  });
};
