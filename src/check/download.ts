/**
 * The downloadable 起草核对 report: one self-contained HTML file (opens in any browser, and in
 * Word or WPS), made in the reader's browser from the same report as the page, with absolute
 * links to the archive and the draft itself, numbered by line, at the end.
 */
import { escapeHtml } from "../shared/html.ts";
import type { CheckReport } from "./check.ts";
import { renderReport, type ReportContext } from "./report.ts";

// A file on the reader's disk, not a page of the site: its own styles, inline.
const STYLE = `body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;line-height:1.7;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1e1e1c}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1.1rem}
.check-badge{display:inline-block;font-size:.8em;padding:0 .4em;margin-right:.5em;border:1px solid #aaa;border-radius:3px}
.check-badge--new{background:#cdebd0}.check-badge--near{background:#fbe3b5}.check-line{color:#55524c;margin-right:.5em}
.check-s{margin:.6rem 0}.check-s p{margin:.1rem 0}.check-s-where,.check-s-near{font-size:.9em;color:#55524c}
del{background:#f8d3d0}ins{background:#cdebd0;text-decoration:underline}
.draft{white-space:pre-wrap;font-family:inherit;background:#f6f5f1;padding:1rem;border:1px solid #ddd}
.draft span{color:#888;display:inline-block;min-width:3em;user-select:none}`;

export function reportDocument(report: CheckReport, draft: string, ctx: ReportContext, made: Date): string {
  const date = `${made.getFullYear()}年${made.getMonth() + 1}月${made.getDate()}日`;
  const site = ctx.href("");
  const lines = draft
    .split(/\r\n|\r|\n/)
    .map((line, i) => `<span>${i + 1}</span>${escapeHtml(line)}`)
    .join("\n");
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>起草核对报告${report.title ? `：${escapeHtml(report.title)}` : ""}</title><style>${STYLE}</style></head>
<body>
<h1>起草核对报告</h1>
<p>${report.title ? `草稿：${escapeHtml(report.title)}<br>` : ""}生成日期：${date}<br>对照：<a href="${escapeHtml(site)}">质量月档案</a>收录的${ctx.data.notices.length}件通知。本报告在您的浏览器中生成，草稿未发送到任何地方。</p>
${renderReport(report, { ...ctx, level: 2 })}
<h2>草稿全文（按行编号）</h2>
<pre class="draft">${lines}</pre>
</body>
</html>
`;
}
