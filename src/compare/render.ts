/**
 * The HTML of a comparison, opening with the answer: what the second notice added (its new
 * sections, then every added sentence, each linked to its place on the notice page) beside the
 * verdict of each section (相同 / 改写 / 新增 / 删去, with sentence counts); then the similarity in
 * characters and in sentences; then the two notices sentence by sentence, aligned, the word diff
 * only inside rewritten pairs, with a 只看新增 switch that needs no script. One renderer for the
 * static compare pages (set:html at build time) and the in-browser picker (the same string).
 * Every text is escaped.
 *
 *   renderComparison(compareDocs(a, b), a, b)
 *   → <div class="cmp-answer">…新增的内容…<table class="cmp-verdicts">… <div class="cmp-rows">…
 */
import { DELETE, EQUAL, INSERT, type DiffOp } from "../text/diff.ts";
import { escapeHtml } from "../shared/html.ts";
import {
  formatPercent,
  type CompareDoc,
  type CompareSection,
  type Comparison,
  type ComparedRow,
  type SentencePair,
  type Verdict,
} from "./compare.ts";
import type { CompareSentence } from "./sentences.ts";

export type DocMeta = Pick<CompareDoc, "id" | "label" | "title" | "url">;

const e = escapeHtml;
const number = (n: number) => n.toLocaleString("zh-CN");

const VERDICT_LABELS: Record<Verdict, string> = {
  same: "相同",
  rewritten: "改写",
  added: "新增",
  removed: "删去",
};

export interface RenderOptions {
  /** Keeps ids unique if two comparisons share a page. */
  idPrefix?: string;
  /** Heading level of the comparison's sections (2 on a compare page, 4 under a result heading). */
  level?: 2 | 3 | 4;
}

/** 一、活动主题 · 附件2 2022年全国“质量月”活动口号 · 署名. */
function sideLabel(section: CompareSection): string {
  if (!section.title) return section.label;
  if (!section.label) return section.title;
  return /[、）.．]$/.test(section.label)
    ? `${section.label}${section.title}`
    : `${section.label} ${section.title}`;
}

/** Row heading: the compared notice's number and title (else the base's). */
function rowTitle(row: ComparedRow): string {
  return sideLabel((row.b ?? row.a)!);
}

function sentenceHref(doc: DocMeta, s: CompareSentence): string {
  return s.anchor ? `${doc.url}#${s.anchor}` : doc.url;
}

/* ───────────────────────────── the answer ───────────────────────────── */

/** 海南省通知119句：与全国通知相同35句、改写43句、新增41句；全国通知172句中未沿用…. */
function answerLine(cmp: Comparison, a: DocMeta, b: DocMeta): string {
  const s = cmp.sentences;
  return `${e(b.label)}通知${number(s.b)}句：与${e(a.label)}通知相同${number(s.same)}句、改写${number(s.rewritten)}句、新增${number(s.added)}句；${e(a.label)}通知${number(s.a)}句中未沿用${number(s.removed)}句。`;
}

/** The added sentences, grouped by the section they stand in, each linked to its anchor. */
function renderAdded(cmp: Comparison, b: DocMeta, ids: string[], prefix: string, level: number): string {
  const groups = cmp.rows
    .map((row, k) => ({
      row,
      id: ids[k]!,
      added: row.pairs.filter((p) => p.state === "added" && p.b!.counted).map((p) => p.b!),
    }))
    .filter((g) => g.added.length);
  const total = groups.reduce((n, g) => n + g.added.length, 0);
  const parts = groups.filter((g) => g.row.verdict === "added");
  // Sentences added inside shared sections first; whole new sections, named above, after them.
  groups.sort((x, y) => Number(x.row.verdict === "added") - Number(y.row.verdict === "added"));
  const heading = `<h${level} class="cmp-added-title" id="${prefix}-added">${e(b.label)}新增的内容（${number(total)}句）</h${level}>`;
  if (!total)
    return `<section class="cmp-additions" aria-labelledby="${prefix}-added">${heading}<p>没有新增的句子。</p></section>`;
  const partsLine = parts.length
    ? `<p class="cmp-added-parts">新增的部分：${parts
        .map((g) => `<a href="#${g.id}">${e(rowTitle(g.row))}</a>`)
        .join("、")}</p>`
    : "";
  const list = groups
    .map(
      (g) =>
        `<li class="cmp-added-group"><p class="cmp-added-where"><a href="#${g.id}">${e(rowTitle(g.row))}</a>${
          g.row.verdict === "added" ? "（新增部分）" : ""
        }</p><ul>${g.added
          .map((s) => `<li><a href="${e(sentenceHref(b, s))}">${e(s.text)}</a></li>`)
          .join("")}</ul></li>`,
    )
    .join("");
  return `<section class="cmp-additions" aria-labelledby="${prefix}-added">${heading}${partsLine}<ol class="cmp-added-list">${list}</ol></section>`;
}

