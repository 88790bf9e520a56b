/**
 * Using the time a reader spends typing (docs/search.md, "Using the typing time"). Pagefind
 * starts when a search box gets focus; each query is searched while it is being typed, and the
 * texts of its first results fetched, so that Enter finds the work done. The header box on
 * every page then hands the results to the search page it opens (src/search/handoff.ts); the
 * search page's own box finds them in its engine's caches. Browser-only.
 */
import { BATCH, compareMatches } from "./core.ts";
import { noticeText, searchEngine, type SearchResult } from "./client.ts";
import { loadSearchConfig } from "./config.ts";
import { writeHandoff } from "./handoff.ts";
import { normalize } from "./normalize.ts";
import type { Scope } from "./query.ts";

/** How long Enter in the header box waits for the search under way before it opens the page anyway. */
const HANDOFF_WAIT_MS = 3000;
/**
 * A query whose last word is 1–2 characters is searched only once typing pauses this long: such
 * a word is usually the start of a longer one (质 → 质量强国), and its look-up is the costliest
 * there is (every occurrence in every notice), so searching it on every keystroke would keep
 * the engine busy with words the reader is not looking for.
 */
const SHORT_WORD_PAUSE_MS = 250;

let latest: { id: string; result: Promise<SearchResult> } | undefined;

/**
 * Searches a query ahead of Enter (the latest one is remembered); resolves once the texts of
 * the notices it would show first are loaded too. Look-ups are shared: typing 质量强国 after
 * 质量强 looks up one more word.
 */
function speculate(q: string, scope: Scope): Promise<SearchResult> | undefined {
  const text = q.trim();
  if (!text) return undefined;
  const id = `${scope}\n${text}`;
  if (latest?.id !== id) {
    const result = searchEngine().then(async (e) => {
      const found = await e.search(e.parse(text), scope);
      const first = [...found.matches].sort(compareMatches("relevance")).slice(0, BATCH);
      await Promise.allSettled(first.map((m) => noticeText(m.key.id)));
      return found;
    });
    result.catch(() => undefined);
    latest = { id, result };
  }
  return latest.result;
}

let pause: ReturnType<typeof setTimeout> | undefined;

/** Searches the value a box has just taken, now or once typing pauses (SHORT_WORD_PAUSE_MS). */
export function typedAhead(value: string, scope: Scope): void {
  clearTimeout(pause);
  const last =
    value
      .trim()
      .split(/[\s\u3000|｜]+/u)
      .at(-1) ?? "";
  if (Array.from(normalize(last)).length >= 3) void speculate(value, scope);
  else pause = setTimeout(() => void speculate(value, scope), SHORT_WORD_PAUSE_MS);
}

/**
 * Calls `typed` with each value a box takes, except while an input method is composing (its
 * letters are not the query yet).
 */
export function onTyped(input: HTMLInputElement, typed: (value: string) => void): void {
  let composing = false;
  input.addEventListener("compositionstart", () => (composing = true));
  input.addEventListener("compositionend", () => {
    composing = false;
    typed(input.value);
  });
  input.addEventListener("input", (event) => {
    if (!composing && !event.isComposing) typed(input.value);
  });
}

/**
 * The header search box (src/components/search/SearchBox.astro), once it has had focus: starts
 * the engine, searches as the reader types, and on Enter leaves the results for the search page
 * before opening it. Without this (no JavaScript, or Enter before it loaded) the form opens
 * /search/?q=… as a plain GET form, and the search page searches itself.
 */
export function attachSearchBox(form: HTMLFormElement): void {
  const input = form.elements.namedItem("q");
  if (!(input instanceof HTMLInputElement)) return;
  void searchEngine().catch(() => undefined);
  onTyped(input, (value) => typedAhead(value, "all"));
  typedAhead(input.value, "all");
  let leaving = false;
  form.addEventListener("submit", (event) => {
    const q = input.value.trim();
    if (!q) return;
    event.preventDefault();
    if (leaving) return;
    leaving = true;
    form.setAttribute("aria-busy", "true");
    const found = Promise.all([speculate(q, "all")!, loadSearchConfig()]);
    const late = new Promise<undefined>((resolve) => setTimeout(resolve, HANDOFF_WAIT_MS, undefined));
    void Promise.race([found, late])
      .then((done) => {
        if (done) writeHandoff(done[1].entryTag, q, "all", done[0]);
      })
      .catch(() => undefined)
      .finally(() => form.submit());
  });
}
