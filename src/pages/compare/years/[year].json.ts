/**
 * /compare/years/{year}.json: the notices held for one year, as the notice pages' picker lists
 * them ({ year, notices: [{ id, label }] }). Per year, so that a notice page carries only its own
 * year's options and fetches another year's when the reader picks it: the page stays the same
 * size however many notices the archive holds.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { pickerOption } from "../../../compare/data.ts";
import { getNoticesByYear, type NoticeEntry } from "../../../queries/notices.ts";

export const getStaticPaths = (async () => {
  return [...(await getNoticesByYear())].map(([year, notices]) => ({
    params: { year: String(year) },
    props: { year, notices },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ year: number; notices: NoticeEntry[] }> = ({ props }) =>
  new Response(JSON.stringify({ year: props.year, notices: props.notices.map(pickerOption) }), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