/** The verdict of each section, with its sentences by what became of them. */
function renderVerdicts(cmp: Comparison, ids: string[], prefix: string, level: number): string {
  const rows = cmp.rows
    .map(
      (row, k) =>
        `<tr><th scope="row"><a href="#${ids[k]}">${e(rowTitle(row))}</a></th><td><span class="cmp-verdict cmp-verdict--${row.verdict}">${VERDICT_LABELS[row.verdict]}</span></td><td>${row.counts.same || ""}</td><td>${row.counts.rewritten || ""}</td><td>${row.counts.added || ""}</td><td>${row.counts.removed || ""}</td></tr>`,
    )
    .join("");
  return `<section class="cmp-verdicts-wrap" aria-labelledby="${prefix}-verdicts"><h${level} class="cmp-verdicts-title" id="${prefix}-verdicts">各部分对比</h${level}><section class="cmp-verdicts-scroll" aria-label="各部分对比表" tabindex="0"><table class="cmp-verdicts"><thead><tr><th scope="col">部分</th><th scope="col">判定</th><th scope="col">相同</th><th scope="col">改写</th><th scope="col">新增</th><th scope="col">删去</th></tr></thead><tbody>${rows}</tbody></table></section><p class="cmp-note">句数按句子计；“删去”为底本中在对比通知里找不到相同或相近句子的句数。</p></section>`;
}

/** The similarity figure, in characters and in sentences. */
function renderSummary(cmp: Comparison, a: DocMeta, b: DocMeta): string {
  const { stats, sentences: s } = cmp;
  const share = (n: number, of: number) => (of ? formatPercent(n / of) : "—");
  const keptSentences = s.same + s.rewritten;
  return `<div class="cmp-summary">
<p class="cmp-figure"><span class="cmp-figure-value">${formatPercent(cmp.similarity)}</span><span class="cmp-figure-label">相似度</span></p>
<dl class="cmp-stats">
<div><dt>按字</dt><dd>两件共有${number(stats.kept)}字，占${e(a.label)}的${share(stats.kept, stats.a)}、${e(b.label)}的${share(stats.kept, stats.b)}；${e(a.label)}中未沿用${number(stats.removed)}字，${e(b.label)}中新写${number(stats.added)}字</dd></div>
<div><dt>按句</dt><dd>${e(b.label)}${number(s.b)}句中，与${e(a.label)}相同${number(s.same)}句（${share(s.same, s.b)}），改写${number(s.rewritten)}句，新增${number(s.added)}句；沿用或改写的共${share(keptSentences, s.b)}</dd></div>
</dl>
<p class="cmp-note">相似度 = 2 × 共有字数 ÷ 两件总字数，只计汉字、字母和数字。先按编号和标题对齐各部分，再在各部分内逐句对齐：标点、空格和序号不计时相同的为“相同”，相邻两字相同的比例不低于60%的为“改写”，在对方别的部分找到的为“移动”；只在改写的句子内部逐词标出改动。版头、发文字号、署名、成文日期、附注和版记照样对比，但不计入句数。</p>
</div>`;
}

/* ───────────────────────────── sentence by sentence ───────────────────────────── */

