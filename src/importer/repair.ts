/**
 * Repairs extraction damage inside one line without changing a word: stray spaces between
 * Chinese and numbers, half-width punctuation inside Chinese text, full-width and no-break
 * spaces, CJK radicals a PDF's text layer gives for ideographs (⽉ → 月). Letters and digits are never touched (the fidelity check relies on it).
 */

import { foldRadicals } from "../shared/radicals.ts";

const HAN = "\\p{Script=Han}";
/** Full-width punctuation that never wants a space beside it. */
const CJK_PUNCT = "，。、；：？！（）“”‘’《》〔〕【】…—·";

const HALF_TO_FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "?": "？", "!": "！" };

export interface RepairCounts {
  spaces: number;
  punctuation: number;
  /** Lines whose CJK radicals (a PDF's ⽉ for 月) were read as the ideographs they stand for. */
  radicals: number;
}

function count(counts: RepairCounts, key: keyof RepairCounts, before: string, after: string): string {
  if (before !== after) counts[key] += 1;
  return after;
}

/** Repairs one line; `counts` accumulates what was changed, for the import report. */
export function repairLine(raw: string, counts: RepairCounts): string {
  let line = raw;
  line = count(counts, "radicals", line, foldRadicals(line));
  // No-break and full-width spaces are layout, not text; the line's own indentation goes.
  line = count(counts, "spaces", line, line.replace(/[\u00a0\u3000\t]/g, " ").trim());
  line = count(counts, "punctuation", line, fullWidthPunctuation(line));
  // Spaces between a Chinese character and a digit or Latin letter are PDF extraction artefacts
  // ("开展 12315 等", "2019 年"); spaces between two Chinese phrases (slogans) are kept.
  line = count(
    counts,
    "spaces",
    line,
    line
      .replace(new RegExp(`(${HAN}) +(?=[0-9A-Za-z])`, "gu"), "$1")
      .replace(new RegExp(`([0-9A-Za-z]) +(?=${HAN})`, "gu"), "$1")
      .replace(new RegExp(` *([${CJK_PUNCT}]) *`, "gu"), "$1"),
  );
  return line;
}

/** Half-width , ; : ? ! ( ) next to Chinese text become their full-width forms. */
export function fullWidthPunctuation(line: string): string {
  const isHan = (ch: string | undefined) =>
    ch !== undefined && new RegExp(`[${HAN}${CJK_PUNCT}]`, "u").test(ch);
  const chars = [...line];
  // Parentheses: a pair whose content or surroundings are Chinese.
  const stack: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === "(") stack.push(i);
    else if (chars[i] === ")" && stack.length) {
      const open = stack.pop()!;
      const inner = chars.slice(open + 1, i).join("");
      if (
        new RegExp(HAN, "u").test(inner) ||
        isHan(prevNonSpace(chars, open)) ||
        isHan(nextNonSpace(chars, i))
      ) {
        chars[open] = "（";
        chars[i] = "）";
      }
    }
  }
  for (let i = 0; i < chars.length; i++) {
    const full = HALF_TO_FULL[chars[i]!];
    if (!full) continue;
    // "C:11" and URLs stay ASCII: only punctuation touching Chinese changes.
    if (
      isHan(chars[i - 1]) ||
      (chars[i - 1] !== undefined &&
        isHan(nextNonSpace(chars, i)) &&
        !/[0-9A-Za-z/]/.test(chars[i + 1] ?? ""))
    ) {
      chars[i] = full;
    }
  }
  return chars.join("");
}

function prevNonSpace(chars: string[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) if (chars[j] !== " ") return chars[j];
  return undefined;
}

function nextNonSpace(chars: string[], i: number): string | undefined {
  for (let j = i + 1; j < chars.length; j++) if (chars[j] !== " ") return chars[j];
  return undefined;
}
