/**
 * Citations of a notice as held by the archive: the GB/T 7714-2015 reference shown on its page
 * ([EB/OL], electronic resource online), the CSL-JSON, BibTeX and RIS downloads, and the
 * Highwire `citation_*` meta tags that reference managers (Zotero, Google Scholar) read.
 * Pure functions: the page passes in the notice's data, its issuers' names and its URL.
 *
 * GB/T 7714-2015 (信息与文献 参考文献著录规则), electronic resource:
 *
 *   主要责任者. 题名: 其他题名信息[文献类型标识/文献载体标识]. (更新或修改日期)[引用日期]. 获取和访问路径.
 *
 * - 主要责任者 (8.1.2): up to three responsible parties in full; more than three: the first three
 *   followed by “, 等”. Issuers are bodies (机关团体, 8.1.3), cited by their short names.
 * - 其他题名信息: the 发文字号, as printed.
 * - (更新或修改日期): the document's date: 成文日期, else 印发日期 (both printed in the document),
 *   else 发布日期 (the website's), as /feed.xml files notices.
 * - [引用日期]: the access date, given by the caller (see NoticeCitation.astro for which one).
 * - Information that is not in the document itself but supplied by the cataloguer (here: values
 *   the archive infers, such as the 2022 national notice's title and document number, which its
 *   text has lost and which are known from the Hainan notice that cites it) is enclosed in square
 *   brackets — the convention of GB/T 7714 and of Chinese descriptive cataloguing (GB/T 3792)
 *   for 自拟/据其他信息源补充 information. So a reader of the citation can see that the title was
 *   not read off the cited text.
 */
import type { Level } from "../../shared/levels.ts";

/** What a citation is built from (see citationSource). */
export interface CitationSource {
  /** Notice id, `{year}-{slug}`: citation keys. */
  id: string;
  /** 题名: the title, or a descriptive title when the text has lost it (then `titleSupplied`). */
  title: string;
  /** The title is not read from the text (inferred or made up): shown in [ ]. */
  titleSupplied: boolean;
  /** 发文字号, when known. */
  docNumber?: string;
  /** The document number is inferred: shown in [ ]. */
  docNumberSupplied: boolean;
  /** Issuers' names (short names), in the document's order as far as the text gives it. */
  authors: string[];
  /** How many issuers the document has in all (“等N个部门”); at least authors.length. */
  authorCount: number;
  /**
   * Whether the order of the issuers is known from the text's header or signature. When the
   * header is lost, only the lead issuer (named in the title the notice is cited by) is certain,
   * so the reference names it alone, followed by 等.
   */
  authorOrderKnown: boolean;
  /** The document's date, ISO YYYY-MM-DD. */
  date?: string;
  /** The date is inferred: shown in [ ]. */
  dateSupplied: boolean;
  /** Activity year (for BibTeX `year` when there is no date). */
  year: number;
  /** The notice's permanent URL in the archive (site URL + base path + /{year}/{slug}/). */
  url: string;
  /** What is inferred, in words, for the downloads (they have no brackets convention). */
  note?: string;
}

/** The fields of a notice (src/schemas/notice.ts) a citation needs. */
export interface CitableNotice {
  title?: string | undefined;
  docNumber?: string | undefined;
  year: number;
  slug: string;
  level: Level;
  region?: string | undefined;
  declaredIssuerCount?: number | undefined;
  signedDate?: string | undefined;
  publishedDate?: string | undefined;
  printedDate?: string | undefined;
  inferred: { field: string; basis: string }[];
  provenance: { completeness: string[] };
}

const FIELD_LABELS: Record<string, string> = {
  title: "标题",
  docNumber: "发文字号",
  signedDate: "成文日期",
};

/**
 * The citation source of a notice. `issuers`: the names the text states (in printed order) and
 * those the archive infers (appended after them: their place in the order is not known).
 */
