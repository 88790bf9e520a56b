/** Themes and slogans across the held notices and the catalogue (src/themes/phrases.ts). */
import { buildPhraseIndex, type PhraseIndex } from "../themes/phrases.ts";
import { getCatalog } from "./catalog.ts";
import { getNoticesWithBlocks } from "./notices.ts";

let phraseIndexCache: Promise<PhraseIndex> | undefined;

/** Every theme and slogan grouped across years, with near-identical pairs. */
export function getPhraseIndex(): Promise<PhraseIndex> {
  phraseIndexCache ??= Promise.all([getNoticesWithBlocks(), getCatalog()]).then(([notices, catalog]) =>
    buildPhraseIndex(notices, catalog),
  );
  return phraseIndexCache;
}
