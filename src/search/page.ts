/**
 * The search page (/search/): reads the search from the URL, runs it (src/search/client.ts),
 * and renders the notices found, grouped with their matching sections or the fields that
 * matched, and the catalogue years found. Filters and order change the URL
 * (history.pushState) and are applied without searching again; the back button restores the
 * previous search (popstate). See docs/search.md.
 */
import {
  BATCH,
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
import { noticeText, searchEngine, type SearchResult } from "./client.ts";
import { matchCatalog, type CatalogField, type CatalogMatch } from "./catalog.ts";
import { loadSearchConfig, type NoticeText } from "./config.ts";
import { noticeMatches, type Excerpt } from "./excerpt.ts";
import { takeHandoff } from "./handoff.ts";
import { matchRanges, normalize, normalizeWithMap, type T2SMap } from "./normalize.ts";
import {
  SCOPE_LABELS,
  describeQuery,
  onlyNegative,
  parseQuery,
  positiveWords,
  type ParsedQuery,
  type Scope,
} from "./query.ts";
import { onTyped, typedAhead } from "./typeahead.ts";
import { LEVEL_LABELS } from "../shared/levels.ts";
import { SOURCE_KIND_LABELS } from "../shared/labels.ts";
import { withBase } from "../shared/urls.ts";

/** Matching sections shown before the rest are folded into a <details>. */
const SECTIONS_SHOWN = 5;
/** Slogans or issuer names shown under a result before “…”. */
const VALUES_SHOWN = 5;

/** How a result names the field that matched (`all`: the document text). */
const FIELD_LABELS: Record<Scope | CatalogField, string> = {
  ...SCOPE_LABELS,
  all: "正文",
  year: "年份",
};

interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  results: HTMLElement;
  message: HTMLElement;
  countWrap: HTMLElement;
  count: HTMLElement;
  years: HTMLElement;
  catalog: HTMLElement;
  catalogList: HTMLUListElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  suggest: HTMLElement;
}

