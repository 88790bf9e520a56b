/**
 * The header search box hands its results to the search page it opens (docs/search.md, "Using
 * the typing time"). The box searches while the reader types, in the page the reader is on; on
 * Enter it leaves what it found in sessionStorage, and /search/?q=… shows it instead of starting
 * Pagefind and looking the words up again. One entry, read once, and only by the search it was
 * made for, on the index it was made with (search.json's entryTag), within a minute; anything
 * else and the search page searches as ever. Browser-only.
 */
import { formatKey, parseKey, type NoticeMatch } from "./core.ts";
import type { SearchResult } from "./client.ts";
import { isScope, type Scope } from "./query.ts";

const KEY = "zly:search-handoff";
/** The search the entry is for, apart, so that a page can tell without reading the entry. */
const KEY_FOR = "zly:search-handoff-for";
const MAX_AGE_MS = 60_000;

/** The entry as stored. */
interface HandoffFile {
  /** search.json's entryTag: the index the results come from. */
  tag: string;
  q: string;
  scope: Scope;
  /** Date.now() when written. */
  at: number;
  /** Each match: notice key (formatKey), count, title hit (0 or 1), fields joined by spaces. */
  m: [string, number, number, string][];
  /** The title-field-only notices' keys. */
  t: string[];
}

/** Leaves a search's notices for the search page about to open. */
export function writeHandoff(
  tag: string,
  q: string,
  scope: Scope,
  result: Pick<SearchResult, "matches" | "titleOnly">,
): void {
  const file: HandoffFile = {
    tag,
    q,
    scope,
    at: Date.now(),
    m: result.matches.map((m) => [formatKey(m.key), m.count, Number(m.titleHit), m.fields.join(" ")]),
    t: result.titleOnly.map((k) => formatKey(k)),
  };
  try {
    sessionStorage.setItem(KEY, JSON.stringify(file));
    sessionStorage.setItem(KEY_FOR, `${scope}\n${q}`);
  } catch {
    // Storage full or forbidden: the search page searches itself.
  }
}

/** Whether results were left for this search (the search page then need not start Pagefind). */
export function handoffWaiting(q: string, scope: Scope): boolean {
  try {
    return sessionStorage.getItem(KEY_FOR) === `${scope}\n${q}`;
  } catch {
    return false;
  }
}

/** The notices left for this search on this index, if any (and the entry is gone either way). */
export function takeHandoff(
  tag: string,
  q: string,
  scope: Scope,
): Pick<SearchResult, "matches" | "titleOnly"> | undefined {
  let file: HandoffFile;
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(KEY_FOR);
    file = JSON.parse(raw) as HandoffFile;
  } catch {
    return undefined;
  }
  const fresh = Date.now() - file.at;
  if (file.tag !== tag || file.q !== q || file.scope !== scope || !(fresh >= 0 && fresh < MAX_AGE_MS))
    return undefined;
  try {
    const matches = file.m.map(([key, count, titleHit, fields]): NoticeMatch => ({
      key: parseKey(key),
      count,
      titleHit: titleHit === 1,
      fields: fields.split(" ").filter(isScope),
    }));
    return { matches, titleOnly: file.t.map(parseKey) };
  } catch {
    return undefined;
  }
}
