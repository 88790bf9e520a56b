/**
 * /{year}/{slug}/text.docx — the notice as a Word document in GB/T 9704 layout
 * (src/outputs/docx/notice-docx.ts).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { DOCX_TYPE, noticeDocx } from "../../../outputs/docx/notice-docx.ts";
import { noticeStaticPaths, type NoticeEntry } from "../../../queries/notices.ts";

export const getStaticPaths = noticeStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ notice: NoticeEntry }> = async ({ props }) =>
  new Response(await noticeDocx(props.notice), { headers: { "Content-Type": DOCX_TYPE } });