/** The current search: what it asked, all it found, and what is shown. */
interface Current {
  q: string;
  scope: Scope;
  query: ParsedQuery;
  /** The words counted and marked (those of terms not negated). */
  words: string[];
  t2s: T2SMap;
  matches: NoticeMatch[];
  /** Notices whose title, theme or document number (not their text) satisfies the query. */
  titleOnly: NoticeKey[];
  catalog: CatalogMatch[];
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
    years: $("[data-search-years]"),
    catalog: $("[data-search-catalog]"),
    catalogList: $("[data-search-catalog-list]"),
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
  // Pagefind starts and the query is searched while the reader types (an input method takes a
  // while): Enter then finds the look-ups done. Not on load, so that a page opened and left
  // fetches nothing more.
  onTyped(els.input, (value) => typedAhead(value, readForm().scope));
  const state = parseState(new URLSearchParams(location.search));
  writeForm(state);
  if (state.q) void run(state);
  else els.input.focus();
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
  for (const radio of els.form.querySelectorAll<HTMLInputElement>("input[name=scope]"))
    radio.checked = radio.value === state.scope;
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

type Listed = HTMLElement & { zlyResultIds?: string[]; zlyCatalogYears?: number[] };

/** Every result's id and catalogue year, in order, for the benchmark (only batches are rendered). */
function listForBenchmark(ids: string[], years: number[]): void {
  const el = els.results as Listed;
  el.zlyResultIds = ids;
  el.zlyCatalogYears = years;
}

/** What the query finds: handed over by the header box that opened this page, or searched here. */
async function find(state: SearchState, query: ParsedQuery): Promise<SearchResult> {
  const config = await loadSearchConfig();
  const handed = takeHandoff(config.entryTag, state.q, state.scope);
  if (handed) {
    performance.mark("search:engine");
    return { ...handed, catalog: matchCatalog(query, config.catalog, state.scope, config.t2s) };
  }
  const e = await searchEngine();
  performance.mark("search:engine");
  return query.terms.length ? e.search(query, state.scope) : { matches: [], titleOnly: [], catalog: [] };
}

async function run(state: SearchState): Promise<void> {
  const gen = ++generation;
  setBusy(true);
  els.suggest.hidden = true;
  els.suggest.replaceChildren();
  document.title = state.q ? `“${state.q}”的检索结果 · 质量月档案` : "全文检索 · 质量月档案";
  if (!state.q) {
    current = undefined;
    listForBenchmark([], []);
    els.list.replaceChildren();
    els.catalog.hidden = true;
    els.years.hidden = true;
    els.more.hidden = true;
    showMessage("输入检索词后按“检索”。");
    setBusy(false);
    return;
  }
  try {
    if (current?.q !== state.q || current.scope !== state.scope) {
      els.list.replaceChildren();
      els.catalog.hidden = true;
      els.years.hidden = true;
      els.more.hidden = true;
      showMessage(`正在检索“${state.q}”…`);
      // Marks for the benchmark (scripts/bench/search.ts): start, engine ready, matched, texts
      // of the first batch loaded (renderMore), shown. The page's first script may have marked
      // the start of the first search already.
      if (startMarked) startMarked = false;
      else performance.mark("search:start");
      const { t2s } = await loadSearchConfig();
      const query = parseQuery(state.q, t2s);
      const found = await find(state, query);
      performance.mark("search:matched");
      if (gen !== generation) return;
      current = {
        q: state.q,
        scope: state.scope,
        query,
        words: positiveWords(query),
        t2s,
        ...found,
        shown: [],
        rendered: 0,
      };
    }
    const c = current;
    updateFacets(facetCounts([...c.matches, ...c.catalog], state));
    c.shown = applyFilters(c.matches, state).sort(compareMatches(state.sort));
    const catalog = applyFilters(c.catalog, state);
    listForBenchmark(
      c.shown.map((m) => m.key.id),
      catalog.map((m) => m.record.year),
    );
    c.rendered = 0;
    els.list.replaceChildren();
    renderCatalog(catalog, c);
    renderYears(c, catalog);
    await showTitleOnly(c, gen);
    if (!c.query.terms.length) {
      showMessage(`“${state.q}”只含空格或标点（或运算符），请输入文字或数字。`, 0);
    } else if (!c.shown.length) {
      const where = c.scope === "all" ? "" : `${SCOPE_LABELS[c.scope]}中`;
      const years = catalog.length ? `；目录中有 ${catalog.length} 个未收录全文的年份相符，见下` : "";
      showMessage(
        c.matches.length
          ? `在所选范围内没有找到${where}包含“${state.q}”的通知（不加筛选共 ${c.matches.length} 份）${years}。`
          : `没有找到${where}包含“${state.q}”的通知${years}。`,
        0,
      );
      if (!c.matches.length && !c.catalog.length) await suggest(c, gen);
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
  const where = c.scope === "all" ? "" : `在${SCOPE_LABELS[c.scope]}中`;
  // In a field scope relevance has nothing to weigh: results are listed newest first.
  const order = state.sort === "date" || c.scope !== "all" ? "按年份排列" : "按相关度排列";
  return `${where}检索“${state.q}”${convertedNote(state.q, c)}：${order}，`;
}

/** Says so when the query was read with traditional characters converted. */
function convertedNote(q: string, c: Current): string {
  const plain = positiveWords(parseQuery(q));
  return plain.join(" ") !== c.words.join(" ") ? `（按简体“${c.words.join(" ")}”检索）` : "";
}

/** In the theme scope: how many years' themes (notices and catalogue years) satisfy the query. */
function renderYears(c: Current, catalog: CatalogMatch[]): void {
  els.years.hidden = c.scope !== "theme" || !c.query.terms.length;
  if (els.years.hidden) return;
  const years = new Set([...c.shown.map((m) => m.key.year), ...catalog.map((m) => m.record.year)]);
  els.years.dataset.searchYears = String(years.size);
  els.years.textContent = `共${years.size}个年份的主题${describeQuery(c.query)}${
    years.size ? `：${[...years].sort((a, b) => b - a).join("、")}` : ""
  }。`;
}

async function renderMore(gen: number, fromButton: boolean): Promise<void> {
  const c = current;
  if (!c || gen !== generation) return;
  const batch = c.shown.slice(c.rendered, c.rendered + BATCH);
  if (!batch.length) return;
  setBusy(true);
  const texts = await Promise.all(batch.map((m) => noticeText(m.key.id)));
  if (!fromButton) performance.mark("search:texts");
  if (gen !== generation || c !== current) return;
  const items = batch.map((m, i) => renderResult(m, texts[i]!, c));
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

/** A short text (title, theme, slogan …) with its matches marked. */
function markedText(text: string, c: Current): (Node | string)[] {
  const ranges = matchRanges(normalizeWithMap(text, c.t2s), c.words);
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

/** “见于：正文、主题”: the fields in which the query holds, as [data-result-field] lists them. */
function fieldLine(fields: readonly (Scope | CatalogField)[], tag: "p" | "span" = "p"): HTMLElement {
  return el(
    tag,
    { class: "search-result-field", "data-result-field": fields.join(" ") },
    `见于：${fields.map((f) => FIELD_LABELS[f]).join("、")}`,
  );
}

/** Whether a short text holds any of the query's words. */
function holdsWord(text: string, c: Current): boolean {
  const norm = normalize(text, c.t2s);
  return c.words.some((w) => norm.includes(w));
}

/** What a scoped result shows of its field: the values that matched (all, if none did), marked. */
function fieldValues(scope: Scope, text: NoticeText, c: Current): HTMLElement | undefined {
  const line = (label: string, values: readonly string[]) => {
    const shown = values.slice(0, VALUES_SHOWN);
    const nodes = shown.flatMap((v, i) => [...(i ? ["；"] : []), ...markedText(v, c)]);
    if (values.length > shown.length) nodes.push(`；等 ${values.length} 条`);
    return el("p", { class: "search-result-value" }, `${label}：`, ...nodes);
  };
  const matching = (values: readonly string[]) => {
    const hit = values.filter((v) => holdsWord(v, c));
    return hit.length ? hit : values;
  };
  switch (scope) {
    case "theme":
      return text.theme ? line("主题", [text.theme]) : undefined;
    case "slogan":
      return text.slogans?.length ? line("口号", matching(text.slogans)) : undefined;
    case "docnumber":
      return text.docNumber ? line("发文字号", [text.docNumber]) : undefined;
    case "issuer": {
      // Each issuer by the name pages show, with the name that matched when it is another one.
      const named = (text.issuers ?? []).map(([label = "", ...others]) => {
        const other = holdsWord(label, c) ? undefined : others.find((n) => holdsWord(n, c));
        return other ? `${label}（${other}）` : label;
      });
      return named.length ? line("发文机关", matching(named)) : undefined;
    }
    default:
      return undefined;
  }
}

function renderResult(m: NoticeMatch, text: NoticeText, c: Current): HTMLLIElement {
  const k = m.key;
  const scope = k.level === "national" ? "全国" : k.region || "地方";
  const title = text.title ?? `${k.year}年${scope}“质量月”活动通知（标题缺失）`;
  const full = c.scope === "all" ? noticeMatches(text.s, c.words, c.t2s) : undefined;
  const meta = [
    `${k.year}年`,
    k.level === "national" ? "全国" : `${LEVEL_LABELS[k.level]} · ${k.region}`,
    ...(text.docNumber ? [text.docNumber] : []),
    ...(full && c.words.length ? [`出现 ${full.occurrences} 次`] : []),
  ].join(" · ");
  const item = el(
    "li",
    { class: "search-result", "data-notice": k.id },
    el(
      "h3",
      { class: "search-result-title" },
      el("a", { href: noticeHref(k.id, c.q), "data-result": "" }, ...markedText(title, c)),
    ),
    el("p", { class: "search-result-meta" }, meta),
    fieldLine(m.fields),
  );
  const value = fieldValues(c.scope, text, c);
  if (value) item.append(value);
  if (!full) return item;
  const { sections, excerpt: ex } = full;
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
  } else if (c.words.length) {
    item.append(el("p", { class: "search-sections-label" }, "检索词跨越两个段落出现。"));
  }
  return item;
}

/** The catalogue years found: never shown as notices (未收录全文, their source named). */
function renderCatalog(found: CatalogMatch[], c: Current): void {
  els.catalog.hidden = !found.length;
  els.catalogList.replaceChildren(
    ...found.map(({ record: r, fields }) => {
      const host = r.sourceUrl ? new URL(r.sourceUrl).hostname : undefined;
      const facts = [
        el("span", {}, "主题：", ...markedText(r.theme, c)),
        ...(r.docNumber ? [el("span", {}, "发文字号：", ...markedText(r.docNumber, c))] : []),
      ];
      return el(
        "li",
        { class: "search-catalog-item", "data-catalog-year": String(r.year) },
        el(
          "p",
          { class: "search-catalog-title" },
          el(
            "a",
            { href: withBase(r.href), "data-catalog-result": "" },
            ...markedText(`${r.year}年`, c),
            "全国“质量月”",
          ),
          " ",
          el("span", { class: "badge badge-catalog" }, "未收录全文"),
          ...(r.sourceKind === "mirror"
            ? [" ", el("span", { class: "badge badge-unverified" }, "未经核实")]
            : []),
        ),
        el("p", { class: "search-result-value" }, ...facts.flatMap((f, i) => (i ? ["　", f] : [f]))),
        el(
          "p",
          { class: "search-result-meta" },
          `据${SOURCE_KIND_LABELS[r.sourceKind]}`,
          ...(r.sourceUrl && host
            ? ["：", el("a", { href: r.sourceUrl, rel: "external noopener", class: "ext" }, host)]
            : []),
          ...(r.sourceKind === "mirror" ? ["，无可引用的原始出处"] : []),
          " · ",
          fieldLine(fields, "span"),
        ),
      );
    }),
  );
}

/** Notices that carry the query only in a title field their text does not state. */
async function showTitleOnly(c: Current, gen: number): Promise<void> {
  if (!c.titleOnly.length) return;
  const texts = await Promise.all(c.titleOnly.map((k) => noticeText(k.id)));
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

/** A link to a search of `q` in `scope`. */
function searchLink(q: string, scope: Scope, text: string): HTMLAnchorElement {
  const params = formatState({ q, scope, levels: [], sort: "relevance" });
  return el("a", { href: `${withBase("search/")}?${params.toString()}` }, text);
}

/**
 * Honest suggestions when nothing matches: the query in the whole text (a scoped search); which
 * words of a several-word query occur on their own, and in how many notices; the longest part
 * of a word that does occur.
 */
async function suggest(c: Current, gen: number): Promise<void> {
  const lines: (Node | string)[][] = [];
  if (c.scope !== "all") lines.push([searchLink(c.q, "all", `在全文中检索“${c.q}”`)]);
  // Word by word only for plain queries: every term one word, none excluded.
  const plain =
    c.scope === "all" &&
    !onlyNegative(c.query) &&
    c.query.terms.every((t) => !t.negated && t.words.length === 1);
  if (plain) {
    const e = await searchEngine();
    const words = c.words;
    const link = (text: string) => searchLink(text, "all", `“${text}”`);
    if (words.length > 1) {
      for (const w of words) {
        const n = await e.textCount(w);
        lines.push(n ? [link(w), `单独检索可找到 ${n} 份通知`] : [`“${w}”未见于任何通知`]);
      }
    }
    for (const w of words) {
      const chars = Array.from(w);
      if (chars.length < 3 || (words.length > 1 && (await e.textCount(w)))) continue;
      let tried = 0;
      let best: { text: string; n: number } | undefined;
      for (let len = chars.length - 1; len >= 2 && !best && tried < 10; len--) {
        for (let i = 0; i + len <= chars.length && tried < 10; i++) {
          const sub = chars.slice(i, i + len).join("");
          tried++;
          const n = await e.textCount(sub);
          if (n) {
            best = { text: sub, n };
            break;
          }
        }
      }
      if (best) lines.push([`“${w}”中能找到的最长片段是`, link(best.text), `，见于 ${best.n} 份通知`]);
    }
  }
  if (gen !== generation || !lines.length) return;
  els.suggest.append(el("p", {}, "可以试试："), el("ul", {}, ...lines.map((l) => el("li", {}, ...l))));
  els.suggest.hidden = false;
}
