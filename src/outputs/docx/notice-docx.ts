/**
 * /{year}/{slug}/text.docx: a notice as a Word document laid out after GB/T 9704 (gbt9704.ts),
 * for officials who start this year's draft from last year's notice in Word or WPS. Built at
 * build time with the `docx` library from the one text model (src/text), so it holds exactly the
 * archived text, in order: masthead, document number, title, recipients, the numbered body,
 * attachment note, signature and date, 附注, 版记, each attachment on a new page.
 *
 * Nothing else is in the body but, when the text is incomplete, the completeness note on the
 * first page (a reproduction must not look more complete than its source). The web page's
 * metadata block (原网页所载信息) is not part of the document and is left out, as in print. The
 * page header says the file is the archive's transcription; the footer has the page numbers.
 *
 * Deterministic: `docx` stamps the creation time and the zip entries' times with the clock, so
 * the package is rewritten with the build date (SOURCE_DATE_EPOCH) and fixed entry times.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IParagraphStyleOptions,
} from "docx";
import { unzipSync, zipSync, strFromU8, strToU8 } from "fflate";
import { partOfAnchor } from "../../document/parts.ts";
import type { Block } from "../../schemas/api.ts";
import { noticeBlocks } from "../../text/notice-text.ts";
import type { NoticeEntry } from "../../queries/notices.ts";
import { completenessStatement, displayTitle } from "../../shared/notice.ts";
import { REPRODUCTION_NOTICE, SITE_NAME, absoluteUrl } from "../../shared/site.ts";
import { BUILD_DATE } from "../citation/notice-citation.ts";
import { noticePaths } from "../open-data/open-data.ts";
import { CHAR, FONTS, LINE, PAGE, RED, SIZE } from "./gbt9704.ts";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const exact = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** Paragraph styles, named in Chinese as a drafter sees them in Word's style list. */
const STYLES: IParagraphStyleOptions[] = [
  {
    id: "Body",
    name: "正文（仿宋三号）",
    run: { font: font(FONTS.fangsong), size: SIZE.san },
    paragraph: { spacing: exact, indent: { firstLine: 2 * CHAR }, alignment: AlignmentType.JUSTIFIED },
  },
  {
    id: "Flush",
    name: "顶格（仿宋三号）",
    basedOn: "Body",
    paragraph: { indent: { firstLine: 0 } },
  },
  {
    id: "Title",
    name: "标题（小标宋二号）",
    run: { font: font(FONTS.xiaobiaosong), size: SIZE.er },
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: LINE },
    },
  },
  {
    id: "Masthead",
    name: "发文机关标志（小标宋红色）",
    run: { font: font(FONTS.xiaobiaosong), size: SIZE.er, color: RED },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 640, lineRule: LineRuleType.EXACT } },
  },
  {
    id: "DocNumber",
    name: "发文字号（仿宋三号居中）",
    basedOn: "Body",
    paragraph: {
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0 },
      spacing: { ...exact, before: 240, after: LINE },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
    },
  },
  {
    id: "Heading1",
    name: "一级标题（黑体三号）",
    basedOn: "Body",
    run: { font: font(FONTS.heiti) },
    paragraph: { keepNext: true, outlineLevel: 0 },
  },
  {
    id: "Heading2",
    name: "二级标题（楷体三号）",
    basedOn: "Body",
    run: { font: font(FONTS.kaiti) },
    paragraph: { keepNext: true, outlineLevel: 1 },
  },
  {
    id: "Heading3",
    name: "三级、四级标题（仿宋三号）",
    basedOn: "Body",
    paragraph: { keepNext: true, outlineLevel: 2 },
  },
  {
    id: "AttachmentLabel",
    name: "附件标识（黑体三号）",
    basedOn: "Flush",
    run: { font: font(FONTS.heiti) },
    paragraph: { keepNext: true },
  },
  {
    id: "AttachmentTitle",
    name: "附件标题（小标宋二号）",
    basedOn: "Title",
    paragraph: {
      keepNext: true,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, before: LINE, after: LINE },
    },
  },
  {
    id: "Signature",
    name: "署名（仿宋三号）",
    basedOn: "Body",
    paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, right: 2 * CHAR }, keepNext: true },
  },
  {
    id: "SignedDate",
    name: "成文日期（右空四字）",
    basedOn: "Body",
    paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, right: 4 * CHAR } },
  },
  {
    id: "Imprint",
    name: "版记（仿宋四号）",
    run: { font: font(FONTS.fangsong), size: SIZE.si },
    paragraph: {
      spacing: { line: 480, lineRule: LineRuleType.EXACT },
      indent: { left: CHAR, right: CHAR },
      border: {
        top: { style: BorderStyle.SINGLE, size: 4, color: "000000", space: 2 },
        bottom: { style: BorderStyle.SINGLE, size: 4, color: "000000", space: 2 },
      },
    },
  },
  {
    id: "ArchiveNote",
    name: "档案说明（文本不完整）",
    run: { font: font(FONTS.heiti), size: 24 },
    paragraph: {
      spacing: { line: 400, lineRule: LineRuleType.EXACT, after: LINE },
      border: {
        top: { style: BorderStyle.SINGLE, size: 6, color: "808080", space: 4 },
        bottom: { style: BorderStyle.SINGLE, size: 6, color: "808080", space: 4 },
        left: { style: BorderStyle.SINGLE, size: 6, color: "808080", space: 4 },
        right: { style: BorderStyle.SINGLE, size: 6, color: "808080", space: 4 },
      },
    },
  },
];

const paragraph = (text: string, style: string, extra: Partial<IParagraphOptions> = {}) =>
  new Paragraph({ style, children: [new TextRun(text)], ...extra });

