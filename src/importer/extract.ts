/**
 * Third pass of the importer: the frontmatter values the text states, read from the parsed
 * parts. Nothing is guessed: what the text does not state is left out and reported missing.
 */
import { parseChineseDate } from "../shared/chinese-date.ts";
import { canonicalDocNumber, findDocNumbers } from "../document/doc-number.ts";
import type { NoticeInput } from "../schemas/notice.ts";
import { significantLength } from "../shared/letters.ts";
import type { Block, Part } from "./structure.ts";

/** What the text states about the notice; where it is filed comes from ./filing.ts. */
export type ExtractedFields = Omit<NoticeInput, "provenance" | "slug" | "year" | "level" | "issuers"> & {
  /** Names of the issuing bodies as printed, in order: title, header, signature. */
  issuerNames: string[];
};

export interface ExtractContext {
  /** Printed names of the bodies a line consists of, or undefined when it is not such a line. */
  namesInLine: (line: string) => string[] | undefined;
  /** The registry id a printed name denotes in this notice's region, or undefined. */
  resolve: (name: string) => string | undefined;
  /** True for a national notice (only a local one responds to another notice). */
  national: boolean;
}

const blockText = (b: Block) => b.lines.map((l) => l.text).join("");
/** Titles wrap across lines; a space between two Chinese characters there is a line break. */
export const unwrapTitle = (t: string) =>
  t.replace(/(?<=[\p{Script=Han}”》）])\s+(?=[\p{Script=Han}“《（])/gu, "");

/** The title and document number: what the notice is filed by (before its issuers are read). */
export function headFacts(parts: Part[]): { title?: string; docNumber?: string; meta: Map<string, string> } {
  const meta = new Map<string, string>();
  const metaBlock = parts.find((p): p is Block => p.type === "block" && p.kind === "meta");
  for (const line of metaBlock?.lines ?? []) {
    const m = /^(.+?)\s*[：:]\s*(.*)$/.exec(line.text);
    if (m) meta.set(m[1]!.replace(/\s+/g, ""), m[2]!.trim());
  }
  const titleBlock = parts.find((p): p is Block => p.type === "block" && p.kind === "title");
  const title = titleBlock ? unwrapTitle(blockText(titleBlock)) : meta.get("标题");
  const docBlock = parts.find((p): p is Block => p.type === "block" && p.kind === "docNumber");
  const docNumber = canonicalDocNumber(
    docBlock?.lines[0]?.text ?? meta.get("文号") ?? meta.get("发文字号") ?? "",
  );
  return { ...(title ? { title } : {}), ...(docNumber ? { docNumber } : {}), meta };
}

/**
 * The issuing bodies as the text prints them: the title's opening (浙江省市场监督管理局关于…,
 * 市场监管总局等21个部门关于…), the header (发文机关标志) and the signature, in that order,
 * each once.
 */