export function citationSource(
  notice: CitableNotice,
  issuers: { stated: string[]; inferred: string[] },
  url: string,
): CitationSource {
  const inferred = new Set(notice.inferred.map((i) => i.field));
  const authors = [...issuers.stated, ...issuers.inferred];
  const date = notice.signedDate ?? notice.printedDate ?? notice.publishedDate;
  const scope = notice.level === "national" ? "全国" : (notice.region ?? "地方");
  const supplied = ["title", "docNumber", "signedDate"].filter(
    (f) => inferred.has(f) && (f !== "signedDate" || date === notice.signedDate),
  );
  const source: CitationSource = {
    id: `${notice.year}-${notice.slug}`,
    title: notice.title ?? `${notice.year}年${scope}“质量月”活动通知`,
    titleSupplied: !notice.title || inferred.has("title"),
    docNumberSupplied: inferred.has("docNumber"),
    authors,
    authorCount: Math.max(notice.declaredIssuerCount ?? 0, authors.length),
    authorOrderKnown: !notice.provenance.completeness.includes("header-missing"),
    dateSupplied: supplied.includes("signedDate"),
    year: notice.year,
    url,
  };
  if (notice.docNumber) source.docNumber = notice.docNumber;
  if (date) source.date = date;
  const notes: string[] = [];
  if (!notice.title) notes.push("来源文本无标题，题名为档案拟定");
  if (supplied.length)
    notes.push(`${supplied.map((f) => FIELD_LABELS[f]).join("、")}未见于本件文本，系推断（依据见档案页面）`);
  if (notes.length) source.note = `${notes.join("；")}。`;
  return source;
}

/** [value] for supplied information (see the header). */
function bracketIf(value: string, supplied: boolean): string {
  return supplied ? `[${value}]` : value;
}

/** The responsible parties GB/T 7714 names, and whether 等 follows. */
function citedAuthors(source: CitationSource): { names: string[]; etAl: boolean } {
  const names = source.authors.slice(0, source.authorOrderKnown ? 3 : 1);
  return { names, etAl: source.authorCount > names.length };
}

/**
 * GB/T 7714-2015 reference, [EB/OL] form. `accessed`: 引用日期, YYYY-MM-DD.
 *
 *   市场监管总局, 中央宣传部, 国家发展改革委, 等. 市场监管总局等14个部门关于开展2019年全国“质量月”活动的通知:
 *   国市监质〔2019〕162号[EB/OL]. (2019-08-22)[2026-11-22]. https://example.gov.cn/2019/quanguo/.
 */
export function formatGbt7714(source: CitationSource, accessed: string): string {
  const { names, etAl } = citedAuthors(source);
  const responsibility = names.length ? `${names.join(", ")}${etAl ? ", 等" : ""}. ` : "";
  const title = bracketIf(source.title, source.titleSupplied);
  const other = source.docNumber ? `: ${bracketIf(source.docNumber, source.docNumberSupplied)}` : "";
  const date = source.date ? `(${bracketIf(source.date, source.dateSupplied)})` : "";
  return `${responsibility}${title}${other}[EB/OL]. ${date}[${accessed}]. ${source.url}.`;
}

/**
 * The same reference split in three, so a page can render the access date in its own element
 * (replaced by the reader's date on the client): `${before}${accessed}${after}`.
 */
export function splitGbt7714(source: CitationSource, accessed: string): { before: string; after: string } {
  const text = formatGbt7714(source, accessed);
  const marker = `[${accessed}]. `;
  const at = text.lastIndexOf(marker);
  return { before: text.slice(0, at + 1), after: text.slice(at + 1 + accessed.length) };
}

function dateParts(iso: string): number[] {
  return iso.split("-").map(Number);
}

/** Citation key: zly2019quanguo. */
function citationKey(source: CitationSource): string {
  return `zly${source.id.replace(/[^A-Za-z0-9]/g, "")}`;
}

/** The archive's name, as the website the document is accessed on. */
const ARCHIVE_NAME = "质量月档案";

