/**
 * The search page (/search/): reads the search from the URL, runs it (src/search/client.ts),
 * and renders the notices found, grouped with their matching sections. Filters and order change
 * the URL (history.pushState) and are applied without searching again; the back button
 * restores the previous search (popstate). See docs/search.md.
 */
import {
  applyFilters,
  compareMatches,
  facetCounts,
  formatState,
  parseState,
  type FacetCounts,
  type NoticeKey,
  type NoticeMatch,
  type SearchState,
} from "./core.ts";
import { searchEngine, type SearchEngine } from "./client.ts";
import type { NoticeText } from "./config.ts";
import { noticeMatches, type Excerpt } from "./excerpt.ts";
import { matchRanges, normalizeWithMap, queryWords } from "./normalize.ts";
import { LEVEL_LABELS } from "../shared/levels.ts";
import { withBase } from "../shared/urls.ts";

/** Notices rendered per batch (the first one, and each “more”). */
const BATCH = 10;
/** Matching sections shown before the rest are folded into a <details>. */
const SECTIONS_SHOWN = 5;

interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  results: HTMLElement;
  message: HTMLElement;
  countWrap: HTMLElement;
  count: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  suggest: HTMLElement;
}

/** The current search: its words, all matches, and what is shown. */
interface Current {
  q: string;
  words: string[];
  matches: NoticeMatch[];
  /** Notices whose title, theme or document number (not their text) contains the query. */
  titleOnly: NoticeKey[];
  shown: NoticeMatch[];
  rendered: number;
}

let els: Elements;
let current: Current | undefined;
/** Increments with every run, so that a slow earlier run never overwrites a later one. */
let generation = 0;
/** Whether the page's first script marked the start of the first search (index.astro). */
let startMarked = false;

function $<T extends Element>(selector: string): T {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`search page: ${selector} is missing`);
  return el;
}

export function init(): void {
  startMarked = performance.getEntriesByName("search:start").length > 0;
  els = {
    form: $("[data-search-form]"),
    input: $("[data-search-input]"),
    results: $("[data-search-results]"),
    message: $("[data-search-message]"),
    countWrap: $("[data-search-count-wrap]"),
    count: $("[data-search-count]"),
    list: $("[data-search-list]"),
    more: $("[data-search-more]"),
    suggest: $("[data-search-suggest]"),
  };
  els.form.addEventListener("submit", (event) => {
    event.preventDefault();
    navigate(readForm());
  });
  els.form.addEventListener("change", (event) => {
    const target = event.target as HTMLElement;
    if (!target.closest("[data-facet]")) return;
    navigate({ ...readForm(), q: current?.q ?? readForm().q });
  });
  els.more.addEventListener("click", () => void renderMore(generation, true));
  window.addEventListener("popstate", () => {
    const state = parseState(new URLSearchParams(location.search));
    writeForm(state);
    void run(state);
  });
  const state = parseState(new URLSearchParams(location.search));
  writeForm(state);
  if (state.q) void run(state);
  else {
    els.input.focus();
    // Start Pagefind while the reader types (an IME takes a while): the query then pays only
    // its look-ups. Not on load, so that a page opened and left fetches nothing more.
    const warmUp = () => void searchEngine().catch(() => undefined);
    els.input.addEventListener("input", warmUp, { once: true });
    els.input.addEventListener("compositionstart", warmUp, { once: true });
  }
}

function readForm(): SearchState {
  const data = new FormData(els.form);
  const params = new URLSearchParams();
  for (const [k, v] of data) if (typeof v === "string" && v) params.append(k, v);
  return parseState(params);
}

function writeForm(state: SearchState): void {
  els.input.value = state.q;
  const set = (name: string, value: string) => {
    const el = els.form.elements.namedItem(name);
    if (el instanceof HTMLSelectElement) el.value = value;
  };
  set("from", state.from ? String(state.from) : "");
  set("to", state.to ? String(state.to) : "");
  set("region", state.region ?? "");
  set("issuer", state.issuer ?? "");
  set("level", state.levels[0] ?? "");
  for (const radio of els.form.querySelectorAll<HTMLInputElement>("input[name=sort]"))
    radio.checked = radio.value === state.sort;
}

function navigate(state: SearchState): void {
  const query = formatState(state).toString();
  const url = `${location.pathname}${query ? `?${query}` : ""}`;
  if (url !== `${location.pathname}${location.search}`) history.pushState(null, "", url);
  void run(state);
}

function setBusy(busy: boolean): void {
  els.results.setAttribute("aria-busy", String(busy));
}

function showMessage(text: string, count?: number): void {
  els.message.textContent = text;
  els.countWrap.hidden = count === undefined;
  els.count.textContent = String(count ?? 0);
}

