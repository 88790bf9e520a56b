/**
 * The activity year a notice states: in its title (2024年“质量月”, 2023年全省“质量月”,
 * 2024年度全国质量月), else in its text (定于2024年9月……“质量月”, else the first
 * 2024年……“质量月”). Pure and browser-safe: the importer files a notice by it and /check/
 * (src/check/) reads a draft's year by it.
 */
import { digitsFromHan } from "../shared/chinese-numerals.ts";

const HAN_DIGITS = "〇零一二三四五六七八九";

const YEAR = `(\\d{4}|[${HAN_DIGITS}]{4})`;
/** 2024年“质量月”, 2023年全省“质量月”, 2024年福州市“质量月”, 2024年度全国质量月 ([2] the scope). */
export const TITLE_YEAR = new RegExp(`${YEAR}\\s*年度?\\s*([^“”"《》]{0,24}?)\\s*[“"]?质量月`, "u");
/** 定于2024年9月在全省开展“质量月”活动, else the first 2024年……“质量月” of the text. */
const TEXT_YEARS = [
  new RegExp(`定于\\s*${YEAR}\\s*年[^。]*?[“"]质量月[”"]`, "u"),
  new RegExp(`${YEAR}\\s*年[^。]{0,30}?[“"]质量月[”"]`, "u"),
];

export interface StatedYear {
  year: number;
  from: "title" | "text";
  /** The words stating it (2024年全省“质量月”). */
  words: string;
}

export function statedYear(title: string, text: string): StatedYear | undefined {
  const inTitle = TITLE_YEAR.exec(title);
  const stated = inTitle ?? TEXT_YEARS.map((re) => re.exec(text)).find((m) => m !== null);
  const year = stated ? digitsFromHan(stated[1]!) : undefined;
  return stated && year !== undefined
    ? { year, from: inTitle ? "title" : "text", words: stated[0] }
    : undefined;
}
