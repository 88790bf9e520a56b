/**
 * /api/notices.csv — one row per held notice (columns: src/outputs/open-data/csv.ts
 * NOTICES_CSV_COLUMNS). UTF-8 with a byte-order mark (Excel, WPS), RFC 4180 quoting, CRLF line
 * ends, cells that a spreadsheet would run as a formula written as text.
 */
import type { APIRoute } from "astro";
import { noticesCsv } from "../../outputs/open-data/open-data.ts";

export const GET: APIRoute = async () =>
  new Response(await noticesCsv(), {
    headers: { "Content-Type": "text/csv; charset=utf-8; header=present" },
  });
