/**
 * The archive's open data, built from the collections (never by re-parsing text): notice
 * metadata records, the JSON documents under /api/, the themes-and-slogans CSV, and the paths
 * of every machine-readable rendering of a notice. Shapes: src/schemas/api.ts.
 */
import type { Block, NoticeDocument, NoticeRecord, NoticesDocument } from "../../schemas/api.ts";
import { blocksToMarkdown, escapeMarkdown } from "../../text/markdown.ts";
import { noticeBlocks } from "../../text/notice-text.ts";
import { blocksToText } from "../../text/plain-text.ts";
import { getIssuerMap } from "../../queries/issuers.ts";
import { getNotices, type NoticeEntry } from "../../queries/notices.ts";
import { inferredBasis } from "../../shared/notice.ts";
import { yearsOverview } from "../../queries/years.ts";
import { REPRODUCTION_NOTICE, absoluteUrl } from "../../shared/site.ts";
import { withBase } from "../../shared/urls.ts";
import { NOTICES_CSV_COLUMNS, THEMES_CSV_HEADER, toCsv } from "./csv.ts";
import { COMPLETENESS_LABELS } from "../../shared/labels.ts";
import { isComplete } from "../../shared/notice.ts";

/* ───────────────────────────── paths ───────────────────────────── */

/** Site paths (without base) of a notice's renderings. */
export function noticePaths(notice: NoticeEntry | { data: { year: number; slug: string } }) {
  const { year, slug } = notice.data;
  return {
    html: `${year}/${slug}/`,
    json: `api/notices/${year}/${slug}.json`,
    text: `${year}/${slug}/text.txt`,
    markdown: `${year}/${slug}/text.md`,
    docx: `${year}/${slug}/text.docx`,
    source: `${year}/${slug}/source.txt`,
  };
}

/** Base-aware links to a notice's renderings, for pages. */
export function noticeDataLinks(notice: NoticeEntry) {
  const p = noticePaths(notice);
  return {
    json: withBase(p.json),
    text: withBase(p.text),
    markdown: withBase(p.markdown),
    docx: withBase(p.docx),
  };
}

export const SCHEMA_PATHS = {
  notices: "api/schema/notices.schema.json",
  notice: "api/schema/notice.schema.json",
} as const;

/* ───────────────────────────── records ───────────────────────────── */

/** One notice's metadata: frontmatter, id, absolute URLs and the names of its issuers. */
async function noticeRecord(notice: NoticeEntry): Promise<NoticeRecord> {
  const issuers = await getIssuerMap();
  const d = notice.data;
  const ids = [...new Set([...d.issuers, ...d.inferredIssuers.map((i) => i.id), ...d.coHosts])];
  const issuerNames: NoticeRecord["issuerNames"] = {};
  for (const id of ids) {
    const issuer = issuers.get(id);
    issuerNames[id] = {
      name: issuer?.name ?? id,
      ...(issuer?.shortName ? { shortName: issuer.shortName } : {}),
    };
  }
  const p = noticePaths(notice);
  return {
    id: notice.id,
    url: absoluteUrl(p.html),
    ...d,
    issuerNames,
    links: {
      html: absoluteUrl(p.html),
      json: absoluteUrl(p.json),
      text: absoluteUrl(p.text),
      markdown: absoluteUrl(p.markdown),
      docx: absoluteUrl(p.docx),
      source: absoluteUrl(p.source),
    },
  };
}

export async function noticesDocument(): Promise<NoticesDocument> {
  const notices = await Promise.all((await getNotices()).map(noticeRecord));
  return {
    $schema: absoluteUrl(SCHEMA_PATHS.notices),
    title: "质量月档案：全部通知的元数据",
    disclaimer: REPRODUCTION_NOTICE,
    count: notices.length,
    notices,
  };
}

export async function noticeDocument(notice: NoticeEntry): Promise<NoticeDocument> {
  const body: Block[] = await noticeBlocks(notice);
  return {
    $schema: absoluteUrl(SCHEMA_PATHS.notice),
    disclaimer: REPRODUCTION_NOTICE,
    notice: await noticeRecord(notice),
    body,
  };
}

/**
 * JSON as published: pretty-printed (diffable, readable in a browser), ending in a newline;
 * `compact` for files that are large and many (a browser's JSON viewer still indents them).
 */
export function jsonText(value: unknown, { compact = false } = {}): string {
  return `${JSON.stringify(value, null, compact ? undefined : 2)}\n`;
}

export function jsonResponse(
  value: unknown,
  contentType = "application/json; charset=utf-8",
  { compact = false } = {},
): Response {
  return new Response(jsonText(value, { compact }), { headers: { "Content-Type": contentType } });
}

/* ───────────────────────────── CSV ───────────────────────────── */

/**
 * One row per year with a known national theme, oldest first. `status` is `archived` (the
 * archive holds a notice of that year) or `catalogue` (only the catalogue of national themes,
 * a secondary source, knows the theme). Slogans (one per line within the cell) come from the
 * held national notice.
 */
