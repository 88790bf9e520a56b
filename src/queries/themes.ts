/** Themes and slogans across the held notices and the catalogue (src/themes/phrases.ts). */
import { buildPhraseIndex, type PhraseIndex } from "../themes/phrases.ts";
import { getCatalog } from "./catalog.ts";
import { noticeBlocks } from "../text/notice-text.ts";
import { getNotices } from "./notices.ts";

let phraseIndexCache: Promise<PhraseIndex> | undefined;

/** Every theme and slogan grouped across years, with near-identical pairs. */
export function getPhraseIndex(): Promise<PhraseIndex> {
  phraseIndexCache ??= Promise.all([getNotices(), getCatalog()]).then(async ([notices, catalog]) =>
    buildPhraseIndex(
      await Promise.all(
        notices.map(async (n) => ({ id: n.id, data: n.data, blocks: await noticeBlocks(n) })),
      ),
      catalog,
    ),
  );
  return phraseIndexCache;
}
