/**
 * CJK radicals read as the ideographs they stand for: a PDF's text layer often gives 月 as ⽉
 * (KANGXI RADICAL MOON) and 长 as ⻓ (CJK RADICAL C-SIMPLIFIED LONG), because the font maps the
 * glyph the two share to the radical. The table is the Unicode Character Database's
 * EquivalentUnifiedIdeograph data (radicals.json, made by scripts/content/make-radicals-table.ts).
 * The importer repairs them, and the fidelity check reads both texts through the same fold.
 * Pure and browser-safe.
 */
import table from "./radicals.json" with { type: "json" };

const RADICALS: Readonly<Record<string, string>> = table;
const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf\u31c0-\u31ef]/gu;

/** `text` with every CJK radical replaced by its unified ideograph. */
export function foldRadicals(text: string): string {
  return text.replace(RADICAL, (char) => RADICALS[char] ?? char);
}
