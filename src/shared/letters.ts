/**
 * The characters that count: letters and digits of any script, CJK characters included
 * (`\p{L}\p{N}`). Whitespace, punctuation and markup never count. The one rule behind the
 * fidelity check, the diffs and similarities, search and trends normalisation, phrase identity
 * and the importer's sense of a line's length. Pure and browser-safe.
 *
 *   significantChars("一、推动质量变革，建设 2025 年…") → "一推动质量变革建设2025年"
 */

const SIGNIFICANT = /[\p{L}\p{N}]/u;
const NOT_SIGNIFICANT = /[^\p{L}\p{N}]/gu;

/** Whether one character (code point) is a letter or a digit. */
export function isSignificant(char: string): boolean {
  return SIGNIFICANT.test(char);
}

/** The letters and digits of `text`, in order. */
export function significantChars(text: string): string {
  return text.replace(NOT_SIGNIFICANT, "");
}

/** How many letters and digits `text` holds (code points): what "amount of text" means here. */
export function significantLength(text: string): number {
  let n = 0;
  for (const char of significantChars(text)) if (char) n++;
  return n;
}
