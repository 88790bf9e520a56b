/**
 * Official numbering of Chinese documents — 一、 （一） 1. （1） — is the document's structure.
 * Anchors, headings and activity items are all derived from it, never from the text's wording.
 */

type NumberingStyle = "han" | "han-paren" | "arabic" | "arabic-paren";

export interface Numbering {
  style: NumberingStyle;
  /** 1 一、 · 2 （一） · 3 1. · 4 （1）. */
  depth: 1 | 2 | 3 | 4;
  /** The number's value: 十三 → 13. */
  value: number;
  /** The marker as printed, e.g. "（三）". */
  marker: string;
  /** The text after the marker. */
  rest: string;
}

const HAN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十三 → 13, 二十 → 20, 二十一 → 21 (up to 九十九); undefined otherwise. */
export function hanNumber(text: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === "") return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? HAN_DIGIT[tens] : undefined;
  return (tens ? HAN_DIGIT[tens]! : 1) * 10 + (ones ? HAN_DIGIT[ones]! : 0);
}

const PATTERNS: [NumberingStyle, Numbering["depth"], RegExp][] = [
  ["han", 1, /^([一二三四五六七八九十]{1,3})、\s*/u],
  ["han-paren", 2, /^（([一二三四五六七八九十]{1,3})）\s*/u],
  // "1." but not "1.5" or a year such as "2019 年".
  ["arabic", 3, /^(\d{1,2})[.．、](?!\d)\s*/u],
  ["arabic-paren", 4, /^（(\d{1,2})）\s*/u],
];

/** The official numbering a line starts with, if any. */
export function numberingOf(text: string): Numbering | undefined {
  for (const [style, depth, re] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const value = style.startsWith("han") ? hanNumber(m[1]!) : Number(m[1]);
    if (value === undefined || value === 0) continue;
    const rest = text.slice(m[0].length);
    if (!rest) continue;
    return { style, depth, value, marker: m[0].trim(), rest };
  }
  return undefined;
}