/** One side of a rewritten pair, with the marks of its side of the word diff. */
function marked(ops: readonly DiffOp[], side: "a" | "b"): string {
  return ops
    .map(([type, text], k) => {
      if (type === EQUAL) return e(text);
      if ((side === "a" && type === INSERT) || (side === "b" && type === DELETE)) return "";
      const paired = type === DELETE ? ops[k + 1]?.[0] === INSERT : ops[k - 1]?.[0] === DELETE;
      const tag = type === DELETE ? "del" : "ins";
      const kind = paired ? "cmp-changed" : type === DELETE ? "cmp-removed" : "cmp-added";
      return `<${tag} class="cmp-mark ${kind}">${e(text)}</${tag}>`;
    })
    .join("");
}

const STATE_NOTES: Record<SentencePair["state"], (p: SentencePair, a: DocMeta, b: DocMeta) => string> = {
  same: () => "相同",
  rewritten: (p) => `改写 ${formatPercent(p.similarity!)}`,
  moved: (p, a, b) => (p.b ? `见于${e(a.label)}另一部分` : `移至${e(b.label)}另一部分`),
  added: () => "新增",
  removed: () => "删去",
};

function sentenceText(s: CompareSentence, inner: string): string {
  return `<span class="cmp-s cmp-s-${s.k}">${inner}</span>`;
}

/** One side of a line: the sentence with its marks, a link to it, and what became of it. */
function renderSide(
  p: SentencePair | undefined,
  which: "a" | "b",
  doc: DocMeta,
  a: DocMeta,
  b: DocMeta,
): string {
  const s = p?.[which];
  if (!p || !s) return `<div class="cmp-side-${which} cmp-empty"></div>`;
  const inner =
    p.ops !== undefined
      ? marked(p.ops, which)
      : p.state === "added"
        ? `<ins class="cmp-mark cmp-added">${e(s.text)}</ins>`
        : p.state === "removed"
          ? `<del class="cmp-mark cmp-removed">${e(s.text)}</del>`
          : e(s.text);
  const link = `<a class="cmp-s-link" href="${e(sentenceHref(doc, s))}" aria-label="${e(`${doc.label}原文中的这一句`)}">原文</a>`;
  // An aligned pair says what it is once, on the compared notice's side.
  const note = which === "b" || !p.b ? `<span class="cmp-state">${STATE_NOTES[p.state](p, a, b)}</span>` : "";
  return `<div class="cmp-side-${which}"><span class="cmp-pair-doc">${e(doc.label)}</span>${sentenceText(s, inner)}${link}${note}</div>`;
}

/**
 * The lines of a row: an aligned pair is one line; between two aligned pairs, the base's
 * unpaired sentences and the compared notice's stand side by side, line by line, so that what
 * replaced what reads across.
 */
function renderLines(pairs: readonly SentencePair[], a: DocMeta, b: DocMeta): string {
  const lines: string[] = [];
  for (let k = 0; k < pairs.length;) {
    const p = pairs[k]!;
    if (p.a && p.b) {
      lines.push(
        `<li class="cmp-pair cmp-pair--${p.state}">${renderSide(p, "a", a, a, b)}${renderSide(p, "b", b, a, b)}</li>`,
      );
      k++;
      continue;
    }
    const onlyA: SentencePair[] = [];
    const onlyB: SentencePair[] = [];
    while (k < pairs.length && !(pairs[k]!.a && pairs[k]!.b)) (pairs[k]!.a ? onlyA : onlyB).push(pairs[k++]!);
    for (let i = 0; i < Math.max(onlyA.length, onlyB.length); i++) {
      const x = onlyA[i];
      const y = onlyB[i];
      const states = [x ? `cmp-pair--${x.state}` : "", y ? `cmp-pair--${y.state}` : ""].filter(Boolean);
      lines.push(
        `<li class="cmp-pair ${[...new Set(states)].join(" ")}">${renderSide(x, "a", a, a, b)}${renderSide(y, "b", b, a, b)}</li>`,
      );
    }
  }
  return lines.join("");
}

function rowNote(row: ComparedRow): string {
  const c = row.counts;
  const counts = [
    c.same ? `相同${c.same}句` : "",
    c.rewritten ? `改写${c.rewritten}句` : "",
    c.added ? `新增${c.added}句` : "",
    c.removed ? `删去${c.removed}句` : "",
  ].filter(Boolean);
  return `${VERDICT_LABELS[row.verdict]}${counts.length ? `：${counts.join("，")}` : ""}`;
}

