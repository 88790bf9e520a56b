/**
 * Second pass of the importer: repaired lines become the parts of an official document
 * (GB/T 9704-2012), in source order: 版头 (masthead, document number), title, 主送, body with
 * headings at each level of official numbering, 附件说明, 署名, 成文日期, 附注, attachments and
 * 版记. Lines split by page breaks are rejoined here, because only here is it known which lines
 * are running text.
 */
import { isDateLine } from "../shared/chinese-date.ts";
import { parseDocNumber } from "../document/doc-number.ts";
import { numberingOf } from "../document/numbering.ts";
import type { PartKind } from "../document/parts.ts";
import type { SourceLine } from "./lines.ts";
import { significantLength } from "../shared/letters.ts";

export interface Block {
  type: "block";
  kind: PartKind;
  lines: SourceLine[];
}

interface Heading {
  type: "heading";
  /** Numbering depth: 1 一、 2 （一） 3 1. 4 （1）. */
  level: 1 | 2 | 3 | 4;
  text: string;
  line: number;
}

interface Paragraph {
  type: "paragraph";
  text: string;
  /** Source lines the paragraph was joined from (more than one after a page break). */
  lines: number[];
}

interface List {
  type: "list";
  items: { n: number; text: string; line: number }[];
}

interface AttachmentStart {
  type: "attachment";
  n: number;
  label: SourceLine;
  title?: SourceLine;
}

export type Part = Block | Heading | Paragraph | List | AttachmentStart;

export interface ParseOptions {
  /** Ids of the issuers a line names, when the whole line is issuer names (header/signature lines). */
  /**
   * Whether a line is made only of names of bodies: `known` when each is in the issuer registry,
   * `name-like` when some are not but read as names of bodies (浙江省市场监督管理局).
   */
  bodyLine: (line: string) => "known" | "name-like" | undefined;
}

const META_LABEL =
  /^(标\s*题|索\s*引\s*号|主题分类|文\s*号|发文字号|所属机构|发布机构|发文机关|成文日期|发布日期|生效日期|有\s*效\s*性)\s*[：:]/;
