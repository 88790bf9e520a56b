/**
 * The draft check's report as HTML (src/check/check.ts → this): the same string on the page and
 * in the downloadable report, links relative on the page and absolute in the download. Every
 * text is escaped: the draft is the reader's text, never markup.
 *
 *   renderReport(report, { data, href }) → <div class="check-summary">草稿共120句：…</div>
 *     <section class="check-findings">…</section> <section class="check-sentences">…</section>
 */
import { DELETE, EQUAL, INSERT, diffChars } from "../text/diff.ts";
import { escapeHtml } from "../shared/html.ts";
import type { CheckReport, SentenceFinding } from "./check.ts";
import type { CheckData, CheckIssuer } from "./data-file.ts";

export interface ReportContext {
  data: CheckData;
  /** The address of a site path (under the base), with an optional #anchor. */
  href: (path: string, anchor?: string) => string;
  /** Heading level of the report's sections (3 on the page, under its 核对结果; 2 in the file). */
  level?: 2 | 3;
}

const STATUS_LABELS: Record<SentenceFinding["status"], string> = {
  same: "相同",
  near: "相近",
  new: "新写",
};

const e = escapeHtml;

function link(ctx: ReportContext, path: string, text: string, anchor?: string): string {
  return `<a href="${e(ctx.href(path, anchor))}">${e(text)}</a>`;
}

function noticeLink(ctx: ReportContext, notice: number, anchor?: string): string {
  const [, label, path] = ctx.data.notices[notice]!;
  return link(ctx, path, `${label}通知`, anchor);
}

function issuerName(issuer: CheckIssuer): string {
  return issuer.shortName && issuer.shortName !== issuer.name
    ? `${issuer.shortName}（${issuer.name}）`
    : issuer.name;
}

/** “草稿共N句：相同X句、相近Y句、新写Z句”, and the year the check assumed. */
export function summaryText(report: CheckReport): string {
  const { counts } = report;
  return `草稿共${counts.total}句：与收录通知${STATUS_LABELS.same}${counts.same}句、${STATUS_LABELS.near}${counts.near}句、${STATUS_LABELS.new}${counts.new}句`;
}

function findingItems(report: CheckReport, ctx: ReportContext): string[] {
  const items: string[] = [];
  const at = (line: number) => `<span class="check-line">第${line}行</span>`;
  for (const d of report.docNumbers)
    items.push(
      `${at(d.line)}发文字号 <strong>${e(d.raw)}</strong> 的年份应放在六角括号“〔〕”中：<strong>${e(d.canonical)}</strong>`,
    );
  for (const o of report.outdated)
    items.push(
      `${at(o.line)}<strong>${e(o.name)}</strong>：${link(ctx, `issuers/${o.issuer.id}/`, issuerName(o.issuer))}${
        o.issuer.active?.[1] ? `于${o.issuer.active[1]}年` : "已"
      }撤销，由${link(ctx, `issuers/${o.successor.id}/`, issuerName(o.successor))}取代；${report.year}年的通知请核对是否应写现名`,
    );
  if (report.issuerCount) {
    const { declared, line, named } = report.issuerCount;
    const byId = new Map(ctx.data.issuers.map((i) => [i.id, i]));
    items.push(
      `${at(line)}写作“等${declared}个部门”，版头和署名列出的部门是${named.length}个${
        named.length
          ? `：${named.map((id) => e(byId.get(id)?.shortName ?? byId.get(id)?.name ?? id)).join("、")}`
          : ""
      }`,
    );
  }
  for (const p of report.phrases) {
    const [text, anchor, uses] = ctx.data.phrases[p.phrase]!;
    const earlier = uses
      .filter(([year]) => year < report.year)
      .map(([year, notice, role]) => {
        const what = role === "theme" ? "主题" : "口号";
        return notice >= 0 ? `${noticeLink(ctx, notice)}（${what}）` : `${year}年全国（${what}，据主题目录）`;
      });
    items.push(
      `${at(p.line)}${role(uses)} ${link(ctx, "themes/", `“${text}”`, anchor)} 曾用于：${[...new Set(earlier)].join("、")}`,
    );
  }
  return items;
}

function role(uses: CheckData["phrases"][number][2]): string {
  const roles = new Set(uses.map(([, , r]) => r));
  return roles.size > 1 ? "主题口号" : roles.has("theme") ? "主题" : "口号";
}

/** The draft sentence against the archive's near one: what the draft changed, marked. */
function diffHtml(draft: string, held: string): string {
  return diffChars(held, draft)
    .map(([type, text]) =>
      type === EQUAL
        ? e(text)
        : type === DELETE
          ? `<del class="cmp-mark cmp-removed">${e(text)}</del>`
          : type === INSERT
            ? `<ins class="cmp-mark cmp-added">${e(text)}</ins>`
            : "",
    )
    .join("");
}

function sentenceItem(s: SentenceFinding, ctx: ReportContext): string {
  const head = `<p class="check-s-text"><span class="check-badge check-badge--${s.status}">${STATUS_LABELS[s.status]}</span><span class="check-line">第${s.line}行</span>${e(s.text)}</p>`;
  if (!s.match) return `<li class="check-s check-s--${s.status}">${head}</li>`;
  const [text, first, firstAnchor, last, lastAnchor, count] = ctx.data.sentences[s.match.sentence]!;
  const where = [
    `见于${noticeLink(ctx, last, lastAnchor)}${count > 1 ? "（最近）" : ""}`,
    ...(first !== last ? [`始见${noticeLink(ctx, first, firstAnchor)}`] : []),
    `共${count}件通知`,
  ].join("；");
  const near =
    s.status === "near"
      ? `<p class="check-s-near">相似度${Math.floor(s.match.similarity * 100)}%，与收录的句子比较（<del class="cmp-mark cmp-removed">删</del>收录句有、草稿无，<ins class="cmp-mark cmp-added">增</ins>草稿新写）：<span class="check-s-diff">${diffHtml(s.text, text)}</span></p>`
      : "";
  return `<li class="check-s check-s--${s.status}">${head}<p class="check-s-where">${where}</p>${near}</li>`;
}

/** The whole report: summary, findings, sentence by sentence. */
export function renderReport(report: CheckReport, ctx: ReportContext): string {
  const findings = findingItems(report, ctx);
  const h = `h${ctx.level ?? 3}`;
  return `<div class="check-summary"><p class="check-summary-line" data-check-summary>${e(summaryText(report))}</p>
<p class="check-summary-note">按${report.year}年的通知核对（${report.yearFrom === "draft" ? "据草稿中的年份" : "草稿未写明年份，按上面填写的年份"}）。“相同”指本档案收录的通知中有同一句（标点、空格和序号不计），“相近”指有相近的句子（相邻两字相同的比例不低于60%）。</p></div>
<section class="check-findings" aria-labelledby="check-findings-title"><${h} id="check-findings-title">需要核对的地方（${findings.length}处）</${h}>
${findings.length ? `<ul class="check-list">${findings.map((f) => `<li>${f}</li>`).join("")}</ul>` : `<p>未发现发文字号格式、机构旧称、用过的主题口号或部门数目方面的问题。</p>`}</section>
<section class="check-sentences" aria-labelledby="check-sentences-title"><${h} id="check-sentences-title">逐句对照</${h}>
<ol class="check-sentence-list" data-check-sentences>${report.sentences.map((s) => sentenceItem(s, ctx)).join("")}</ol></section>`;
}