/** CSL-JSON (an array with one item), as citeproc and Zotero read it. */
export function toCslJson(source: CitationSource, accessed: string): string {
  const item: Record<string, unknown> = {
    id: citationKey(source),
    // "document": CSL's type for a stand-alone document that is neither a report nor legislation.
    type: "document",
    genre: "通知",
    title: source.title,
    ...(source.docNumber ? { number: source.docNumber } : {}),
    author: source.authors.map((literal) => ({ literal })),
    ...(source.date ? { issued: { "date-parts": [dateParts(source.date)] } } : {}),
    accessed: { "date-parts": [dateParts(accessed)] },
    "container-title": ARCHIVE_NAME,
    URL: source.url,
    language: "zh-CN",
    ...(source.note ? { note: source.note } : {}),
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}

/** Escapes BibTeX's special characters in a field value. */
export function escapeBibtex(value: string): string {
  return value.replace(/[\\{}$&%#_^~]/g, (c) => {
    switch (c) {
      case "\\":
        return "\\textbackslash{}";
      case "^":
        return "\\^{}";
      case "~":
        return "\\~{}";
      default:
        return `\\${c}`;
    }
  });
}

/** BibTeX (biblatex-compatible) @misc entry with urldate. */
export function toBibtex(source: CitationSource, accessed: string): string {
  const authors = source.authors.map((a) => `{${escapeBibtex(a)}}`);
  if (source.authorCount > source.authors.length) authors.push("others");
  const fields: [string, string][] = [
    ["author", authors.join(" and ")],
    ["title", escapeBibtex(source.title)],
    ...(source.docNumber ? ([["number", escapeBibtex(source.docNumber)]] as [string, string][]) : []),
    ["type", "通知"],
    ...(source.date ? ([["date", source.date]] as [string, string][]) : []),
    ["year", String(source.date ? source.date.slice(0, 4) : source.year)],
    ["howpublished", ARCHIVE_NAME],
    ["url", source.url],
    ["urldate", accessed],
    ["language", "chinese"],
    ...(source.note ? ([["note", escapeBibtex(source.note)]] as [string, string][]) : []),
  ];
  const width = Math.max(...fields.map(([k]) => k.length));
  const body = fields.map(([k, v]) => `  ${k.padEnd(width)} = {${v}},`).join("\n");
  return `@misc{${citationKey(source)},\n${body}\n}\n`;
}

/** RIS (TY - GOVDOC), CRLF line endings as the format specifies. */
export function toRis(source: CitationSource, accessed: string): string {
  const slash = (iso: string) => iso.replaceAll("-", "/");
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/[\r\n]+/g, " ")}`;
  const lines = [
    line("TY", "GOVDOC"),
    ...source.authors.map((a) => line("AU", a)),
    line("TI", source.title),
    ...(source.docNumber ? [line("M1", source.docNumber)] : []),
    line("PY", source.date ? source.date.slice(0, 4) : String(source.year)),
    ...(source.date ? [line("DA", slash(source.date))] : []),
    line("UR", source.url),
    line("Y2", slash(accessed)),
    line("DB", ARCHIVE_NAME),
    line("LA", "zh"),
    ...(source.note ? [line("N1", source.note)] : []),
    "ER  - ",
  ];
  return `${lines.join("\r\n")}\r\n`;
}

/** Highwire Press `citation_*` meta tags (Google Scholar, Zotero): [name, content] pairs. */
export function citationMetaTags(source: CitationSource): [string, string][] {
  const tags: [string, string][] = [["citation_title", source.title]];
  for (const author of source.authors) tags.push(["citation_author", author]);
  if (source.date) tags.push(["citation_publication_date", source.date.replaceAll("-", "/")]);
  else tags.push(["citation_publication_date", String(source.year)]);
  if (source.docNumber) tags.push(["citation_technical_report_number", source.docNumber]);
  tags.push(["citation_public_url", source.url], ["citation_abstract_html_url", source.url]);
  tags.push(["citation_language", "zh"]);
  return tags;
}

/** YYYY-MM-DD of an instant in a time zone (the archive's dates are Beijing time). */
export function isoDate(instant: Date, timeZone = "Asia/Shanghai"): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

/**
 * The build date, Beijing time: the access date of the static citation and downloads.
 * SOURCE_DATE_EPOCH (seconds), when set, makes builds reproducible.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return isoDate(Number.isFinite(epoch) && env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date());
}