export function issuerNamesOf(parts: Part[], context: Pick<ExtractContext, "namesInLine">): string[] {
  const { title } = headFacts(parts);
  const names: string[] = [];
  const opening = /^(.+?)(?:等\s*\d{1,3}\s*个(?:部门|单位))?关于/u.exec(title ?? "")?.[1];
  if (opening) names.push(...(context.namesInLine(opening) ?? []));
  if (!names.length) {
    const lead = leadName(allTextOf(parts), context);
    if (lead) names.push(lead);
  }
  for (const block of parts) {
    if (block.type !== "block" || (block.kind !== "masthead" && block.kind !== "signature")) continue;
    for (const line of block.lines) {
      const text = line.text.replace(/\s*文件$/, "");
      names.push(...(context.namesInLine(line.text) ?? context.namesInLine(text) ?? []));
    }
  }
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.replace(/\s+/g, "");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function allTextOf(parts: Part[]): string {
  return parts
    .map((p) =>
      p.type === "paragraph" || p.type === "heading" ? p.text : p.type === "block" ? blockText(p) : "",
    )
    .join("\n");
}

export function extractFields(parts: Part[], context: ExtractContext): ExtractedFields {
  const blocks = (kind: Block["kind"]) =>
    parts.filter((p): p is Block => p.type === "block" && p.kind === kind);
  const first = (kind: Block["kind"]) => blocks(kind)[0];
  const { title, docNumber, meta } = headFacts(parts);
  const allText = allTextOf(parts);

  const fields: Partial<ExtractedFields> = {};
  if (title) fields.title = title;
  if (docNumber) fields.docNumber = docNumber;
  fields.issuerNames = issuerNamesOf(parts, context);

  // “市场监管总局等14个部门” in the title, else in the text — but not inside a citation of another notice.
  for (const source of [title ?? "", allText]) {
    const m = [...source.matchAll(/等\s*(\d{1,3})\s*个(?:部门|单位)(?!\s*《)/gu)][0];
    if (m) {
      fields.declaredIssuerCount = Number(m[1]);
      break;
    }
  }

  const theme = themeOf(parts);
  if (theme) fields.theme = theme;
  const slogans = slogansOf(parts);
  if (slogans.length) fields.slogans = slogans;

  const recipients = first("recipients");
  const imprint = blocks("imprint").flatMap((b) => b.lines.map((l) => l.text));
  const recipientsAtEnd = imprint.find((l) => /^主送\s*[：:]/.test(l));
  if (recipients) fields.recipients = blockText(recipients);
  else if (recipientsAtEnd) fields.recipients = recipientsAtEnd.replace(/^主送\s*[：:]\s*/, "");
  const cc = imprint.find((l) => /^抄送\s*[：:]/.test(l));
  if (cc) fields.cc = cc.replace(/^抄送\s*[：:]\s*/, "");
  const printedIndex = imprint.findIndex((l) => /印发$/.test(l) && parseChineseDate(l));
  if (printedIndex >= 0) {
    const line = imprint[printedIndex]!;
    fields.printedDate = parseChineseDate(line)!;
    const sameLine = line.replace(/\s*[0-9〇零一二三四五六七八九]{4}\s*年.*$/u, "").trim();
    const by = sameLine || imprint[printedIndex - 1];
    if (by && !/[：:]/.test(by)) fields.printedBy = by;
  }

  const signature = blocks("signature").flatMap((b) => b.lines.map((l) => l.text));
  if (signature.length) fields.signatures = signature;
  const signed = first("signedDate")?.lines[0]?.text ?? meta.get("成文日期");
  const signedDate = signed && parseChineseDate(signed);
  if (signedDate) fields.signedDate = signedDate;
  const published = meta.get("发布日期") && parseChineseDate(meta.get("发布日期")!);
  if (published) fields.publishedDate = published;
  if (meta.get("索引号")) fields.indexNumber = meta.get("索引号")!;
  if (meta.get("主题分类")) fields.category = meta.get("主题分类")!;
  const unit = meta.get("所属机构") ?? meta.get("发布机构");
  if (unit) fields.publishingUnit = unit;
  const publicity = first("publicity");
  if (publicity) fields.publicity = blockText(publicity);

  fields.attachments = attachmentsOf(parts);

  if (!context.national) {
    // 《关于开展2022年全国“质量月”活动的通知》（国市监质发〔2022〕76号）: the notice this one implements.
    const cited = /《[^》]*全国[^》]*》\s*[（(]([^）)]+)[）)]/u.exec(allText);
    const responds = cited && findDocNumbers(`（${cited[1]}）`)[0];
    if (responds) fields.respondsTo = responds.canonical;
  }

  const coHosts = coHostsOf(parts, context);
  if (coHosts.length) fields.coHosts = coHosts;
  return fields as ExtractedFields;
}

/** The body named before “等N个部门” in the text (the lead issuer), not inside a citation. */
function leadName(text: string, context: Pick<ExtractContext, "namesInLine">): string | undefined {
  const m = /([\p{Script=Han}]+)等\s*\d{1,3}\s*个(?:部门|单位)(?!\s*《)/u.exec(text);
  if (!m) return undefined;
  const run = m[1]!;
  for (let start = 0; start < run.length - 1; start++) {
    const names = context.namesInLine(run.slice(start));
    if (names?.length === 1) return names[0];
  }
  return undefined;
}