function renderHead(row: ComparedRow, a: DocMeta, b: DocMeta): string {
  const side = (which: "a" | "b", doc: DocMeta) => {
    const section = row[which];
    const head = `<span class="cmp-side-doc">${e(doc.label)}</span>`;
    if (!section)
      return `<p class="cmp-side cmp-side-label cmp-side-${which} cmp-side--none">${head}<span class="cmp-none">（无对应部分）</span></p>`;
    const href = section.anchor ? `${doc.url}#${section.anchor}` : doc.url;
    return `<p class="cmp-side cmp-side-label cmp-side-${which}">${head}<a class="cmp-side-link" href="${e(href)}">${e(sideLabel(section))}</a></p>`;
  };
  return `<div class="cmp-cols cmp-cols--head">${side("a", a)}${side("b", b)}</div>`;
}

function rowIds(cmp: Comparison, prefix: string): string[] {
  return cmp.rows.map((_, k) => `${prefix}-${k + 1}`);
}

/** All aligned rows, sentence by sentence. */
export function renderRows(cmp: Comparison, a: DocMeta, b: DocMeta, options: RenderOptions = {}): string {
  const { idPrefix = "cmp", level = 2 } = options;
  const ids = rowIds(cmp, idPrefix);
  return cmp.rows
    .map((row, k) => {
      const id = ids[k]!;
      const added = row.pairs.some((p) => p.state === "added") ? " cmp-row--has-added" : "";
      return `<section class="cmp-row cmp-row--${row.verdict}${added}" aria-labelledby="${id}">
<h${level} class="cmp-row-title" id="${id}">${e(rowTitle(row))}<span class="cmp-row-note">${rowNote(row)}</span></h${level}>
${renderHead(row, a, b)}<ol class="cmp-pairs">${renderLines(row.pairs, a, b)}</ol>
</section>`;
    })
    .join("\n");
}

/** Colour key for the marks. */
function renderLegend(a: DocMeta, b: DocMeta): string {
  return `<p class="cmp-legend"><span class="cmp-legend-item"><del class="cmp-mark cmp-removed">删去</del>只见于${e(a.label)}</span><span class="cmp-legend-item"><ins class="cmp-mark cmp-added">新增</ins>只见于${e(b.label)}</span><span class="cmp-legend-item"><del class="cmp-mark cmp-changed">原文</del><ins class="cmp-mark cmp-changed">改写</ins>改写的句子中改动的文字</span></p>`;
}

/** The answer: the sentence counts, what b added, each section's verdict. */
export function renderAnswer(cmp: Comparison, a: DocMeta, b: DocMeta, options: RenderOptions = {}): string {
  const { idPrefix = "cmp", level = 2 } = options;
  const ids = rowIds(cmp, idPrefix);
  return `<div class="cmp-answer"><p class="cmp-answer-line" data-compare-answer>${answerLine(cmp, a, b)}</p>
<div class="cmp-answer-grid">${renderAdded(cmp, b, ids, idPrefix, level)}${renderVerdicts(cmp, ids, idPrefix, level)}</div></div>`;
}

/** After the answer: the figures, then sentence by sentence with the 只看新增 switch. */
export function renderDetails(cmp: Comparison, a: DocMeta, b: DocMeta, options: RenderOptions = {}): string {
  const only = `${options.idPrefix ?? "cmp"}-only-added`;
  return `${renderSummary(cmp, a, b)}
${renderLegend(a, b)}
<input type="checkbox" class="cmp-only-added" id="${only}"><label class="cmp-only-added-label" for="${only}">只看新增</label>
<div class="cmp-rows">${renderRows(cmp, a, b, options)}</div>`;
}

/** The whole comparison: the answer, the figures, then sentence by sentence. */
export function renderComparison(
  cmp: Comparison,
  a: DocMeta,
  b: DocMeta,
  options: RenderOptions = {},
): string {
  return `${renderAnswer(cmp, a, b, options)}\n${renderDetails(cmp, a, b, options)}`;
}
