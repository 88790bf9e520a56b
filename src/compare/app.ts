/**
 * Browser side of the picker on /compare/: loads two notices' section JSON
 * (/compare/data/{id}.json), aligns and diffs them with the same code as the static compare pages
 * (src/compare/compare.ts) and shows the result with the same renderer (src/compare/render.ts).
 * ?a=…&b=… in the address runs a comparison on load (the notice pages' pickers link here).
 */
import { compareDocs, orderPair, type CompareDoc } from "./compare.ts";
import { renderComparison } from "./render.ts";
import { escapeHtml } from "../shared/html.ts";

const docs = new Map<string, Promise<CompareDoc>>();

function load(pattern: string, id: string): Promise<CompareDoc> {
  let doc = docs.get(id);
  if (!doc) {
    doc = fetch(pattern.replace(/ID\.json$/, `${encodeURIComponent(id)}.json`)).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<CompareDoc>;
    });
    doc.catch(() => docs.delete(id));
    docs.set(id, doc);
  }
  return doc;
}

export function init(form: HTMLFormElement): void {
  const result = document.querySelector<HTMLElement>("[data-compare-result]");
  const selectA = form.querySelector<HTMLSelectElement>("select[name=a]");
  const selectB = form.querySelector<HTMLSelectElement>("select[name=b]");
  const pattern = form.dataset.dataUrl;
  if (!result || !selectA || !selectB || !pattern) return;
  const staticPairs = JSON.parse(form.dataset.staticPairs ?? "{}") as Record<string, string>;
  document.querySelector("[data-compare-js-note]")?.remove();
  form.hidden = false;

  const run = async (x: string, y: string, focus: boolean) => {
    if (x === y) {
      result.innerHTML = '<p class="term-message">请选择两件不同的通知。</p>';
      return;
    }
    result.innerHTML = '<p class="term-message">正在对比…</p>';
    let docs: [CompareDoc, CompareDoc];
    try {
      docs = await Promise.all([load(pattern, x), load(pattern, y)]);
    } catch {
      result.innerHTML = '<p class="term-message">通知数据未能载入，请稍后重试。</p>';
      return;
    }
    const [a, b] = orderPair(docs[0], docs[1]);
    const cmp = compareDocs(a, b);
    const page = staticPairs[`${a.id}/${b.id}`];
    result.innerHTML = `<h3 class="cmp-result-title" tabindex="-1" data-compare-title>${escapeHtml(b.label)}与${escapeHtml(a.label)}通知对比</h3>
<p class="cmp-result-note">以<a href="${escapeHtml(a.url)}">${escapeHtml(a.title)}</a>为底本，标出<a href="${escapeHtml(b.url)}">${escapeHtml(b.title)}</a>沿用、改写和新增的文字。${page ? `另见<a href="${escapeHtml(page)}">这一对比的固定页面</a>。` : ""}</p>
<div class="cmp">${renderComparison(cmp, a, b, { idPrefix: "live", level: 4 })}</div>`;
    const params = new URLSearchParams({ a: a.id, b: b.id });
    history.replaceState(null, "", `${location.pathname}?${params}${location.hash}`);
    if (focus) result.querySelector<HTMLElement>("[data-compare-title]")?.focus();
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run(selectA.value, selectB.value, true);
  });
  const params = new URLSearchParams(location.search);
  const a = params.get("a");
  const b = params.get("b");
  const known = (select: HTMLSelectElement, id: string | null) =>
    id !== null && [...select.options].some((o) => o.value === id);
  if (known(selectA, a) && known(selectB, b)) {
    selectA.value = a!;
    selectB.value = b!;
    void run(a!, b!, false);
  }
}