/** Quotation marks around a whole value are punctuation, not part of it. */
const unquote = (text: string) => text.trim().replace(/^[“"「](.*)[”"」]$/u, "$1");

/**
 * The theme: the paragraph after the 活动主题 heading; else inline, 一、活动主题：……; else the
 * 主题： line of the slogans attachment; else the sentence 活动主题为“……”.
 */
function themeOf(parts: Part[]): string | undefined {
  const INLINE =
    /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)?\s*(?:活动)?主题\s*[：:]\s*(.*)$/u;
  for (const [i, part] of parts.entries()) {
    if (part.type === "heading" && /活动主题$/.test(part.text)) {
      const next = parts[i + 1];
      if (next?.type === "paragraph") return next.text;
    }
    if (part.type === "heading" || part.type === "paragraph") {
      const m = INLINE.exec(part.text);
      if (m?.[1]) return unquote(m[1].replace(/[。；]$/u, ""));
      const next = parts[i + 1];
      if (m && next?.type === "paragraph") return next.text;
    }
  }
  for (const part of parts) {
    if (part.type !== "paragraph") continue;
    const m = /(?:活动)?主题(?:为|是)\s*[“"「]([^”"」]{2,40})[”"」]/u.exec(part.text);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * Slogans: the items of the list under an attachment or a heading that names 口号 (活动口号,
 * 宣传口号), else the short paragraphs standing there, one slogan each.
 */
function slogansOf(parts: Part[]): string[] {
  let inSlogans = false;
  const loose: string[] = [];
  for (const part of parts) {
    if (part.type === "attachment" || part.type === "heading") {
      if (loose.length) return loose;
      inSlogans = /口号/.test(part.type === "attachment" ? (part.title?.text ?? "") : part.text);
    } else if (inSlogans && part.type === "list") {
      return part.items.map((item) => item.text.replace(/^\d{1,2}\s*[.．、]\s*/, ""));
    } else if (inSlogans && part.type === "paragraph") {
      if (significantLength(part.text) > 30 || /。./u.test(part.text)) {
        if (loose.length) return loose;
        if (!/^主题\s*[：:]/u.test(part.text)) inSlogans = false;
        continue;
      }
      if (/^主题\s*[：:]/u.test(part.text)) continue;
      loose.push(part.text.replace(/^\d{1,2}\s*[.．、]\s*/, ""));
    } else if (part.type === "block" && loose.length) {
      return loose;
    }
  }
  return loose;
}

/** Attachments as the 附件说明 lists them, else as their headings give them. */
function attachmentsOf(parts: Part[]): { n: number; title: string }[] {
  const note = parts.find((p): p is Block => p.type === "block" && p.kind === "attachmentNote");
  const listed: { n: number; title: string }[] = [];
  for (const line of note?.lines ?? []) {
    const m = /^(?:附件\s*[：:]\s*)?(\d{1,2})\s*[.．、]\s*(.+)$/.exec(line.text);
    if (m) listed.push({ n: Number(m[1]), title: unwrapTitle(m[2]!) });
  }
  if (listed.length) return listed;
  return parts
    .filter((p) => p.type === "attachment")
    .flatMap((p) => (p.title ? [{ n: p.n, title: unwrapTitle(p.title.text) }] : []));
}

/** Units listed in an attachment titled …联合主办单位名单, as issuer ids. */
function coHostsOf(parts: Part[], context: ExtractContext): string[] {
  let inList = false;
  const ids: string[] = [];
  for (const part of parts) {
    if (part.type === "attachment") inList = /主办单位名单/.test(part.title?.text ?? "");
    else if (inList && part.type === "paragraph") {
      for (const name of part.text.replace(/[。；]$/, "").split(/[、，]/)) {
        const id = context.resolve(name);
        if (id) ids.push(id);
      }
    }
  }
  return [...new Set(ids)];
}