/** Heading styles by depth in the document's numbering: 一、 黑体, （一） 楷体, deeper 仿宋. */
const HEADING_STYLE = ["Heading1", "Heading1", "Heading2", "Heading3", "Heading3"];

/** The lines of a document part (paragraphs, rarely a list). */
function partLines(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) =>
    b.type === "paragraph" || b.type === "title"
      ? [b.text]
      : b.type === "list"
        ? b.items.map((i) => `${i.number ?? ""}${i.text}`)
        : [],
  );
}

/** Paragraphs of a run of blocks; `docNumberFollows` tells the masthead whether to draw the rule. */
function paragraphs(blocks: readonly Block[]): Paragraph[] {
  const out: Paragraph[] = [];
  blocks.forEach((block, i) => {
    switch (block.type) {
      case "title":
        out.push(paragraph(block.text, "Title"));
        break;
      case "paragraph":
        out.push(paragraph(block.text, "Body"));
        break;
      case "section":
        out.push(paragraph(block.heading, HEADING_STYLE[Math.min(block.depth, 4)]!));
        out.push(...paragraphs(block.content));
        break;
      case "list":
        for (const item of block.items) out.push(paragraph(`${item.number ?? ""}${item.text}`, "Body"));
        break;
      case "attachment":
        out.push(
          paragraph(block.label?.text ?? `附件${block.n}`, "AttachmentLabel", { pageBreakBefore: true }),
        );
        if (block.title) out.push(paragraph(block.title.text, "AttachmentTitle"));
        out.push(...paragraphs(block.content));
        break;
      case "part":
        out.push(...partParagraphs(block.part, partLines(block.content), blocks[i + 1]));
        break;
    }
  });
  return out;
}

function partParagraphs(part: string, lines: string[], next: Block | undefined): Paragraph[] {
  // The web page's metadata describes the document but is not its text (print leaves it out too).
  if (partOfAnchor(part)?.documentText === false) return [];
  switch (part) {
    case "masthead": {
      const ruled = !(next?.type === "part" && next.part === "docnumber");
      return lines.map((line, i) =>
        paragraph(line, "Masthead", {
          ...(ruled && i === lines.length - 1
            ? { border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } } }
            : {}),
        }),
      );
    }
    case "docnumber":
      return lines.map((line) => paragraph(line, "DocNumber"));
    case "recipients":
      return lines.map((line) => paragraph(line, "Flush"));
    case "signature":
      return lines.map((line, i) =>
        paragraph(line, "Signature", i === 0 ? { spacing: { before: 2 * LINE } } : {}),
      );
    case "date":
      return lines.map((line) => paragraph(line, "SignedDate"));
    case "imprint":
      return lines.map((line, i) =>
        paragraph(line, "Imprint", i === 0 ? { spacing: { before: 2 * LINE } } : {}),
      );
    case "attachments":
      // 附件：1. … — the items line up after 附件：
      return lines.map((line, i) =>
        paragraph(line, "Body", i === 0 ? {} : { indent: { left: 5 * CHAR, firstLine: 0 } }),
      );
    default:
      return lines.map((line) => paragraph(line, "Body"));
  }
}

/** “— 1 —” at the outer edge, one character in. */
function pageNumberFooter(alignment: "left" | "right"): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === "right" ? { right: CHAR } : { left: CHAR },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: font(FONTS.songti),
            size: SIZE.si,
          }),
        ],
      }),
    ],
  });
}

/** The reproduction line at the top of every page, as the print layout has it. */
function archiveHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            text: `${SITE_NAME}转录件 · 以发文机关正式文本为准`,
            font: font(FONTS.songti),
            size: SIZE.small - 3,
            color: "666666",
          }),
        ],
      }),
    ],
  });
}

/** The document as `docx` builds it (before the package is made deterministic). */
async function noticeDocument(notice: NoticeEntry): Promise<Document> {
  const statement = completenessStatement(notice);
  const body = paragraphs(await noticeBlocks(notice));
  const url = absoluteUrl(noticePaths(notice).html);
  return new Document({
    title: displayTitle(notice),
    creator: SITE_NAME,
    description: `${REPRODUCTION_NOTICE} ${url}`,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font(FONTS.fangsong), size: SIZE.san, language: { eastAsia: "zh-CN" } } },
      },
      paragraphStyles: STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: PAGE.header, footer: PAGE.footer },
          },
        },
        headers: { default: archiveHeader(), even: archiveHeader() },
        footers: { default: pageNumberFooter("right"), even: pageNumberFooter("left") },
        children: [...(statement ? [paragraph(statement, "ArchiveNote")] : []), ...body],
      },
    ],
  });
}

/** Entry times in the zip: the DOS epoch's first valid day, the same in every build. */
const ZIP_TIME = new Date("1980-01-01T00:00:00Z");

/**
 * The package with the build date as its creation and modification time and fixed zip entry
 * times, so two builds of the same commit write the same bytes.
 */
function deterministic(buffer: Uint8Array): Uint8Array<ArrayBuffer> {
  const files = unzipSync(buffer);
  const core = files["docProps/core.xml"];
  if (core) {
    const stamp = `${BUILD_DATE}T00:00:00Z`;
    files["docProps/core.xml"] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
        `$1${stamp}$2`,
      ),
    );
  }
  return new Uint8Array(
    zipSync(
      Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime: ZIP_TIME }]])),
      { level: 9 },
    ),
  );
}

/** The notice as a .docx file. */
export async function noticeDocx(notice: NoticeEntry): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await Packer.toBuffer(await noticeDocument(notice));
  return deterministic(new Uint8Array(buffer));
}
