/**
 * /compare/data/{id}.json: one notice's sections as words (CompareDoc, src/compare/compare.ts),
 * fetched by the compare picker, which aligns and diffs two of them in the browser with the same
 * code as the static compare pages.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { compareDoc } from "../../../compare/data.ts";
import { getNotices, type NoticeEntry } from "../../../queries/notices.ts";

export const getStaticPaths = (async () => {
  return (await getNotices()).map((notice) => ({ params: { id: notice.id }, props: { notice } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ notice: NoticeEntry }> = async ({ props }) => {
  return new Response(JSON.stringify(await compareDoc(props.notice)), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
};
