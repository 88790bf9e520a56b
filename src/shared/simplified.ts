/**
 * Traditional characters read as simplified ones, character for character (OpenCC's character
 * tables; 「」『』 read as “”‘’): the same text, same length, same positions. The importer reads a
 * traditional-script notice through this view (and archives it as printed: src/importer/
 * simplified.ts gives every value its printed characters back); the archive check compares a
 * source and the values it states through it. Pure and browser-safe.
 */
import * as OpenCC from "opencc-js/t2cn";

let converters: ((text: string) => string)[] | undefined;
const cache = new Map<string, string>();

const QUOTES: Record<string, string> = { "「": "“", "」": "”", "『": "‘", "』": "’" };

/** The simplified reading of one character, or the character itself (always one UTF-16 unit). */
function simplifiedChar(char: string): string {
  // Every distinct character is read once (a notice has a few thousand).
  const hit = cache.get(char);
  if (hit !== undefined) return hit;
  let read = QUOTES[char] ?? char;
  if (read === char && /\p{Script=Han}/u.test(char)) {
    converters ??= (["tw", "hk"] as const).map((from) => OpenCC.Converter({ from, to: "cn" }));
    for (const convert of converters) {
      const out = convert(char);
      if (out !== char && out.length === char.length) {
        read = out;
        break;
      }
    }
  }
  cache.set(char, read);
  return read;
}

/** Every character read in its simplified form (same length, same positions). */
export function toSimplified(text: string): string {
  let out = "";
  for (const char of text) out += simplifiedChar(char);
  return out;
}

/**
 * The text with every character read in its simplified form (same length, same positions), when
 * the text is written in traditional characters; a simplified text is returned as it is (a few
 * characters such as 著 are both, and are left alone there).
 */
export function simplifiedView(text: string): string {
  let han = 0;
  let changed = 0;
  let out = "";
  for (const char of text) {
    const simplified = simplifiedChar(char);
    if (/\p{Script=Han}/u.test(char)) {
      han++;
      if (simplified !== char) changed++;
    }
    out += simplified;
  }
  return changed >= 10 && changed / han >= 0.03 ? out : text;
}
