/**
 * /api/themes.csv — the national theme and slogans of every year the archive knows, oldest first:
 * years with a held notice (`archived`) and years known only from the catalogue (`catalogue`).
 * UTF-8 with a byte-order mark (Excel), RFC 4180 quoting, CRLF line ends.
 */
import type { APIRoute } from "astro";
import { themesCsv } from "../../outputs/open-data/open-data.ts";

export const GET: APIRoute = async () =>
  new Response(await themesCsv(), {
    headers: { "Content-Type": "text/csv; charset=utf-8; header=present" },
  });
