/**
 * A term's trend as a small static SVG column chart: one column per year with a held national
 * notice (value written above it), years in between that the archive does not hold marked as
 * such, and local notices as hollow dots beside their year's column. The same string is used at
 * build time (/trends/, set:html) and by the term box in the browser, so both look alike. The
 * numbers are also in a table next to every chart: the SVG is a picture (role="img") with a
 * text alternative, not the only place the data is.
 *
 *   trendChartSvg(termTrend(texts, "质量强国"), { id: "t-1" }) → <svg viewBox="0 0 320 180" role="img" …>…</svg>
 */
import { escapeHtml } from "../shared/html.ts";
import { formatRate, type TermTrend } from "./trends.ts";

const WIDTH = 320;
const HEIGHT = 180;
const TOP = 34;
const BOTTOM = 30;
const SIDE = 10;

/** 0 → 1, 7.3 → 8, 23 → 25, 140 → 150: a round upper bound for the y scale. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

export interface ChartOptions {
  /** Unique id prefix for the title and description. */
  id: string;
  /** Years on the x axis (default: from the first to the last year with a national notice). */
  years?: readonly number[];
}

/** Years from the first to the last point, gaps included. */
export function yearRange(trends: readonly TermTrend[]): number[] {
  // A loop, not Math.min(...years): a large archive has more points than a call has arguments.
  let from = Infinity;
  let to = -Infinity;
  for (const t of trends)
    for (const p of [...t.national, ...t.local]) {
      from = Math.min(from, p.year);
      to = Math.max(to, p.year);
    }
  if (from > to) return [];
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

export function trendChartSvg(trend: TermTrend, options: ChartOptions): string {
  const years = options.years ?? yearRange([trend]);
  const max = niceMax(Math.max(0, ...trend.national.map((p) => p.rate), ...trend.local.map((p) => p.rate)));
  const plotWidth = WIDTH - 2 * SIDE;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = years.length ? plotWidth / years.length : plotWidth;
  const bar = Math.min(34, slot * 0.46);
  const baseline = TOP + plotHeight;
  const y = (rate: number) => baseline - (rate / max) * plotHeight;
  const round = (n: number) => Math.round(n * 10) / 10;
  const parts: string[] = [];

  parts.push(`<line class="tc-axis" x1="${SIDE}" y1="${baseline}" x2="${WIDTH - SIDE}" y2="${baseline}"/>`);
  parts.push(
    `<text class="tc-scale" x="${WIDTH - SIDE}" y="11" text-anchor="end">最高${formatRate(max)}</text>`,
  );
  for (const [k, year] of years.entries()) {
    const cx = SIDE + slot * (k + 0.5);
    const point = trend.national.find((p) => p.year === year);
    const local = trend.local.filter((p) => p.year === year);
    const held = point || local.length;
    parts.push(
      `<text class="tc-year${held ? "" : " tc-year--gap"}" x="${round(cx)}" y="${baseline + 16}" text-anchor="middle">${year}</text>`,
    );
    if (point) {
      const top = y(point.rate);
      const height = Math.max(point.rate > 0 ? 1.5 : 0, baseline - top);
      parts.push(
        `<rect class="tc-bar" x="${round(cx - bar / 2)}" y="${round(baseline - height)}" width="${round(bar)}" height="${round(height)}"/>`,
      );
      parts.push(
        `<text class="tc-value" x="${round(cx)}" y="${round(baseline - height - 5)}" text-anchor="middle">${formatRate(point.rate)}</text>`,
      );
    } else {
      parts.push(
        `<text class="tc-gap" x="${round(cx)}" y="${baseline - 6}" text-anchor="middle">${local.length ? "" : "未收录"}</text>`,
      );
    }
    for (const [i, p] of local.entries()) {
      const dx = point ? bar / 2 + 10 + i * 3 : i * 3;
      parts.push(`<circle class="tc-local" cx="${round(cx + dx)}" cy="${round(y(p.rate))}" r="4"/>`);
    }
  }

  const national = trend.national.map((p) => `${p.year}年${formatRate(p.rate)}`).join("，");
  const local = trend.local.map((p) => `${p.label}${formatRate(p.rate)}`).join("，");
  const desc = `全国通知每万字出现次数：${national || "无"}${local ? `。地方通知（圆点）：${local}` : ""}。`;
  const term = escapeHtml(trend.term);
  return `<svg class="trend-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${options.id}-title ${options.id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="${options.id}-title">“${term}”每万字出现次数</title><desc id="${options.id}-desc">${escapeHtml(desc)}</desc>${parts.join("")}</svg>`;
}
