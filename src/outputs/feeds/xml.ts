/** Writing XML by hand, safely: the feeds' escaping and dates. */

/** Escapes text for XML character data and attribute values; drops characters XML forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A date (YYYY-MM-DD) as an RFC 3339 instant: midnight, Beijing time (China Standard Time). */
export function atomDate(date: string): string {
  return `${date}T00:00:00+08:00`;
}
