/**
 * Browser side of the term box on /trends/: counts the typed term in every held notice's text
 * (/trends/index.json) with the same code as the build (src/trends/trends.ts), then shows a chart
 * (src/trends/chart.ts) and a table. ?q=… in the address runs a query on load.
 */
import { trendChartSvg, yearRange } from "./chart.ts";
import { escapeHtml } from "../shared/html.ts";
import { normalize } from "../search/normalize.ts";
import { formatRate, termTrend, type TermTrend, type TrendText } from "./trends.ts";

let index: Promise<TrendText[]> | undefined;

function load(url: string): Promise<TrendText[]> {
  index ??= fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<{ notices: TrendText[] }>;
    })
    .then((data) => data.notices);
  index.catch(() => (index = undefined));
  return index;
}

function table(trend: TermTrend): string {
  const rows = [...trend.national, ...trend.local]
    .map(
      (p, k) =>
        `<tr${k >= trend.national.length ? ' class="row-local"' : ""}><th scope="row">${p.url ? `<a href="${escapeHtml(p.url)}">${escapeHtml(p.label)}</a>` : escapeHtml(p.label)}${k >= trend.national.length ? '<span class="th-sub">地方</span>' : ""}</th><td>${p.count}</td><td>${p.chars.toLocaleString("zh-CN")}</td><td>${formatRate(p.rate)}</td></tr>`,
    )
    .join("");
  return `<section class="tr-scroll" aria-label="“${escapeHtml(trend.term)}”的统计" tabindex="0"><table class="tr-table term-table"><caption>“${escapeHtml(trend.term)}”在各通知中的出现次数</caption><thead><tr><th scope="col">通知</th><th scope="col">次数</th><th scope="col">字数</th><th scope="col">每万字</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function init(box: HTMLElement): void {
  const form = box.querySelector<HTMLFormElement>("[data-term-form]");
  const input = box.querySelector<HTMLInputElement>("input[name=q]");
  const result = box.querySelector<HTMLElement>("[data-term-result]");
  const url = box.dataset.indexUrl;
  if (!form || !input || !result || !url) return;
  box.querySelector("[data-term-js-note]")?.remove();
  form.hidden = false;

  const run = async (raw: string) => {
    const term = raw.trim();
    if (!normalize(term)) {
      result.innerHTML =
        '<p class="term-message">请输入要统计的词语（汉字、字母或数字；标点和空格不计）。</p>';
      return;
    }
    result.innerHTML = '<p class="term-message">正在统计…</p>';
    let texts: TrendText[];
    try {
      texts = await load(url);
    } catch {
      result.innerHTML = '<p class="term-message">统计数据未能载入，请稍后重试。</p>';
      return;
    }
    const trend = termTrend(texts, term);
    const total = [...trend.national, ...trend.local].reduce((n, p) => n + p.count, 0);
    const nationalTotal = trend.national.reduce((n, p) => n + p.count, 0);
    const shown = normalize(term) === term ? "" : `（按“${escapeHtml(normalize(term))}”统计）`;
    result.innerHTML = `<h3 class="term-result-title">“${escapeHtml(term)}”${shown}</h3><p class="term-summary">在收录的${texts.length}件通知中共出现<strong data-term-total>${total}</strong>次，其中全国通知${nationalTotal}次。</p>${total ? trendChartSvg(trend, { id: "term-chart", years: yearRange([trend]) }) : ""}${table(trend)}`;
    const params = new URLSearchParams(location.search);
    params.set("q", term);
    history.replaceState(null, "", `${location.pathname}?${params}${location.hash}`);
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run(input.value);
  });
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}
