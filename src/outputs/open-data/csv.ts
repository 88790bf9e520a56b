/**
 * CSV as RFC 4180 describes it, for spreadsheets: fields with a comma, quote or line break
 * quoted (quotes doubled), CRLF line ends, and a UTF-8 byte-order mark so that Excel and WPS
 * read the Chinese as UTF-8. Used by /api/themes.csv and /api/notices.csv
 * (src/outputs/open-data/open-data.ts).
 *
 * Formula injection: Excel, WPS and LibreOffice run a cell that begins with = + - @ (or a tab
 * or carriage return before one) as a formula. The archive's texts are data, never code, so such
 * a text cell gets a leading apostrophe, which the spreadsheets hide and keep as text (OWASP's
 * advice). Numbers are written as numbers.
 */

/** A text that a spreadsheet would take for a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string | number | undefined): string {
  const raw = value === undefined ? "" : String(value);
  const text = typeof value === "string" && FORMULA_START.test(raw) ? `'${raw}` : raw;
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

/**
 * Columns of /api/notices.csv, one row per held notice, in the order of /api/notices.json
 * (newest year first; national before provincial before municipal). What each column holds,
 * in Chinese, for the data dictionary on /data/ and in README.
 */
export const NOTICES_CSV_COLUMNS = [
  ["id", "通知的永久编号：{年份}-{地区拼音}，如 2022-quanguo"],
  ["year", "活动年份"],
  ["level", "层级：national 全国、provincial 省级、municipal 市级"],
  ["region", "地区（地方通知），如 海南省；全国通知为空"],
  ["title", "标题；文本缺失标题时为档案推断的标题（见 title_inferred）或空"],
  ["title_inferred", "标题为档案推断时为 yes，否则为空"],
  ["doc_number", "发文字号，括号为〔〕"],
  ["doc_number_inferred", "发文字号为档案推断时为 yes，否则为空"],
  ["theme", "活动主题"],
  ["slogan_count", "活动口号条数；文本未列口号时为空"],
  ["issuers", "文中点名的发文机关全称，以“；”分隔"],
  ["issuers_declared", "文件所称的发文部门数（“等N个部门”）"],
  ["signed_date", "成文日期，YYYY-MM-DD"],
  ["printed_date", "印发日期，YYYY-MM-DD"],
  ["published_date", "发布日期（网站元数据），YYYY-MM-DD"],
  ["attachments", "附件件数"],
  ["responds_to", "所贯彻的通知的发文字号"],
  ["complete", "文本完整为 yes，否则为 no"],
  ["completeness", "不完整之处，以“、”分隔，如 缺版头、署名不全"],
  ["official_source", "原文出处（发文机关公开发布的地址）；不详时为空"],
  ["url", "通知页面的永久地址"],
  ["text_url", "整理后的纯文本地址（text.txt）"],
  ["docx_url", "Word 文件地址（text.docx）"],
  ["json_url", "结构化数据地址（JSON）"],
] as const;
