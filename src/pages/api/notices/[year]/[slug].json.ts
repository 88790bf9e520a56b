/**
 * /api/notices/{year}/{slug}.json — one notice's metadata and its whole text, structured by the
 * document's own numbering, every block with its permanent anchor
 * (schema: /api/schema/notice.schema.json).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { jsonResponse, noticeDocument } from "../../../../outputs/open-data/open-data.ts";
import { noticeStaticPaths, type NoticeEntry } from "../../../../queries/notices.ts";

export const getStaticPaths = noticeStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ notice: NoticeEntry }> = async ({ props }) =>
  jsonResponse(await noticeDocument(props.notice));
