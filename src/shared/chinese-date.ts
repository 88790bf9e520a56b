/**
 * Dates as Chinese official documents print them: 2019年8月22日, 2021年08月20日, and the older
 * 二〇一九年八月二十二日. Returned as ISO strings ("2019-08-22"), never Date objects.
 */

import { digitsFromHan, numberFromHan } from "./chinese-numerals.ts";

const HAN = "[〇零Ｏ一二三四五六七八九十]";
/** A date anywhere in a line, Arabic or Chinese numerals, spaces tolerated. */
const CHINESE_DATE_PATTERN = new RegExp(
  `(\\d{4}|${HAN}{4})\\s*年\\s*(\\d{1,2}|${HAN}{1,3})\\s*月\\s*(\\d{1,2}|${HAN}{1,3})\\s*日`,
  "u",
);

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Parses the first Chinese date in `text` into "YYYY-MM-DD"; undefined when none or impossible. */
export function parseChineseDate(text: string): string | undefined {
  const m = CHINESE_DATE_PATTERN.exec(text);
  if (!m) return undefined;
  const year = /^\d+$/.test(m[1]!) ? Number(m[1]) : digitsFromHan(m[1]!);
  const month = numberFromHan(m[2]!);
  const day = numberFromHan(m[3]!);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** True when the whole line is just a date (a 成文日期 line). */
export function isDateLine(line: string): boolean {
  return new RegExp(`^\\s*${CHINESE_DATE_PATTERN.source}\\s*$`, "u").test(line);
}

/** Formats "2019-08-22" as 2019年8月22日 for display. */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** ISO and dotted forms: 2024-08-20, 2024.8.20, 2024/08/20 (web pages' 发布时间). */
const NUMERIC_DATE = /(?<!\d)(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})(?!\d)/gu;

/** Every date a text states, in any form (2024年8月20日, 二〇二四年八月二十日, 2024-08-20 …), as ISO strings. */
export function datesIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(new RegExp(CHINESE_DATE_PATTERN.source, "gu"))) {
    const iso = parseChineseDate(m[0]);
    if (iso) found.add(iso);
  }
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const iso = parseChineseDate(`${m[1]}年${m[2]}月${m[3]}日`);
    if (iso) found.add(iso);
  }
  return found;
}
