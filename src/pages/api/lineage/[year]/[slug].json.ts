/**
 * /api/lineage/{year}/{slug}.json — where each sentence of a notice comes from: its anchor, its
 * origin (carried, rewritten, new) and its matches in other notices
 * (schema: /api/schema/lineage.schema.json).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { jsonResponse } from "../../../../outputs/open-data/open-data.ts";
import { lineageDocument } from "../../../../outputs/open-data/lineage.ts";
import { noticeStaticPaths, type NoticeEntry } from "../../../../queries/notices.ts";

export const getStaticPaths = noticeStaticPaths satisfies GetStaticPaths;

// Compact: a notice's lineage is as large as its structured text, and there is one per notice.
export const GET: APIRoute<{ notice: NoticeEntry }> = async ({ props }) =>
  jsonResponse(await lineageDocument(props.notice), undefined, { compact: true });
