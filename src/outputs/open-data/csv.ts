/**
 * CSV as RFC 4180 describes it, for spreadsheets: fields with a comma, quote or line break
 * quoted (quotes doubled), CRLF line ends, and a UTF-8 byte-order mark so that Excel reads the
 * Chinese as UTF-8. Used by /api/themes.csv (src/outputs/open-data/open-data.ts).
 */

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string | number | undefined): string {
  const text = value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends) with a UTF-8 byte-order mark, so Excel reads the Chinese. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | undefined)[])[],
): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Columns of /api/themes.csv. */
export const THEMES_CSV_HEADER = [
  "year",
  "status",
  "theme",
  "theme_from",
  "slogans",
  "slogan_count",
  "doc_number",
  "notice_url",
  "catalogue_source_kind",
  "catalogue_source_url",
  "note",
] as const;
