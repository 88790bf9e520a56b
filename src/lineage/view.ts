/**
 * What a notice page says about where its sentences come from: the summary line
 * (本通知N句：沿用X句（最早见于…）、改写Y句、新写Z句) and the 沿用标注 view, the notice's text
 * with every counted sentence marked by origin and followed by a link to the earlier sentence's
 * anchor. HTML built here at build time (no script: the view is read with JavaScript off); every
 * text is escaped.
 *
 *   <p class="ln-p"><span class="ln ln-carried">深入开展质量提升行动。</span><a class="ln-ref"
 *     href="/2021/quanguo/#s2-1-p1">沿用 2021年全国</a> …
 */
import type { Block } from "../schemas/api.ts";
import { escapeHtml } from "../shared/html.ts";
import { splitSentences } from "../text/sentences.ts";
import type { LineageSummary, Match, Origin, SentenceLineage } from "./lineage.ts";
import { isCounted } from "./lineage.ts";

/** A notice's short name and page (2021年全国, /2021/quanguo/). */
export interface NoticeLabel {
  label: string;
  url: string;
}

export type LabelOf = (id: string) => NoticeLabel | undefined;

/** How each origin is named on the pages. */
export const ORIGIN_LABELS: Record<Origin, string> = { carried: "沿用", rewritten: "改写", new: "新写" };

/** 83.4% → "83%": similarities of sentences are read, not computed with. */
function percent(share: number): string {
  return `${Math.floor(share * 100)}%`;
}

/**
 * How many first notices the summary line names; with more it names these and counts the rest
 * (等N件通知), so that on a phone the line stays short and the text starts on the first screen.
 * The whole list is in the opened view (carriedFromLine) and in the open data.
 */
const SUMMARY_SOURCES = 3;

function carriedFrom(summary: LineageSummary, labelOf: LabelOf, limit = Infinity): string {
  const named = summary.carriedFrom
    .slice(0, limit)
    .map(({ notice, count }) => `${labelOf(notice)?.label ?? notice}通知${count}句`)
    .join("、");
  const rest = summary.carriedFrom.length - Math.min(limit, summary.carriedFrom.length);
  return rest > 0 ? `${named}等${summary.carriedFrom.length}件通知` : named;
}

/**
 * 本通知N句：沿用X句（最早见于2019年全国通知31句、2021年全国通知21句）、改写Y句、新写Z句 —
 * naming at most SUMMARY_SOURCES first notices, earliest first.
 */
export function summaryLine(summary: LineageSummary, labelOf: LabelOf): string {
  const from = carriedFrom(summary, labelOf, SUMMARY_SOURCES);
  return `本通知${summary.total}句：${ORIGIN_LABELS.carried}${summary.carried}句${from ? `（最早见于${from}）` : ""}、${ORIGIN_LABELS.rewritten}${summary.rewritten}句、${ORIGIN_LABELS.new}${summary.new}句`;
}

/** Every first notice of the carried sentences, when the summary line names only some of them. */
export function carriedFromLine(summary: LineageSummary, labelOf: LabelOf): string | undefined {
  return summary.carriedFrom.length > SUMMARY_SOURCES
    ? `沿用的${summary.carried}句最早见于：${carriedFrom(summary, labelOf)}。`
    : undefined;
}

function refLink(prefix: string, match: Match, labelOf: LabelOf, extra = ""): string {
  const target = labelOf(match.notice);
  const text = `${prefix}${target?.label ?? match.notice}${extra}`;
  return target
    ? `<a class="ln-ref" href="${escapeHtml(`${target.url}#${match.anchor}`)}">${escapeHtml(text)}</a>`
    : `<span class="ln-ref">${escapeHtml(text)}</span>`;
}

/** The marks after one sentence: its origin, the earlier sentence, its first appearance. */
function refs(s: SentenceLineage, labelOf: LabelOf): string {
  if (s.origin === "new") return `<span class="ln-ref ln-ref--new">${ORIGIN_LABELS.new}</span>`;
  const source = s.source!;
  const first = s.first!;
  const out = [
    s.origin === "carried"
      ? refLink(`${ORIGIN_LABELS.carried} `, source, labelOf)
      : refLink(`${ORIGIN_LABELS.rewritten} `, source, labelOf, ` ${percent(source.similarity)}`),
  ];
  if (first.notice !== source.notice) out.push(refLink("始见 ", first, labelOf));
  return out.join("");
}

/** Renders one block's text, its sentences marked (see splitSentences: the pieces are the text). */
function marked(
  text: string,
  anchor: string,
  whole: boolean,
  byAddress: Map<string, SentenceLineage>,
  labelOf: LabelOf,
): string {
  const pieces = whole ? [text] : splitSentences(text);
  return pieces
    .map((piece, k) => {
      const s = byAddress.get(`${anchor}#${k + 1}`);
      if (!s) return escapeHtml(piece);
      const lead = /^\s*/.exec(piece)![0];
      const body = piece.trim();
      return `${escapeHtml(lead)}<span class="ln ln-${s.origin}">${escapeHtml(body)}</span>${refs(s, labelOf)}`;
    })
    .join("")
    .replace(/\n/g, "<br>");
}

/** The 沿用标注 view: the text's blocks, headings and parts of the running text, marked. */
export function renderLineageView(
  blocks: readonly Block[],
  sentences: readonly SentenceLineage[],
  labelOf: LabelOf,
): string {
  const byAddress = new Map(sentences.map((s) => [`${s.sentence.anchor}#${s.sentence.n}`, s]));
  const out: string[] = [];
  const line = (tag: string, cls: string, anchor: string, text: string, whole: boolean) =>
    out.push(`<${tag} class="${cls}">${marked(text, anchor, whole, byAddress, labelOf)}</${tag}>`);
  const walk = (block: Block) => {
    switch (block.type) {
      case "title":
        line("p", "ln-title", block.anchor, block.text, true);
        break;
      case "paragraph":
        line("p", "ln-p", block.anchor, block.text, false);
        break;
      case "section":
        line("p", `ln-heading ln-depth-${Math.min(block.depth, 4)}`, block.anchor, block.heading, true);
        block.content.forEach(walk);
        break;
      case "list":
        out.push(`<ul class="ln-list">`);
        for (const item of block.items)
          line("li", "ln-item", item.anchor, `${item.number ? `${item.number} ` : ""}${item.text}`, false);
        out.push("</ul>");
        break;
      case "part":
        // The document's furniture (版头, 署名, 成文日期 …) is not wording: left out of the view.
        if (isCounted({ kind: "sentence", part: block.part })) block.content.forEach(walk);
        break;
      case "attachment":
        if (block.label) out.push(`<p class="ln-label">${escapeHtml(block.label.text)}</p>`);
        if (block.title) line("p", "ln-heading ln-depth-1", block.title.anchor, block.title.text, true);
        block.content.forEach(walk);
        break;
    }
  };
  blocks.forEach(walk);
  return out.join("\n");
}