async function run(state: SearchState): Promise<void> {
  const gen = ++generation;
  setBusy(true);
  els.suggest.hidden = true;
  els.suggest.replaceChildren();
  document.title = state.q ? `“${state.q}”的检索结果 · 质量月档案` : "全文检索 · 质量月档案";
  if (!state.q) {
    current = undefined;
    (els.results as HTMLElement & { zlyResultIds?: string[] }).zlyResultIds = [];
    els.list.replaceChildren();
    els.more.hidden = true;
    showMessage("输入检索词后按“检索”。");
    setBusy(false);
    return;
  }
  try {
    if (current?.q !== state.q) {
      els.list.replaceChildren();
      els.more.hidden = true;
      showMessage(`正在检索“${state.q}”…`);
      // Marks for the benchmark (scripts/bench/search.ts): start, engine ready, matched, texts
      // of the first batch loaded (renderMore), shown. The page's first script may have marked
      // the start of the first search already.
      if (startMarked) startMarked = false;
      else performance.mark("search:start");
      const e = await searchEngine();
      performance.mark("search:engine");
      const words = e.words(state.q);
      const { matches, titleOnly } = words.length ? await e.search(words) : { matches: [], titleOnly: [] };
      performance.mark("search:matched");
      if (gen !== generation) return;
      current = { q: state.q, words, matches, titleOnly, shown: [], rendered: 0 };
    }
    const c = current;
    updateFacets(facetCounts(c.matches, state));
    c.shown = applyFilters(c.matches, state).sort(compareMatches(state.sort));
    // Every result's id, in order, for the benchmark (not rendered: only the batches are).
    (els.results as HTMLElement & { zlyResultIds?: string[] }).zlyResultIds = c.shown.map((m) => m.key.id);
    c.rendered = 0;
    els.list.replaceChildren();
    await showTitleOnly(c, gen);
    if (!c.words.length) {
      showMessage(`“${state.q}”只含空格或标点，请输入文字或数字。`, 0);
    } else if (!c.shown.length) {
      showMessage(
        c.matches.length
          ? `在所选范围内没有找到包含“${state.q}”的通知（不加筛选共 ${c.matches.length} 份）。`
          : `没有找到包含“${state.q}”的通知。`,
        0,
      );
      if (!c.matches.length) await suggest(c.words, gen);
    } else {
      showMessage(describe(state, c), c.shown.length);
      await renderMore(gen, false);
    }
    if (gen === generation) {
      els.more.hidden = !current || current.rendered >= current.shown.length;
      performance.mark("search:shown");
      setBusy(false);
    }
  } catch (error) {
    if (gen !== generation) return;
    console.warn(error);
    showMessage("检索出错，请稍后重试。");
    els.more.hidden = true;
    setBusy(false);
  }
}

function describe(state: SearchState, c: Current): string {
  const converted = convertedNote(state.q, c.words);
  const order = state.sort === "date" ? "按年份排列" : "按相关度排列";
  return `检索“${state.q}”${converted}：${order}，`;
}

/** Says so when the query was read with traditional characters converted. */
function convertedNote(q: string, words: string[]): string {
  return queryWords(q).join(" ") !== words.join(" ") ? `（按简体“${words.join(" ")}”检索）` : "";
}

async function renderMore(gen: number, fromButton: boolean): Promise<void> {
  const c = current;
  if (!c || gen !== generation) return;
  const batch = c.shown.slice(c.rendered, c.rendered + BATCH);
  if (!batch.length) return;
  setBusy(true);
  const e = await searchEngine();
  const texts = await Promise.all(batch.map((m) => e.text(m.key.id)));
  if (!fromButton) performance.mark("search:texts");
  if (gen !== generation || c !== current) return;
  const items = batch.map((m, i) => renderResult(m, texts[i]!, c, e));
  els.list.append(...items);
  c.rendered += batch.length;
  els.more.hidden = c.rendered >= c.shown.length;
  if (fromButton) {
    items[0]?.querySelector<HTMLAnchorElement>("a[data-result]")?.focus();
    setBusy(false);
  }
}

function noticeHref(id: string, q: string, anchor?: string): string {
  const [, year, slug] = /^(\d{4})-(.+)$/.exec(id) ?? [];
  return `${withBase(`${year}/${slug}/`)}?hl=${encodeURIComponent(q)}${anchor ? `#${anchor}` : ""}`;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function excerptNodes(ex: Excerpt): (Node | string)[] {
  return [
    ...(ex.before ? ["…"] : []),
    ...ex.parts.map((p) => (p.mark ? el("mark", {}, p.text) : p.text)),
    ...(ex.after ? ["…"] : []),
  ];
}

