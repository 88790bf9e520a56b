/**
 * The HTML of a comparison: the similarity figure, what was kept, removed and added, and the
 * aligned sections side by side with the differences marked (<del> in the base, <ins> in the
 * compared notice). One renderer for both the static compare pages (set:html at build time) and
 * the in-browser picker (the same string), so the two always look alike. Every text is escaped.
 *
 *   renderComparison(compareDocs(a, b), a, b)
 *   → <div class="cmp-summary">…62.3%…</div> … <section class="cmp-row">…<del class="cmp-mark cmp-changed">国</del>…
 */
import { DELETE, EQUAL, INSERT } from "../text/diff.ts";
import { escapeHtml } from "../shared/html.ts";
import {
  BLOCK_BREAK,
  formatPercent,
  type BlockKind,
  type CompareDoc,
  type CompareSection,
  type Comparison,
  type ComparedRow,
} from "./compare.ts";

export type DocMeta = Pick<CompareDoc, "id" | "label" | "title" | "url">;

const number = (n: number) => n.toLocaleString("zh-CN");

/** The similarity figure and the kept / removed / added counts. */
function renderSummary(cmp: Comparison, a: DocMeta, b: DocMeta): string {
  const { stats } = cmp;
  const share = (n: number, of: number) => (of ? formatPercent(n / of) : "—");
  return `<div class="cmp-summary">
<p class="cmp-figure"><span class="cmp-figure-value">${formatPercent(cmp.similarity)}</span><span class="cmp-figure-label">相似度</span></p>
<dl class="cmp-stats">
<div><dt>两件共有的文字</dt><dd>${number(stats.kept)}字，占${escapeHtml(a.label)}的${share(stats.kept, stats.a)}、${escapeHtml(b.label)}的${share(stats.kept, stats.b)}</dd></div>
<div><dt><span class="cmp-key cmp-removed" aria-hidden="true"></span>${escapeHtml(a.label)}中未沿用的</dt><dd>${number(stats.removed)}字（删去或改写）</dd></div>
<div><dt><span class="cmp-key cmp-added" aria-hidden="true"></span>${escapeHtml(b.label)}中新写的</dt><dd>${number(stats.added)}字（新增或改写）</dd></div>
</dl>
<p class="cmp-note">相似度 = 2 × 共有字数 ÷ 两件总字数，只计汉字、字母和数字，不计标点和空白；各部分按编号和标题对齐后逐词比较。</p>
</div>`;
}

/** Colour key for the marks. */
function renderLegend(a: DocMeta, b: DocMeta): string {
  return `<p class="cmp-legend"><span class="cmp-legend-item"><del class="cmp-mark cmp-removed">删去</del>只见于${escapeHtml(a.label)}</span><span class="cmp-legend-item"><ins class="cmp-mark cmp-added">新增</ins>只见于${escapeHtml(b.label)}</span><span class="cmp-legend-item"><del class="cmp-mark cmp-changed">原文</del><ins class="cmp-mark cmp-changed">改写</ins>同一处改动的前后文字</span></p>`;
}

/** Row heading: the compared notice's number and title (else the base's). */
function rowTitle(row: ComparedRow): string {
  return sideLabel((row.b ?? row.a)!);
}

/** 一、活动主题 · 附件2 2022年全国“质量月”活动口号 · 署名. */
function sideLabel(section: CompareSection): string {
  if (!section.title) return section.label;
  if (!section.label) return section.title;
  return /[、）.．]$/.test(section.label)
    ? `${section.label}${section.title}`
    : `${section.label} ${section.title}`;
}

/** One side of a row: its own blocks, with the marks of its side of the diff. */
function renderSide(row: ComparedRow, side: "a" | "b", doc: DocMeta): string {
  const section = row[side];
  const head = `<p class="cmp-side-label"><span class="cmp-side-doc">${escapeHtml(doc.label)}</span>`;
  if (!section) {
    return `<div class="cmp-side cmp-side-${side} cmp-side--none">${head}</p><p class="cmp-none">（无对应部分）</p></div>`;
  }
  const href = section.anchor ? `${doc.url}#${section.anchor}` : doc.url;
  const blocks: string[] = [];
  const kinds: BlockKind[] = section.blocks.map((block) => block.k);
  let html = "";
  const endBlock = () => {
    const kind = kinds[blocks.length] ?? "p";
    blocks.push(`<p class="cmp-block cmp-block-${kind}">${html}</p>`);
    html = "";
  };
  const ops = row.ops;
  for (const [k, [type, text]] of ops.entries()) {
    if (side === "a" && type === INSERT) continue;
    if (side === "b" && type === DELETE) continue;
    let open = "";
    let close = "";
    if (type !== EQUAL) {
      const paired = type === DELETE ? ops[k + 1]?.[0] === INSERT : ops[k - 1]?.[0] === DELETE;
      const tag = type === DELETE ? "del" : "ins";
      const kind = paired ? "cmp-changed" : type === DELETE ? "cmp-removed" : "cmp-added";
      // Unpaired sections are wholly removed or added: no marks, the row says so.
      if (row.a && row.b) {
        open = `<${tag} class="cmp-mark ${kind}">`;
        close = `</${tag}>`;
      }
    }
    for (const [i, part] of text.split(BLOCK_BREAK).entries()) {
      if (i > 0) endBlock();
      if (part) html += open + escapeHtml(part) + close;
    }
  }
  endBlock();
  return `<div class="cmp-side cmp-side-${side}">${head}<a class="cmp-side-link" href="${escapeHtml(href)}">${escapeHtml(sideLabel(section))}</a></p><div class="cmp-text">${blocks.join("")}</div></div>`;
}

/** What a row is: aligned (with its similarity), or only in one of the two notices. */
function rowNote(row: ComparedRow, a: DocMeta, b: DocMeta): string {
  if (row.a && row.b) {
    const same = row.stats.removed === 0 && row.stats.added === 0;
    return same ? "文字相同" : `相似度 ${formatPercent(row.similarity)}`;
  }
  return row.a ? `只见于${escapeHtml(a.label)}` : `只见于${escapeHtml(b.label)}`;
}

export interface RenderOptions {
  /** Keeps ids unique if two comparisons share a page. */
  idPrefix?: string;
  /** Heading level of each aligned row (2 on a compare page, 3 under a result heading). */
  level?: 2 | 3 | 4;
}

/** All aligned rows, side by side. */
export function renderRows(cmp: Comparison, a: DocMeta, b: DocMeta, options: RenderOptions = {}): string {
  const { idPrefix = "cmp", level = 2 } = options;
  return cmp.rows
    .map((row, k) => {
      const id = `${idPrefix}-${k + 1}`;
      const state =
        row.a && row.b
          ? row.stats.removed || row.stats.added
            ? "changed"
            : "same"
          : row.a
            ? "only-a"
            : "only-b";
      return `<section class="cmp-row cmp-row--${state}" aria-labelledby="${id}">
<h${level} class="cmp-row-title" id="${id}">${escapeHtml(rowTitle(row))}<span class="cmp-row-note">${rowNote(row, a, b)}</span></h${level}>
<div class="cmp-cols">${renderSide(row, "a", a)}${renderSide(row, "b", b)}</div>
</section>`;
    })
    .join("\n");
}

/** The whole comparison: summary, legend and rows. */
export function renderComparison(
  cmp: Comparison,
  a: DocMeta,
  b: DocMeta,
  options: RenderOptions = {},
): string {
  return `${renderSummary(cmp, a, b)}\n${renderLegend(a, b)}\n<div class="cmp-rows">${renderRows(cmp, a, b, options)}</div>`;
}
