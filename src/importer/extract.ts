/**
 * Third pass of the importer: the frontmatter values the text states, read from the parsed
 * parts. Nothing is guessed: what the text does not state is left out and reported missing.
 */
import { parseChineseDate } from "../shared/chinese-date.ts";
import { canonicalDocNumber, findDocNumbers } from "../document/doc-number.ts";
import { regionByName } from "../archive/regions.ts";
import type { NoticeInput } from "../schemas/notice.ts";
import type { Block, Part } from "./structure.ts";

export type ExtractedFields = Omit<NoticeInput, "provenance" | "slug"> & { slug?: string };

export interface ExtractContext {
  /** Issuer ids named by a line made only of issuer names. */
  issuersInLine: (line: string) => string[] | undefined;
  /** Registry region of an issuer id (for provincial notices). */
  regionOfIssuer: (id: string) => string | undefined;
}

const blockText = (b: Block) => b.lines.map((l) => l.text).join("");
/** Titles wrap across lines; a space between two Chinese characters there is a line break. */
export const unwrapTitle = (t: string) =>
  t.replace(/(?<=[\p{Script=Han}”》）])\s+(?=[\p{Script=Han}“《（])/gu, "");

export function extractFields(parts: Part[], context: ExtractContext): ExtractedFields {
  const blocks = (kind: Block["kind"]) =>
    parts.filter((p): p is Block => p.type === "block" && p.kind === kind);
  const first = (kind: Block["kind"]) => blocks(kind)[0];
  const meta = new Map<string, string>();
  for (const line of first("meta")?.lines ?? []) {
    const m = /^(.+?)\s*[：:]\s*(.*)$/.exec(line.text);
    if (m) meta.set(m[1]!.replace(/\s+/g, ""), m[2]!.trim());
  }
  const allText = parts
    .map((p) =>
      p.type === "paragraph" || p.type === "heading" ? p.text : p.type === "block" ? blockText(p) : "",
    )
    .join("\n");

  const fields: Partial<ExtractedFields> = {};
  const titleBlock = first("title");
  const title = titleBlock ? unwrapTitle(blockText(titleBlock)) : meta.get("标题");
  if (title) fields.title = title;

  const docNumber = canonicalDocNumber(
    first("docNumber")?.lines[0]?.text ?? meta.get("文号") ?? meta.get("发文字号") ?? "",
  );
  if (docNumber) fields.docNumber = docNumber;

  // Year and level: from the title, else from the sentence announcing the activity.
  const scope =
    /(\d{4})\s*年\s*(全国|全省|全区|全市)\s*“?质量月/u.exec(title ?? "") ??
    /定于\s*(\d{4})\s*年[^。]*?(全国|全省|全区|全市)\s*“质量月”/u.exec(allText);
  if (scope) {
    fields.year = Number(scope[1]);
    fields.level = scope[2] === "全国" ? "national" : scope[2] === "全市" ? "municipal" : "provincial";
  }

  const lead = leadIssuer(title ?? "", context) ?? leadIssuer(allText, context);
  const issuers = [
    ...new Set([
      ...(lead ? [lead] : []),
      ...[...blocks("masthead"), ...blocks("signature")].flatMap((b) =>
        b.lines.flatMap((l) => mastheadIssuers(l.text, context)),
      ),
    ]),
  ];
  fields.issuers = issuers;

  if (fields.level && fields.level !== "national") {
    const region =
      regionByName(title ?? "")?.name ??
      issuers.map((id) => context.regionOfIssuer(id)).find((r) => r !== undefined);
    if (region) {
      fields.region = region;
      const slug = regionByName(region)?.slug;
      if (slug) fields.slug = slug;
    }
  } else if (fields.level === "national") {
    fields.slug = "quanguo";
  }

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

  if (fields.level && fields.level !== "national") {
    // 《关于开展2022年全国“质量月”活动的通知》（国市监质发〔2022〕76号）: the notice this one implements.
    const cited = /《[^》]*全国[^》]*》\s*[（(]([^）)]+)[）)]/u.exec(allText);
    const responds = cited && findDocNumbers(`（${cited[1]}）`)[0];
    if (responds) fields.respondsTo = responds.canonical;
  }

  const coHosts = coHostsOf(parts, context);
  if (coHosts.length) fields.coHosts = coHosts;
  return fields as ExtractedFields;
}

/** The body named before “等N个部门” (the lead issuer), when it is not a citation of another notice. */
function leadIssuer(text: string, context: ExtractContext): string | undefined {
  const m = /([\p{Script=Han}]+)等\s*\d{1,3}\s*个(?:部门|单位)(?!\s*《)/u.exec(text);
  if (!m) return undefined;
  const run = m[1]!;
  for (let start = 0; start < run.length - 1; start++) {
    const id = context.issuersInLine(run.slice(start));
    if (id?.length === 1) return id[0];
  }
  return undefined;
}

/** Issuers of a masthead line: a list of names, or "X文件" (发文机关标志). */
function mastheadIssuers(text: string, context: ExtractContext): string[] {
  return context.issuersInLine(text) ?? context.issuersInLine(text.replace(/\s*文件$/, "")) ?? [];
}

/** The paragraph after the 活动主题 heading, else the 主题： line of the slogans attachment. */
function themeOf(parts: Part[]): string | undefined {
  for (const [i, part] of parts.entries()) {
    if (part.type === "heading" && /活动主题$/.test(part.text)) {
      const next = parts[i + 1];
      if (next?.type === "paragraph") return next.text;
    }
  }
  for (const [i, part] of parts.entries()) {
    if (part.type !== "paragraph") continue;
    const m = /^主题\s*[：:]\s*(.*)$/.exec(part.text);
    if (m?.[1]) return m[1];
    const next = parts[i + 1];
    if (m && next?.type === "paragraph") return next.text;
  }
  return undefined;
}

/** Items of the list in the attachment whose title names 口号. */
function slogansOf(parts: Part[]): string[] {
  let inSlogans = false;
  for (const part of parts) {
    if (part.type === "attachment") inSlogans = /口号/.test(part.title?.text ?? "");
    else if (inSlogans && part.type === "list") {
      return part.items.map((item) => item.text.replace(/^\d{1,2}\s*[.．、]\s*/, ""));
    }
  }
  return [];
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
        const id = context.issuersInLine(name);
        if (id) ids.push(...id);
      }
    }
  }
  return [...new Set(ids)];
}