/** The title with its matches marked. */
function markedText(text: string, words: string[], e: SearchEngine): (Node | string)[] {
  const ranges = matchRanges(normalizeWithMap(text, e.t2s), words);
  const out: (Node | string)[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) out.push(text.slice(at, r.start));
    out.push(el("mark", {}, text.slice(r.start, r.end)));
    at = r.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

function renderResult(m: NoticeMatch, text: NoticeText, c: Current, e: SearchEngine): HTMLLIElement {
  const k = m.key;
  const scope = k.level === "national" ? "全国" : k.region || "地方";
  const title = text.title ?? `${k.year}年${scope}“质量月”活动通知（标题缺失）`;
  const { occurrences, sections, excerpt: ex } = noticeMatches(text.s, c.words, e.t2s);
  const meta = [
    `${k.year}年`,
    k.level === "national" ? "全国" : `${LEVEL_LABELS[k.level]} · ${k.region}`,
    ...(text.docNumber ? [text.docNumber] : []),
    `出现 ${occurrences} 次`,
  ].join(" · ");
  const item = el(
    "li",
    { class: "search-result", "data-notice": k.id },
    el(
      "h3",
      { class: "search-result-title" },
      el("a", { href: noticeHref(k.id, c.q), "data-result": "" }, ...markedText(title, c.words, e)),
    ),
    el("p", { class: "search-result-meta" }, meta),
  );
  if (ex) item.append(el("p", { class: "search-excerpt" }, ...excerptNodes(ex)));
  if (sections.length) {
    const headingId = `sections-${k.id}`;
    item.append(
      el("p", { class: "search-sections-label", id: headingId }, `含检索词的段落（${sections.length}）：`),
    );
    const sectionItem = (s: (typeof sections)[number]) =>
      el(
        "li",
        {},
        el("a", { href: noticeHref(k.id, c.q, s.anchor), "data-section": s.anchor }, s.label),
        el("span", { class: "search-section-excerpt" }, ...excerptNodes(s.excerpt)),
      );
    item.append(
      el(
        "ul",
        { class: "search-sections", "aria-labelledby": headingId },
        ...sections.slice(0, SECTIONS_SHOWN).map(sectionItem),
      ),
    );
    if (sections.length > SECTIONS_SHOWN) {
      item.append(
        el(
          "details",
          { class: "search-sections-more" },
          el("summary", {}, `其余 ${sections.length - SECTIONS_SHOWN} 个段落`),
          el("ul", { class: "search-sections" }, ...sections.slice(SECTIONS_SHOWN).map(sectionItem)),
        ),
      );
    }
  } else {
    item.append(el("p", { class: "search-sections-label" }, "检索词跨越两个段落出现。"));
  }
  return item;
}

/** Notices that carry the query only in a title field their text does not state. */
async function showTitleOnly(c: Current, gen: number): Promise<void> {
  if (!c.titleOnly.length) return;
  const e = await searchEngine();
  const texts = await Promise.all(c.titleOnly.map((k) => e.text(k.id)));
  if (gen !== generation) return;
  const items = c.titleOnly.map((k, i) => {
    const t = texts[i]!;
    const label = `${t.title ?? k.id}${t.docNumber ? `（${t.docNumber}）` : ""}`;
    return el("li", {}, el("a", { href: withBase(`${k.year}/${k.id.slice(5)}/`) }, label));
  });
  els.suggest.replaceChildren(
    el(
      "p",
      {},
      `“${c.q}”见于以下通知的标题、主题或发文字号，但不在其正文文本中（如推断的发文字号），故不列为结果：`,
    ),
    el("ul", {}, ...items),
  );
  els.suggest.hidden = false;
}

const FACET_SELECTS = {
  from: "year",
  to: "year",
  level: "level",
  region: "region",
  issuer: "issuer",
} as const;

function updateFacets(counts: FacetCounts): void {
  for (const [name, facet] of Object.entries(FACET_SELECTS)) {
    const select = els.form.elements.namedItem(name);
    if (!(select instanceof HTMLSelectElement)) continue;
    for (const option of select.options) {
      if (!option.value) continue;
      const map = counts[facet] as Map<string | number, number>;
      const n = map.get(facet === "year" ? Number(option.value) : option.value) ?? 0;
      const label = facet === "year" ? `${option.value}年` : (option.dataset.label ?? option.value);
      option.textContent = `${label}（${n}）`;
    }
  }
}

/** Honest suggestions when nothing matches: what does occur, and how often. */
async function suggest(words: string[], gen: number): Promise<void> {
  const e = await searchEngine();
  const lines: (Node | string)[][] = [];
  const link = (text: string) =>
    el("a", { href: `${withBase("search/")}?q=${encodeURIComponent(text)}` }, `“${text}”`);
  if (words.length > 1) {
    for (const w of words) {
      const n = (await e.match([w])).length;
      lines.push(n ? [link(w), `单独检索可找到 ${n} 份通知`] : [`“${w}”未见于任何通知`]);
    }
  }
  for (const w of words) {
    const chars = Array.from(w);
    if (chars.length < 3 || (words.length > 1 && (await e.match([w])).length)) continue;
    let tried = 0;
    let best: { text: string; n: number } | undefined;
    for (let len = chars.length - 1; len >= 2 && !best && tried < 10; len--) {
      for (let i = 0; i + len <= chars.length && tried < 10; i++) {
        const sub = chars.slice(i, i + len).join("");
        tried++;
        const n = (await e.match([sub])).length;
        if (n) {
          best = { text: sub, n };
          break;
        }
      }
    }
    if (best) lines.push([`“${w}”中能找到的最长片段是`, link(best.text), `，见于 ${best.n} 份通知`]);
  }
  if (gen !== generation || !lines.length) return;
  els.suggest.append(el("p", {}, "可以试试："), el("ul", {}, ...lines.map((l) => el("li", {}, ...l))));
  els.suggest.hidden = false;
}
