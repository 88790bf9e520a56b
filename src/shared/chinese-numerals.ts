/**
 * Numbers as Chinese documents print them: a year digit by digit (二〇一九, 二零一九), and small
 * numbers with 十 and 百 (八, 十二, 二十一, 一百零二). One reading for dates, the activity year and
 * the N of 等N个部门. Pure and browser-safe.
 */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  Ｏ: 0,
  O: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二〇一九 → 2019 (digit by digit); Arabic digits as they are. */
export function digitsFromHan(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  let n = 0;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d === undefined) return undefined;
    n = n * 10 + d;
  }
  return n;
}

/** 八 → 8, 十 → 10, 二十一 → 21, 一百零二 → 102; Arabic digits as they are. */
export function numberFromHan(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch === "十" || ch === "百") {
      total += (digit || 1) * (ch === "十" ? 10 : 100);
      digit = 0;
    } else return undefined;
  }
  return text ? total + digit : undefined;
}

/** How a year may be printed: 2024, 二〇二四, 二零二四. */
export function yearForms(year: number): string[] {
  const han = [...String(year)].map((d) => "〇一二三四五六七八九"[Number(d)]).join("");
  return [`${year}`, han, han.replaceAll("〇", "零")];
}