const TITLE = /关于.*的(通知|意见|方案|决定|函)$|^关于.*(通知|方案)$/;
const ATTACHMENT_NOTE = /^附件\s*[：:]/;
const ATTACHMENT_START = /^附件\s*(\d{1,2})$/;
const PUBLICITY = /^（此件.{2,10}）$/;
/** 版记 lines: 抄送：…, and a 主送：… printed at the end. */
export const IMPRINT_LABEL = /^(抄送|主送|抄报)\s*[：:]/;
const PRINTED = /印发$/;
const LABEL_LINE = /^[\p{Script=Han} ]{1,6}[：:]/u;
/** Sentence-final punctuation: a line ending otherwise was cut by a page break. */
const SENTENCE_END = /[。！？；：…]["”’」』）)]*$|[。！？]$/;
/** A line ending in these always continues on the next line. */
const OPEN_END = /[，、（“《〔：]$/;

const numbered = numberingOf;

export function parseStructure(lines: SourceLine[], options: ParseOptions): Part[] {
  const parts: Part[] = [];
  let phase: "head" | "body" | "tail" | "attachment" | "imprint" = "head";
  let sawTitle = false;
  let i = 0;

  const last = () => parts.at(-1);
  const pushBlock = (kind: PartKind, line: SourceLine) => {
    const prev = last();
    if (prev?.type === "block" && prev.kind === kind) prev.lines.push(line);
    else parts.push({ type: "block", kind, lines: [line] });
  };

  while (i < lines.length) {
    const current = lines[i]!;
    const text = current.text;
    const next = lines[i + 1];

    // ── 版头 and title ────────────────────────────────────────────────────────────────
    if (phase === "head") {
      if (META_LABEL.test(text)) {
        pushBlock("meta", current);
        i++;
        continue;
      }
      if (!sawTitle && (options.bodyLine(text) || isMastheadLine(text, options))) {
        pushBlock("masthead", current);
        i++;
        continue;
      }
      if (parseDocNumber(text)) {
        pushBlock("docNumber", current);
        i++;
        continue;
      }
      if (!sawTitle && TITLE.test(text)) {
        pushBlock("title", current);
        sawTitle = true;
        i++;
        continue;
      }
      // A title wrapped onto the next lines (a PDF's text layer breaks it where the page did).
      if (!sawTitle && /关于/.test(text) && !/[。；]/.test(text)) {
        let end = i + 1;
        let joined = text;
        while (end < lines.length && end - i < 3 && !TITLE.test(joined)) joined += lines[end++]!.text;
        if (TITLE.test(joined) && significantLength(joined) <= 80) {
          for (let k = i; k < end; k++) pushBlock("title", lines[k]!);
          sawTitle = true;
          i = end;
          continue;
        }
      }
      if (sawTitle && !numbered(text) && !/^(为|根据|按照|依据|近日|现)/.test(text)) {
        // 主送: the lines after the title up to the one ending in "：".
        let j = i;
        while (j < lines.length && j - i < 4 && !/[：:]$/.test(lines[j]!.text) && !/。/.test(lines[j]!.text))
          j++;
        if (j < lines.length && /[：:]$/.test(lines[j]!.text) && !/。/.test(lines[j]!.text)) {
          for (let k = i; k <= j; k++) pushBlock("recipients", lines[k]!);
          i = j + 1;
          phase = "body";
          continue;
        }
      }
      phase = "body";
    }

    // ── 版记 (抄送, 主送 at the end, 印发) ─────────────────────────────────────────────
    if (phase !== "body" || IMPRINT_LABEL.test(text)) {
      if (IMPRINT_LABEL.test(text)) {
        phase = "imprint";
        pushBlock("imprint", current);
        i++;
        continue;
      }
      if (PRINTED.test(text) && isDateLikeTail(text)) {
        phase = "imprint";
        pushBlock("imprint", current);
        i++;
        continue;
      }
      if (
        phase !== "imprint" &&
        next &&
        PRINTED.test(next.text) &&
        isDateLine(next.text.replace(PRINTED, "")) &&
        significantLength(text) <= 20
      ) {
        phase = "imprint";
        pushBlock("imprint", current);
        i++;
        continue;
      }
      if (phase === "imprint") {
        pushBlock("imprint", current);
        i++;
        continue;
      }
    }

    // ── Attachments ───────────────────────────────────────────────────────────────────
    const attachmentStart = ATTACHMENT_START.exec(text);
    if (attachmentStart) {
      const part: AttachmentStart = { type: "attachment", n: Number(attachmentStart[1]), label: current };
      if (
        next &&
        !ATTACHMENT_START.test(next.text) &&
        !numbered(next.text) &&
        significantLength(next.text) <= 60
      ) {
        part.title = next;
        i++;
      }
      parts.push(part);
      phase = "attachment";
      i++;
      continue;
    }

    // ── 附件说明, 署名, 成文日期, 附注 (between the body and the attachments) ───────────────
    if (phase === "body" || phase === "tail") {
      if (ATTACHMENT_NOTE.test(text)) {
        pushBlock("attachmentNote", current);
        i++;
        while (i < lines.length && /^\d{1,2}\s*[.．、]/.test(lines[i]!.text))
          pushBlock("attachmentNote", lines[i++]!);
        phase = "tail";
        continue;
      }
      const body = options.bodyLine(text);
      if (
        (body === "known" && (phase === "tail" || significantLength(text) <= 40)) ||
        (body === "name-like" && (phase === "tail" || signsOff(lines, i, options)))
      ) {
        pushBlock("signature", current);
        phase = "tail";
        i++;
        continue;
      }
      if (isDateLine(text)) {
        pushBlock("signedDate", current);
        phase = "tail";
        i++;
        continue;
      }
      if (PUBLICITY.test(text)) {
        pushBlock("publicity", current);
        phase = "tail";
        i++;
        continue;
      }
      if (phase === "tail" && !LABEL_LINE.test(text)) {
        // Running text after the signature belongs to the body again (rare; keep it in order).
        phase = "body";
      }
    }

    // ── Body and attachment text ──────────────────────────────────────────────────────
    i = parseBodyLine(lines, i, parts, phase === "attachment");
  }
  return parts;
}

function isMastheadLine(text: string, options: ParseOptions): boolean {
  const m = /^(.+?)\s*文件$/.exec(text);
  return Boolean(m && options.bodyLine(m[1]!));
}

/**
 * True when the body names from line `i` on are followed by a date: a signature of bodies the
 * registry does not know yet (a line that only names a body is otherwise running text).
 */
function signsOff(lines: SourceLine[], i: number, options: ParseOptions): boolean {
  for (let j = i; j < Math.min(lines.length, i + 6); j++) {
    const text = lines[j]!.text;
    if (isDateLine(text)) return j > i;
    if (!options.bodyLine(text)) return false;
  }
  return false;
}

function isDateLikeTail(text: string): boolean {
  return isDateLine(text.replace(PRINTED, "").replace(/^.*?(?=[0-9〇零一二三四五六七八九]{4}\s*年)/u, ""));
}

/** Parses one line of running text (a heading, a list or a paragraph); returns the next index. */
function parseBodyLine(lines: SourceLine[], i: number, parts: Part[], inAttachment: boolean): number {
  const current = lines[i]!;
  const text = current.text;
  const num = numbered(text);

  // A heading whose numeral the web layout printed as a bare "01" line (removed as junk).
  if (current.sectionNumeral !== undefined && significantLength(text) <= 20 && !/。/.test(text)) {
    parts.push({ type: "heading", level: 1, text, line: current.line });
    return i + 1;
  }

  // Numbered lists: two or more consecutive "1." lines numbered 1, 2, 3 …
  if (num?.style === "arabic") {
    const items: List["items"] = [];
    let j = i;
    while (j < lines.length) {
      const n = numbered(lines[j]!.text);
      if (n?.style !== "arabic" || n.value !== num.value + items.length) break;
      items.push({ n: n.value, text: lines[j]!.text, line: lines[j]!.line });
      j++;
    }
    if (items.length >= 2) {
      parts.push({ type: "list", items });
      return j;
    }
  }

  if (num) {
    const short = isShortTitle(num.rest);
    if (short && (num.depth === 2 || num.depth === 4 || !num.rest.includes("。"))) {
      parts.push({ type: "heading", level: num.depth, text, line: current.line });
      return i + 1;
    }
    // A numbered line cut by a page break is rejoined before deciding what it is.
    const { text: whole, end, used } = joinContinuations(lines, i, text);
    const rest = whole.slice(text.length - num.rest.length);
    const stop = rest.indexOf("。");
    if (
      (num.depth === 2 || num.depth === 4) &&
      !inAttachment &&
      stop > 0 &&
      stop < rest.length - 1 &&
      significantLength(rest.slice(0, stop)) <= 40
    ) {
      // Run-in heading: （一）Lead sentence。Body text … → heading + paragraph.
      const cut = whole.length - rest.length + stop + 1;
      parts.push({ type: "heading", level: num.depth, text: whole.slice(0, cut), line: current.line });
      parts.push({ type: "paragraph", text: whole.slice(cut), lines: used });
      return end;
    }
    parts.push({ type: "paragraph", text: whole, lines: used });
    return end;
  }
  return pushParagraph(lines, i, parts, text);
}

/** A numbered line short enough to be a heading (一、指导思想 / （一）高度重视，精心组织。). */
function isShortTitle(rest: string): boolean {
  const stop = rest.indexOf("。");
  return (
    significantLength(rest) <= 30 &&
    (stop < 0 || stop === rest.length - 1) &&
    !/[，、；：]$/.test(rest) &&
    (stop >= 0 || significantLength(rest) < 20)
  );
}

/** Joins the lines after `i` that a page break split off `text`. */
function joinContinuations(lines: SourceLine[], i: number, text: string) {
  let joined = text;
  let lastLine = text;
  const used = [lines[i]!.line];
  let j = i + 1;
  while (j < lines.length && continuesOnto(lastLine, lines[j]!)) {
    joined += lines[j]!.text;
    lastLine = lines[j]!.text;
    used.push(lines[j]!.line);
    j++;
  }
  return { text: joined, end: j, used };
}

/** Adds running text as a paragraph, first rejoining lines a page break split. */
function pushParagraph(lines: SourceLine[], i: number, parts: Part[], text: string): number {
  const { text: joined, end, used } = joinContinuations(lines, i, text);
  parts.push({ type: "paragraph", text: joined, lines: used });
  return end;
}

/** True when `next` continues the paragraph `text` (the line was cut by a page break). */
function continuesOnto(text: string, next: SourceLine): boolean {
  if (SENTENCE_END.test(text)) return false;
  if (LABEL_LINE.test(text) || LABEL_LINE.test(next.text)) return false;
  if (numbered(next.text) || ATTACHMENT_NOTE.test(next.text) || ATTACHMENT_START.test(next.text))
    return false;
  if (isDateLine(next.text) || PUBLICITY.test(next.text) || IMPRINT_LABEL.test(next.text)) return false;
  return OPEN_END.test(text) || significantLength(text) >= 20;
}
