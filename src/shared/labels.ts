/**
 * The archive's enumerated values — completeness, catalogue source kinds, changelog and issuer
 * kinds, the importer's removal reasons — each listed once with its Chinese labels, as every page and feed shows them. The
 * schemas (src/schemas/) take their enums from these lists. Pure and browser-safe.
 */

/** Ways in which a held text falls short of the whole official document. */
export const completenessValues = [
  "complete", // the whole document, as issued
  "header-missing", // the title block (标题、发文字号、发文机关) is lost
  "truncated", // the text stops before the end
  "docnumber-missing", // the source carries no 发文字号
  "issuers-incomplete", // fewer issuers are named than the document declares
  "signature-incomplete", // part of the 署名 block is lost
  "recipients-missing", // the source carries no 主送机关
  "images-missing", // pictures (logos, QR codes) referred to in the text are not held
] as const;

/** Kinds of secondary source a catalogue row rests on, from the most to the least reliable. */
export const catalogSourceKinds = ["official", "legal-database", "news", "association", "mirror"] as const;

/** What kind of change an entry records. */
export const changelogKinds = [
  "added", // 新增: a notice (or another body of content) entered the archive
  "corrected", // 更正: an error in archived content was fixed (a transcription, a value, an inference)
  "changed", // 变更: anything else readers should know (a new format, a reorganised page)
] as const;

/** Kinds of issuing body, as the registry groups them. */
export const issuerKinds = [
  "party", // 党委部门（中央宣传部）
  "court", // 最高人民法院、最高人民检察院
  "ministry", // 国务院组成部门
  "agency", // 国务院直属机构、部委管理的国家局
  "bank", // 中国人民银行及其分支机构
  "customs", // 海关总署及各直属海关
  "organization", // 群团组织、联合会（全国总工会、全国工商联、供销合作总社）
  "office", // 议事协调机构的办公室（质量强省办）
  "department", // 地方政府部门（厅、局、委）
  "government", // 地方人民政府
] as const;

export type Completeness = (typeof completenessValues)[number];

export const COMPLETENESS_LABELS: Record<Completeness, string> = {
  complete: "全文完整",
  "header-missing": "缺版头",
  truncated: "正文不全",
  "docnumber-missing": "未载发文字号",
  "issuers-incomplete": "发文机关不全",
  "signature-incomplete": "署名不全",
  "recipients-missing": "未载主送机关",
  "images-missing": "缺图片",
};

export const COMPLETENESS_DESCRIPTIONS: Record<Completeness, string> = {
  complete: "本文本为印发时的完整文件。",
  "header-missing": "版头（标题、发文字号、发文机关标志）已缺失。",
  truncated: "文本中途截断，结尾部分缺失。",
  "docnumber-missing": "来源文本未载发文字号。",
  "issuers-incomplete": "文中点名的发文机关少于文件所称部门数。",
  "signature-incomplete": "署名部分缺失。",
  "recipients-missing": "来源文本未载主送机关。",
  "images-missing": "文中提到的图片（标志、二维码等）未收录。",
};

export const SOURCE_KIND_LABELS: Record<(typeof catalogSourceKinds)[number], string> = {
  official: "政府网站",
  "legal-database": "法规数据库",
  news: "新闻报道",
  association: "行业协会网站",
  mirror: "转载副本",
};

/** Kinds of changelog entry (src/schemas/changelog.ts). */
export const CHANGE_KIND_LABELS: Record<(typeof changelogKinds)[number], string> = {
  added: "新增",
  corrected: "更正",
  changed: "变更",
};

/** Kinds of issuing body (src/schemas/issuer.ts). */
export const ISSUER_KIND_LABELS: Record<(typeof issuerKinds)[number], string> = {
  party: "党委部门",
  court: "审判、检察机关",
  ministry: "国务院组成部门",
  agency: "国务院直属机构或部委管理的国家局",
  bank: "中国人民银行及其分支机构",
  customs: "海关",
  organization: "群团组织、联合会、协会",
  office: "议事协调机构的办公室",
  department: "地方政府部门",
  government: "地方人民政府",
};

/**
 * Why the importer removes a piece of text: src/importer/lines.ts writes exactly these into
 * `provenance.removed[].reason`, and the pages show them in Chinese.
 */
export type RemovalReason =
  | "word-processor bookmark marker"
  | "advert: the web copy stops here"
  | "advert after the cut-off text"
  | "advert link"
  | "page number"
  | "bare section numeral from a web layout"
  | "word-processor list bullet"
  | "web page: the page title with the site's name"
  | "web page: breadcrumbs"
  | "web page: publication details of the page"
  | "web page: font-size switch"
  | "web page: share buttons"
  | "web page: page controls"
  | "web page: links to other pages"
  | "web page: QR code caption"
  | "web page: the site's footer";

const REMOVAL_REASON_LABELS: Record<RemovalReason, string> = {
  "word-processor bookmark marker": "文字处理软件的书签标记",
  "advert: the web copy stops here": "转载网站的广告，网页文本至此中断",
  "advert after the cut-off text": "中断处之后的广告",
  "advert link": "广告链接",
  "page number": "页码",
  "bare section numeral from a web layout": "网页排版残留的单独序号",
  "word-processor list bullet": "文字处理软件的列表符号",
  "web page: the page title with the site's name": "网页标题（带网站名称）",
  "web page: breadcrumbs": "网页的位置导航",
  "web page: publication details of the page": "网页的发布信息（发布时间、来源、浏览次数等）",
  "web page: font-size switch": "网页的字号切换",
  "web page: share buttons": "网页的分享按钮",
  "web page: page controls": "网页的打印、关闭等按钮",
  "web page: links to other pages": "网页的上一篇、下一篇等链接",
  "web page: QR code caption": "网页的二维码说明",
  "web page: the site's footer": "网站页脚（版权、备案信息）",
};

/** A removal's reason as the pages show it; a reason written by hand (in Chinese) as it is. */
export function removalReasonLabel(reason: string): string {
  return (REMOVAL_REASON_LABELS as Record<string, string>)[reason] ?? reason;
}