export async function themesCsv(): Promise<string> {
  const years = (await yearsOverview())
    .filter((y) => (y.status === "archived" || y.status === "catalogued") && y.theme)
    .sort((a, b) => a.year - b.year);
  const rows = years.map((y) => {
    const national = y.national?.data;
    const slogans = national?.slogans ?? [];
    const from = y.theme!.from === "catalog" ? "catalogue" : y.theme!.from;
    const notes = [
      y.theme!.inferredBasis ? `主题为推断：${y.theme!.inferredBasis}` : undefined,
      y.status === "catalogued" ? y.catalog?.note : undefined,
    ].filter(Boolean);
    const docNumber = national?.docNumber ?? (y.status === "catalogued" ? y.catalog?.docNumber : undefined);
    return [
      y.year,
      y.status === "archived" ? "archived" : "catalogue",
      y.theme!.value,
      from,
      slogans.join("\n"),
      // Empty, not 0, when the archive holds no national notice for the year: slogans unknown.
      national ? slogans.length : undefined,
      docNumber,
      y.national
        ? absoluteUrl(noticePaths(y.national).html)
        : y.status === "archived" && y.url
          ? absoluteUrl(`${y.year}/`)
          : undefined,
      y.status === "catalogued" ? y.catalog?.sourceKind : undefined,
      y.status === "catalogued" ? y.catalog?.sourceUrl : undefined,
      notes.join("；") || undefined,
    ];
  });
  return toCsv(THEMES_CSV_HEADER, rows);
}

/**
 * /api/notices.csv: one row per held notice, the columns of NOTICES_CSV_COLUMNS, for officials
 * and researchers who work in Excel or WPS. The same records as /api/notices.json.
 */
export async function noticesCsv(): Promise<string> {
  const records = (await noticesDocument()).notices;
  const yes = (value: boolean) => (value ? "yes" : undefined);
  const rows = records.map((r) => {
    const inferred = (field: string) => r.inferred.some((i) => i.field === field);
    const gaps = r.provenance.completeness.filter((c) => c !== "complete");
    const cells: Record<(typeof NOTICES_CSV_COLUMNS)[number][0], string | number | undefined> = {
      id: r.id,
      year: r.year,
      level: r.level,
      region: r.region,
      title: r.title,
      title_inferred: yes(inferred("title")),
      doc_number: r.docNumber,
      doc_number_inferred: yes(inferred("docNumber")),
      theme: r.theme,
      slogan_count: r.slogans?.length || undefined,
      issuers: r.issuers.map((id) => r.issuerNames[id]?.name ?? id).join("；"),
      issuers_declared: r.declaredIssuerCount,
      signed_date: r.signedDate,
      printed_date: r.printedDate,
      published_date: r.publishedDate,
      attachments: r.attachments.length,
      responds_to: r.respondsTo,
      complete: isComplete({ data: r }) ? "yes" : "no",
      completeness: gaps.map((c) => COMPLETENESS_LABELS[c]).join("、") || undefined,
      official_source: r.provenance.officialSource?.url,
      url: r.links.html,
      text_url: r.links.text,
      docx_url: r.links.docx,
      json_url: r.links.json,
    };
    return NOTICES_CSV_COLUMNS.map(([name]) => cells[name]);
  });
  return toCsv(
    NOTICES_CSV_COLUMNS.map(([name]) => name),
    rows,
  );
}

/* ───────────────────────────── text renderings ───────────────────────────── */

/** Lines saying where a text comes from and what it is worth, for the .txt and .md renderings. */
function provenanceLines(notice: NoticeEntry): string[] {
  const d = notice.data;
  const p = noticePaths(notice);
  const gaps = d.provenance.completeness.filter((c) => c !== "complete");
  const inferred = (field: "title" | "docNumber") => (inferredBasis(notice, field) ? "，推断" : "");
  const title = d.title
    ? `《${d.title}》${inferred("title") ? "（标题为推断）" : ""}`
    : `${d.year}年“质量月”活动通知（标题缺失）`;
  return [
    `质量月档案：${title}${d.docNumber ? `（${d.docNumber}${inferred("docNumber")}）` : ""}`,
    `网页：${absoluteUrl(p.html)}`,
    `原始来源文本：${absoluteUrl(p.source)}`,
    ...(gaps.length ? [`文本不完整：${d.provenance.note ?? gaps.join("、")}`] : []),
    REPRODUCTION_NOTICE,
  ];
}

/** /{year}/{slug}/text.txt: the archived text as structured, then where it comes from. */
export async function noticeText(notice: NoticeEntry): Promise<string> {
  const body = blocksToText(await noticeBlocks(notice));
  return `${body}\n——————\n${provenanceLines(notice).join("\n")}\n`;
}

/** /{year}/{slug}/text.md: where the text comes from (a quotation block), then the text. */
export async function noticeMarkdown(notice: NoticeEntry): Promise<string> {
  const header = provenanceLines(notice)
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join("  \n");
  return `${header}\n\n${blocksToMarkdown(await noticeBlocks(notice))}`;
}
